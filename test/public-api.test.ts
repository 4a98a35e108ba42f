import { PUBLIC_ANSWERS } from '../src/api/public-api.routes.ts';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/databases.ts';
import { useTestApp } from './helpers/app.ts';

for (const dialect of DIALECTS) {
  describe(`the public content API (${dialect})`, () => {
    const ctx = useTestApp(dialect);
    const get = (url: string) => ctx.get(url);

    test('articles list newest first with a keyset cursor, and filter by section, tag and author', async () => {
      const first = await get('/api/v1/articles?limit=5');
      assert.equal(first.statusCode, 200);
      assert.match(first.headers['cache-control'] as string, /public/);
      const page1 = first.json();
      assert.equal(page1.items.length, 5);
      assert.equal(page1.items[0].headline, 'মুম্বাইয়ের পুরোনো সিঙ্গেল স্ক্রিন প্রেক্ষাগৃহ ফিরছে নতুন রূপে');
      const page2 = (await get(`/api/v1/articles?limit=5&cursor=${encodeURIComponent(page1.nextCursor)}`)).json();
      assert.equal(page1.next, `http://prokash.test/api/v1/articles?limit=5&cursor=${page1.nextCursor}`);
      assert.ok(page2.items.every((a: { publishedAt: string }) => a.publishedAt <= page1.items[4].publishedAt));
      const asia = (await get('/api/v1/articles?section=world/asia&limit=50')).json();
      assert.ok(asia.items.some((a: { id: number }) => a.id === 251042));
      assert.ok(asia.items.every((a: { section: { path: string } }) => a.section.path === 'world/asia'));
      const desk = (await get('/api/v1/articles?author=prokash-desk&limit=50')).json();
      const deskId = (await ctx.t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow()).id;
      const bylined = await ctx.t.db
        .selectFrom('article_people')
        .select('article_id')
        .where('person_id', '=', deskId)
        .where('published_at', 'is not', null)
        .execute();
      assert.ok(bylined.length >= 2, 'the demo desk has several articles');
      assert.deepEqual(desk.items.map((a: { id: number }) => a.id).sort(), bylined.map((r) => r.article_id).sort());
      assert.ok(desk.items.some((a: { id: number }) => a.id === 251042));
    });

    test('one article in full, sections, latest and popular', async () => {
      const { article } = (await get('/api/v1/articles/251042')).json();
      assert.equal(article.headline, 'মেকংয়ের তীরে ভাসমান পাঠাগার');
      assert.equal(article.bodyText.split('\n\n').length, 10);
      assert.deepEqual(
        article.byline.map((b: { name: string }) => b.name),
        ['প্রকাশ ডেস্ক'],
      );
      assert.equal(article.image.credit, 'সংগৃহীত');
      const sections = (await get('/api/v1/sections')).json();
      assert.ok(
        sections.items.some((s: { path: string; children: Array<{ path: string }> }) => s.path === 'world' && s.children.some((c) => c.path === 'world/asia')),
      );
      assert.equal((await get('/api/v1/latest?limit=20')).json().items.length, 20);
      assert.equal((await get('/api/v1/popular?window=6h')).json().window, '6h');
    });

    test('every answer has the shape the OpenAPI document declares', async () => {
      const answers: Array<[string, keyof typeof PUBLIC_ANSWERS]> = [
        ['/api/v1/articles?limit=5', 'list'],
        ['/api/v1/articles/251042', 'article'],
        ['/api/v1/sections', 'sections'],
        ['/api/v1/latest?limit=5', 'latest'],
        ['/api/v1/popular?window=24h', 'popular'],
        [`/api/v1/suggest?q=${encodeURIComponent('মেক')}`, 'suggest'],
      ];
      for (const [url, shape] of answers) {
        const parsed = PUBLIC_ANSWERS[shape].strict().safeParse((await get(url)).json());
        assert.ok(parsed.success, `${url}: ${parsed.error?.message}`);
      }
      const doc = (await get('/api/docs')).json();
      const declared = doc.paths['/api/v1/articles/{id}'].get.responses['200'].content['application/json'].schema;
      assert.ok(declared.properties.article, 'the document shows the declared answer');
      const publish = doc.paths['/api/admin/articles/{id}/publish'].post;
      assert.deepEqual([publish['x-access'], publish.security?.length], ['signed-in', 2], 'the service decides per article who may publish');
      assert.ok(publish['x-invalidates'].includes('latest'), 'a publish names the cache tags it makes stale');
    });

    test('the OpenAPI document describes both APIs', async () => {
      const res = await get('/api/docs');
      assert.equal(res.statusCode, 200);
      const doc = res.json();
      assert.equal(doc.openapi, '3.1.0');
      for (const path of ['/api/v1/articles', '/api/admin/articles/{id}/publish', '/api/admin/media']) assert.ok(doc.paths[path], path);
      const body = doc.paths['/api/admin/articles'].post.requestBody.content['application/json'].schema;
      assert.ok(body.properties.headline && body.properties.byline, 'request bodies come from the validating schemas');
    });

    test('malformed queries are 400s, a section that does not exist 422, unknown articles 404', async () => {
      for (const url of ['/api/v1/articles?limit=0', '/api/v1/articles?before=yesterday', '/api/v1/popular?window=1y', '/api/v1/articles?colour=red']) {
        const res = await get(url);
        assert.equal(res.statusCode, 400, url);
        assert.equal(res.json().error.code, 'INVALID_INPUT', url);
      }
      const nowhere = await get('/api/v1/articles?section=nowhere');
      assert.equal(nowhere.statusCode, 422);
      assert.equal(nowhere.json().error.code, 'UNPROCESSABLE');
      const missing = await get('/api/v1/articles/999999');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'NOT_FOUND');
    });
  });
}
