// Issue 14: every text response worth compressing goes out in brotli or gzip, as the client asks,
// and the compressed forms of what does not change per request are made once, not per request.
// A body under 1 KB (robots.txt, a small sitemap index) goes as it is: compressing it costs more than it saves.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIALECTS } from './helpers/databases.ts';
import { useTestApp } from './helpers/app.ts';

const ARTICLE = '/world/asia/251042';
const MIN_COMPRESS = 1024; // bytes

for (const dialect of DIALECTS) {
  describe(`text responses are compressed (${dialect})`, () => {
    const ctx = useTestApp(dialect);
    const kinds: { name: string; url: string; type: RegExp; status?: number }[] = [];

    before(async () => {
      const home = await ctx.get('/');
      const js = /<script src="([^"]+)"/.exec(home.body)?.[1];
      assert.ok(js, 'the home page links its script');
      kinds.push(
        { name: 'home page', url: '/', type: /^text\/html/ },
        { name: 'article page', url: ARTICLE, type: /^text\/html/ },
        { name: 'section page', url: '/world', type: /^text\/html/ },
        { name: 'search page', url: `/search?q=${encodeURIComponent('মেকং')}`, type: /^text\/html/ },
        { name: 'not-found page', url: '/no/such/page', type: /^text\/html/, status: 404 },
        { name: 'reader script', url: js, type: /^text\/javascript/ },
        { name: 'RSS feed', url: '/rss.xml', type: /^application\/rss\+xml/ },
        { name: 'sitemap index', url: '/sitemap.xml', type: /^application\/xml/ },
        { name: 'news sitemap', url: '/sitemap-news.xml', type: /^application\/xml/ },
        { name: 'sections sitemap', url: '/sitemaps/sections.xml', type: /^application\/xml/ },
        { name: 'API description', url: '/api/docs', type: /^application\/json/ },
        { name: 'robots.txt', url: '/robots.txt', type: /^text\/plain/ },
      );
    });

    for (const encoding of ['br', 'gzip'] as const) {
      it(`answers every kind of text in ${encoding} when the client takes it, the same text as uncompressed`, async () => {
        for (const kind of kinds) {
          const plain = await ctx.get(kind.url);
          const packed = await ctx.get(kind.url, { 'accept-encoding': encoding === 'br' ? 'gzip, deflate, br' : 'gzip, deflate' });
          assert.equal(packed.statusCode, kind.status ?? 200, kind.name);
          assert.match(String(packed.headers['content-type']), kind.type, kind.name);
          if (plain.rawPayload.length < MIN_COMPRESS) {
            assert.equal(packed.headers['content-encoding'], undefined, `${kind.name} (${plain.rawPayload.length} bytes)`);
            continue;
          }
          assert.equal(packed.headers['content-encoding'], encoding, `${kind.name} (${kind.url})`);
          assert.match(String(packed.headers.vary), /accept-encoding/i, kind.name);
          const text = (encoding === 'br' ? brotliDecompressSync(packed.rawPayload) : gunzipSync(packed.rawPayload)).toString('utf8');
          if (kind.name !== 'search page') assert.equal(text, plain.body, kind.name); // search pages carry a per-request timing
          assert.ok(packed.rawPayload.length < plain.rawPayload.length, `${kind.name}: ${packed.rawPayload.length} of ${plain.rawPayload.length} bytes`);
        }
      });
    }

    it('makes the not-found page once: later 404s come from the page cache, compressed as they are', async () => {
      const first = await ctx.get('/another/missing/page', { 'accept-encoding': 'br' });
      const before = ctx.app.cache.getStats();
      const again = await ctx.get('/yet/another/missing/page', { 'accept-encoding': 'br' });
      const after = ctx.app.cache.getStats();
      assert.equal(again.statusCode, 404);
      assert.equal(again.headers['cache-control'], 'no-store');
      assert.equal(after.misses, before.misses, 'no page was made');
      assert.equal(after.hits, before.hits + 1);
      assert.deepEqual(again.rawPayload, first.rawPayload);
    });

    it('sends fonts, which are compressed already, as they are', async () => {
      const css = /<style>([^]*?)<\/style>/.exec((await ctx.get('/')).body)?.[1] ?? '';
      const font = /url\((\/assets\/fonts\/[^)]+\.woff2)\)/.exec(css)?.[1];
      assert.ok(font);
      const res = await ctx.get(font, { 'accept-encoding': 'br, gzip' });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-encoding'], undefined);
    });
  });
}
