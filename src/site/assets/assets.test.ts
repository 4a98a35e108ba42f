import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { brotliCompressSync, constants } from 'node:zlib';
import { createAssets } from '../assets.ts';
import { INLINE_STYLES } from '../inline-styles.ts';
import { PAGE_STYLE_NAMES } from '../page-styles.ts';
import { staticAssetsMade } from '../../lib/static-asset.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

function buildApp() {
  const assets = createAssets();
  const app = Fastify();
  assets.routes(app);
  return { app, assets };
}

describe('createAssets', () => {
  it('gives every kind of page its stylesheet, under 14 KB compressed (what a first round trip carries)', () => {
    const { assets } = buildApp();
    assert.deepEqual(Object.keys(assets.styles).sort(), [...PAGE_STYLE_NAMES].sort());
    for (const name of PAGE_STYLE_NAMES) {
      const css = assets.styles[name];
      assert.match(css, /@font-face/, name);
      const br = brotliCompressSync(css, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      assert.ok(br <= 14 * 1024, `${name}: ${br} bytes in brotli`);
    }
  });

  it('serves the reader script under its content hash, in brotli and gzip made once', async () => {
    const { app, assets } = buildApp();
    await staticAssetsMade(); // as a server does before it listens
    assert.match(assets.jsHref, /^\/assets\/reader\.[0-9a-f]{8}\.js$/);
    const res = await app.inject({ url: assets.jsHref });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(res.headers['cache-control'], IMMUTABLE);
    const again = await app.inject({ url: assets.jsHref, headers: { 'if-none-match': String(res.headers.etag) } });
    assert.equal(again.statusCode, 304);
    const br = await app.inject({ url: assets.jsHref, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gzip = await app.inject({ url: assets.jsHref, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(gzip.headers['content-encoding'], 'gzip');
  });

  it('serves every font the stylesheet names, as woff2', async () => {
    const { app } = buildApp();
    const css = INLINE_STYLES.article;
    const fonts = [...css.matchAll(/url\((\/assets\/fonts\/[^)]+\.woff2)\)/g)].map((m) => m[1] ?? '');
    assert.equal(fonts.length, 4);
    for (const url of fonts) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['content-type'], 'font/woff2');
      assert.equal(res.headers['cache-control'], IMMUTABLE);
      assert.equal(res.rawPayload.subarray(0, 4).toString('latin1'), 'wOF2');
    }
  });

  it("names the device's Bengali fonts before the web font, which swaps in", async () => {
    const css = INLINE_STYLES.article;
    const faces = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map((m) => m[1] ?? '');
    const web = faces.filter((f) => f.includes('url('));
    assert.equal(web.length, 4);
    for (const face of web) {
      const src = /src:([^;]*);/.exec(face)?.[1] ?? '';
      assert.ok(src.indexOf("local('NotoSansBengali-") >= 0 && src.indexOf("local('NotoSansBengali-") < src.indexOf('url('), face);
      assert.match(face, /font-display: swap/);
      assert.match(face, /unicode-range:/);
    }
    const regularBengali = web.find((f) => f.includes('bengali-400')) ?? '';
    for (const name of ['Nirmala UI', 'Vrinda', 'Kalpurush', 'SolaimanLipi', 'Hind Siliguri', 'Shonar Bangla'])
      assert.ok(regularBengali.includes(`local('${name}')`), name);
    const fallback = faces.filter((f) => f.includes("'Noto Sans Bengali Fallback'"));
    assert.equal(fallback.length, 2);
    for (const face of fallback)
      for (const d of ['size-adjust', 'ascent-override', 'descent-override', 'line-gap-override']) assert.match(face, new RegExp(`${d}: [0-9.]+%`));
  });

  it('answers 404 to anything else under /assets/', async () => {
    const { app } = buildApp();
    for (const url of [
      '/assets/site.00000000.css',
      '/assets/site-article.00000000.css',
      '/assets/fonts/noto-sans-bengali-bengali-900-normal.woff2',
      '/assets/fonts/..%2F..%2F..%2Fpackage.json',
      '/assets/fonts/../../package.json',
      '/assets/site.css',
    ]) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 404, url);
    }
  });
});
