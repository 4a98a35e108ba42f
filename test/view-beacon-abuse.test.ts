// The view beacon counts public articles only (checked in memory, against the route map), and one
// address cannot multiply its views by changing its User-Agent.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/databases.ts';
import { useTestApp } from './helpers/app.ts';
import { AdminClient } from './helpers/admin-client.ts';
import { VIEW_LIMITS } from '../src/engage/views/view-counter.ts';

const UA = (n: number) => `Mozilla/5.0 (Linux; Android 14; Phone-${n}) AppleWebKit/537.36 Chrome/121 Mobile Safari/537.36`;

for (const dialect of DIALECTS) {
  describe(`view beacons that must not count (${dialect})`, () => {
    const ctx = useTestApp(dialect);
    const beacon = async (id: number | string, ua: string, address: string) => {
      const res = await ctx.app.server.inject({
        method: 'POST',
        url: `/api/v1/articles/${id}/views`,
        headers: { 'user-agent': ua, 'x-forwarded-for': address },
      });
      assert.equal(res.statusCode, 204, 'a beacon is always answered alike');
    };
    const seen = async (id: number) => (await ctx.t.db.selectFrom('view_seen').select('reader').where('article_id', '=', id).execute()).length;

    test('ids that do not exist, drafts and the largest id are answered 204 and stored nowhere; once published, counted', async () => {
      const editor = await AdminClient.setup(ctx.app.server, 'সম্পাদক', 'editor@prokash.test', 'ঢাকা-2026-secret');
      const sectionId = (await ctx.t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow()).id;
      const deskId = (await ctx.t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow()).id;
      const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'খসড়া।' }] }] };
      const { article } = await editor.call(
        'POST',
        '/api/admin/articles',
        { sectionId, headline: 'খসড়া খবর', body, byline: { kind: 'desk', personIds: [deskId] } },
        201,
      );
      for (const id of [article.id, 999_999, 2_147_483_647]) for (let n = 0; n < 5; n++) await beacon(id, UA(n), `192.0.2.${n}`);
      await ctx.app.views.flush();
      for (const id of [article.id, 999_999, 2_147_483_647]) assert.equal(await seen(id), 0, `nothing kept for ${id}`);

      await editor.call('POST', `/api/admin/articles/${article.id}/publish`, undefined, 200);
      await beacon(article.id, UA(1), '192.0.2.1');
      await ctx.app.views.flush();
      assert.equal(await seen(article.id), 1);
    });

    test('rotating the User-Agent from one address counts at most its share; readers on many addresses all count', async () => {
      for (let n = 0; n < 120; n++) await beacon(251061, UA(n), '198.51.100.77');
      for (let n = 0; n < 60; n++) await beacon(251061, UA(n), `203.0.113.${n}`);
      await ctx.app.views.flush();
      assert.equal(await seen(251061), VIEW_LIMITS.perAddress + 60);
    });
  });
}
