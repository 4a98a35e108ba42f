import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { useTestApp } from './helpers/app.ts';
import { AdminClient } from './helpers/admin-client.ts';
import { freePort, startProkash, stopProcess } from './helpers/processes.ts';

const Y = '/world/asia/251042';
const UA = (n: number) => `Mozilla/5.0 (Linux; Android 14; Reader-${n}) AppleWebKit/537.36 Chrome/121 Mobile Safari/537.36`;

/** The headlines of one tab panel on a page, in order. */
function tab(html: string, name: 'latest' | 'popular'): string[] {
  const start = html.search(new RegExp(`class="[^"]*\\btabs__panel--${name}\\b`)); // the element, not the stylesheet's rule
  const panel = html.slice(start, html.indexOf('</ol>', start));
  return [...panel.matchAll(/class="numbered__link"[^>]*>([^<]+)</g)].map((m) => m[1]!);
}

for (const dialect of DIALECTS) {
  describe(`fresh lists on cached pages (${dialect})`, () => {
    const ctx = useTestApp(dialect);
    const get = (url: string, headers: Record<string, string> = {}) => ctx.get(url, headers);

    test('publishing shows the new article in সর্বশেষ on an unrelated cached page, without rendering that page again', async () => {
      const first = await get(Y);
      const etag = first.headers.etag as string;
      const misses = ctx.app.cache.getStats().misses;
      assert.equal((await get(Y)).statusCode, 200);
      assert.equal(ctx.app.cache.getStats().misses, misses, 'served from the cache');

      const editor = await AdminClient.setup(ctx.app.server, 'সম্পাদক', 'ed@prokash.test', 'editor-password-1');
      const desk = await ctx.t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow();
      const national = await ctx.t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow();
      const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'এইমাত্র প্রকাশিত।' }] }] };
      const { article } = await editor.call(
        'POST',
        '/api/admin/articles',
        { sectionId: national.id, headline: 'সদ্য প্রকাশিত জরুরি খবর', body, byline: { kind: 'desk', personIds: [desk.id] } },
        201,
      );
      await editor.call('POST', `/api/admin/articles/${article.id}/publish`, undefined, 200);

      const missesBefore = ctx.app.cache.getStats().misses;
      const recomposedBefore = ctx.app.cache.getStats().recomposed;
      const after = await get(Y);
      assert.equal(tab(after.body, 'latest')[0], 'সদ্য প্রকাশিত জরুরি খবর', 'the unrelated page shows the new article first in সর্বশেষ');
      assert.equal(ctx.app.cache.getStats().misses, missesBefore, 'the unrelated page was not rendered again');
      assert.equal(ctx.app.cache.getStats().recomposed, recomposedBefore + 1, 'only recomposed with the new lists');
      assert.notEqual(after.headers.etag, etag, 'a new ETag, so browsers revalidate to the new lists');
      assert.equal((await get(Y, { 'if-none-match': etag })).statusCode, 200);
    });

    test('counted views lead জনপ্রিয়, /popular, the API and the home block, still without rendering the page again', async () => {
      const target = await ctx.t.db.selectFrom('articles').select(['id', 'headline']).where('id', '=', 251075).executeTakeFirstOrThrow();
      for (let n = 0; n < 12; n++) {
        const res = await ctx.app.server.inject({
          method: 'POST',
          url: `/api/v1/articles/${target.id}/views`,
          headers: { 'user-agent': UA(n), 'x-forwarded-for': `192.0.2.${n}` },
        });
        assert.equal(res.statusCode, 204);
      }
      await ctx.app.server.inject({ method: 'POST', url: `/api/v1/articles/251042/views`, headers: { 'user-agent': UA(99) } });
      assert.equal((await ctx.app.server.inject({ method: 'POST', url: '/api/v1/articles/abc/views' })).statusCode, 400);
      assert.equal(await ctx.app.views.flush(), 13);
      await get(Y);
      const misses = ctx.app.cache.getStats().misses;
      await ctx.app.popular.recompute();
      const page = await get(Y);
      assert.deepEqual(tab(page.body, 'popular').slice(0, 2), [target.headline, 'মেকংয়ের তীরে ভাসমান পাঠাগার']);
      assert.equal(ctx.app.cache.getStats().misses, misses, 'recomposed, not rendered');
      const popular = await get('/popular');
      assert.ok(popular.body.indexOf(target.headline) > 0 && popular.body.includes('গত ২৪ ঘণ্টায় সবচেয়ে বেশি পড়া খবর'));
      const api = JSON.parse((await get('/api/v1/popular?window=6h')).body);
      assert.equal(api.basis, 'views');
      assert.deepEqual(
        api.items.slice(0, 2).map((a: { id: number }) => a.id),
        [target.id, 251042],
      );
      const home = (await get('/')).body;
      const block = home.slice(home.indexOf('আজ সবচেয়ে বেশি পড়া'));
      assert.ok(block.indexOf(target.headline) > 0 && block.indexOf(target.headline) < 600, 'the home page has a most-read block');
      assert.equal((await get('/popular?window=1y')).statusCode, 400);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`views across two processes (${dialect})`, () => {
    let t: TestDatabase;
    const children: ChildProcess[] = [];
    before(async () => {
      t = await createTestDatabase(dialect);
    });
    after(async () => {
      for (const child of children) await stopProcess(child);
      await t.destroy();
    });

    test('N beacons over two processes count exactly N less the repeats; the popular list follows; nothing is lost at shutdown', async () => {
      // Readers on their own addresses (one address counts at most VIEW_LIMITS.perAddress readers of an article).
      const env = { DATABASE_URL: t.url, MEDIA_DIR: join(t.dir, 'media'), POPULAR_REFRESH: '1', TRUST_PROXY: 'true' };
      const ports = [await freePort(), await freePort()];
      children.push(await startProkash(['--port', String(ports[0])], env, t.dir)); // seeds the demo
      children.push(await startProkash(['--no-demo', '--port', String(ports[1])], env, t.dir));
      const beacon = (port: number, articleId: number, ua: string) =>
        fetch(`http://127.0.0.1:${port}/api/v1/articles/${articleId}/views`, {
          method: 'POST',
          headers: { 'user-agent': ua, 'x-forwarded-for': `10.0.${ua.length}.${[...ua].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 251, 0)}` },
        }).then((r) => r.status);
      const sends: Array<Promise<number>> = [];
      for (let n = 0; n < 150; n++) sends.push(beacon(ports[n % 2]!, 251042, UA(n))); // 150 readers
      for (let n = 0; n < 50; n++) sends.push(beacon(ports[(n + 1) % 2]!, 251042, UA(n))); // 50 of them again, on the other process
      for (let n = 0; n < 20; n++) sends.push(beacon(ports[n % 2]!, 251042, 'Mozilla/5.0 (compatible; Googlebot/2.1)'));
      for (let n = 0; n < 30; n++) sends.push(beacon(ports[n % 2]!, 251061, UA(1000 + n)));
      assert.ok((await Promise.all(sends)).every((s) => s === 204));

      // Within a flush (5 s) and a recomputation (1 s here; at most 60 s), both processes rank it first.
      const deadline = Date.now() + 15_000;
      let first: number[] = [];
      while (Date.now() < deadline) {
        const lists = await Promise.all(
          ports.map((p) =>
            fetch(`http://127.0.0.1:${p}/api/v1/popular?window=6h`).then((r) => r.json() as Promise<{ basis: string; items: Array<{ id: number }> }>),
          ),
        );
        first = lists.map((l) => (l.basis === 'views' ? (l.items[0]?.id ?? 0) : 0));
        if (first.every((id) => id === 251042)) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.deepEqual(first, [251042, 251042]);

      // More views just before shutdown: the flush on SIGTERM must keep them.
      await Promise.all([beacon(ports[0]!, 251061, UA(5000)), beacon(ports[1]!, 251061, UA(5001))]);
      for (const child of children) await stopProcess(child);
      const sum = async (id: number) => {
        const row = await t.db
          .selectFrom('view_counts')
          .select((eb) => eb.fn.sum<number | string | null>('views').as('n'))
          .where('article_id', '=', id)
          .executeTakeFirst();
        return Number(row?.n ?? 0);
      };
      assert.equal(await sum(251042), 150, '150 readers, repeats and bots not counted');
      assert.equal(await sum(251061), 32, 'the last beacons were flushed at shutdown');
    });
  });
}
