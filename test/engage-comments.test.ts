import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { buildTestApp } from './helpers/app.ts';
import { AdminClient } from './helpers/admin-client.ts';
import type { App } from '../src/app.ts';

const ARTICLE = '/world/asia/251042';
const API = '/api/v1/articles/251042/comments';

for (const dialect of DIALECTS) {
  describe(`reader comments and moderation (${dialect})`, () => {
    let t: TestDatabase;
    let app: App;
    let editor: AdminClient;
    let from = 0;
    // Each post comes from its own address unless a test says otherwise.
    const post = (body: Record<string, unknown>, ip = `198.51.100.${++from % 250}`) =>
      app.server.inject({ method: 'POST', url: API, payload: body, headers: { 'x-forwarded-for': ip } });
    const page = async () => (await app.server.inject({ method: 'GET', url: ARTICLE })).body;

    before(async () => {
      t = await createTestDatabase(dialect);
      app = await buildTestApp(t);
      editor = await AdminClient.setup(app.server, 'সম্পাদক', 'editor@prokash.test', 'editor-password-1');
    });
    after(async () => {
      await app.server.close();
      await t.destroy();
    });

    test('a comment waits for moderation, then shows on the article within the same second', async () => {
      await page(); // the article page is cached now
      const res = await post({ name: 'রহিম', body: 'চমৎকার প্রতিবেদন, ধন্যবাদ।' });
      assert.equal(res.statusCode, 202);
      assert.deepEqual(res.json(), { status: 'pending', message: 'মন্তব্যটি মডারেশনের অপেক্ষায় আছে' });
      assert.ok(!(await page()).includes('চমৎকার প্রতিবেদন'), 'not shown before approval');
      const queue = await editor.call('GET', '/api/admin/comments?status=pending', undefined, 200);
      const item = queue.items.find((c: { body: string }) => c.body === 'চমৎকার প্রতিবেদন, ধন্যবাদ।');
      assert.equal(item.article.headline, 'মেকংয়ের তীরে ভাসমান পাঠাগার');
      assert.equal(item.article.url, ARTICLE);
      await editor.call('POST', `/api/admin/comments/${item.id}/approve`, undefined, 200);
      const html = await page();
      assert.ok(html.includes('চমৎকার প্রতিবেদন, ধন্যবাদ।'), 'shown after approval');
      assert.ok(html.includes('১টি মন্তব্য'), 'counted in Bengali digits');
      const api = (await app.server.inject({ method: 'GET', url: API })).json();
      assert.equal(api.count, 1);
      const audit = await editor.call('GET', '/api/admin/audit', undefined, 200);
      assert.ok(
        audit.items.some(
          (e: { action: string; targetId: string; userName: string }) =>
            e.action === 'comment.approve' && e.targetId === String(item.id) && e.userName === 'সম্পাদক',
        ),
      );
    });

    test('replies go one level deep and show under their comment; newest comments first', async () => {
      const { items } = (await app.server.inject({ method: 'GET', url: API })).json();
      const parentId = items[0].id;
      assert.equal((await post({ name: 'করিম', body: 'একমত।', parentId })).statusCode, 202);
      assert.equal((await post({ name: 'নতুন', body: 'দ্বিতীয় মন্তব্য।' })).statusCode, 202);
      const pending = await editor.call('GET', '/api/admin/comments?status=pending', undefined, 200);
      await editor.call('POST', '/api/admin/comments/decide', { ids: pending.items.map((c: { id: number }) => c.id), action: 'approve' }, 200);
      const after = (await app.server.inject({ method: 'GET', url: API })).json();
      assert.equal(after.items[0].body, 'দ্বিতীয় মন্তব্য।', 'newest first');
      assert.equal(after.items[1].replies[0].body, 'একমত।');
      const replyId = after.items[1].replies[0].id;
      const deeper = await post({ name: 'ক', body: 'আরও গভীরে', parentId: replyId });
      assert.equal(deeper.statusCode, 422);
      assert.equal(deeper.json().error.code, 'UNPROCESSABLE');
      assert.ok((await page()).includes('৩টি মন্তব্য'));
    });

    test('a comment with HTML or script is shown as text', async () => {
      const body = '<script>alert("x")</script><b>মোটা</b> <img src=x onerror=alert(1)>';
      assert.equal((await post({ name: '<i>নাম</i>', body })).statusCode, 202);
      const pending = await editor.call('GET', '/api/admin/comments?status=pending', undefined, 200);
      await editor.call('POST', `/api/admin/comments/${pending.items[0].id}/approve`, undefined, 200);
      const html = await page();
      assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;মোটা&lt;/b&gt;'));
      assert.ok(html.includes('&lt;i&gt;নাম&lt;/i&gt;'));
      assert.ok(!html.includes('<script>alert'));
      assert.ok(!html.includes('onerror=alert(1)>'));
    });

    test('abuse controls hold against changes of case, spacing and digits', async () => {
      const blocked = ['You IDIOT', 'you i d i o t', 'i.d.i.o.t', '1d10t!', 'শালা', 'শা লা'];
      for (const body of blocked) {
        const res = await post({ name: 'দুষ্টু', body: `এই লেখা ${body} দিয়ে` });
        assert.equal(res.statusCode, 422, body);
        assert.equal(res.json().error.code, 'BLOCKED_WORDS', body);
      }
      assert.equal((await post({ name: 'ক', body: 'বাজেট নিয়ে ভালো বিশ্লেষণ' })).statusCode, 202, 'innocent words pass');
      const first = await post({ name: 'খ', body: 'দাম ২০২৪ সালে বেড়েছে' });
      assert.equal(first.statusCode, 202);
      for (const again of ['দাম 2024 সালে বেড়েছে', 'দাম  ২০২৪  সালে   বেড়েছে!!', 'দাম ২০২৪ সালে বেড়েছে।']) {
        const res = await post({ name: 'গ', body: again });
        assert.equal(res.statusCode, 409, again);
        assert.equal(res.json().error.code, 'DUPLICATE_COMMENT');
      }
      const links = await post({ name: 'বিজ্ঞাপন', body: 'দেখুন https://a.example/1 www.b.example c.com' });
      assert.equal(links.statusCode, 422);
      assert.equal(links.json().error.code, 'TOO_MANY_LINKS');
      const trap = await post({ name: 'রোবট', body: 'সস্তা অফার', website: 'http://spam.example' });
      assert.equal(trap.statusCode, 202, 'the honeypot looks like success');
      const stored = await t.db.selectFrom('comments').select('id').where('name', '=', 'রোবট').execute();
      assert.deepEqual(stored, [], 'and stores nothing');
      for (const bad of [{ name: '', body: 'শূন্য নাম' }, { name: 'ক', body: 'x'.repeat(2001) }, { body: 'নামহীন' }, { name: 'ক', body: 'হ্যাঁ', extra: 1 }]) {
        assert.equal((await post(bad)).statusCode, 400, JSON.stringify(bad).slice(0, 40));
      }
    });

    test('a flood from one address is throttled while others still post', async () => {
      const codes = [];
      for (let i = 0; i < 8; i++) codes.push((await post({ name: 'বন্যা', body: `মন্তব্য নম্বর ${i} ${'ক'.repeat(i)}` }, '203.0.113.9')).statusCode);
      assert.deepEqual(codes, [202, 202, 202, 202, 202, 429, 429, 429]);
      assert.equal((await post({ name: 'অন্য পাঠক', body: 'আমিও কিছু বলতে চাই' }, '203.0.113.10')).statusCode, 202);
    });

    test('without a trusted proxy, a forged X-Forwarded-For does not escape the limit', async () => {
      const direct = await buildTestApp(t, undefined, { seed: false, config: { trustProxy: false } });
      try {
        const codes = [];
        for (let i = 0; i < 7; i++) {
          const res = await direct.server.inject({
            method: 'POST',
            url: API,
            payload: { name: 'জালিয়াত', body: `ভিন্ন মন্তব্য ${i} ${'খ'.repeat(i)}` },
            headers: { 'x-forwarded-for': `192.0.2.${i}` },
            remoteAddress: '10.1.1.1',
          });
          codes.push(res.statusCode);
        }
        assert.deepEqual(codes, [202, 202, 202, 202, 202, 429, 429]);
      } finally {
        await direct.server.close();
      }
    });

    test('a plain HTML form posts without JavaScript and comes back to the article', async () => {
      const res = await app.server.inject({
        method: 'POST',
        url: API,
        payload:
          'name=%E0%A6%AB%E0%A6%B0%E0%A7%8D%E0%A6%AE&body=%E0%A6%AB%E0%A6%B0%E0%A7%8D%E0%A6%AE%20%E0%A6%A5%E0%A7%87%E0%A6%95%E0%A7%87%20%E0%A6%AE%E0%A6%A8%E0%A7%8D%E0%A6%A4%E0%A6%AC%E0%A7%8D%E0%A6%AF&website=',
        headers: { 'content-type': 'application/x-www-form-urlencoded', referer: `http://prokash.test${ARTICLE}`, 'x-forwarded-for': '198.51.100.200' },
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${ARTICLE}#comment-pending`);
      const html = await page();
      assert.match(html, /<form class="comment-form" method="post" action="\/api\/v1\/articles\/251042\/comments">/);
      assert.ok(html.includes('id="comment-pending"'));
    });

    test('post-moderation shows comments at once; reporters cannot moderate', async () => {
      await editor.call('PUT', '/api/admin/comments/settings', { mode: 'post', blockedWords: ['idiot'] }, 200);
      const res = await post({ name: 'তাৎক্ষণিক', body: 'সরাসরি প্রকাশিত মন্তব্য' });
      assert.equal(res.statusCode, 201);
      assert.ok((await page()).includes('সরাসরি প্রকাশিত মন্তব্য'));
      await editor.call('PUT', '/api/admin/comments/settings', { mode: 'pre', blockedWords: ['idiot', 'শালা'] }, 200);
      await editor.call('POST', '/api/admin/users', { name: 'প্রতিবেদক', email: 'rep@prokash.test', role: 'reporter', password: 'reporter-password-1' }, 201);
      const reporter = await AdminClient.login(app.server, 'rep@prokash.test', 'reporter-password-1');
      assert.equal((await reporter.request('GET', '/api/admin/comments')).statusCode, 403);
      assert.equal((await reporter.request('POST', '/api/admin/comments/1/approve')).statusCode, 403);
    });
  });
}
