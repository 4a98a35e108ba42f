import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { buildTestApp } from './helpers/app.ts';
import { AdminClient } from './helpers/admin-client.ts';
import { importArticles } from '../src/content/exchange/import-articles.ts';
import { fixedClock } from '../src/lib/clock.ts';
import type { App } from '../src/app.ts';

const clock = fixedClock('2026-11-27T06:00:00Z');
const PASSWORD = 'correct horse battery staple';
const SLUG = 'বাজেট-ঘোষণা';
const ENCODED = encodeURIComponent(SLUG);

const record = (fields: Record<string, unknown>) =>
  JSON.stringify({ section: 'national', headline: 'শিরোনাম', body: 'প্রথম অনুচ্ছেদ।', byline: { desk: 'প্রকাশ ডেস্ক' }, ...fields });

for (const dialect of DIALECTS) {
  describe(`old links keep working (${dialect})`, () => {
    let t: TestDatabase;
    let app: App;
    let editor: AdminClient;
    const get = (url: string) => app.server.inject({ method: 'GET', url });
    const queriesDuring = async (work: () => Promise<unknown>) => {
      const start = t.stats.queries;
      await work();
      return t.stats.queries - start;
    };

    before(async () => {
      t = await createTestDatabase(dialect);
      app = await buildTestApp(t, clock);
      // Article 2 exists: a date permalink of the 2nd of a month must still not lead to it.
      const report = await importArticles({
        writer: app.writer,
        lines: [
          record({
            id: 2,
            headline: 'বাজেট ঘোষণা',
            published_at: '2025-11-02T10:00:00+06:00',
            old_urls: [`https://old.example.com/2025/11/02/${ENCODED}/`, '/?p=77', 'https://old.example.com/archives/77'],
          }),
          record({ id: 3, headline: 'খসড়া', status: 'draft', old_urls: ['/2025/11/03/draft-story/', '/?p=78'] }),
          record({ id: 4, headline: 'আগামীকালের খবর', status: 'scheduled', scheduled_at: '2026-12-01T10:00:00+06:00', old_urls: ['/?p=79'] }),
        ],
        baseDir: t.dir,
        mediaDir: join(t.dir, 'media'),
        clock,
      });
      assert.deepEqual([report.created, report.failed], [3, []]);
      editor = await AdminClient.setup(app.server, 'সম্পাদক', 'editor@prokash.test', PASSWORD);
    });
    after(async () => {
      await app.server.close();
      await t.destroy();
    });

    test('every spelling of an old link answers one 301 to the article, from memory once warm', async () => {
      const spellings = [
        `/2025/11/02/${ENCODED}/`,
        `/2025/11/02/${ENCODED}`,
        `/2025/11/02/${ENCODED.toLowerCase()}/`,
        `/2025/11/02/${SLUG}/`,
        `/index.php/2025/11/02/${ENCODED}/`,
        '/?p=77',
        '/?p=77&utm_source=facebook',
        '/archives/77',
        '/archives/77/',
      ];
      for (const url of spellings) {
        const res = await get(url);
        assert.equal(res.statusCode, 301, url);
        assert.equal(res.headers.location, '/national/2', url);
      }
      const target = await get('/national/2');
      assert.equal(target.statusCode, 200, 'the redirect lands on the page itself: one hop');
      const warm = await queriesDuring(async () => {
        for (const url of spellings) assert.equal((await get(url)).statusCode, 301, url);
      });
      assert.equal(warm, 0, `old links ran ${warm} queries`);
    });

    test('a date-shaped path is never read as an article id', async () => {
      for (const url of ['/2025/11/02/some-slug/', '/2025/11/02/some-slug', '/2025/11/2', '/archives/2']) {
        const res = await get(url);
        assert.equal(res.statusCode, 404, url);
        assert.equal(res.headers.location, undefined, url);
      }
      assert.equal((await get('/national/2')).statusCode, 200, 'the article itself still answers');
    });

    test('old links of drafts and scheduled articles answer 404, never the home page', async () => {
      for (const url of ['/2025/11/03/draft-story/', '/?p=78', '/?p=79', '/?p=80']) {
        const res = await get(url);
        assert.equal(res.statusCode, 404, url);
        assert.equal(res.headers.location, undefined, url);
      }
      assert.equal((await get('/')).statusCode, 200);
    });

    test('missed old-looking links are counted for the newsroom, other 404s are not', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await get('/2025/10/01/missing-story/')).statusCode, 404);
      assert.equal((await get('/wp-content/uploads/2025/10/photo.jpg')).statusCode, 404);
      assert.equal((await get('/no-such-section')).statusCode, 404);
      const missed = await editor.call('GET', '/api/admin/redirects/missed', undefined, 200);
      const byPath = new Map(missed.items.map((m: { path: string; hits: number }) => [m.path, m.hits]));
      assert.equal(byPath.get('/2025/10/01/missing-story'), 3);
      assert.equal(byPath.get('/wp-content/uploads/2025/10/photo.jpg'), 1);
      assert.ok(!byPath.has('/no-such-section'));
    });

    test('an editor turns a missed link into a redirect, searches, pages and deletes', async () => {
      const added = await editor.call('POST', '/api/admin/redirects', { path: 'https://old.example.com/2025/10/01/Missing-Story/', articleId: 2 }, 201);
      assert.deepEqual([added.path, added.target, added.source, added.headline], ['/2025/10/01/missing-story', '/national/2', 'manual', 'বাজেট ঘোষণা']);
      const res = await get('/2025/10/01/missing-story/');
      assert.equal(res.statusCode, 301);
      assert.equal(res.headers.location, '/national/2');
      const missed = await editor.call('GET', '/api/admin/redirects/missed', undefined, 200);
      assert.ok(!missed.items.some((m: { path: string }) => m.path === '/2025/10/01/missing-story'), 'a redirected path leaves the missed list');

      const found = await editor.call('GET', `/api/admin/redirects?q=${encodeURIComponent('বাজেট')}`, undefined, 200);
      assert.deepEqual(
        found.items.map((r: { path: string }) => r.path),
        [`/2025/11/02/${SLUG}`],
      );
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
        const page: { items: Array<{ path: string; target: string | null }>; nextCursor: string | null } = await editor.call(
          'GET',
          `/api/admin/redirects?limit=2${query}`,
          undefined,
          200,
        );
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((r) => r.path));
        cursor = page.nextCursor;
      } while (cursor !== null);
      assert.equal(seen.length, 7);
      assert.equal(new Set(seen).size, 7, 'keyset pages neither repeat nor skip');
      const draft = await editor.call('GET', '/api/admin/redirects?articleId=3', undefined, 200);
      assert.deepEqual(
        draft.items.map((r: { target: string | null }) => r.target),
        [null, null],
        'a draft has no public target',
      );

      await editor.call('DELETE', `/api/admin/redirects?path=${encodeURIComponent('/2025/10/01/missing-story/')}`, undefined, 204);
      assert.equal((await get('/2025/10/01/missing-story')).statusCode, 404);
      const again = await editor.request('DELETE', `/api/admin/redirects?path=${encodeURIComponent('/2025/10/01/missing-story')}`);
      assert.equal(again.statusCode, 404);
    });

    test('bad input is a 4xx with a catalogue code', async () => {
      const bad = await editor.request('POST', '/api/admin/redirects', { path: '/', articleId: 2 });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'INVALID_INPUT');
      const noArticle = await editor.request('POST', '/api/admin/redirects', { path: '/old/x', articleId: 999_999 });
      assert.equal(noArticle.statusCode, 422);
      assert.equal((await editor.request('POST', '/api/admin/redirects', { path: '/old/x', articleId: 'two' })).statusCode, 400);
      assert.equal((await editor.request('GET', '/api/admin/redirects?limit=0')).statusCode, 400);
      assert.equal((await app.server.inject({ method: 'GET', url: '/api/admin/redirects' })).statusCode, 401);
      await editor.call('POST', '/api/admin/users', { name: 'উপসম্পাদক', email: 'sub@prokash.test', role: 'sub-editor', password: PASSWORD }, 201);
      const sub = await AdminClient.login(app.server, 'sub@prokash.test', PASSWORD);
      assert.equal((await sub.request('GET', '/api/admin/redirects')).statusCode, 403);
    });

    test('an unpublished article’s old links answer 404; an import run again changes nothing', async () => {
      const again = await importArticles({
        writer: app.writer,
        lines: [
          record({ id: 2, headline: 'বাজেট ঘোষণা', published_at: '2025-11-02T10:00:00+06:00', old_urls: [`/2025/11/02/${SLUG}`, '/?p=77', '/archives/77'] }),
        ],
        baseDir: t.dir,
        mediaDir: join(t.dir, 'media'),
        clock,
      });
      assert.equal(again.unchanged, 1);
      const events = await t.db.selectFrom('content_events').select('type').where('type', '=', 'redirects.changed').execute();
      const before = events.length;
      await importArticles({
        writer: app.writer,
        lines: [record({ id: 2, headline: 'বাজেট ঘোষণা', published_at: '2025-11-02T10:00:00+06:00', old_urls: ['/?p=77'] })],
        baseDir: t.dir,
        mediaDir: join(t.dir, 'media'),
        clock,
      });
      const after = await t.db.selectFrom('content_events').select('type').where('type', '=', 'redirects.changed').execute();
      assert.equal(after.length, before, 'redirects already in place write no event');
      await app.articles.unpublish({ role: 'editor', userId: null, name: 'সম্পাদক' }, 2);
      assert.equal((await get('/?p=77')).statusCode, 404);
    });
  });
}
