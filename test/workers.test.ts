import { articleInput } from './helpers/fixtures.ts';
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { freePort, runProkash, startProkash, stopProcess } from './helpers/processes.ts';
import { AuthService } from '../src/newsroom/auth.service.ts';
import { systemClock } from '../src/lib/clock.ts';
import { ensureSectionPath } from '../src/content/sections/section.repository.ts';
import { ensurePerson } from '../src/content/people/person.repository.ts';

interface Answer {
  status: number;
  body: string;
}

/** One request on a connection of its own: the cluster hands new connections to its workers in turn. */
function call(port: number, method: string, path: string, token: string, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    // A connection handed to a worker at the moment it dies is never answered: give up on it. A
    // live worker on a busy machine (CI runs two test files beside Chromium) can take seconds.
    req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${path}: no answer in 10 s`)));
    req.on('error', (error) => (method === 'GET' ? resolve({ status: 0, body: String(error) }) : reject(error)));
    req.end(payload);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds, up to `ms`; returns how long it took, or -1. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started <= ms) {
    if (await check()) return Date.now() - started;
    await sleep(10);
  }
  return -1;
}

for (const dialect of DIALECTS) {
  describe(`several workers and processes over one database (${dialect})`, () => {
    let t: TestDatabase;
    let token = '';
    let sectionId = 0;
    let deskId = 0;
    const children: ChildProcess[] = [];
    const ports = { cluster: 0, single: 0 };

    before(async () => {
      t = await createTestDatabase(dialect);
      const now = new Date().toISOString();
      sectionId = (await ensureSectionPath(t.db, 'national', now, { national: 'জাতীয়' })).id;
      deskId = (await ensurePerson(t.db, { kind: 'desk', name: 'প্রকাশ ডেস্ক' }, now)).id;
      token = (await new AuthService(t.db, systemClock).createToken('পরীক্ষা', 'admin', null)).secret;
      ports.cluster = await freePort();
      ports.single = await freePort();
      const env = { DATABASE_URL: t.url, MEDIA_DIR: join(t.dir, 'media') };
      // Two workers behind one port, and a separate process beside them, all over one database.
      children.push(await startProkash(['--no-demo', '--port', String(ports.cluster), '--workers', '2'], env, t.dir));
      children.push(await startProkash(['--no-demo', '--port', String(ports.single)], env, t.dir));
    });
    after(async () => {
      for (const child of children) await stopProcess(child);
      await t.destroy();
    });

    const input = (headline: string) => articleInput(sectionId, deskId, { headline, tags: ['পরীক্ষা'] });

    /** Serving pids behind a port, as the health view names them. */
    const pids = async (port: number, tries = 8) => {
      const seen = new Set<number>();
      for (let i = 0; i < tries; i++) {
        const res = await call(port, 'GET', '/api/admin/health', token);
        if (res.status === 200) seen.add((JSON.parse(res.body) as { pid: number }).pid);
      }
      return seen;
    };

    /** True when `tries` fresh connections (both workers, in turn) all serve the page. */
    const servedEverywhere = async (path: string, port: number, tries = 4) => {
      for (let i = 0; i < tries; i++) if ((await call(port, 'GET', path, token)).status !== 200) return false;
      return true;
    };

    test('four editors publishing at once across two workers and a second process: no error, every publish visible everywhere within a second', async () => {
      const workers = await pids(ports.cluster);
      assert.equal(workers.size, 2, 'two workers answer behind one port');
      // Started with two malloc arenas (cluster-primary.ts), unless the operator chose otherwise.
      for (const pid of workers) {
        const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
        assert.ok(environ.includes(`MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? '2'}`), `worker ${pid}`);
      }
      const latencies: number[] = [];
      const failures: string[] = [];
      const editor = async (n: number) => {
        for (let i = 0; i < 6; i++) {
          const port = (n + i) % 3 === 0 ? ports.single : ports.cluster;
          const created = await call(port, 'POST', '/api/admin/articles', token, input(`সম্পাদক ${n}-এর খবর ${i}`));
          if (created.status !== 201) {
            failures.push(`create ${created.status} ${created.body}`);
            continue;
          }
          const id = (JSON.parse(created.body) as { article: { id: number } }).article.id;
          const published = await call(port, 'POST', `/api/admin/articles/${id}/publish`, token);
          if (published.status !== 200) failures.push(`publish ${published.status} ${published.body}`);
          const path = `/national/${id}`;
          const took = await within(1000, async () => (await servedEverywhere(path, ports.cluster)) && (await servedEverywhere(path, ports.single, 1)));
          if (took < 0) failures.push(`${path} not visible everywhere within a second`);
          latencies.push(took);
        }
      };
      await Promise.all([0, 1, 2, 3].map(editor));
      assert.deepEqual(failures, []);
      assert.equal(latencies.length, 24);
      const published = await t.db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('status', '=', 'published')
        .executeTakeFirstOrThrow();
      assert.equal(Number(published.n), 24);
    });

    test('a scheduled article is published exactly once when its time comes, and served by every worker and process', async () => {
      const schedule = async (headline: string) => {
        const created = await call(ports.cluster, 'POST', '/api/admin/articles', token, input(headline));
        const id = (JSON.parse(created.body) as { article: { id: number } }).article.id;
        const at = new Date(Date.now() + 3_600_000).toISOString();
        assert.equal((await call(ports.cluster, 'POST', `/api/admin/articles/${id}/schedule`, token, { at })).status, 200);
        return id;
      };
      // Its time comes without waiting for it: the scheduled time is moved into the past.
      const comeDue = (id: number) =>
        t.db
          .updateTable('articles')
          .set({ scheduled_at: new Date(Date.now() - 1000).toISOString() })
          .where('id', '=', id)
          .execute();
      const id = await schedule('নির্ধারিত সময়ের খবর');
      assert.equal((await call(ports.single, 'GET', `/national/${id}`, token)).status, 404, 'not before its time');
      await comeDue(id);
      const took = await within(
        6000,
        async () => (await servedEverywhere(`/national/${id}`, ports.cluster)) && (await servedEverywhere(`/national/${id}`, ports.single, 1)),
      );
      assert.ok(took >= 0, 'published and served everywhere');
      // A second one comes due: once it is published the scheduler has looked again since the first.
      const next = await schedule('পরের নির্ধারিত খবর');
      await comeDue(next);
      assert.ok((await within(6000, async () => await servedEverywhere(`/national/${next}`, ports.single, 1))) >= 0, 'the next one too');
      const entries = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'article.publish').where('target_id', '=', String(id)).execute();
      assert.equal(entries.length, 1, 'published exactly once');
    });

    test('an import reaches the running servers without a restart', async () => {
      const file = join(t.dir, 'import.jsonl');
      const record = {
        id: 880001,
        section: 'national',
        headline: 'আমদানি হওয়া খবর',
        body: 'প্রথম অনুচ্ছেদ।',
        byline: { desk: 'প্রকাশ ডেস্ক' },
        published_at: '2026-11-01T10:00:00+06:00',
        status: 'published',
        tags: [],
      };
      await writeFile(file, `${JSON.stringify(record)}\n`);
      const run = await runProkash(['import', file], { DATABASE_URL: t.url, MEDIA_DIR: join(t.dir, 'media') }, t.dir);
      assert.equal(run.code, 0, run.stderr);
      const took = await within(
        1000,
        async () => (await servedEverywhere('/national/880001', ports.cluster)) && (await servedEverywhere('/national/880001', ports.single, 1)),
      );
      assert.ok(took >= 0, 'visible on every worker and process within a second of the import');
    });

    test('a worker that dies is replaced, and the site keeps serving', async () => {
      const before = await pids(ports.cluster);
      assert.equal(before.size, 2);
      const [victim] = [...before];
      process.kill(victim!, 'SIGKILL');
      // Starting a worker from source compiles the TypeScript: on a loaded machine that takes a while.
      const took = await within(60_000, async () => {
        const now = await pids(ports.cluster, 6);
        return now.size === 2 && !now.has(victim!);
      });
      assert.ok(took >= 0, 'a new worker took its place');
      assert.ok(await servedEverywhere('/national', ports.cluster, 6));
    });
  });
}
