// Issue 16, point 5: a preview an editor can send to a colleague. The newsroom makes a signed link
// (POST /api/admin/articles/:id/preview-link, for whoever may read the article); anyone holding it
// opens /preview/{id}?t=… without an account for 48 hours: the article page marked as a preview,
// with the time it will carry, no comment form, no view beacon, not indexed, never cached. A
// forged link is 403 and an expired one 410, each a Bengali page.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { buildTestApp, TEST_NOW } from './helpers/app.ts';
import { AdminClient } from './helpers/admin-client.ts';
import { fixedClock } from '../src/lib/clock.ts';
import type { App } from '../src/app.ts';

const PASSWORD = 'ঢাকা-2026-secret';
const HOUR = 3600_000;
const doc = (...paragraphs: string[]) => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
/** The dates line of an article page. */
const datesLine = (html: string) => /<p class="article__dates">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';

for (const dialect of DIALECTS) {
  describe(`preview links (${dialect})`, () => {
    let t: TestDatabase;
    let app: App;
    const clock = fixedClock(TEST_NOW);
    let admin: AdminClient;
    let editor: AdminClient;
    let reporter: AdminClient;
    let otherReporter: AdminClient;
    let sectionId: number;
    let deskId: number;
    const open = (url: string) => app.server.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    const input = (headline: string) => ({
      sectionId,
      headline,
      body: doc('প্রিভিউয়ের প্রথম অনুচ্ছেদ।', 'দ্বিতীয় অনুচ্ছেদ।'),
      byline: { kind: 'desk', personIds: [deskId] },
      tags: [],
    });
    const link = (client: AdminClient, id: number) =>
      client.call<{ path: string; url: string; expiresAt: string; hours: number }>('POST', `/api/admin/articles/${id}/preview-link`, undefined, 200);

    before(async () => {
      t = await createTestDatabase(dialect);
      app = await buildTestApp(t, clock);
      admin = await AdminClient.setup(app.server, 'প্রশাসক', 'admin@prokash.test', PASSWORD);
      for (const [name, role] of [
        ['editor', 'editor'],
        ['reporter', 'reporter'],
        ['other', 'reporter'],
      ] as const) {
        await admin.call('POST', '/api/admin/users', { name, email: `${name}@prokash.test`, role, password: PASSWORD }, 201);
      }
      editor = await AdminClient.login(app.server, 'editor@prokash.test', PASSWORD);
      reporter = await AdminClient.login(app.server, 'reporter@prokash.test', PASSWORD);
      otherReporter = await AdminClient.login(app.server, 'other@prokash.test', PASSWORD);
      sectionId = (await t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow()).id;
      deskId = (await t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow()).id;
    });
    after(async () => {
      await app.server.close();
      await t.destroy();
    });

    test('a draft: the link opens it for someone signed out, marked as a draft with no time, no comment form, no beacon, not indexed, not cached', async () => {
      const { article } = await reporter.call('POST', '/api/admin/articles', input('নদীর ধারে নতুন পাঠাগারের খসড়া'), 201);
      const made = await link(editor, article.id);
      assert.match(made.path, new RegExp(`^/preview/${article.id}\\?t=\\d+\\.[A-Za-z0-9_-]{43}$`));
      assert.equal(made.url, `http://prokash.test${made.path}`);
      assert.equal(made.expiresAt, new Date(Date.parse(TEST_NOW) + 48 * HOUR).toISOString());
      assert.equal(made.hours, 48);
      // The reporter who wrote it may make one too (they may read it).
      await link(reporter, article.id);

      const page = await open(made.path); // no cookie: a colleague without an account
      assert.equal(page.statusCode, 200, page.body);
      assert.equal(page.headers['cache-control'], 'private, no-store');
      assert.equal(page.headers['x-robots-tag'], 'noindex');
      const html = page.body;
      assert.match(html, /<meta name="robots" content="noindex">/);
      assert.ok(!html.includes('rel="canonical"'), 'a preview names no canonical URL');
      assert.ok(!html.includes('application/ld+json'), 'nor structured data');
      assert.match(html, /<p class="preview-banner__title">খসড়া — প্রকাশিত নয়<\/p>/);
      // TEST_NOW is 12:00 in Dhaka: the link opens until two days later.
      assert.ok(html.includes('এই লিংকটি ২৯ নভেম্বর ২০২৬, ১২:০০ পিএম পর্যন্ত খোলা যাবে।'));
      assert.ok(html.includes('<h1 class="article__title">নদীর ধারে নতুন পাঠাগারের খসড়া</h1>'));
      assert.ok(html.includes('প্রিভিউয়ের প্রথম অনুচ্ছেদ।'));
      // A draft has no publication time: the page says so instead of showing now.
      const dates = datesLine(html);
      assert.ok(dates.includes('প্রকাশ : প্রকাশের সময় এখনো ঠিক হয়নি'), dates);
      assert.ok(!dates.includes('<time'), dates);
      assert.ok(!html.includes('class="comment-form"'), 'no comment form');
      assert.ok(!html.includes('id="comments"'));
      assert.ok(html.includes('প্রিভিউতে মন্তব্য করা যায় না'));
      assert.ok(!html.includes('data-article-id'), 'nothing for the view beacon to count');
      assert.equal(app.cache.has(`/preview/${article.id}`), false);
      assert.equal(app.cache.has(made.path), false);
      // Nothing of it reaches readers.
      assert.equal((await open(`/national/${article.id}`)).statusCode, 404);

      // It shows what is saved now, not what was cached: a second save is seen at once.
      await reporter.call('PUT', `/api/admin/articles/${article.id}`, { ...input('নদীর ধারে নতুন পাঠাগার, দ্বিতীয় রূপ'), revision: article.revision }, 200);
      assert.ok((await open(made.path)).body.includes('<h1 class="article__title">নদীর ধারে নতুন পাঠাগার, দ্বিতীয় রূপ</h1>'));
    });

    test('a scheduled article: the banner says when it will be published and the page carries that time', async () => {
      const { article } = await editor.call('POST', '/api/admin/articles', input('বর্ষার সবজি হাট বসবে কাল'), 201);
      await editor.call('POST', `/api/admin/articles/${article.id}/schedule`, { at: '2026-11-28T03:00:00Z' }, 200);
      const html = (await open((await link(editor, article.id)).path)).body;
      assert.match(html, /<p class="preview-banner__title">প্রকাশিত নয় — প্রকাশিত হবে ২৮ নভেম্বর ২০২৬, ০৯:০০ এএম<\/p>/);
      assert.ok(datesLine(html).includes('প্রকাশ : <time datetime="2026-11-28T09:00:00+06:00">২৮ নভেম্বর ২০২৬, ০৯:০০ এএম</time>'), datesLine(html));
      assert.ok(!html.includes('class="comment-form"'));
    });

    test('a published article: the preview says so and links to the page readers read', async () => {
      const html = (await open((await link(editor, 251042)).path)).body;
      assert.ok(html.includes('<p class="preview-banner__title">প্রিভিউ — প্রতিবেদনটি প্রকাশিত</p>'));
      assert.ok(html.includes('<a href="/world/asia/251042">প্রকাশিত পাতাটি দেখুন</a>'));
      assert.ok(datesLine(html).includes('১৩ সেপ্টেম্বর ২০২৩, ০৪:৫৭ পিএম'));
      assert.ok(!html.includes('class="comment-form"'));
    });

    test('a forged or mangled link is 403 and an expired one 410: Bengali pages, private, never a 500', async () => {
      const { article } = await reporter.call('POST', '/api/admin/articles', input('মেয়াদ পরীক্ষার খসড়া'), 201);
      const { path } = await link(editor, article.id);
      const token = new URL(path, 'http://x').searchParams.get('t')!;
      const [expires, signature] = token.split('.') as [string, string];
      const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
      const forged = [
        `/preview/${article.id}?t=${expires}.${flip(signature, 0)}`,
        `/preview/${article.id}?t=${expires}.${flip(signature, 42)}`, // the last character's unused bits too
        `/preview/${article.id}?t=${Number(expires) + 3600}.${signature}`, // a later expiry
        `/preview/${article.id - 1}?t=${token}`, // another article
        `/preview/${article.id}`,
        `/preview/${article.id}?t=`,
        `/preview/${article.id}?t=abc`,
        `/preview/${article.id}?t=${token}&t=${token}`,
        `/preview/${article.id}?t=${'9'.repeat(400)}.${signature}`,
      ];
      for (const url of forged) {
        const res = await open(url);
        assert.equal(res.statusCode, 403, url);
        assert.equal(res.headers['cache-control'], 'private, no-store', url);
        assert.equal(res.headers['x-robots-tag'], 'noindex', url);
        assert.match(res.headers['content-type'] as string, /^text\/html/);
        assert.ok(res.body.includes('প্রিভিউ লিংকটি ঠিক নেই'), url);
        assert.ok(!res.body.includes('মেয়াদ পরীক্ষার খসড়া'), url);
      }
      for (const url of ['/preview/abc?t=1', `/preview/${'9'.repeat(30)}?t=${token}`]) assert.equal((await open(url)).statusCode, 404, url);

      try {
        clock.set(new Date(Date.parse(TEST_NOW) + 48 * HOUR - 1000));
        assert.equal((await open(path)).statusCode, 200, 'a second before it expires');
        clock.set(new Date(Date.parse(TEST_NOW) + 48 * HOUR));
        const expired = await open(path);
        assert.equal(expired.statusCode, 410);
        assert.equal(expired.headers['cache-control'], 'private, no-store');
        assert.ok(expired.body.includes('প্রিভিউ লিংকের মেয়াদ শেষ'));
        assert.ok(expired.body.includes('এই লিংকটি ২৯ নভেম্বর ২০২৬, ১২:০০ পিএম পর্যন্ত খোলা যেত।'));
        assert.ok(!expired.body.includes('মেয়াদ পরীক্ষার খসড়া'));
        // A forged link stays 403 after any expiry: the signature is checked first.
        assert.equal((await open(forged[0]!)).statusCode, 403);
      } finally {
        clock.set(TEST_NOW);
      }
      // A deleted article: its link leads nowhere.
      await editor.call('DELETE', `/api/admin/articles/${article.id}`, undefined, 204);
      assert.equal((await open(path)).statusCode, 404);
    });

    test('only someone who may read the article makes a link to it; without a section there is nothing to preview', async () => {
      const { article } = await otherReporter.call('POST', '/api/admin/articles', input('অন্যজনের খসড়া'), 201);
      const refused = await reporter.request('POST', `/api/admin/articles/${article.id}/preview-link`);
      assert.deepEqual([refused.statusCode, refused.json().error.code], [403, 'FORBIDDEN']);
      const nobody = await app.server.inject({ method: 'POST', url: `/api/admin/articles/${article.id}/preview-link` });
      assert.equal(nobody.statusCode, 401);
      const { article: loose } = await reporter.call('POST', '/api/admin/articles', { ...input('বিভাগ ছাড়া খসড়া'), sectionId: null }, 201);
      const none = await reporter.request('POST', `/api/admin/articles/${loose.id}/preview-link`);
      assert.deepEqual([none.statusCode, none.json().error.code], [422, 'INVALID_TRANSITION']);
    });

    test("the newsroom's own preview (the editor's side panel) is the same page, behind the session", async () => {
      const { article } = await reporter.call('POST', '/api/admin/articles', input('পাশের প্যানেলের খসড়া'), 201);
      const res = await reporter.request('GET', `/api/admin/articles/${article.id}/preview`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['x-robots-tag'], 'noindex');
      assert.ok(res.body.includes('খসড়া — প্রকাশিত নয়'));
      assert.ok(!res.body.includes('class="comment-form"'));
      assert.ok(!res.body.includes('লিংকটি'), 'no link, so no expiry to tell');
    });

    test('the signing secret is kept in the database: another process over it opens the same links', async () => {
      const { article } = await reporter.call('POST', '/api/admin/articles', input('দ্বিতীয় প্রক্রিয়ার খসড়া'), 201);
      const { path } = await link(editor, article.id);
      const second = await buildTestApp(t, clock, { seed: false });
      try {
        const res = await second.server.inject({ method: 'GET', url: path });
        assert.equal(res.statusCode, 200);
        assert.ok(res.body.includes('দ্বিতীয় প্রক্রিয়ার খসড়া'));
      } finally {
        await second.server.close();
      }
    });
  });
}
