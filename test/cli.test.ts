import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { bulkRecord, writeSeedArticleFile } from './helpers/fixtures.ts';
import { freePort, runProkash as prokash, startProkash, stopProcess } from './helpers/processes.ts';

for (const dialect of DIALECTS) {
  describe(`prokash import and export (${dialect})`, () => {
    let t: TestDatabase;
    let env: Record<string, string>;
    before(async () => {
      t = await createTestDatabase(dialect);
      env = { DATABASE_URL: t.url, MEDIA_DIR: join(t.dir, 'media') };
    });
    after(async () => t.destroy());

    test('import reports bad lines by number, exits 1, keeps the rest, and re-runs as a no-op', async () => {
      await writeSeedArticleFile(t.dir);
      const lines = [1, 2, 3, 4].map((n) => JSON.stringify(bulkRecord(n)));
      lines.splice(2, 0, '{"id": 7, "section": "national"}');
      const file = join(t.dir, 'five.jsonl');
      await writeFile(file, `${lines.join('\n')}\n`);
      const first = await prokash(['import', file], env, t.dir);
      assert.equal(first.code, 1, first.stderr);
      assert.match(first.stderr, /^line 3: .*headline/m);
      assert.match(first.stdout, /5 lines, 4 created, 0 updated, 0 unchanged, 1 failed/);
      const second = await prokash(['import', file], env, t.dir);
      assert.match(second.stdout, /5 lines, 0 created, 0 updated, 4 unchanged, 1 failed/);
      const seed = await prokash(['import', 'seed-article.jsonl'], env, t.dir);
      assert.equal(seed.code, 0, seed.stderr);
      assert.match(seed.stdout, /1 created/);
    });

    test('export writes JSON Lines to stdout or a file', async () => {
      const out = await prokash(['export'], env, t.dir);
      assert.equal(out.code, 0, out.stderr);
      const records = out.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: number; published_at: string });
      assert.deepEqual(
        records.map((r) => r.id),
        [100001, 100002, 100003, 100004, 251042],
      );
      assert.equal(records.at(-1)!.published_at, '2023-09-13T16:57:00+06:00');
      const toFile = await prokash(['export', 'all.jsonl'], env, t.dir);
      assert.equal(toFile.code, 0);
      const back = await prokash(['import', 'all.jsonl'], env, t.dir);
      assert.match(back.stdout, /5 lines, 0 created, 0 updated, 5 unchanged, 0 failed/);
    });

    test('reindex rebuilds the search index (SQLite: beside the live one) and reports it', async () => {
      const run = await prokash(['reindex'], env, t.dir);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /Search index: 5 articles indexed, 0 entries removed/);
      assert.equal(/A new search index replaced the old one/.test(run.stdout), dialect === 'sqlite');
      const docs = t.db.withTables<{ search_docs: { article_id: number } }>();
      const ids = (await docs.selectFrom('search_docs').select('article_id').orderBy('article_id').execute()).map((r) => r.article_id);
      assert.deepEqual(ids, [100001, 100002, 100003, 100004, 251042]);
    });
  });
}

describe('prokash start', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase('sqlite');
  });
  after(async () => t.destroy());

  test('seeds the demo into an empty database and serves it', async () => {
    const port = await freePort();
    const child = await startProkash(['--port', String(port)], { DATABASE_URL: t.url, MEDIA_DIR: join(t.dir, 'media') }, t.dir);
    try {
      const home = await fetch(`http://127.0.0.1:${port}/`);
      assert.equal(home.status, 200);
      const html = await home.text();
      assert.ok(html.includes('মুম্বাইয়ের পুরোনো সিঙ্গেল স্ক্রিন প্রেক্ষাগৃহ ফিরছে নতুন রূপে'));
      const article = await fetch(`http://127.0.0.1:${port}/world/asia/251042`);
      assert.ok((await article.text()).includes('প্রকাশ ডেস্ক'));
    } finally {
      await stopProcess(child);
    }
  });

  test('a bad setting stops the start with a clear message', async () => {
    const run = await prokash(['start'], { PORT: 'eighty', DATABASE_URL: t.url }, t.dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /port/);
    const unknown = await prokash(['publish-everything'], {}, t.dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command/);
  });
});

describe('prokash user add and token create', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase('sqlite');
  });
  after(async () => t.destroy());

  test('add a user with a given password, refuse a duplicate, and make a token', async () => {
    const env = { DATABASE_URL: t.url, PROKASH_PASSWORD: 'long-enough-password' };
    const added = await prokash(['user', 'add', '--email', 'desk@prokash.test', '--role', 'editor', '--name', 'ডেস্ক'], env, t.dir);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /Added editor desk@prokash.test/);
    assert.doesNotMatch(added.stdout, /Password:/);
    const again = await prokash(['user', 'add', '--email', 'desk@prokash.test', '--role', 'editor'], env, t.dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /exists/);
    const badRole = await prokash(['user', 'add', '--email', 'x@prokash.test', '--role', 'boss'], env, t.dir);
    assert.equal(badRole.code, 2);
    const token = await prokash(['token', 'create', '--role', 'editor'], env, t.dir);
    assert.equal(token.code, 0, token.stderr);
    assert.match(token.stdout.trim(), /^pk_[A-Za-z0-9_-]{32}$/);
    const read = await prokash(['token', 'create', '--scope', 'read', '--name', 'partner'], env, t.dir);
    assert.equal(read.code, 0, read.stderr);
    assert.match(read.stderr, /read scope/);
    const row = await t.db.selectFrom('api_tokens').select(['name', 'scope']).where('name', '=', 'partner').executeTakeFirstOrThrow();
    assert.equal(row.scope, 'read');
    const both = await prokash(['token', 'create', '--scope', 'read', '--role', 'editor'], env, t.dir);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /takes no --role/);
  });
});
