// Who may change what readers read under a photo: a reporter the caption, credit and alt text of
// images they uploaded, until an article showing one is published or scheduled; sub-editors and
// editors any image.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { buildTestApp, TEST_NOW } from './helpers/app.ts';
import { AdminClient, multipartBody } from './helpers/admin-client.ts';
import { fixedClock } from '../src/lib/clock.ts';
import type { App } from '../src/app.ts';

const PASSWORD = 'ঢাকা-2026-secret';

for (const dialect of DIALECTS) {
  describe(`changing an image's words (${dialect})`, () => {
    let t: TestDatabase;
    let app: App;
    const users = {} as Record<'admin' | 'alo' | 'badal' | 'sub' | 'editor', AdminClient>;

    before(async () => {
      t = await createTestDatabase(dialect);
      app = await buildTestApp(t, fixedClock(TEST_NOW));
      users.admin = await AdminClient.setup(app.server, 'প্রশাসক', 'admin@prokash.test', PASSWORD);
      const people = [
        ['alo', 'reporter'],
        ['badal', 'reporter'],
        ['sub', 'sub-editor'],
        ['editor', 'editor'],
      ] as const;
      for (const [name, role] of people) {
        await users.admin.call('POST', '/api/admin/users', { name, email: `${name}@prokash.test`, role, password: PASSWORD }, 201);
        users[name] = await AdminClient.login(app.server, `${name}@prokash.test`, PASSWORD);
      }
    });
    after(async () => {
      await app.server.close();
      await t.destroy();
    });

    let shade = 0;
    async function upload(client: AdminClient): Promise<number> {
      shade += 40; // a different picture each time: the same bytes would give back the stored image
      const data = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: shade, g: 90, b: 120 } } })
        .jpeg()
        .toBuffer();
      const { payload, contentType } = multipartBody({ name: 'photo.jpg', type: 'image/jpeg', data }, { caption: 'প্রথম ক্যাপশন', credit: 'প্রকাশ' });
      const headers: Record<string, string> = { 'content-type': contentType, cookie: client.cookie, 'x-csrf-token': client.csrf };
      const res = await app.server.inject({ method: 'POST', url: '/api/admin/media', headers, payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().image.id;
    }
    const edit = (client: AdminClient, id: number, caption: string) => client.request('PATCH', `/api/admin/media/${id}`, { caption, credit: 'ছবি : রয়টার্স' });
    const caption = async (id: number) => (await t.db.selectFrom('images').select('caption').where('id', '=', id).executeTakeFirstOrThrow()).caption;

    test('the upload records who uploaded it', async () => {
      const id = await upload(users.alo);
      const row = await t.db.selectFrom('images').select('uploaded_by').where('id', '=', id).executeTakeFirstOrThrow();
      const alo = await t.db.selectFrom('users').select('id').where('email', '=', 'alo@prokash.test').executeTakeFirstOrThrow();
      assert.equal(row.uploaded_by, alo.id);
    });

    test("a reporter changes their own image's words, not another reporter's nor an imported one's", async () => {
      const mine = await upload(users.alo);
      assert.equal((await edit(users.alo, mine, 'আমার ক্যাপশন')).statusCode, 200);
      assert.equal(await caption(mine), 'আমার ক্যাপশন');

      const res = await edit(users.badal, mine, 'অন্যের ক্যাপশন');
      assert.deepEqual([res.statusCode, res.json().error.code], [403, 'FORBIDDEN']);
      assert.equal(await caption(mine), 'আমার ক্যাপশন', 'unchanged');

      const seeded = await t.db.selectFrom('images').select('id').where('uploaded_by', 'is', null).executeTakeFirstOrThrow();
      const before = await caption(seeded.id);
      assert.equal((await edit(users.alo, seeded.id, 'দখল')).statusCode, 403, 'an image nobody uploaded here (the seed, an import)');
      assert.equal(await caption(seeded.id), before);
      assert.equal((await edit(users.sub, seeded.id, 'সহ-সম্পাদকের ক্যাপশন')).statusCode, 200, 'a sub-editor edits any image');
    });

    test('once a published article shows it, only sub-editors and editors change it', async () => {
      const id = await upload(users.alo);
      const sectionId = (await t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow()).id;
      const deskId = (await t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow()).id;
      const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ছবিসহ খবর।' }] }] };
      const { article } = await users.alo.call(
        'POST',
        '/api/admin/articles',
        { sectionId, headline: 'ছবিসহ খবর', body, byline: { kind: 'desk', personIds: [deskId] }, tags: [], imageId: id },
        201,
      );
      assert.equal((await edit(users.alo, id, 'খসড়ায় থাকতেই বদল')).statusCode, 200, 'while the article is a draft');
      await users.editor.call('POST', `/api/admin/articles/${article.id}/publish`, undefined, 200);
      const refused = await edit(users.alo, id, 'প্রকাশের পরে বদল');
      assert.deepEqual([refused.statusCode, refused.json().error.code], [403, 'FORBIDDEN']);
      assert.equal(await caption(id), 'খসড়ায় থাকতেই বদল');
      assert.equal((await edit(users.editor, id, 'সম্পাদকের ক্যাপশন')).statusCode, 200);
      const page = await app.server.inject({ method: 'GET', url: `/national/${article.id}` });
      assert.match(page.body, /সম্পাদকের ক্যাপশন/);
    });
  });
}
