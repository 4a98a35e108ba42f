import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { PageCache, fragmentEnd, fragmentStart } from './page-cache.ts';

const page =
  (body: string, tags: string[] = []) =>
  () =>
    Promise.resolve({ status: 200, contentType: 'text/html', body, tags, cache: true });

test('a page is rendered once, however many ask at the same time, and served compressed with an ETag', async () => {
  let renders = 0;
  const cache = new PageCache({ ttlMs: 60_000, maxBytes: 1e6 });
  const slow = async () => {
    renders++;
    await new Promise((r) => setTimeout(r, 20));
    return { status: 200, contentType: 'text/html', body: 'ক'.repeat(2000), tags: ['a'], cache: true };
  };
  const pages = await Promise.all(Array.from({ length: 10 }, () => cache.getOrRender('/x', slow)));
  assert.equal(renders, 1);
  const [first] = pages;
  assert.equal(gunzipSync(await cache.encode(first!, 'gzip')).toString(), 'ক'.repeat(2000));
  assert.equal(brotliDecompressSync(await cache.encode(first!, 'br')).toString(), 'ক'.repeat(2000));
  assert.equal(await cache.encode(first!, 'br'), first!.encoded.br, 'made once, then kept');
  assert.match(first!.etag, /^"[\w-]{22}"$/);
  await cache.getOrRender('/x', slow);
  assert.equal(renders, 1, 'served from memory');
});

test('invalidating a tag drops exactly the pages that carry it', async () => {
  const cache = new PageCache({ ttlMs: 60_000, maxBytes: 1e6 });
  await cache.getOrRender('/a', page('A', ['article:1']));
  await cache.getOrRender('/b', page('B', ['article:2']));
  assert.equal(cache.invalidate(['article:1']), 1);
  let rendered = '';
  await cache.getOrRender('/a', () => ((rendered = 'a'), Promise.resolve({ status: 200, contentType: 'text/html', body: 'A2', tags: [], cache: true })));
  await cache.getOrRender('/b', () => ((rendered += 'b'), Promise.resolve({ status: 200, contentType: 'text/html', body: 'B2', tags: [], cache: true })));
  assert.equal(rendered, 'a');
});

test('a fragment change recomposes cached pages without rendering them again', async () => {
  const cache = new PageCache({ ttlMs: 60_000, maxBytes: 1e6 });
  let renders = 0;
  const render = () => {
    renders++;
    return Promise.resolve({
      status: 200,
      contentType: 'text/html',
      body: `<main>খবর</main>${fragmentStart('lists')}<ol>old</ol>${fragmentEnd('lists')}<footer></footer>`,
      tags: ['article:9'],
      cache: true,
    });
  };
  const v1 = await cache.getOrRender('/n/9', render, { lists: { version: 1, html: '<ol>one</ol>' } });
  assert.equal(v1.body.toString(), `<main>খবর</main>${fragmentStart('lists')}<ol>one</ol>${fragmentEnd('lists')}<footer></footer>`);
  const same = await cache.getOrRender('/n/9', render, { lists: { version: 1, html: '<ol>one</ol>' } });
  assert.equal(same.etag, v1.etag);
  const v2 = await cache.getOrRender('/n/9', render, { lists: { version: 2, html: '<ol>two</ol>' } });
  assert.ok(v2.body.toString().includes('<ol>two</ol>'));
  assert.notEqual(v2.etag, v1.etag, 'a new body has a new ETag');
  assert.equal(renders, 1, 'never rendered again');
  assert.equal(cache.getStats().recomposed, 1);
  const without = await cache.getOrRender('/other', page(`${fragmentStart('lists')}<ol>kept</ol>${fragmentEnd('lists')}`));
  assert.ok(without.body.toString().includes('<ol>kept</ol>'), 'without a fragment the rendered region stays');
});

test('the cache holds no more than its byte limit, dropping the least recently used', async () => {
  const cache = new PageCache({ ttlMs: 60_000, maxBytes: 3000 });
  for (const key of ['/1', '/2', '/3']) await cache.getOrRender(key, page('x'.repeat(900)));
  await cache.getOrRender('/1', page('never'));
  await cache.getOrRender('/4', page('x'.repeat(900)));
  assert.ok(cache.getStats().bytes <= 3000);
  let rerendered = false;
  await cache.getOrRender('/2', () => ((rerendered = true), Promise.resolve({ status: 200, contentType: 'text/html', body: 'x', tags: [], cache: true })));
  assert.ok(rerendered, '/2 was the least recently used');
});
