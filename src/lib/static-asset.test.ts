import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { sendStaticAsset, staticAsset, staticAssetsMade } from './static-asset.ts';

const css = Buffer.from(Array.from({ length: 400 }, (_, i) => `.card-${i} { margin: ${i}px; }`).join('\n'));

describe('static assets', () => {
  test('compressed off the main thread: made after the call returns, never during it', async () => {
    const asset = staticAsset(css, 'text/css; charset=utf-8');
    assert.equal(asset.compressible, true);
    assert.equal(asset.br, null, 'not compressed while the caller waits');
    assert.equal(asset.gzip, null);
    await staticAssetsMade();
    assert.deepEqual(brotliDecompressSync(asset.br!), css);
    assert.deepEqual(gunzipSync(asset.gzip!), css);
    assert.ok(asset.br!.length < asset.gzip!.length && asset.gzip!.length < css.length);
  });

  test('fonts and small files are not compressed', async () => {
    const font = staticAsset(Buffer.alloc(4096, 7), 'font/woff2');
    const tiny = staticAsset(Buffer.from('body{}'), 'text/css');
    await staticAssetsMade();
    for (const a of [font, tiny]) assert.deepEqual([a.compressible, a.br, a.gzip], [false, null, null]);
  });

  test('sent as it is until its compressed forms are made, then brotli or gzip; Vary either way', async () => {
    const asset = staticAsset(css, 'text/css; charset=utf-8');
    const app = Fastify();
    app.get('/a.css', (request, reply) => sendStaticAsset(request, reply, asset, 'public, max-age=31536000, immutable'));
    const get = (encoding: string) => app.inject({ method: 'GET', url: '/a.css', headers: { 'accept-encoding': encoding } });
    const early = await get('br');
    if (!asset.br) {
      // Asked before the thread pool finished: the whole file, correct, uncompressed.
      assert.equal(early.headers['content-encoding'], undefined);
      assert.deepEqual(early.rawPayload, css);
    }
    assert.equal(early.headers.vary, 'Accept-Encoding');
    await asset.ready;
    const br = await get('gzip, deflate, br');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.deepEqual(brotliDecompressSync(br.rawPayload), css);
    const gz = await get('gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gz.rawPayload), css);
    assert.equal((await app.inject({ method: 'GET', url: '/a.css', headers: { 'if-none-match': asset.etag } })).statusCode, 304);
    await app.close();
  });
});
