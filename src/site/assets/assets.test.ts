import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { createAssets } from '../assets.ts';
import { staticAssetsMade } from '../../lib/static-asset.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

function buildApp() {
  const assets = createAssets();
  const app = Fastify();
  assets.routes(app);
  return { app, assets };
}

describe('createAssets', () => {
  it("serves each kind of page's stylesheet under its content hash", async () => {
    const { app, assets } = buildApp();
    for (const href of Object.values(assets.cssHrefs)) assert.match(href, /^\/assets\/site-[a-z]+\.[0-9a-f]{8}\.css$/);
    assert.equal(new Set(Object.values(assets.cssHrefs)).size, Object.keys(assets.cssHrefs).length);
    const res = await app.inject({ url: assets.cssHrefs.article });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/css; charset=utf-8');
    assert.equal(res.headers['cache-control'], IMMUTABLE);
    assert.match(res.body, /@font-face/);
    const again = await app.inject({ url: assets.cssHrefs.article, headers: { 'if-none-match': String(res.headers.etag) } });
    assert.equal(again.statusCode, 304);
  });

  it('serves every font the stylesheet names, as woff2', async () => {
    const { app, assets } = buildApp();
    const css = (await app.inject({ url: assets.cssHrefs.article })).body;
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
    const { app, assets } = buildApp();
    const css = (await app.inject({ url: assets.cssHrefs.article })).body;
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

  it('sends every stylesheet in brotli and gzip made once, each under 14 KB compressed', async () => {
    const { app, assets } = buildApp();
    await staticAssetsMade(); // as a server does before it listens
    for (const href of Object.values(assets.cssHrefs)) {
      const br = await app.inject({ url: href, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      const gzip = await app.inject({ url: href, headers: { 'accept-encoding': 'gzip' } });
      assert.equal(br.headers['content-encoding'], 'br', href);
      assert.equal(gzip.headers['content-encoding'], 'gzip', href);
      assert.ok(br.rawPayload.length <= 14 * 1024, `${href}: ${br.rawPayload.length} bytes in brotli`);
    }
  });

  it('answers 404 to anything else under /assets/', async () => {
    const { app } = buildApp();
    for (const url of [
      '/assets/site.00000000.css',
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
