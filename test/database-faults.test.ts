// The database lost or stalled under a real server process (PostgreSQL): the process serves on,
// cached pages keep being served, writes answer 503 with Retry-After in the catalogue's shape,
// the pool and the LISTEN connection reconnect by themselves. Every connection this test
// terminates is the server's own (application_name prokash:<its pid>) or the test's own.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { sql } from 'kysely';
import { createTestDatabase, POSTGRES_URL, type TestDatabase } from './helpers/databases.ts';
import { freePort, runProkash, startProkash, stopProcess } from './helpers/processes.ts';
import { createServer, connect, type Socket } from 'node:net';
import { databaseAnswers, openDatabase } from '../src/db/database.ts';
import { databaseTrouble } from '../src/db/database-errors.ts';

const STATEMENT_TIMEOUT_MS = 4000;

interface Answer {
  status: number;
  retryAfter: string | null;
  code?: string;
}

describe('PostgreSQL lost or stalled under a serving process', { skip: !POSTGRES_URL && 'PROKASH_TEST_POSTGRES_URL not set' }, () => {
  let t: TestDatabase;
  let server: ChildProcess;
  let base = '';
  let admin: pg.Client;
  let article: { id: number; path: string }; // commented on
  let page = ''; // another article's page, cached
  let exited: string | undefined;
  let reader = 0;

  before(async () => {
    t = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = await startProkash(
      [],
      {
        DATABASE_URL: t.url,
        PORT: String(port),
        MEDIA_DIR: join(t.dir, 'media'),
        TRUST_PROXY: 'true', // each request speaks for its own reader (comment rate limits)
        DATABASE_STATEMENT_TIMEOUT: String(STATEMENT_TIMEOUT_MS),
        DATABASE_CONNECT_TIMEOUT: '3000',
        PAGE_CACHE_TTL: '3600', // the cached page outlives the test
      },
      t.dir,
    );
    server.on('exit', (code, signal) => (exited = `exited ${code ?? signal}`));
    admin = new pg.Client({ connectionString: POSTGRES_URL, application_name: `prokash-test-faults:${process.pid}` });
    await admin.connect();
    const latest = (await (await fetch(`${base}/api/v1/articles?limit=2`)).json()) as { items: { id: number; url: string }[] };
    const [first, second] = latest.items;
    article = { id: first!.id, path: new URL(first!.url).pathname };
    page = new URL(second!.url).pathname;
    for (let i = 0; i < 2; i++) assert.equal((await fetch(`${base}${page}`)).status, 200); // cached
  });

  after(async () => {
    // Whatever before() made before it failed, if it did.
    const made: Partial<{ server: ChildProcess; admin: pg.Client; t: TestDatabase }> = { server, admin, t };
    if (made.server) await stopProcess(made.server);
    await made.admin?.end().catch(() => {});
    await made.t?.destroy();
  });

  const serverApps = () => [`prokash:${server.pid}`, `prokash:${server.pid}:listen`];

  async function backends(): Promise<{ pid: number; app: string; state: string | null; wait: string | null; query: string }[]> {
    const { rows } = await admin.query<{ pid: number; app: string; state: string | null; wait: string | null; query: string }>(
      'select pid, application_name as app, state, wait_event_type as wait, query from pg_stat_activity where application_name = any($1)',
      [serverApps()],
    );
    return rows;
  }

  /** Terminates the server's backends that `which` picks; returns how many. */
  async function terminate(which: (b: Awaited<ReturnType<typeof backends>>[number]) => boolean): Promise<number> {
    const chosen = (await backends()).filter(which).map((b) => b.pid);
    if (chosen.length) await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [chosen]);
    return chosen.length;
  }

  /** Polls the database (the thing itself, not the clock) until `ready`, for at most `ms`. */
  async function until<T>(what: string, ready: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await ready();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async function postComment(): Promise<Answer> {
    const response = await fetch(`${base}/api/v1/articles/${article.id}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${(reader >> 8) & 255}.${reader & 255}` },
      body: JSON.stringify({ name: 'পাঠক', body: `মন্তব্য নম্বর ${++reader}` }),
      signal: AbortSignal.timeout(30_000), // today's behaviour: no answer at all
    });
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), code: body.error?.code };
  }

  async function lockComments(): Promise<pg.Client> {
    const locker = new pg.Client({ connectionString: POSTGRES_URL, application_name: `prokash-test-faults:${process.pid}` });
    await locker.connect();
    await locker.query('begin');
    await locker.query(`lock table ${t.schema}.comments in access exclusive mode`);
    return locker;
  }

  test('a stalled write answers 503 BUSY within the statement timeout; cached pages and /healthz answer meanwhile', async () => {
    const locker = await lockComments();
    try {
      const started = Date.now();
      const stalled = postComment();
      // While the write waits on the lock: the cached page is served, and the database answers.
      assert.equal((await fetch(`${base}${page}`)).status, 200);
      const health = await fetch(`${base}/healthz`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { ok: true, database: 'ok' });
      const answer = await stalled;
      const took = Date.now() - started;
      assert.deepEqual(answer, { status: 503, retryAfter: '2', code: 'BUSY' });
      assert.ok(took >= STATEMENT_TIMEOUT_MS - 100 && took < STATEMENT_TIMEOUT_MS + 10_000, `answered after ${took} ms`);
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    assert.equal(exited, undefined);
    assert.ok([201, 202].includes((await postComment()).status), 'writes work again');
  });

  test('a connection terminated while lent out (its write waiting on a lock) answers 503 and the process serves on', async () => {
    const locker = await lockComments();
    try {
      const pending = postComment();
      const waiting = await until('the write to wait on the lock', async () => (await backends()).find((b) => b.wait === 'Lock')?.pid);
      await admin.query('select pg_terminate_backend($1)', [waiting]);
      const answer = await pending;
      assert.deepEqual(answer, { status: 503, retryAfter: '5', code: 'DATABASE_UNAVAILABLE' });
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    assert.equal(exited, undefined);
    assert.equal((await fetch(`${base}${page}`)).status, 200);
    assert.ok([201, 202].includes((await postComment()).status), 'the pool reconnected');
  });

  test('idle pooled connections and the LISTEN connection terminated: it reconnects and hears another process publish', async () => {
    const listener = await until('the LISTEN connection', async () => (await backends()).find((b) => b.query.startsWith('LISTEN'))?.pid);
    assert.ok((await terminate((b) => b.state === 'idle')) >= 1);
    await until('a new LISTEN connection', async () => (await backends()).find((b) => b.query.startsWith('LISTEN') && b.pid !== listener)?.pid);
    assert.equal(exited, undefined);
    // Another process (`prokash import`) publishes an article; the server learns of it.
    const id = 880_001;
    const file = join(t.dir, 'one.jsonl');
    const line = { id, section: 'world/asia', headline: 'সংযোগ ফিরে আসার পরের খবর', body: 'প্রথম অনুচ্ছেদ', byline: { desk: 'ডেস্ক' }, status: 'published' };
    await writeFile(file, `${JSON.stringify({ ...line, published_at: '2026-01-01T00:00:00Z' })}\n`);
    const run = await runProkash(['import', file], { DATABASE_URL: t.url, MEDIA_DIR: join(t.dir, 'media') }, t.dir);
    assert.equal(run.code, 0, run.stderr);
    await until('the imported article to be served', async () => ((await fetch(`${base}/api/v1/articles/${id}`)).status === 200 ? true : undefined));
  });

  test('every connection of the server terminated, again and again, under load: no 500, no exit, cached pages served, writes 503 with Retry-After', async (context) => {
    const answers: (Answer & { kind: string })[] = [];
    let stop = false;
    const loop = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const kind = ['page', 'read', 'write'][(n + i) % 3]!;
        if (kind === 'write') answers.push({ kind, ...(await postComment()) });
        else {
          const url = kind === 'page' ? `${base}${page}` : `${base}/api/v1/articles/${article.id}/comments`;
          const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
          const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
          answers.push({ kind, status: response.status, retryAfter: response.headers.get('retry-after'), code: body.error?.code });
        }
      }
    };
    assert.equal((await fetch(`${base}${page}`)).status, 200); // its shared lists rebuilt after the import
    const loops = Array.from({ length: 6 }, (_, n) => loop(n));
    try {
      for (let round = 0; round < 3; round++) {
        // Wait for the pool to have connections again, then cut every one of them.
        await until('the server to connect again', async () => ((await backends()).some((b) => !b.app.endsWith(':listen')) ? true : undefined));
        await terminate(() => true);
      }
      await until('the server to connect again', async () => ((await backends()).some((b) => !b.app.endsWith(':listen')) ? true : undefined));
    } finally {
      stop = true;
      await Promise.all(loops);
    }
    assert.equal(exited, undefined);
    const bad = answers.filter((a) => a.status >= 500 && !(a.status === 503 && a.retryAfter && ['BUSY', 'DATABASE_UNAVAILABLE'].includes(a.code ?? '')));
    assert.deepEqual(bad, [], 'every 5xx is a 503 with Retry-After and a catalogue code');
    assert.ok(
      answers.filter((a) => a.kind === 'page').every((a) => a.status === 200),
      'cached pages are served throughout',
    );
    const by = (status: number) => answers.filter((a) => a.status === status).length;
    context.diagnostic(`${answers.length} answers: ${by(503)} × 503, ${by(200) + by(201) + by(202)} × 2xx`);
    assert.ok(answers.length > 0);
    assert.ok([201, 202].includes((await postComment()).status), 'the pool reconnected by itself');
  });

  test('databaseAnswers is false, within its bound, for a database that cannot be reached', async () => {
    const gone = await openDatabase(`postgres://postgres@127.0.0.1:${await freePort()}/test`, { connectTimeoutMs: 500 });
    try {
      const started = Date.now();
      assert.equal(await databaseAnswers(gone.db, 2000), false);
      assert.ok(Date.now() - started < 3000);
    } finally {
      await gone.close();
    }
  });
});

describe('PostgreSQL that stops answering (a stalled network)', { skip: !POSTGRES_URL && 'PROKASH_TEST_POSTGRES_URL not set' }, () => {
  test('a query the server never answers fails after the statement timeout and grace, and the pool connects anew', { timeout: 30_000 }, async () => {
    // A TCP relay to PostgreSQL that can stop passing bytes on, as a paused server or a cut network does.
    let stalled = false;
    const relays: Socket[] = [];
    const relay = createServer((client) => {
      const upstream = connect(Number(new URL(POSTGRES_URL).port || 5432), new URL(POSTGRES_URL).hostname);
      relays.push(client, upstream);
      client.on('data', (chunk: Buffer) => (stalled ? undefined : upstream.write(chunk)));
      upstream.on('data', (chunk: Buffer) => (stalled ? undefined : client.write(chunk)));
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        a.on('error', () => b.destroy());
        a.on('close', () => b.destroy());
      }
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const url = new URL(POSTGRES_URL);
    url.host = `127.0.0.1:${(relay.address() as { port: number }).port}`;
    const database = await openDatabase(url.toString(), { statementTimeoutMs: 300, connectTimeoutMs: 2000, pgPoolSize: 1 });
    try {
      assert.equal(await databaseAnswers(database.db, 2000), true);
      stalled = true;
      const started = Date.now();
      const error = await sql`select 1`.execute(database.db).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      const took = Date.now() - started;
      assert.ok(error instanceof Error && /answered nothing/.test(error.message), String(error));
      assert.equal(databaseTrouble(error), 'unavailable');
      assert.ok(took >= 2300 - 50 && took < 10_000, `failed after ${took} ms`);
      stalled = false;
      assert.equal(await databaseAnswers(database.db, 5000), true, 'a new connection answers');
    } finally {
      await database.close();
      for (const socket of relays) socket.destroy();
      await new Promise((resolve) => relay.close(resolve));
    }
  });
});
