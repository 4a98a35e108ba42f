import { articleInput } from './helpers/fixtures.ts';
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIALECTS } from './helpers/databases.ts';
import { useTestApp } from './helpers/app.ts';
import type { Actor } from '../src/content/permissions.ts';
import { setRedirects } from '../src/content/redirects/redirect.repository.ts';

const SEED = '/world/asia/251042';
const EDITOR: Actor = { role: 'editor', userId: null, name: 'সম্পাদক' };

/** A raw HTTP GET to a listening server (through the fast path), keeping every header. */
function rawGet(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

for (const dialect of DIALECTS) {
  describe(`cache-first serving (${dialect})`, () => {
    const ctx = useTestApp(dialect);
    let port = 0;
    before(async () => {
      await ctx.app.server.listen({ port: 0, host: '127.0.0.1' });
      port = (ctx.app.server.server.address() as AddressInfo).port;
    });
    after(async () => {
      await ctx.app.server.close();
    });

    /** Queries run by `work`. */
    const queriesDuring = async (work: () => Promise<unknown>) => {
      const before = ctx.t.stats.queries;
      await work();
      return ctx.t.stats.queries - before;
    };

    test('a warm page, a 304, a canonical redirect and an unknown article run no query', async () => {
      const tag = await ctx.t.db.selectFrom('tags').select('slug').orderBy('id').executeTakeFirstOrThrow();
      const person = await ctx.t.db.selectFrom('people').select('slug').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow();
      const pages = [
        SEED,
        '/',
        '/world',
        '/world?page=2',
        '/latest',
        '/popular',
        `/topic/${encodeURIComponent(tag.slug)}`,
        `/author/${person.slug}`,
        '/district/dhaka',
        '/archive/2023/09/13',
        '/rss.xml',
        '/world/rss.xml',
        '/sitemap-news.xml',
      ];
      for (const url of pages) assert.equal((await ctx.get(url)).statusCode, 200, url); // rendered once
      for (const url of pages) {
        let etag = '';
        const warm = await queriesDuring(async () => {
          const res = await ctx.get(url, { 'accept-encoding': 'br, gzip' });
          assert.equal(res.statusCode, 200, url);
          etag = String(res.headers.etag);
        });
        assert.equal(warm, 0, `${url}: a warm hit ran ${warm} queries`);
        const notModified = await queriesDuring(async () => assert.equal((await ctx.get(url, { 'if-none-match': etag })).statusCode, 304, url));
        assert.equal(notModified, 0, `${url}: a 304 ran ${notModified} queries`);
      }
      const redirects = await queriesDuring(async () => {
        for (const path of ['/world/251042', '/national/251042', `${SEED}/mekong-pathagar`, '/world/asia/২৫১০৪২']) {
          const res = await ctx.get(path);
          assert.equal(res.statusCode, 301, path);
          assert.equal(res.headers.location, SEED);
        }
      });
      assert.equal(redirects, 0, 'canonical redirects come from the route map');
      await ctx.app.writer.write((trx, emit) =>
        setRedirects(
          trx,
          [
            { path: '/2023/09/13/পুতিন-কিম', articleId: 251042 },
            { path: '/?p=42', articleId: 251042 },
          ],
          'manual',
          '2026-11-27T06:00:00.000Z',
          emit,
        ),
      );
      // The shared subscribers (search index, webhooks) follow that event in lanes of their own, in the
      // background: their queries are not the pages' and must not land in the counts below.
      await ctx.app.events.settle();
      await ctx.get('/?p=42'); // warms nothing: an old link is answered from memory the first time too
      const oldLinks = await queriesDuring(async () => {
        for (const path of ['/2023/09/13/%E0%A6%AA%E0%A7%81%E0%A6%A4%E0%A6%BF%E0%A6%A8-%E0%A6%95%E0%A6%BF%E0%A6%AE/', '/2023/09/13/পুতিন-কিম', '/?p=42']) {
          const res = await ctx.get(path);
          assert.equal(res.statusCode, 301, path);
          assert.equal(res.headers.location, SEED);
        }
      });
      assert.equal(oldLinks, 0, 'old links come from the redirect map and the route map');
      const missing = await queriesDuring(async () => assert.equal((await ctx.get('/world/asia/999999')).statusCode, 404));
      assert.ok(missing <= 2, `an unknown article id is answered from the route map (${missing} queries: the error page's fragments at most)`);
      const parameters = await queriesDuring(async () => assert.equal((await ctx.get(`${SEED}?fbclid=abc`)).statusCode, 200));
      assert.equal(parameters, 0, 'a tracking parameter shares the cached page');
    });

    test('the fast path serves a warm page before the framework, with the same bytes and headers', async () => {
      await rawGet(port, SEED, { 'accept-encoding': 'br' }); // cached by now, or rendered here
      const viaFramework = await ctx.get(SEED, { 'accept-encoding': 'br' });
      let fast: Awaited<ReturnType<typeof rawGet>> | undefined;
      const queries = await queriesDuring(async () => (fast = await rawGet(port, SEED, { 'accept-encoding': 'br' })));
      assert.equal(queries, 0);
      assert.equal(fast!.status, 200);
      assert.deepEqual(fast!.body, viaFramework.rawPayload, 'the same compressed bytes');
      const comparable = (h: Record<string, unknown>) =>
        Object.fromEntries(
          Object.entries(h)
            .filter(([k]) => !['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(k))
            .sort(),
        );
      assert.deepEqual(comparable(fast!.headers), comparable(viaFramework.headers as Record<string, unknown>), 'the same headers');
      assert.equal(fast!.headers['content-encoding'], 'br');
      assert.ok(String(fast!.headers['content-security-policy']).includes("script-src 'self'"));
      const etag = String(fast!.headers.etag);
      const revalidated = await rawGet(port, SEED, { 'if-none-match': etag });
      assert.equal(revalidated.status, 304);
      assert.equal(revalidated.body.length, 0);
      const head = await rawGet(port, '/', {});
      assert.equal(head.status, 200);
      // The cache now holds the page's brotli form only: a client taking no compression, or gzip,
      // gets the same page, decoded from it, with its own length and the same ETag.
      const html = brotliDecompressSync(fast!.body);
      const plain = await rawGet(port, SEED, {});
      assert.equal(plain.status, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.deepEqual(plain.body, html, 'the uncompressed page is the brotli one decoded');
      assert.equal(Number(plain.headers['content-length']), html.length);
      assert.equal(plain.headers.etag, etag);
      const gzipped = await rawGet(port, SEED, { 'accept-encoding': 'gzip' });
      assert.equal(gzipped.headers['content-encoding'], 'gzip');
      assert.deepEqual(gunzipSync(gzipped.body), html);
      assert.equal(Number(gzipped.headers['content-length']), gzipped.body.length);
    });

    test('a publish drops exactly the pages that list or show the article, and recomposes the rest', async () => {
      const asia = await ctx.t.db.selectFrom('sections').select(['id', 'path']).where('path', '=', 'world/asia').executeTakeFirstOrThrow();
      const desk = await ctx.t.db.selectFrom('people').select(['id', 'slug']).where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow();
      // An unrelated article: another section, not by the desk, not sharing the new article's tag.
      const other = await ctx.t.db
        .selectFrom('articles')
        .innerJoin('sections', 'sections.id', 'articles.section_id')
        .select(['articles.id', 'sections.path'])
        .where('sections.path', '=', 'sports')
        .where('articles.status', '=', 'published')
        .orderBy('articles.id')
        .executeTakeFirstOrThrow();
      const otherUrl = `/${other.path}/${other.id}`;
      const tagName = 'ক্যাশ পরীক্ষার বিষয়';
      const input = (headline: string) =>
        articleInput(asia.id, desk.id, {
          headline,
          body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'নতুন খবরের প্রথম অনুচ্ছেদ।' }] }] },
          tags: [tagName],
        });
      const draft = await ctx.app.articles.create(EDITOR, input('এশিয়ার নতুন খবর: ক্যাশ পরীক্ষা'));
      const tag = await ctx.t.db.selectFrom('tags').select('slug').where('name', '=', tagName).executeTakeFirstOrThrow();
      const listing = ['/', '/latest', '/world', '/world/asia', `/author/${desk.slug}`, `/topic/${encodeURIComponent(tag.slug)}`, '/rss.xml', '/world/rss.xml'];
      const unrelated = [otherUrl, '/sports', SEED, '/national'];
      for (const url of [...listing, ...unrelated]) assert.equal((await ctx.get(url)).statusCode, 200, url);
      for (const url of [...listing, ...unrelated]) assert.ok(ctx.app.cache.has(url), `${url} is cached`);

      // A draft's save changes nothing readers see: nothing is dropped.
      await ctx.app.articles.save(EDITOR, draft.id, input('এশিয়ার নতুন খবর: ক্যাশ পরীক্ষা'), draft.revision, false);
      for (const url of [...listing, ...unrelated]) assert.ok(ctx.app.cache.has(url), `${url} survives a draft's save`);

      await ctx.app.articles.publish(EDITOR, draft.id);
      for (const url of listing) assert.ok(!ctx.app.cache.has(url), `${url} lists the new article: dropped`);
      for (const url of unrelated) assert.ok(ctx.app.cache.has(url), `${url} does not show it: kept`);

      const { misses, recomposed } = ctx.app.cache.getStats();
      const page = await ctx.get(otherUrl);
      assert.ok(page.body.includes('এশিয়ার নতুন খবর: ক্যাশ পরীক্ষা'), 'its সর্বশেষ list shows the new article');
      assert.equal(ctx.app.cache.getStats().misses, misses, 'without rendering it again');
      assert.equal(ctx.app.cache.getStats().recomposed, recomposed + 1);
      assert.ok((await ctx.get('/world/asia')).body.includes('এশিয়ার নতুন খবর: ক্যাশ পরীক্ষা'));

      // A new headline changes the pages that show it, not the ones that only could.
      for (const url of [...listing, ...unrelated, `/world/asia/${draft.id}`]) await ctx.get(url);
      const current = await ctx.app.articles.get(EDITOR, draft.id);
      await ctx.app.articles.save(EDITOR, draft.id, input('এশিয়ার খবর, নতুন শিরোনামে'), current.revision, false);
      assert.ok(!ctx.app.cache.has(`/world/asia/${draft.id}`), 'its own page');
      assert.ok(!ctx.app.cache.has('/world/asia'), 'the front that shows it');
      assert.ok(ctx.app.cache.has('/sports') && ctx.app.cache.has(otherUrl), 'pages that do not show it');
      assert.ok((await ctx.get('/world/asia')).body.includes('এশিয়ার খবর, নতুন শিরোনামে'));
    });
  });
}
