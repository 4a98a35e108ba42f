// The HTTP edge as a hostile or careless client meets it, over raw sockets so the bytes are exactly
// what such a client sends: the security headers on every kind of answer (pages from the fast path
// and from Fastify, 304, JSON, media, feeds, the admin app, 204s, errors, and what Node's parser
// refuses itself), Strict-Transport-Security only over HTTPS, raw UTF-8 in a URL answered as if
// percent-encoded, and every framework refusal in the catalogue's shape.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { DIALECTS } from './helpers/databases.ts';
import { useTestApp } from './helpers/app.ts';
import { cameOverHttps } from '../src/site/security-headers.ts';
import { INLINE_STYLE_SOURCES } from '../src/site/inline-styles.ts';
import { withEncodedTarget } from '../src/site/client-errors.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  text: string;
}

/** Sends `request` as raw bytes on a new connection; reads the whole answer until the server closes. */
function raw(port: number, request: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // Written, not ended: node:http drops a request whose client half-closes before it is answered.
    const socket = connect(port, '127.0.0.1', () => socket.write(typeof request === 'string' ? Buffer.from(request, 'utf8') : request));
    const chunks: Buffer[] = [];
    socket.setTimeout(30_000, () => socket.destroy(new Error('no answer within 30 s')));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may answer and close before reading all of a large body: what it said still counts.
    socket.on('error', (error) => {
      if (!chunks.length) reject(error);
    });
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const headEnd = all.indexOf('\r\n\r\n');
      if (headEnd < 0) {
        reject(new Error(`no HTTP answer: ${JSON.stringify(all.toString('latin1'))}`));
        return;
      }
      const [statusLine = '', ...lines] = all.subarray(0, headEnd).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        headers[name] = headers[name] === undefined ? line.slice(colon + 1).trim() : `${headers[name]}, ${line.slice(colon + 1).trim()}`;
      }
      let body: Buffer = all.subarray(headEnd + 4);
      if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body, text: body.toString('utf8') });
    });
  });
}

function unchunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

const get = (path: string, headers: Record<string, string> = {}) =>
  `GET ${path} HTTP/1.1\r\nHost: prokash.test\r\n${Object.entries(headers)
    .map(([n, v]) => `${n}: ${v}\r\n`)
    .join('')}Connection: close\r\n\r\n`;

const post = (path: string, contentType: string | undefined, body: string) =>
  `POST ${path} HTTP/1.1\r\nHost: prokash.test\r\n${contentType ? `Content-Type: ${contentType}\r\n` : ''}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;

const DENIED_FEATURES = ['camera', 'microphone', 'geolocation', 'browsing-topics', 'payment', 'usb', 'display-capture'];

function assertSecurityHeaders(response: RawResponse, what: string, https = false): void {
  const h = response.headers;
  assert.match(h['content-security-policy'] ?? '', /default-src 'self'/, `${what}: content-security-policy`);
  assert.match(h['content-security-policy'] ?? '', /object-src 'none'/, `${what}: content-security-policy`);
  assert.equal(h['x-content-type-options'], 'nosniff', `${what}: x-content-type-options`);
  assert.equal(h['referrer-policy'], 'strict-origin-when-cross-origin', `${what}: referrer-policy`);
  assert.equal(h['x-frame-options'], 'DENY', `${what}: x-frame-options`);
  for (const feature of DENIED_FEATURES) {
    assert.match(h['permissions-policy'] ?? '', new RegExp(`(^|, )${feature}=\\(\\)(,|$)`), `${what}: permissions-policy denies ${feature}`);
  }
  assert.equal(h['strict-transport-security'], https ? 'max-age=31536000' : undefined, `${what}: strict-transport-security`);
  // A page's policy allows its inline stylesheet by hash; anything else's names no hashes (they would be 400 wasted bytes).
  const styleSrc = /(?:^|; )style-src ([^;]*)/.exec(h['content-security-policy'] ?? '')?.[1];
  const type = h['content-type'];
  if (type?.startsWith('text/html')) assert.equal(styleSrc, INLINE_STYLE_SOURCES.join(' '), `${what}: a page's style-src`);
  else if (type !== undefined || response.status === 204) assert.equal(styleSrc, "'self'", `${what}: style-src of a ${type ?? 'bodiless answer'}`);
}

function assertApiError(response: RawResponse, status: number, code: string, what: string): void {
  assert.equal(response.status, status, `${what}: ${response.text.slice(0, 200)}`);
  assert.match(response.headers['content-type'] ?? '', /^application\/json/, what);
  const body = JSON.parse(response.text) as { error: { code: string; message: string; messageBn: string } };
  assert.equal(body.error.code, code, what);
  assert.match(body.error.messageBn, /[\u0980-\u09ff]/, `${what}: a Bengali sentence`);
  assert.doesNotMatch(response.text, /FST_|Client Error/, `${what}: no framework internals`);
  assertSecurityHeaders(response, what);
}

function assertBengaliPage(response: RawResponse, status: number, what: string): void {
  assert.equal(response.status, status, what);
  assert.match(response.headers['content-type'] ?? '', /^text\/html; charset=utf-8/, what);
  assert.match(response.text, /<html lang="bn">/, what);
  assert.match(response.text, /অনুরোধটি বোঝা যায়নি/, what);
  assertSecurityHeaders(response, what);
}

for (const dialect of DIALECTS) {
  describe(`HTTP edge over raw sockets (${dialect})`, () => {
    const ctx = useTestApp(dialect);
    let port = 0;
    let article: { id: number; path: string };
    before(async () => {
      await ctx.app.server.listen({ port: 0, host: '127.0.0.1' });
      port = (ctx.app.server.server.address() as AddressInfo).port;
      const latest = JSON.parse((await raw(port, get('/api/v1/articles?limit=1'))).text) as { items: { id: number; url: string }[] };
      article = { id: latest.items[0]!.id, path: new URL(latest.items[0]!.url).pathname };
    });
    after(() => ctx.app.server.server.closeAllConnections());

    test('every kind of answer carries the security headers, and Strict-Transport-Security only over HTTPS', async () => {
      const first = await raw(port, get(article.path));
      assert.equal(first.status, 200);
      assertSecurityHeaders(first, 'article page, rendered');
      const cached = await raw(port, get(article.path, { 'accept-encoding': 'br' }));
      assert.equal(cached.status, 200);
      assertSecurityHeaders(cached, 'article page, from the fast path');
      const etag = cached.headers.etag!;
      const notModified = await raw(port, get(article.path, { 'if-none-match': etag }));
      assert.equal(notModified.status, 304);
      assertSecurityHeaders(notModified, '304 from the fast path');
      const articleJson = await raw(port, get(`/api/v1/articles/${article.id}`));
      const media = /"(?:https?:\/\/[^/"]+)?(\/media\/[^"]+)"/.exec(articleJson.text)?.[1];
      assert.ok(media, 'the article has an image');
      const kinds: [string, string, number][] = [
        ['home', get('/'), 200],
        ['JSON API', get('/api/v1/articles?limit=2'), 200],
        ['media', get(media), 200],
        ['RSS feed', get('/rss.xml'), 200],
        ['sitemap', get('/sitemap.xml'), 200],
        ['search page', get('/search?q=%E0%A6%A2%E0%A6%BE%E0%A6%95%E0%A6%BE'), 200],
        ['/healthz', get('/healthz'), 200],
        ['favicon 204', get('/favicon.ico'), 204],
        ['view beacon 204 (fast path)', post(`/api/v1/articles/${article.id}/views`, undefined, ''), 204],
        ['404 page', get('/no/such/page/here'), 404],
        ['404 JSON', get('/api/v1/articles/999999999'), 404],
        ['400 for /%ff', get('/%ff'), 400],
        ['401 admin API', get('/api/admin/session'), 401],
      ];
      for (const [what, request, status] of kinds) {
        const response = await raw(port, request);
        assert.equal(response.status, status, `${what}: ${response.text.slice(0, 200)}`);
        assertSecurityHeaders(response, what);
      }
      const admin = await raw(port, get('/admin'));
      assert.ok([200, 503].includes(admin.status), 'the admin app (503 when not built)');
      assert.equal(admin.headers['x-content-type-options'], 'nosniff');
      assert.match(admin.headers['permissions-policy'] ?? '', /camera=\(\)/);
      assert.match(admin.headers['content-security-policy'] ?? '', /default-src 'self'/, 'the admin app keeps its own policy');

      // Behind a trusted proxy that took the reader's request over HTTPS (the test app trusts it).
      const https = { 'x-forwarded-proto': 'https' };
      assertSecurityHeaders(await raw(port, get(article.path, https)), 'fast path over HTTPS', true);
      assertSecurityHeaders(await raw(port, get(article.path, { ...https, 'if-none-match': etag })), '304 over HTTPS', true);
      assertSecurityHeaders(await raw(port, get('/api/v1/articles?limit=1', https)), 'JSON over HTTPS', true);
      assertSecurityHeaders(await raw(port, get('/%ff', https)), '400 over HTTPS', true);
      const beacon = post(`/api/v1/articles/${article.id}/views`, undefined, '').replace('Connection: close', 'X-Forwarded-Proto: https\r\nConnection: close');
      assertSecurityHeaders(await raw(port, beacon), 'beacon over HTTPS', true);
      assertSecurityHeaders(await raw(port, get(article.path, { 'x-forwarded-proto': 'http' })), 'fast path over plain HTTP');
    });

    test('what Node itself refuses is answered in the catalogue shape with the security headers', async () => {
      const bigHeader = { 'x-padding': 'a'.repeat(20_000) };
      assertApiError(await raw(port, get('/api/v1/articles', bigHeader)), 431, 'HEADERS_TOO_LARGE', '431 for an API');
      const page = await raw(port, get('/', bigHeader));
      assert.equal(page.status, 431);
      assert.match(page.text, /<html lang="bn">/);
      assert.match(page.text, /হেডারগুলো খুব বড়/);
      assertSecurityHeaders(page, '431 for a page');
      assertApiError(await raw(port, 'GET /api/v1/articles HTTP/1.1\r\nHost prokash.test\r\n\r\n'), 400, 'BAD_REQUEST', 'a header without a colon');
      assertBengaliPage(await raw(port, 'GET / HTTP/1.1\r\nHost: prokash.test\r\nBad\u0001Header: x\r\n\r\n'), 400, 'a control byte in a header name');
      assertApiError(await raw(port, 'GET /api/v1/a\u0001b HTTP/1.1\r\nHost: prokash.test\r\n\r\n'), 400, 'BAD_REQUEST', 'a control byte in the URL');
    });

    test('raw UTF-8 in the query or path is answered as if percent-encoded', async () => {
      const encoded = await raw(port, get(`/api/v1/search?q=${encodeURIComponent('পুতিন')}`));
      assert.equal(encoded.status, 200);
      const rawQuery = await raw(port, get('/api/v1/search?q=পুতিন'));
      assert.equal(rawQuery.status, 200, rawQuery.text.slice(0, 300));
      assert.deepEqual(JSON.parse(rawQuery.text), JSON.parse(encoded.text));
      assertSecurityHeaders(rawQuery, 'search API, raw UTF-8 query');

      const searchPage = await raw(port, get('/search?q=পুতিন'));
      assert.equal(searchPage.status, 200);
      assert.match(searchPage.text, /পুতিন/);
      assertSecurityHeaders(searchPage, 'search page, raw UTF-8 query');

      // A path: a tag page, raw and encoded, the same answer.
      const tagPath = `/topic/${encodeURIComponent('রাশিয়া')}`;
      const tagEncoded = await raw(port, get(tagPath));
      const tagRaw = await raw(port, get('/topic/রাশিয়া'));
      assert.equal(tagRaw.status, tagEncoded.status);
      assert.equal(tagRaw.headers.etag, tagEncoded.headers.etag);
      assertSecurityHeaders(tagRaw, 'tag page, raw UTF-8 path');

      // A POST with a raw UTF-8 query and its body: answered as well (the beacon, through Fastify).
      const beacon = await raw(port, post(`/api/v1/articles/${article.id}/views?from=হোম`, 'application/json', '{}'));
      assert.equal(beacon.status, 204);

      // Bytes that are not UTF-8 at all: a clear 400, in the shape of the route they aimed at.
      assertBengaliPage(
        await raw(port, Buffer.from('GET /search?q=\xff\xfe HTTP/1.1\r\nHost: prokash.test\r\n\r\n', 'latin1')),
        400,
        'raw bytes that are not UTF-8',
      );
      assertApiError(
        await raw(port, Buffer.from('GET /api/v1/articles/\xff HTTP/1.1\r\nHost: prokash.test\r\n\r\n', 'latin1')),
        400,
        'BAD_REQUEST',
        'raw non-UTF-8 bytes in an API path',
      );
      assertBengaliPage(await raw(port, get('/%ff')), 400, '/%ff');
      assertBengaliPage(await raw(port, get('/search?q=%ff')), 400, '/search?q=%ff');
      assert.equal((await raw(port, get('/search?q=100%'))).status, 200, 'a lone % is itself');
      assertApiError(await raw(port, get('/api/v1/articles/%ff')), 400, 'BAD_REQUEST', '/api/…/%ff');
    });

    test("Fastify's own refusals answer with catalogue codes, never its internal ones", async () => {
      const comments = `/api/v1/articles/${article.id}/comments`;
      assertApiError(await raw(port, post(comments, 'application/json', '')), 400, 'BAD_REQUEST', 'an empty JSON body');
      assertApiError(await raw(port, post(comments, 'application/json', '{"name": "ক", ')), 400, 'BAD_REQUEST', 'malformed JSON');
      assertApiError(await raw(port, post(comments, 'text/csv', 'a,b')), 415, 'UNSUPPORTED_CONTENT_TYPE', 'a content type nobody parses');
      assertApiError(await raw(port, post(comments, 'application/json', `"${'ক'.repeat(800_000)}"`)), 413, 'BODY_TOO_LARGE', 'a body over the limit');
      assertApiError(
        await raw(port, post(comments, 'application/x-www-form-urlencoded', `body=${'a'.repeat(20_000)}`)),
        413,
        'BODY_TOO_LARGE',
        'a form over its limit',
      );
    });
  });
}

test('withEncodedTarget forgives raw UTF-8 in the target only', () => {
  const bytes = (s: string) => Buffer.from(s, 'utf8');
  assert.equal(
    withEncodedTarget(bytes('GET /search?q=পুতিন HTTP/1.1\r\nHost: x\r\n\r\n'))?.toString('latin1'),
    'GET /search?q=%E0%A6%AA%E0%A7%81%E0%A6%A4%E0%A6%BF%E0%A6%A8 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  );
  assert.equal(withEncodedTarget(bytes('GET /a\u0001ক HTTP/1.1\r\nHost: x\r\n\r\n')), undefined, 'a control byte');
  assert.equal(withEncodedTarget(bytes('GET /a b HTTP/1.1\r\nHost: x\r\n\r\n')), undefined, 'no UTF-8 to forgive');
  assert.equal(withEncodedTarget(bytes('GET /ক HTTP/1.1\r\nHost: x\r\n')), undefined, 'the head is not all here');
  assert.equal(withEncodedTarget(bytes('POST /ক HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc')), undefined, 'the body is not all here');
  assert.equal(withEncodedTarget(bytes('POST /ক HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n')), undefined, 'a streamed body');
});

test('X-Forwarded-Proto counts only from a trusted proxy', () => {
  const request = (headers: Record<string, string>, encrypted = false) => ({ headers, socket: { encrypted } }) as unknown as IncomingMessage;
  assert.equal(cameOverHttps(request({ 'x-forwarded-proto': 'https' }), false), false);
  assert.equal(cameOverHttps(request({ 'x-forwarded-proto': 'https' }), true), true);
  assert.equal(cameOverHttps(request({ 'x-forwarded-proto': 'https, http' }), true), true);
  assert.equal(cameOverHttps(request({ 'x-forwarded-proto': 'http, https' }), true), false);
  assert.equal(cameOverHttps(request({}, true), false), true);
});
