import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { buildTestApp, TEST_NOW } from './helpers/app.ts';
import { childOf, childrenOf, NS, parseXml } from './feeds-xml.ts';
import { ContentWriter } from '../src/content/events/content-writer.ts';
import { importArticles } from '../src/content/exchange/import-articles.ts';
import { formatIsoOffset } from '../src/bangla/zoned-date.ts';
import { fixedClock } from '../src/lib/clock.ts';
import type { App } from '../src/app.ts';
import { rangeStats, rangeStatsQuery } from '../src/feeds/sitemap.queries.ts';
import { monthRange } from '../src/feeds/sitemaps.ts';

const HOUR = 3600_000;
const now = Date.parse(TEST_NOW);
const RECENT = 1_100; // more than the news sitemap's 1,000 and more than two keyset pages of 500
const LONG = 12;

function record(id: number, publishedAt: number, section: string, body: string) {
  return JSON.stringify({
    id,
    section,
    headline: `পরীক্ষামূলক খবর ${id}: নদীভাঙনে বিপাকে চরের মানুষ`,
    body,
    byline: { desk: 'প্রকাশ ডেস্ক' },
    published_at: formatIsoOffset(new Date(publishedAt), 'Asia/Dhaka'),
    tags: ['নদীভাঙন'],
    status: 'published',
  });
}

// A long body near the document limit: about 190,000 Bengali letters, some 570 kB of UTF-8.
const longBody = Array.from({ length: 95 }, (_, i) => `অনুচ্ছেদ ${i}: ${'নদীভাঙনে চরের মানুষ বিপাকে। '.repeat(72)}`).join('\n\n');

for (const dialect of DIALECTS) {
  describe(`feeds and sitemaps at volume (${dialect})`, () => {
    let t: TestDatabase;
    let app: App;
    const clock = fixedClock(TEST_NOW);
    const get = (url: string) => app.server.inject({ method: 'GET', url });

    before(async () => {
      t = await createTestDatabase(dialect);
      app = await buildTestApp(t, clock);
      const lines = [
        // Spread over the last 47 hours, plus a few just outside the window.
        ...Array.from({ length: RECENT }, (_, n) => record(500_000 + n, now - 2 * HOUR - Math.floor((n * 45 * HOUR) / RECENT), 'national', 'সংক্ষিপ্ত খবর।')),
        ...Array.from({ length: 5 }, (_, n) => record(600_000 + n, now - 49 * HOUR - n * HOUR, 'national', 'পুরোনো খবর।')),
        // The newest stories are very long.
        ...Array.from({ length: LONG }, (_, n) => record(700_000 + n, now - (n + 1) * 60_000, 'sports', longBody)),
      ];
      const report = await importArticles({ writer: new ContentWriter({ db: t.db, clock }), lines, baseDir: t.dir, mediaDir: join(t.dir, 'media'), clock });
      assert.deepEqual(report.failed, []);
      app.cache.clear(); // the import went around the newsroom, which would have said so
    });
    after(async () => {
      await app.server.close();
      await t.destroy();
    });

    test('the RSS feed stays under 2 MB with many long articles, and is still well-formed', async () => {
      for (const path of ['/rss.xml', '/sports/rss.xml']) {
        const res = await get(path);
        const bytes = Buffer.byteLength(res.body);
        assert.ok(bytes < 2_000_000, `${path}: ${bytes} bytes`);
        const items = childrenOf(childOf(parseXml(res.body), '', 'channel'), '', 'item');
        assert.ok(items.length >= 2 && items.length < LONG, `${path}: ${items.length} items`);
        assert.equal(childOf(items[0]!, '', 'guid').text, 'http://prokash.test/sports/700000', 'the newest first');
        assert.ok(Buffer.byteLength(childOf(items[0]!, NS.content, 'encoded').text) > 500_000, 'full text, not cut');
      }
    });

    test('the news sitemap holds at most 1,000 entries, the newest, all within 48 hours', async () => {
      const urls = childrenOf(parseXml((await get('/sitemap-news.xml')).body), NS.sitemap, 'url');
      assert.equal(urls.length, 1000);
      const dates = urls.map((u) => Date.parse(childOf(childOf(u, NS.news, 'news'), NS.news, 'publication_date').text));
      assert.deepEqual(
        dates,
        [...dates].sort((a, b) => b - a),
      );
      assert.ok(dates.every((d) => d >= now - 48 * HOUR && d <= now));
    });

    test('the 48-hour window moves with the clock', async () => {
      clock.set(new Date(now + 24 * HOUR));
      app.cache.clear(); // entries would otherwise expire after pageCacheTtl
      try {
        const urls = childrenOf(parseXml((await get('/sitemap-news.xml')).body), NS.sitemap, 'url');
        const dates = urls.map((u) => Date.parse(childOf(childOf(u, NS.news, 'news'), NS.news, 'publication_date').text));
        assert.ok(urls.length > 0 && urls.length < 1000, `${urls.length} entries`);
        assert.ok(
          dates.every((d) => d >= now - 24 * HOUR),
          'nothing older than 48 hours before the new now',
        );
      } finally {
        clock.set(TEST_NOW);
        app.cache.clear();
      }
    });

    test('a month sitemap walks past several keyset pages without losing or repeating an article', async () => {
      const body = (await get('/sitemaps/2026-11.xml')).body;
      const locs = childrenOf(parseXml(body), NS.sitemap, 'url').map((u) => childOf(u, NS.sitemap, 'loc').text);
      assert.equal(locs.length, new Set(locs).size);
      const { count } = await t.db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('status', '=', 'published')
        .where('published_at', '>=', '2026-10-31T18:00:00.000Z') // 1 November in Dhaka
        .where('published_at', '<=', new Date(now).toISOString())
        .executeTakeFirstOrThrow();
      assert.equal(locs.length, Number(count));
      assert.ok(locs.length > RECENT);
      for (const id of [500_000, 500_499, 500_500, 500_501, 500_999, 501_099]) assert.ok(locs.includes(`http://prokash.test/national/${id}`), String(id));
    });

    // SQLite's plan (PostgreSQL's depends on its statistics and visibility map).
    if (dialect === 'sqlite')
      test('the sitemap index counts a month from an index alone, never reading article rows', async () => {
        const range = monthRange(2026, 11, 'Asia/Dhaka', new Date(now));
        const query = rangeStatsQuery(t.db, range).compile();
        const plan = t.native!.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as Array<{ detail: string }>;
        assert.match(plan.map((p) => p.detail).join('\n'), /USING COVERING INDEX articles_status_pub_upd_idx/);
        assert.equal((await rangeStats(t.db, range)).count > RECENT, true);
      });
  });
}
