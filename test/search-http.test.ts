// Search over HTTP on the seeded demo portal, and the index following the newsroom's writes.
import { articleInput } from './helpers/fixtures.ts';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/databases.ts';
import { useTestApp } from './helpers/app.ts';
import type { Actor } from '../src/content/permissions.ts';
import { appendEvents } from '../src/content/events/event-log.ts';

const SEED_ID = 251042;
const editor: Actor = { role: 'editor', userId: null, name: 'test editor' };

for (const dialect of DIALECTS) {
  describe(`search over HTTP (${dialect})`, () => {
    const ctx = useTestApp(dialect);
    const get = (url: string) => ctx.get(url);
    const api = async (params: Record<string, string>) => {
      const res = await get(`/api/v1/search?${new URLSearchParams(params)}`);
      return { status: res.statusCode, body: res.json(), headers: res.headers };
    };
    const foundIds = async (q: string, extra: Record<string, string> = {}) => {
      const res = await api({ q, ...extra });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.results.map((r: { id: number }) => r.id) as number[];
    };

    test('মেকং, লাওস, ভাসমান পাঠাগার and mekong find the seed article (indexed at start, after the seed)', async () => {
      for (const q of ['মেকং', 'লাওস', 'ভাসমান পাঠাগার', 'mekong', 'Mekong', 'মেকংয়ের', 'লাওসের']) {
        assert.ok((await foundIds(q)).includes(SEED_ID), q);
      }
      assert.equal((await foundIds('ভাসমান পাঠাগার'))[0], SEED_ID);
    });

    test('results carry snippets with the matched words marked, cut at grapheme boundaries', async () => {
      const { body } = await api({ q: 'মেকং' });
      const seed = body.results.find((r: { id: number }) => r.id === SEED_ID);
      assert.equal(seed.url, '/world/asia/251042');
      assert.match(seed.snippetHtml, /<mark>মেকং(য়ের)?<\/mark>/);
      assert.ok([...new Intl.Segmenter('bn', { granularity: 'grapheme' }).segment(seed.snippet)].length <= 181);
      assert.doesNotMatch(seed.snippet, /\u09CD(…|$)/, 'no dangling hasanta at the cut');
      assert.equal(body.transliterated, false);
      assert.equal((await api({ q: 'mekong' })).body.transliterated, true);
    });

    test('the page shows the same cards as lists, highlighted snippets, and no page cache', async () => {
      const cached = ctx.app.cache.getStats().entries;
      const res = await get(`/search?q=${encodeURIComponent('মেকং')}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<html lang="bn">/);
      assert.match(res.body, /<article class="card card--standard[^"]*">/);
      assert.match(res.body, /href="\/world\/asia\/251042"/);
      assert.match(res.body, /<mark>মেকং/);
      assert.match(res.body, /<meta name="robots" content="noindex">/);
      assert.match(res.body, /value="মেকং"/, 'the query is shown back in the box');
      assert.match(String(res.headers['cache-control']), /max-age=30/);
      assert.equal(ctx.app.cache.getStats().entries, cached, 'one-off queries never fill the page cache');
    });

    test('a repeated search is answered from the search pages cache until the index moves on', async () => {
      const url = `/search?q=${encodeURIComponent('পানকৌড়ির')}`;
      const pagesHeld = ctx.app.cache.getStats().entries;
      const queriesDuring = async (work: () => Promise<unknown>) => {
        const before = ctx.t.stats.queries;
        await work();
        return ctx.t.stats.queries - before;
      };
      const first = await get(url);
      assert.equal(first.statusCode, 200);
      assert.match(first.body, /কোনো খবর পাওয়া যায়নি/);
      const misses = ctx.app.searchCache.getStats().misses;
      let again!: Awaited<ReturnType<typeof get>>;
      const queries = await queriesDuring(async () => (again = await ctx.get(url, { 'accept-encoding': 'br' })));
      assert.equal(queries, 1, 'a held search page costs one query: the index’s position');
      assert.equal(ctx.app.searchCache.getStats().misses, misses, 'served from the cache');
      assert.equal(again.headers['content-encoding'], 'br');
      assert.equal(again.headers.etag, first.headers.etag);
      assert.match(String(again.headers['cache-control']), /max-age=30/);
      assert.equal((await ctx.get(url, { 'if-none-match': String(first.headers.etag) })).statusCode, 304);
      assert.equal(ctx.app.cache.getStats().entries, pagesHeld, 'search pages never enter the page cache');

      // A story with the word is published: once the index has it, the page held before is not served.
      const section = await ctx.t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow();
      const desk = await ctx.t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow();
      const input = articleInput(section.id, desk.id, { headline: 'হাওরে পানকৌড়ির ঝাঁক', body: 'শীতের শুরুতে হাওরে পানকৌড়ির ঝাঁক নেমেছে।' });
      const story = await ctx.app.articles.create(editor, input);
      await ctx.app.articles.publish(editor, story.id);
      await ctx.app.events.settle();
      const fresh = await get(url);
      assert.equal(fresh.statusCode, 200);
      assert.match(fresh.body, new RegExp(`href="/national/${story.id}"`), 'the new story is found at once');
      assert.notEqual(fresh.headers.etag, first.headers.etag);
      // …and withdrawn, it is gone from the page at once too.
      await ctx.app.articles.unpublish(editor, story.id);
      await ctx.app.events.settle();
      assert.doesNotMatch((await get(url)).body, new RegExp(`href="/national/${story.id}"`));

      // A page that answers 400 is made afresh each time, never kept.
      const bad = '/search?q=x&section=nowhere';
      const held = ctx.app.searchCache.getStats().entries;
      assert.equal((await get(bad)).statusCode, 400);
      assert.equal((await get(bad)).headers['cache-control'], 'no-store');
      assert.equal(ctx.app.searchCache.getStats().entries, held);
    });

    test('the JSON API holds an answer by query and index position, as the page does', async () => {
      const params = { q: 'সারসের' };
      const before = ctx.t.stats.queries;
      const first = await api(params);
      const firstQueries = ctx.t.stats.queries - before;
      assert.equal(first.status, 200);
      assert.equal(first.body.total, 0);
      const middle = ctx.t.stats.queries;
      const again = await api(params);
      assert.equal(ctx.t.stats.queries - middle, 1, `a held answer costs the index position only (the search took ${firstQueries})`);
      assert.deepEqual(again.body, first.body);
      assert.equal(again.headers.etag, first.headers.etag);

      const section = await ctx.t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow();
      const desk = await ctx.t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow();
      const story = await ctx.app.articles.create(
        editor,
        articleInput(section.id, desk.id, { headline: 'বিলে সারসের দল', body: 'বিলের ধারে সারসের দল দেখা গেছে।' }),
      );
      await ctx.app.articles.publish(editor, story.id);
      await ctx.app.events.settle();
      assert.deepEqual(await foundIds('সারসের'), [story.id], 'found at once once the index has it');
      await ctx.app.articles.unpublish(editor, story.id);
      await ctx.app.events.settle();
      assert.deepEqual(await foundIds('সারসের'), [], 'gone at once');
      // A refused query is refused again, never held as an answer.
      for (let i = 0; i < 2; i++) assert.equal((await api({ q: 'x', section: 'nowhere' })).body.error.code, 'SEARCH_BAD_SECTION');
    });

    test('a query is text, never markup', async () => {
      const res = await get(`/search?q=${encodeURIComponent('<script>alert(1)</script> ঢাকা')}`);
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes('<script>alert(1)'));
    });

    test('section and date filters; bad filter values are 400 with a clear message', async () => {
      assert.ok((await foundIds('মেকং', { section: 'world' })).includes(SEED_ID));
      assert.ok((await foundIds('মেকং', { section: 'world/asia' })).includes(SEED_ID));
      assert.ok(!(await foundIds('মেকং', { section: 'sports' })).includes(SEED_ID));
      assert.ok((await foundIds('মেকং', { from: '2023-09-13', to: '২০২৩-০৯-১৩' })).includes(SEED_ID));
      assert.ok(!(await foundIds('মেকং', { from: '2023-09-14' })).includes(SEED_ID));
      for (const [params, code] of [
        [{ q: 'x', section: 'nowhere' }, 'SEARCH_BAD_SECTION'],
        [{ q: 'x', from: '13/09/2023' }, 'BAD_DATE'],
        [{ q: 'x', to: '2023-02-30' }, 'BAD_DATE'],
        [{ q: 'x', from: '2023-09-14', to: '2023-09-13' }, 'BAD_DATE_RANGE'],
        [{ q: 'x', page: '0' }, 'BAD_PAGE'],
        [{ q: 'x', page: 'abc' }, 'BAD_PAGE'],
        [{ q: '' }, 'QUERY_REQUIRED'],
        [{ q: 'ক'.repeat(201) }, 'QUERY_TOO_LONG'],
      ] as const) {
        const res = await api(params);
        assert.equal(res.status, 400, JSON.stringify(params));
        assert.equal(res.body.error.code, code);
      }
      const page = await get('/search?q=x&section=nowhere');
      assert.equal(page.statusCode, 400);
      assert.match(page.body, /বিভাগ নেই/);
    });

    test('empty, too long and nonsense queries get a helpful Bengali page, never a 500', async () => {
      const empty = await get('/search');
      assert.equal(empty.statusCode, 200);
      assert.match(empty.body, /কী খুঁজবেন লিখুন/);
      const long = await get(`/search?q=${'ক'.repeat(201)}`);
      assert.equal(long.statusCode, 400);
      assert.match(long.body, /অনুসন্ধানটি অনেক বড়/);
      // A query of control characters only is cleaned to nothing (src/lib/clean-text.ts): the empty page.
      const controls = await get(`/search?q=${encodeURIComponent('\u0000\u202E')}`);
      assert.equal(controls.statusCode, 200);
      assert.match(controls.body, /কী খুঁজবেন লিখুন/);
      for (const q of ['!!!', 'এবং ও', '"""', ')(*&^', '\u200D\u200C']) {
        const res = await get(`/search?q=${encodeURIComponent(q)}`);
        assert.equal(res.statusCode, 200, q);
        assert.match(res.body, /খোঁজার মতো কোনো শব্দ পাওয়া যায়নি/, q);
      }
      const none = await get(`/search?q=${encodeURIComponent('জিরাফস্কিউমাস')}`);
      assert.equal(none.statusCode, 200);
      assert.match(none.body, /কোনো খবর পাওয়া যায়নি/);
      const repeated = await get('/search?q=a&q=b&page=1&page=2');
      assert.equal(repeated.statusCode, 200);
    });

    test('pagination keeps the query and filters', async () => {
      const first = await api({ q: 'ঢাকা' });
      assert.ok(first.body.total > 10, `ঢাকা matches ${first.body.total}`);
      assert.equal(first.body.hasNext, true);
      const second = await api({ q: 'ঢাকা', page: '২' });
      assert.equal(second.body.page, 2);
      const all = [...first.body.results, ...second.body.results].map((r: { id: number }) => r.id);
      assert.equal(new Set(all).size, all.length, 'no result on two pages');
      const page = await get(`/search?q=${encodeURIComponent('ঢাকা')}`);
      assert.match(page.body, /href="\/search\?q=%E0%A6%A2%E0%A6%BE%E0%A6%95%E0%A6%BE&amp;page=2"/);
    });

    test('the story whose headline holds the names comes first, above newer ones that only mention them', async () => {
      const section = await ctx.t.db.selectFrom('sections').select('id').where('path', '=', 'world').executeTakeFirstOrThrow();
      const desk = await ctx.t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow();
      for (const n of [1, 2, 3]) {
        const body = `নদীর দেশের খবর নিয়ে আলোচনা ${n}: মেকং আর ভাসমান পাঠাগারের নাম এসেছে বারবার।`;
        const a = await ctx.app.articles.create(editor, articleInput(section.id, desk.id, { headline: `সপ্তাহের আন্তর্জাতিক খবর ${n}`, body }));
        await ctx.app.articles.publish(editor, a.id);
      }
      await ctx.app.events.settle();
      for (const q of ['মেকং পাঠাগার', 'mekong pathagar']) {
        const found = await foundIds(q);
        assert.ok(found.length >= 4, `${q}: ${found.length}`);
        assert.equal(found[0], SEED_ID, q);
      }
      const newest = await foundIds('মেকং পাঠাগার', { sort: 'newest' });
      assert.notEqual(newest[0], SEED_ID, 'newest first still puts the new ones first');
    });

    test('newest first is a choice on the API and the page, and keeps to its order across pages', async () => {
      const relevance = await api({ q: 'ঢাকা' });
      const newest = await api({ q: 'ঢাকা', sort: 'newest' });
      assert.equal(newest.body.sort, 'newest');
      assert.equal(relevance.body.sort, 'relevance');
      assert.equal(newest.body.total, relevance.body.total, 'the same matches, in another order');
      const times = (body: { results: Array<{ publishedAt: string }> }) => body.results.map((r) => r.publishedAt);
      assert.deepEqual(times(newest.body), [...times(newest.body)].sort().reverse(), 'newest first');
      const second = await api({ q: 'ঢাকা', sort: 'newest', page: '2' });
      assert.ok(times(second.body)[0]! <= times(newest.body).at(-1)!, 'page 2 goes on where page 1 stopped');
      const bad = await api({ q: 'ঢাকা', sort: 'oldest' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'INVALID_INPUT');

      const page = (await get(`/search?q=${encodeURIComponent('ঢাকা')}&sort=newest`)).body;
      assert.match(page, /<span class="search-sort__current" aria-current="true">নতুন আগে<\/span>/);
      assert.match(page, /<a href="\/search\?q=%E0%A6%A2%E0%A6%BE%E0%A6%95%E0%A6%BE">প্রাসঙ্গিক আগে<\/a>/);
      assert.match(page, /<input type="hidden" name="sort" value="newest">/, 'the next query keeps the order');
      assert.match(page, /href="\/search\?q=%E0%A6%A2%E0%A6%BE%E0%A6%95%E0%A6%BE&amp;sort=newest&amp;page=2"/);
      const wrong = await get(`/search?q=${encodeURIComponent('ঢাকা')}&sort=oldest`);
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /সাজানো যায় প্রাসঙ্গিকতা/);
    });

    test('publish, update, unpublish and delete reach the index; ভারত does not match ভার; ২০২৩ = 2023', async () => {
      const section = await ctx.t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow();
      const desk = await ctx.t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow();
      const input = (headline: string, body: string) => articleInput(section.id, desk.id, { headline, body });
      const created = await ctx.app.articles.create(editor, input('দায়িত্বের ভার নিলেন নতুন উপাচার্য', 'জোয়ারকাণ্ড মামলার রায় ২০২৩ সালে হয়েছিল।'));
      assert.deepEqual(await foundIds('জোয়ারকাণ্ড'), [], 'a draft is not findable');
      await ctx.app.articles.publish(editor, created.id);
      await ctx.app.events.settle();
      assert.deepEqual(await foundIds('জোয়ারকাণ্ড'), [created.id]);
      assert.ok((await foundIds('ভার')).includes(created.id));
      assert.ok(!(await foundIds('ভারত')).includes(created.id), 'ভারত does not match ভার');
      assert.ok((await foundIds('2023')).includes(created.id));
      assert.deepEqual(await foundIds('২০২৩ জোয়ারকাণ্ড'), await foundIds('2023 জোয়ারকাণ্ড'));

      const current = await ctx.app.articles.get(editor, created.id);
      await ctx.app.articles.save(editor, created.id, input('নতুন শিরোনাম', 'ঝিলমিলপুরের খবর'), current.revision, false);
      await ctx.app.events.settle();
      assert.deepEqual(await foundIds('জোয়ারকাণ্ড'), []);
      assert.deepEqual(await foundIds('ঝিলমিলপুর'), [created.id]);

      await ctx.app.articles.unpublish(editor, created.id);
      await ctx.app.events.settle();
      assert.deepEqual(await foundIds('ঝিলমিলপুর'), []);
      await ctx.app.articles.publish(editor, created.id);
      await ctx.app.events.settle();
      assert.deepEqual(await foundIds('ঝিলমিলপুর'), [created.id]);
      await ctx.app.articles.remove({ ...editor, role: 'admin' }, created.id);
      await ctx.app.events.settle();
      assert.deepEqual(await foundIds('ঝিলমিলপুর'), []);
    });

    test('another process’s change reaches this index through the event bus within a poll', async () => {
      const row = await ctx.t.db.selectFrom('articles').select(['id', 'headline']).where('id', '=', 251001).executeTakeFirstOrThrow();
      // As if another process wrote it: the row changes and an event is appended, nothing local.
      await ctx.t.db
        .updateTable('articles')
        .set({ headline: `${row.headline} টুনটুনিগঞ্জ`, modified_at: new Date().toISOString() })
        .where('id', '=', row.id)
        .execute();
      await ctx.t.db
        .transaction()
        .execute((trx) =>
          appendEvents(trx, [{ type: 'article.updated', payload: { id: row.id, before: null, after: null, significant: false } }], new Date().toISOString()),
        );
      await ctx.app.events.settle();
      assert.deepEqual(await foundIds('টুনটুনিগঞ্জ'), [row.id]);
    });
  });
}
