import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { buildTestApp, TEST_NOW } from './helpers/app.ts';
import { AdminClient } from './helpers/admin-client.ts';
import { childOf, childrenOf, NS, parseXml } from './feeds-xml.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { buildApp, type App } from '../src/app.ts';
import { fixedClock } from '../src/lib/clock.ts';

const ORIGIN = 'http://prokash.test';
const PASSWORD = 'ঢাকা-2026-secret';
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

for (const dialect of DIALECTS) {
  describe(`feeds follow the newsroom at once (${dialect})`, () => {
    let t: TestDatabase;
    let app: App;
    let other: App;
    let admin: AdminClient;
    let input: (headline: string) => Record<string, unknown>;
    const clock = fixedClock(TEST_NOW);

    before(async () => {
      t = await createTestDatabase(dialect);
      app = await buildTestApp(t, clock);
      // A second instance over the same database, as a second worker or server would be.
      const config = loadConfig({
        env: {},
        file: undefined,
        overrides: { databaseUrl: t.url, mediaDir: join(t.dir, 'media'), siteUrl: ORIGIN, logLevel: 'silent' },
      });
      other = await buildApp({ config, database: t, clock, logger: false, scheduler: false, pollMs: 3_600_000 });
      admin = await AdminClient.setup(app.server, 'সম্পাদক', 'editor@prokash.test', PASSWORD);
      const deskId = (await t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow()).id;
      const sectionId = (await t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow()).id;
      input = (headline) => ({ sectionId, headline, body: doc('প্রথম অনুচ্ছেদ।'), byline: { kind: 'desk', personIds: [deskId] }, tags: ['পরীক্ষা'] });
    });
    after(async () => {
      await other.server.close();
      await app.server.close();
      await t.destroy();
    });

    const locs = async (server: App, url: string) => {
      const root = parseXml((await server.server.inject({ method: 'GET', url })).body);
      if (root.name === 'rss') return childrenOf(childOf(root, '', 'channel'), '', 'item').map((i) => childOf(i, '', 'guid').text);
      return childrenOf(root, NS.sitemap, 'url').map((u) => childOf(u, NS.sitemap, 'loc').text);
    };
    const FEEDS = ['/rss.xml', '/national/rss.xml', '/sitemap-news.xml', '/sitemaps/2026-11.xml'];

    async function publish(headline: string): Promise<string> {
      const { article } = await admin.call('POST', '/api/admin/articles', input(headline), 201);
      const published = await admin.call('POST', `/api/admin/articles/${article.id}/publish`, undefined, 200);
      return `${ORIGIN}/national/${published.article.id}`;
    }

    test('a published article is in the feeds and sitemaps on the next request', async () => {
      for (const url of FEEDS) await locs(app, url); // warm the cache
      const url = await publish('ফিডে এখনই দেখা যাবে');
      for (const feed of FEEDS) assert.ok((await locs(app, feed)).includes(url), `${feed} has the new article`);
      assert.equal((await locs(app, '/rss.xml'))[0], url, 'first in the site feed');
    });

    test('another instance serves it after its next poll of the change events', async () => {
      for (const url of FEEDS) await locs(other, url);
      const url = await publish('অন্য সার্ভারেও দেখা যাবে');
      assert.ok(!(await locs(other, '/rss.xml')).includes(url), 'still the cached feed before the poll');
      await other.events.drain();
      for (const feed of FEEDS) assert.ok((await locs(other, feed)).includes(url), `${feed} on the other instance`);
    });

    test('an unpublished article leaves the feeds and sitemaps at once', async () => {
      const url = await publish('প্রত্যাহার করা হবে');
      for (const feed of FEEDS) await locs(app, feed);
      const id = url.split('/').pop();
      await admin.call('POST', `/api/admin/articles/${id}/unpublish`, undefined, 200);
      for (const feed of FEEDS) assert.ok(!(await locs(app, feed)).includes(url), `${feed} no longer has it`);
    });
  });
}
