// Reindexing in keyset batches (interrupted and resumed) and the start-up catch-up, per dialect.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { join } from 'node:path';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { TEST_NOW } from './helpers/app.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { createIndexer, createSearchIndex } from '../src/search/search-module.ts';
import { parseQuery } from '../src/search/parse-query.ts';
import { createAnalyzer } from '../src/bangla/analyzer/analyzer.ts';
import { createKnownWords } from '../src/bangla/analyzer/known-words.ts';
import type { SearchIndexer } from '../src/search/search-indexer.ts';

for (const dialect of DIALECTS) {
  describe(`search indexer (${dialect})`, () => {
    let t: TestDatabase;
    let indexer: SearchIndexer;
    let published: number;
    const indexed = async () =>
      Number(
        (
          await t.db
            .withTables<{ search_docs: { article_id: number } }>()
            .selectFrom('search_docs')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      t = await createTestDatabase(dialect);
      await seedDemo({ db: t.db, mediaDir: join(t.dir, 'media'), clock: fixedClock(TEST_NOW) });
      indexer = await createIndexer(t);
      published = Number(
        (
          await t.db
            .selectFrom('articles')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('status', '=', 'published')
            .executeTakeFirstOrThrow()
        ).n,
      );
    });
    after(async () => t.destroy());

    test('reindex stops between batches when asked and resumes after the last id', async () => {
      let batches = 0;
      const first = await indexer.reindexAll({ inPlace: true, batchSize: 10, commitEvery: 10, onProgress: () => batches++, shouldStop: () => batches >= 2 });
      assert.equal(first.stopped, true);
      assert.equal(first.indexed, 20);
      assert.equal(await indexed(), 20);
      const rest = await indexer.reindexAll({ afterId: first.lastId, batchSize: 10 });
      assert.equal(rest.stopped, false);
      assert.equal(first.indexed + rest.indexed, published);
      assert.equal(await indexed(), published);
      const again = await indexer.reindexAll();
      assert.equal(again.indexed, published, 'a re-run is safe and complete');
      assert.equal(again.rebuilt, dialect === 'sqlite');
      assert.equal(await indexed(), published);
      if (dialect === 'sqlite') {
        const config = await sql<{ k: string; v: number }>`SELECT k, v FROM search_fts_config WHERE k IN ('automerge', 'hashsize') ORDER BY k`.execute(t.db);
        assert.deepEqual(
          config.rows,
          [
            { k: 'automerge', v: 4 },
            { k: 'hashsize', v: 67108864 },
          ],
          'the live settings, not the bulk ones, after the swap',
        );
      }
    });

    test('a stopped full rebuild leaves the live index as it was', async () => {
      const [first] = (await t.db.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('id').limit(1).execute()).map((r) => r.id);
      await createSearchIndex(t).remove([first!]);
      let batches = 0;
      const stopped = await indexer.reindexAll({ batchSize: 10, commitEvery: 10, onProgress: () => batches++, shouldStop: () => batches >= 2 });
      assert.equal(stopped.stopped, true);
      if (dialect === 'sqlite') {
        assert.equal(stopped.lastId, 0, 'a re-run starts over');
        assert.equal(stopped.indexed, 0, 'nothing reached the live index');
        assert.equal(await indexed(), published - 1);
        const leftovers = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name LIKE '%_next%'`.execute(t.db);
        assert.deepEqual(leftovers.rows, [], 'the half-built tables are dropped');
      }
      const full = await indexer.reindexAll();
      assert.equal(full.stopped, false);
      assert.equal(await indexed(), published);
    });

    test('analysis in the worker thread and in this thread builds the same index', async () => {
      const queries = ['মেকং', 'রাশিয়া', 'ঢাকা', 'বাংলাদেশ', 'নির্বাচন'];
      const index = createSearchIndex(t);
      const deps = { analyzer: createAnalyzer(), isKnown: createKnownWords() };
      const results = () =>
        Promise.all(queries.map((q) => index.search({ groups: parseQuery(q, deps).groups, mode: 'all', now: new Date(TEST_NOW).toISOString(), limit: 100 })));
      // From an empty index each time: replaced entries linger in SQLite's statistics until merged.
      await index.clear();
      const inThread = await indexer.reindexAll({ inThread: true, batchSize: 7, commitEvery: 20 });
      const expected = await results();
      assert.ok(expected.flat().length > 10, 'the queries find articles');
      await index.clear();
      const inWorker = await indexer.reindexAll({ batchSize: 7, commitEvery: 20 });
      assert.equal(inWorker.indexed, inThread.indexed);
      assert.deepEqual(await results(), expected);
    });

    test('catch-up indexes stale and missing articles and drops ones no longer public', async () => {
      assert.deepEqual(await indexer.catchUp(), { indexed: 0, removed: 0, more: false });
      assert.equal((await indexer.catchUp({ scanned: 1 })).more, true, 'a scan budget stops it between chunks');
      const [a, b] = (await t.db.selectFrom('articles').select('id').orderBy('id').limit(2).execute()).map((r) => r.id);
      await t.db.updateTable('articles').set({ modified_at: '2030-01-01T00:00:00.000Z' }).where('id', '=', a!).execute();
      await t.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', b!).execute();
      const result = await indexer.catchUp();
      assert.equal(result.indexed, 1);
      assert.equal(result.removed, 1);
      assert.equal(await indexed(), published - 1);
    });
  });
}
