// `prokash import`'s batches as the command runs them (importArticles with the search index one
// batch behind, SearchIndexer.behind), on each dialect: a batch in which one line fails at write
// time, a batch straddling the point where an earlier, killed run stopped, an event for every
// article written, and every article found by search when the import returns.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { bulkRecord, writeTestImage } from './helpers/fixtures.ts';
import { ContentWriter } from '../src/content/events/content-writer.ts';
import { importArticles, type ImportReport } from '../src/content/exchange/import-articles.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { createAnalyzer } from '../src/bangla/analyzer/analyzer.ts';
import { createKnownWords } from '../src/bangla/analyzer/known-words.ts';
import { parseQuery } from '../src/search/parse-query.ts';
import { createIndexer, createSearchIndex } from '../src/search/search-module.ts';
import type { SearchTables } from '../src/search/search-index.ts';

const clock = fixedClock('2026-11-27T06:00:00Z');
const FIRST_ID = 100_000; // bulkRecord(n) has id 100000 + n

for (const dialect of DIALECTS) {
  describe(`import batches with the search index one behind (${dialect})`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(dialect);
    });
    after(async () => {
      await t.destroy();
    });

    /** Imports the lines as `prokash import` does: each committed batch indexed in the background. */
    async function importIndexed(lines: AsyncIterable<string> | string[], batchSize = 100): Promise<ImportReport> {
      const indexing = await (await createIndexer(t)).behind();
      try {
        return await importArticles({
          writer: new ContentWriter({ db: t.db, clock }),
          lines,
          baseDir: t.dir,
          mediaDir: join(t.dir, 'media'),
          clock,
          batchSize,
          onWritten: (ids) => indexing.add(ids),
          onUnchanged: (ids) => indexing.add(ids, { staleOnly: true }),
        });
      } finally {
        await indexing.finish();
      }
    }

    const importedEvents = async () => {
      const rows = await t.db.selectFrom('content_events').select('payload').where('type', '=', 'article.imported').execute();
      return rows.map((r) => (JSON.parse(r.payload) as { id: number }).id);
    };
    // Index entries that match their article's current state.
    const searchable = async () =>
      (
        await t.db
          .withTables<SearchTables>()
          .selectFrom('articles')
          .innerJoin('search_docs', 'search_docs.article_id', 'articles.id')
          .select('articles.id')
          .whereRef('search_docs.modified_at', '=', 'articles.modified_at')
          .orderBy('articles.id')
          .execute()
      ).map((r) => r.id);
    const found = async (query: string) => {
      const deps = { analyzer: createAnalyzer(), isKnown: createKnownWords() };
      const hits = await createSearchIndex(t).search({ groups: parseQuery(query, deps).groups, mode: 'all', now: clock.now().toISOString(), limit: 1000 });
      return hits.map((h) => h.articleId).sort((a, b) => a - b);
    };
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => FIRST_ID + from + i);

    test('a line that fails at write time costs only itself: the rest of its batch and the batches after it land, each with its event, all found', async () => {
      // Line 150's image is a real file when its line is read and gone when its batch (lines
      // 101–200) is written: the batch fails as a whole, is retried line by line, and only
      // that line is reported. Line 230 is not JSON (refused when read).
      const image = join(t.dir, 'vanishing.jpg');
      await writeTestImage(image, 400, 300);
      async function* lines() {
        for (let n = 1; n <= 320; n++) {
          if (n === 230) yield '{"id": 1, "headline": "ভাঙা"';
          else yield JSON.stringify(n === 150 ? { ...bulkRecord(n), image: { src: 'vanishing.jpg' } } : bulkRecord(n));
          if (n === 160) await rm(image);
        }
      }
      const report = await importIndexed(lines());
      assert.deepEqual(
        report.failed.map((f) => f.line),
        [150, 230],
      );
      assert.match(report.failed[0]!.error, /^could not be saved: .*ENOENT/);
      assert.match(report.failed[1]!.error, /not valid JSON/);
      assert.equal(report.created, 318);
      const written = range(1, 320).filter((id) => id !== FIRST_ID + 150 && id !== FIRST_ID + 230);
      assert.deepEqual(
        (await importedEvents()).sort((a, b) => a - b),
        written,
        'one article.imported event for each article written, none for the failed line',
      );
      assert.deepEqual(await searchable(), written, 'every article written is in the index, current, when the import returns');
      // Each headline says "নদীভাঙনে" and holds its line number.
      assert.deepEqual(await found('নদীভাঙনে'), written);
      assert.deepEqual(await found('151'), [FIRST_ID + 151]);
      assert.deepEqual(await found('150'), [], 'the failed line left nothing behind');
    });

    test('a batch straddling where a killed run stopped: the unindexed articles before are indexed, the new ones written, no event twice', async () => {
      // A run killed after committing lines 321–450 and before indexing them: written, events
      // and all, but not in the index.
      const first = Array.from({ length: 130 }, (_, i) => JSON.stringify(bulkRecord(321 + i)));
      const killed = await importArticles({
        writer: new ContentWriter({ db: t.db, clock }),
        lines: first,
        baseDir: t.dir,
        mediaDir: join(t.dir, 'media'),
        clock,
        batchSize: 100,
      });
      assert.equal(killed.created, 130);
      const events = (await importedEvents()).length;
      const before = await searchable();
      assert.ok(!before.includes(FIRST_ID + 321) && !before.includes(FIRST_ID + 450), 'not indexed yet');

      // Run again over lines 321–600, in batches of 100: 321–420 unchanged, 421–520 half and half, 521–600 new.
      const all = Array.from({ length: 280 }, (_, i) => JSON.stringify(bulkRecord(321 + i)));
      const again = await importIndexed(all);
      assert.deepEqual([again.created, again.updated, again.unchanged, again.failed], [150, 0, 130, []]);
      assert.equal((await importedEvents()).length, events + 150, 'events only for the articles this run wrote');
      const now = await searchable();
      for (const id of range(321, 600)) assert.ok(now.includes(id), `article ${id} searchable`);
      assert.deepEqual(await found('450'), [FIRST_ID + 450]);
      assert.deepEqual(await found('451'), [FIRST_ID + 451]);

      // And a third run changes nothing and indexes nothing again.
      const third = await importIndexed(all);
      assert.deepEqual([third.created, third.updated, third.unchanged], [0, 0, 280]);
      assert.equal((await importedEvents()).length, events + 150);
    });
  });
}
