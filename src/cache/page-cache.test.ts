import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { PageCache, fragmentEnd, fragmentStart, identityOf } from './page-cache.ts';

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
  assert.equal(identityOf(v1).toString(), `<main>খবর</main>${fragmentStart('lists')}<ol>one</ol>${fragmentEnd('lists')}<footer></footer>`);
  const same = await cache.getOrRender('/n/9', render, { lists: { version: 1, html: '<ol>one</ol>' } });
  assert.equal(same.etag, v1.etag);
  const v2 = await cache.getOrRender('/n/9', render, { lists: { version: 2, html: '<ol>two</ol>' } });
  assert.ok(identityOf(v2).toString().includes('<ol>two</ol>'));
  assert.notEqual(v2.etag, v1.etag, 'a new body has a new ETag');
  assert.equal(renders, 1, 'never rendered again');
  assert.equal(cache.getStats().recomposed, 1);
  const without = await cache.getOrRender('/other', page(`${fragmentStart('lists')}<ol>kept</ol>${fragmentEnd('lists')}`));
  assert.ok(identityOf(without).toString().includes('<ol>kept</ol>'), 'without a fragment the rendered region stays');
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

test('an expired page is served as it was when rendering it afresh fails for a reason the cache is told to ride out', async () => {
  let now = 0;
  const trouble = Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' });
  const cache = new PageCache({ ttlMs: 1000, maxBytes: 1e6, now: () => now, staleOnError: (error) => error === trouble });
  const failing = (error: Error) => () => Promise.reject(error);
  await cache.getOrRender('/a', page('A', ['article:1']));
  await cache.getOrRender('/b', page('B', ['article:2']));
  now = 5000; // both expired
  assert.equal(identityOf(await cache.getOrRender('/a', failing(trouble))).toString(), 'A');
  assert.equal(cache.getStats().servedStale, 1);
  // Another error is the caller's to answer.
  const bug = new Error('a bug');
  await assert.rejects(cache.getOrRender('/a', failing(bug)), bug);
  // A page withdrawn by an invalidation is never brought back.
  cache.invalidate(['article:2']);
  await assert.rejects(cache.getOrRender('/b', failing(trouble)), trouble);
  // Once rendering works again the page is rendered afresh and kept.
  assert.equal(identityOf(await cache.getOrRender('/a', page('A2'))).toString(), 'A2');
  now = 10_000;
  assert.equal(identityOf(await cache.getOrRender('/a', failing(trouble))).toString(), 'A2');
});

test('a render under way when what it shows is invalidated is not kept, and a request after it renders afresh', async () => {
  const cache = new PageCache({ ttlMs: 60_000, maxBytes: 1e6 });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let renders = 0;
  const render = (body: string) => async () => {
    renders++;
    if (renders === 1) await held; // read the comments before the approval, answers after it
    return { status: 200, contentType: 'text/html', body, tags: ['article:7'], cache: true };
  };
  const before = cache.getOrRender('/n/7', render('no comment'));
  cache.invalidate(['article:7']); // the approval's event, while that render is under way
  const after = await cache.getOrRender('/n/7', render('with the comment'));
  assert.equal(identityOf(after).toString(), 'with the comment', 'a request after the invalidation does not wait for the stale render');
  release();
  assert.equal(identityOf(await before).toString(), 'no comment');
  assert.equal(identityOf(await cache.getOrRender('/n/7', render('again'))).toString(), 'with the comment', 'the stale render was not stored over it');
  assert.equal(renders, 2);

  // An invalidation of something the page does not show keeps it.
  let release2!: () => void;
  const held2 = new Promise<void>((resolve) => (release2 = resolve));
  const other = cache.getOrRender(
    '/n/8',
    async () => (await held2, { status: 200, contentType: 'text/html', body: 'eight', tags: ['article:8'], cache: true }),
  );
  cache.invalidate(['article:9']);
  release2();
  await other;
  assert.ok(cache.has('/n/8'));
  cache.clear();
});

test('a page keeps its own Cache-Control through recomposition', async () => {
  const cache = new PageCache({ ttlMs: 60_000, maxBytes: 1e6 });
  const render = () =>
    Promise.resolve({
      status: 200,
      contentType: 'text/html',
      body: `<p>x</p>${fragmentStart('lists')}${fragmentEnd('lists')}`,
      tags: [],
      cache: true,
      cacheControl: 'public, max-age=0',
    });
  assert.equal((await cache.getOrRender('/c', render, { lists: { version: 1, html: 'a' } })).cacheControl, 'public, max-age=0');
  const recomposed = await cache.getOrRender('/c', render, { lists: { version: 2, html: 'b' } });
  assert.equal(recomposed.cacheControl, 'public, max-age=0');
  assert.equal(cache.getStats().recomposed, 1);
});

test('a held page keeps only its compressed forms once brotli is made, and is served the same in every encoding', async () => {
  const cache = new PageCache({ ttlMs: 60_000, maxBytes: 1e6 });
  const html = `<main>${'খবরের শিরোনাম, '.repeat(400)}</main>${fragmentStart('lists')}<ol>one</ol>${fragmentEnd('lists')}<footer>শেষ</footer>`;
  const render = () => Promise.resolve({ status: 200, contentType: 'text/html', body: html, tags: ['article:3'], cache: true });
  const first = await cache.getOrRender('/n/3', render, { lists: { version: 1, html: '<ol>one</ol>' } });
  const raw = Buffer.byteLength(html);
  assert.equal(cache.getStats().bytes, raw, 'the uncompressed body alone, before any client asked for a compressed form');
  const br = await cache.encode(first, 'br');
  assert.equal(first.body, undefined, 'the uncompressed body is let go');
  assert.equal(first.length, raw);
  assert.equal(cache.getStats().bytes, br.length, 'only the brotli bytes are counted');
  assert.ok(br.length * 10 < raw);
  assert.equal(identityOf(first).toString(), html, 'decoded again for a client that takes no compression');
  assert.equal(gunzipSync(await cache.encode(first, 'gzip')).toString(), html, 'gzip is made from the decoded body');
  assert.equal(cache.getStats().bytes, br.length + first.encoded.gzip!.length);
  // A newer fragment recomposes the page from its brotli form.
  const next = await cache.getOrRender('/n/3', render, { lists: { version: 2, html: '<ol>two</ol>' } });
  assert.equal(identityOf(next).toString(), html.replace('<ol>one</ol>', '<ol>two</ol>'));
  assert.equal(cache.getStats().recomposed, 1);
  // A page the cache does not hold (rendered with caching off) keeps its body: nothing is saved by dropping it.
  const unheld = new PageCache({ ttlMs: 0, maxBytes: 1e6 });
  const once = await unheld.getOrRender('/n/3', render);
  await unheld.encode(once, 'br');
  assert.equal(once.body?.toString(), html);
});

test('a page read often is never the one evicted, though it is not moved on every read', async () => {
  // 10 pages of 1,000 bytes in 10,000: each new page evicts the least recently used.
  const cache = new PageCache({ ttlMs: 60_000, maxBytes: 10_000 });
  const body = (n: number) => String(n % 10).repeat(1000);
  for (let n = 0; n < 10; n++) await cache.getOrRender(`/${n}`, page(body(n)));
  let evictedHot = false;
  for (let n = 10; n < 200; n++) {
    // The hot page is read between every two new pages (peek, as the fast path reads it).
    assert.ok(cache.peek('/0', {}), `the hot page is held after ${n - 10} new pages`);
    await cache.getOrRender(`/${n}`, page(body(n)));
    if (!cache.has('/0')) evictedHot = true;
  }
  assert.equal(evictedHot, false);
  assert.ok(cache.getStats().bytes <= 10_000);
  assert.equal(cache.getStats().entries, 10);
  assert.equal(cache.has('/150'), false, 'the pages read once went, oldest first');
  assert.equal(cache.has('/199'), true);
});

test('peek serves a page again without comparing fragment versions until the fragments change', async () => {
  const cache = new PageCache({ ttlMs: 60_000, maxBytes: 1e6 });
  const lists1 = { lists: { version: 1, html: '<ol>1</ol>' } };
  await cache.getOrRender('/a', page(`${fragmentStart('lists')}${fragmentEnd('lists')}`), lists1);
  assert.ok(cache.peek('/a', lists1));
  assert.ok(cache.peek('/a', lists1), 'the same snapshot: served');
  assert.equal(cache.peek('/a', { lists: { version: 2, html: '<ol>2</ol>' } }), undefined, 'a newer version: the full path recomposes');
  assert.equal(cache.peek('/a', undefined), undefined, 'fragments not ready: the full path');
  assert.ok(cache.peek('/a', { lists: { version: 1, html: '<ol>1</ol>' } }), 'another snapshot with the same versions: served');
});
