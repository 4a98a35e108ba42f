import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { buildTestApp, useTestApp } from './helpers/app.ts';
import { AdminClient } from './helpers/admin-client.ts';
import type { App } from '../src/app.ts';

type Summary = { id: number; publishedAt: string; section: { path: string } };

for (const dialect of DIALECTS) {
  describe(`the content API: lists, pages, ETags, CORS (${dialect})`, () => {
    const ctx = useTestApp(dialect);

    test('a cursor walks the whole list once, newest first, and next links to the following page', async () => {
      const all = (await ctx.get('/api/v1/latest?limit=100')).json<{ items: Summary[] }>().items;
      const seen: Summary[] = [];
      let url: string | null = '/api/v1/latest?limit=7';
      for (let pages = 0; url && pages < 30; pages++) {
        const res = await ctx.get(url.replace('http://prokash.test', ''));
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json<{ items: Summary[]; next: string | null; nextCursor: string | null }>();
        seen.push(...body.items);
        if (body.next) assert.equal(res.headers.link, `<${body.next}>; rel="next"`);
        url = body.next;
      }
      assert.deepEqual(
        seen.map((a) => a.id),
        all.slice(0, seen.length).map((a) => a.id),
      );
      assert.equal(new Set(seen.map((a) => a.id)).size, seen.length, 'no article twice');
      assert.ok(seen.length >= 60, `${seen.length} articles`);
      const bad = await ctx.get('/api/v1/latest?cursor=bm90LWEtY3Vyc29y');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /cursor: not a cursor this list gave/);
      const tagsCursor = (await ctx.get('/api/v1/tags?limit=1')).json().nextCursor as string;
      assert.equal((await ctx.get(`/api/v1/articles?cursor=${tagsCursor}`)).statusCode, 400, "another list's cursor is refused");
    });

    test('articles by day and by range of days (the site’s zone), by district; bad days are 400', async () => {
      const latest = (await ctx.get('/api/v1/latest?limit=1')).json<{ items: Summary[] }>().items[0]!;
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Dhaka' }).format(new Date(latest.publishedAt));
      const ofDay = (await ctx.get(`/api/v1/articles?date=${day}&limit=100`)).json<{ items: Summary[] }>().items;
      assert.ok(ofDay.some((a) => a.id === latest.id));
      for (const a of ofDay) assert.equal(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Dhaka' }).format(new Date(a.publishedAt)), day);
      const range = (await ctx.get(`/api/v1/articles?from=2000-01-01&to=${day}&limit=100`)).json<{ items: Summary[] }>().items;
      assert.ok(range.length >= ofDay.length);
      for (const url of [
        '/api/v1/articles?date=2026-02-30',
        '/api/v1/articles?date=yesterday',
        '/api/v1/articles?from=2026-11-02&to=2026-11-01',
        `/api/v1/articles?date=${day}&from=${day}`,
      ]) {
        const res = await ctx.get(url);
        assert.equal(res.statusCode, 400, url);
        assert.equal(res.json().error.code, 'INVALID_INPUT');
      }
      assert.equal((await ctx.get('/api/v1/articles?district=nowhere')).statusCode, 422);
    });

    test('tags, people and districts', async () => {
      const tags = (await ctx.get('/api/v1/tags?limit=100')).json();
      assert.ok(tags.items.length > 0 && tags.items.every((t: { url: string }) => t.url.startsWith('http://prokash.test/topic/')));
      const people = (await ctx.get('/api/v1/people?limit=100')).json();
      assert.ok(people.items.some((p: { slug: string; kind: string }) => p.slug === 'prokash-desk' && p.kind === 'desk'));
      const districts = (await ctx.get('/api/v1/districts')).json();
      assert.equal(districts.items.length, 64);
      assert.ok(districts.items.some((d: { name: string; division: { name: string } }) => d.name === 'কুমিল্লা' && d.division.name === 'চট্টগ্রাম'));
    });

    test('an ETag on every read, and 304 without a body when it still holds', async () => {
      for (const url of ['/api/v1/articles/251042', '/api/v1/sections', '/api/v1/latest?limit=5', '/api/v1/tags']) {
        const first = await ctx.get(url);
        const etag = first.headers.etag as string;
        assert.match(etag, /^W\/"[\w-]+"$/, url);
        assert.match(first.headers['cache-control'] as string, /public, max-age=\d+/);
        const again = await ctx.get(url, { 'if-none-match': etag });
        assert.equal(again.statusCode, 304, url);
        assert.equal(again.body, '');
        assert.equal((await ctx.get(url, { 'if-none-match': 'W/"other"' })).statusCode, 200);
      }
    });

    test('CORS: any origin may read by default, a preflight is answered, the newsroom API is not opened', async () => {
      const res = await ctx.get('/api/v1/sections', { origin: 'https://partner.example' });
      assert.equal(res.headers['access-control-allow-origin'], '*');
      assert.match(res.headers['access-control-expose-headers'] as string, /ETag/);
      const preflight = await ctx.app.server.inject({
        method: 'OPTIONS',
        url: '/api/v1/articles',
        headers: { origin: 'https://partner.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
      assert.equal(preflight.statusCode, 204);
      assert.equal(preflight.headers['access-control-allow-methods'], 'GET, HEAD');
      assert.match(preflight.headers['access-control-allow-headers'] as string, /Authorization/);
      const admin = await ctx.get('/api/admin/setup', { origin: 'https://partner.example' });
      assert.equal(admin.headers['access-control-allow-origin'], undefined);
    });
  });

  describe(`the content API: allowed origins, tokens with the read scope, rate limits (${dialect})`, () => {
    let t: TestDatabase | undefined;
    let app: App | undefined;
    before(async () => {
      t = await createTestDatabase(dialect);
      app = await buildTestApp(t, undefined, { config: { apiCorsOrigins: ['https://app.partner.example'], apiRateLimit: 3, apiTokenRateLimit: 5 } });
    });
    after(async () => {
      await app?.server.close();
      await t?.destroy();
    });
    const get = (url: string, headers: Record<string, string> = {}) => app!.server.inject({ method: 'GET', url, headers });

    test('only the listed origins are allowed', async () => {
      const listed = await get('/api/v1/districts', { origin: 'https://app.partner.example', 'x-forwarded-for': '10.0.0.1' });
      assert.equal(listed.headers['access-control-allow-origin'], 'https://app.partner.example');
      assert.match(listed.headers.vary as string, /Origin/);
      const other = await get('/api/v1/districts', { origin: 'https://elsewhere.example', 'x-forwarded-for': '10.0.0.1' });
      assert.equal(other.headers['access-control-allow-origin'], undefined);
    });

    test('an address without a token is limited, then 429 with Retry-After and RateLimit headers', async () => {
      const ip = { 'x-forwarded-for': '10.0.0.2' };
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await get('/api/v1/sections', ip));
      assert.deepEqual(
        answers.map((a) => a.statusCode),
        [200, 200, 200, 429],
      );
      assert.deepEqual(
        answers.map((a) => a.headers['ratelimit-remaining']),
        ['2', '1', '0', '0'],
      );
      const refused = answers[3]!;
      assert.equal(refused.json().error.code, 'API_RATE_LIMITED');
      assert.ok(Number(refused.headers['retry-after']) >= 1 && Number(refused.headers['retry-after']) <= 60);
      assert.equal(refused.headers['ratelimit-limit'], '3');
      assert.equal((await get('/api/v1/sections', { 'x-forwarded-for': '10.0.0.3' })).statusCode, 200, 'another address has its own count');
    });

    test('a partner token (read scope) reads with its own limit, and nothing of the newsroom; a bad token is 401', async () => {
      const admin = await AdminClient.setup(app!.server, 'সম্পাদক', 'owner@prokash.test', 'a long enough password');
      const made = await admin.call('POST', '/api/admin/tokens', { name: 'partner app', scope: 'read' }, 201);
      assert.deepEqual([made.token.scope, made.token.role], ['read', null]);
      const bad = await admin.request('POST', '/api/admin/tokens', { name: 'x', scope: 'read', role: 'editor' });
      assert.equal(bad.statusCode, 400);
      const auth = { authorization: `Bearer ${made.secret}`, 'x-forwarded-for': '10.0.0.4' };
      const reads = [];
      for (let i = 0; i < 6; i++) reads.push((await get('/api/v1/latest?limit=1', auth)).statusCode);
      assert.deepEqual(reads, [200, 200, 200, 200, 200, 429], 'the token limit (5), not the address limit (3)');
      const partner = AdminClient.withToken(app!.server, made.secret);
      const newsroom = await partner.request('GET', '/api/admin/articles');
      assert.equal(newsroom.statusCode, 403);
      assert.match(newsroom.json().error.message, /read scope/);
      const wrong = await get('/api/v1/latest', { authorization: 'Bearer pk_not-a-token', 'x-forwarded-for': '10.0.0.5' });
      assert.equal(wrong.statusCode, 401);
      // A newsroom token keeps its meaning.
      const editor = await admin.call('POST', '/api/admin/tokens', { name: 'desk tool', role: 'editor' }, 201);
      assert.deepEqual([editor.token.scope, editor.token.role], ['newsroom', 'editor']);
      assert.equal((await AdminClient.withToken(app!.server, editor.secret).request('GET', '/api/admin/articles')).statusCode, 200);
    });
  });
}
