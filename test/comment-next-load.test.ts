// Issue 16, point 9: an approved comment took about 15 s to appear. The server dropped the page at
// once (comments.changed); the reader's browser kept it for the page's max-age of 30 s. The article
// page is now revalidated on every visit, so a moderation decision shows on the next load.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/databases.ts';
import { useTestApp } from './helpers/app.ts';
import { AdminClient } from './helpers/admin-client.ts';

const ARTICLE = '/world/asia/251042';
const API = '/api/v1/articles/251042/comments';

for (const dialect of DIALECTS) {
  describe(`a moderation decision shows on the next load of the article (${dialect})`, () => {
    const ctx = useTestApp(dialect);
    let editor: AdminClient;
    let ip = 0;

    before(async () => {
      editor = await AdminClient.setup(ctx.app.server, 'সম্পাদক', 'editor@prokash.test', 'editor-password-1');
    });

    /** A reader's comment, waiting in the queue; its id. */
    async function pending(body: string): Promise<number> {
      const res = await ctx.app.server.inject({
        method: 'POST',
        url: API,
        payload: { name: 'পাঠক', body },
        headers: { 'x-forwarded-for': `203.0.113.${++ip}` },
      });
      assert.equal(res.statusCode, 202);
      const queue = await editor.call('GET', '/api/admin/comments?status=pending', undefined, 200);
      return queue.items.find((c: { body: string }) => c.body === body).id;
    }

    test('the article page tells browsers to ask again each time; other pages keep their 30 s', async () => {
      const article = await ctx.get(ARTICLE);
      assert.equal(article.headers['cache-control'], 'public, max-age=0, s-maxage=60, stale-if-error=86400');
      assert.match(String((await ctx.get(ARTICLE)).headers['cache-control']), /^public, max-age=0,/, 'the cached copy too');
      assert.match(String((await ctx.get('/')).headers['cache-control']), /^public, max-age=30,/);
      assert.equal((await ctx.get(API)).headers['cache-control'], 'public, max-age=0, s-maxage=15', 'nor do browsers keep the comments API');
    });

    test('approved: the next load shows it, also to a browser revalidating its copy', async () => {
      const before = await ctx.get(ARTICLE);
      const id = await pending('অনুমোদনের পরের বারেই দেখা যাবে।');
      assert.equal((await ctx.get(ARTICLE, { 'if-none-match': String(before.headers.etag) })).statusCode, 304, 'pending: nothing changed');
      await editor.call('POST', `/api/admin/comments/${id}/approve`, undefined, 200);
      const next = await ctx.get(ARTICLE, { 'if-none-match': String(before.headers.etag) });
      assert.equal(next.statusCode, 200);
      assert.ok(next.body.includes('অনুমোদনের পরের বারেই দেখা যাবে।'));
      assert.ok(next.body.includes('১টি মন্তব্য'));
    });

    test('rejected or marked as spam after approval: gone on the next load', async () => {
      const spam = await pending('এটি পরে স্প্যাম বলে চিহ্নিত হবে।');
      await editor.call('POST', '/api/admin/comments/decide', { ids: [spam], action: 'approve' }, 200);
      assert.ok((await ctx.get(ARTICLE)).body.includes('এটি পরে স্প্যাম বলে চিহ্নিত হবে।'));
      await editor.call('POST', `/api/admin/comments/${spam}/spam`, undefined, 200);
      assert.ok(!(await ctx.get(ARTICLE)).body.includes('এটি পরে স্প্যাম বলে চিহ্নিত হবে।'));
      const { items } = (await ctx.get(API)).json();
      await editor.call('POST', `/api/admin/comments/${items[0].id}/reject`, undefined, 200);
      const html = (await ctx.get(ARTICLE)).body;
      assert.ok(!html.includes('অনুমোদনের পরের বারেই দেখা যাবে।'));
      assert.ok(html.includes('এখনো কোনো মন্তব্য নেই'));
    });
  });
}
