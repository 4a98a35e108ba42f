// Faults of the long command-line jobs, with real child processes: `prokash import` killed with
// SIGKILL half way through a 20,000-article file and run again, and two `prokash reindex` at once.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import SQLite from 'better-sqlite3';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { bulkRecord } from './helpers/fixtures.ts';
import type { SearchTables } from '../src/search/search-index.ts';
import { NODE_ARGS, freePort, runProkash, startProkash, stopProcess, type Run } from './helpers/processes.ts';

const ARTICLES = 20_000;
const BATCH = 1000; // the importer's lines per transaction
const FIRST_ID = 100_000; // bulkRecord(n) has id 100000 + n
// A bound on each child process, generous for a machine shared with other work (alone, an import
// of the file takes about 20 s and a reindex about 7 s on two cores).
const LIMIT_MS = 300_000;

for (const dialect of DIALECTS) {
  describe(`import killed and reindex run twice at once (${dialect})`, () => {
    let t: TestDatabase;
    let file = '';
    let env: Record<string, string> = {};
    const children: ChildProcess[] = [];

    before(async () => {
      t = await createTestDatabase(dialect);
      file = join(t.dir, 'articles.jsonl');
      await writeFile(file, Array.from({ length: ARTICLES }, (_, n) => JSON.stringify(bulkRecord(n))).join('\n') + '\n');
      env = { DATABASE_URL: t.url, MEDIA_DIR: join(t.dir, 'media') };
    });
    after(async () => {
      for (const child of children) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await stopProcess(child);
      }
      await t.destroy();
    });

    const count = async (table: 'articles' | 'search_docs') =>
      Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.db)).rows[0]!.n);
    // Index entries that match their article's current state: "searchable".
    const searchable = async () =>
      Number(
        (
          await t.db
            .withTables<SearchTables>()
            .selectFrom('articles')
            .innerJoin('search_docs', 'search_docs.article_id', 'articles.id')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .where('articles.status', '=', 'published')
            .whereRef('search_docs.modified_at', '=', 'articles.modified_at')
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('kill -9 half way through a 20,000-article import, then run again: every article once, whole batches, all searchable, served', async () => {
      const port = await freePort();
      const server = await startProkash(['--no-demo', '--port', String(port)], env, t.dir);
      children.push(server);

      const importer = spawn(process.execPath, [...NODE_ARGS, 'import', file], {
        cwd: t.dir,
        env: { ...process.env, PROKASH_FROM_SOURCE: '1', LOG_LEVEL: 'silent', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      children.push(importer);
      let errors = '';
      importer.stderr.on('data', (d: Buffer) => (errors += d.toString()));
      const ended = new Promise<string>((resolve) => importer.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
      // The kill lands when half the file is written and a committed batch is not yet indexed:
      // the moment an interrupted run left articles unsearchable.
      let finished = false;
      void ended.then(() => (finished = true));
      const deadline = Date.now() + LIMIT_MS;
      for (;;) {
        assert.ok(!finished, `the import ended before it could be killed: ${errors}`);
        assert.ok(Date.now() < deadline, `the import did not reach half the file within ${LIMIT_MS / 1000} s`);
        const written = await count('articles');
        if (written >= ARTICLES / 2 && written > (await count('search_docs'))) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      importer.kill('SIGKILL');
      assert.equal(await ended, 'SIGKILL');

      const afterKill = await count('articles');
      assert.ok(afterKill > 0 && afterKill < ARTICLES, `${afterKill} articles after the kill`);
      assert.equal(afterKill % BATCH, 0, 'whole batches only: the one being written when killed left nothing');
      if (dialect === 'sqlite') assert.deepEqual(integrity(t), [{ integrity_check: 'ok' }]);

      const again = await run(['import', file], env, t.dir);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, new RegExp(`${ARTICLES} lines, ${ARTICLES - afterKill} created, 0 updated, ${afterKill} unchanged, 0 failed`));

      assert.equal(await count('articles'), ARTICLES, 'no article twice, none missing');
      const ids = await t.db.selectFrom('articles').select(['id']).orderBy('id').execute();
      assert.deepEqual(
        ids.map((r) => r.id),
        Array.from({ length: ARTICLES }, (_, n) => FIRST_ID + n),
      );
      const desks = await t.db.selectFrom('people').select('id').where('name', '=', 'প্রকাশ ডেস্ক').execute();
      assert.equal(desks.length, 1, 'the desk once');
      const tags = await t.db.selectFrom('tags').select('name').execute();
      assert.equal(new Set(tags.map((r) => r.name)).size, tags.length, 'no tag twice');
      const links = await t.db
        .selectFrom('article_tags')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(links.n), ARTICLES * 2, 'two tags on each article, each once');
      if (dialect === 'sqlite') assert.deepEqual(integrity(t), [{ integrity_check: 'ok' }]);

      assert.equal(await searchable(), ARTICLES, 'every article in the search index, current');

      // The running server learns of both runs through the content events.
      const base = `http://127.0.0.1:${port}`;
      for (const n of [0, afterKill - 1, afterKill, ARTICLES - 1]) {
        await until(async () => (await fetch(`${base}/national/${FIRST_ID + n}`)).status === 200, `article ${FIRST_ID + n} served`);
      }
      // Each headline holds its line number (bulkRecord): the first article after the kill is found by it.
      const hits = await fetch(`${base}/api/v1/search?q=${afterKill}`);
      assert.equal(hits.status, 200);
      const found = ((await hits.json()) as { results: Array<{ id: number }> }).results.map((r) => r.id);
      assert.ok(found.includes(FIRST_ID + afterKill), `the server's search finds article ${FIRST_ID + afterKill}: ${found.join(', ')}`);
    });

    test('two reindex runs at once: one rebuilds the index, the other refuses clearly and changes nothing', async () => {
      const runs = await Promise.all([run(['reindex'], env, t.dir), run(['reindex'], env, t.dir)]);
      const codes = runs.map((r) => r.code).sort();
      assert.deepEqual(codes, [0, 3], runs.map((r) => `${r.code}: ${r.stdout} ${r.stderr}`).join('\n'));
      const refused = runs.find((r) => r.code === 3)!;
      assert.match(refused.stderr, /another reindex is running .*nothing was changed/);
      const done = runs.find((r) => r.code === 0)!;
      assert.match(done.stdout, new RegExp(`${ARTICLES} articles indexed`));
      assert.equal(await searchable(), ARTICLES);
      assert.equal(await count('search_docs'), ARTICLES);
      if (dialect === 'sqlite') {
        const staging = t.native!.prepare(`SELECT name FROM sqlite_master WHERE name LIKE '%_next%'`).all();
        assert.deepEqual(staging, [], 'no staging table left behind');
        assert.deepEqual(integrity(t), [{ integrity_check: 'ok' }]);
      }
      // The lease is given back: the next run goes ahead.
      const next = await run(['reindex', '--after', String(FIRST_ID + ARTICLES - 10)], env, t.dir);
      assert.equal(next.code, 0, next.stderr);
    });
  });
}

/** Runs one `prokash …` command from source to its end (killed after LIMIT_MS). */
const run = (args: string[], env: Record<string, string>, cwd: string): Promise<Run> => runProkash(args, env, cwd, LIMIT_MS);

/** `PRAGMA integrity_check` of the test's SQLite file, on a connection of its own (the FTS5 tables included). */
function integrity(t: TestDatabase): unknown {
  const connection = new SQLite(t.url.slice('sqlite:'.length), { readonly: true });
  try {
    const result = connection.pragma('integrity_check');
    return result;
  } finally {
    connection.close();
  }
}

/** Waits for a condition, checking every 50 ms, for at most 15 s (then fails with `what`). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`${what}: not within 15 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
