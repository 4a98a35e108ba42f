// With the page cache off every request renders (a cold render). The cards a page lists — their
// article rows and images — are read from the database once and then kept by the content reader,
// so a second render of the home page runs fewer queries; what an editor changes shows on the very
// next render all the same, because the content events that drop cached pages drop those rows.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { buildTestApp, TEST_NOW } from './helpers/app.ts';
import { articleInput } from './helpers/fixtures.ts';
import { fixedClock } from '../src/lib/clock.ts';
import type { App } from '../src/app.ts';
import type { Actor } from '../src/content/permissions.ts';

const EDITOR: Actor = { role: 'editor', userId: null, name: 'সম্পাদক' };

for (const dialect of DIALECTS) {
  describe(`cold renders (${dialect})`, () => {
    let t: TestDatabase;
    let app: App;
    before(async () => {
      t = await createTestDatabase(dialect);
      app = await buildTestApp(t, fixedClock(TEST_NOW), { config: { pageCacheTtl: 0 } });
    });
    after(async () => {
      await app.server.close();
      await t.destroy();
    });

    /** The page's HTML and the queries its render ran. */
    const render = async (url: string) => {
      const before = t.stats.queries;
      const res = await app.server.inject({ url });
      return { status: res.statusCode, body: res.body, queries: t.stats.queries - before };
    };

    test('a render reads no card it read before, and renders the same page', async () => {
      const first = await render('/'); // builds the shared lists too
      const again = await render('/');
      assert.equal(first.status, 200);
      assert.equal(app.cache.has('/'), false, 'the page cache is off');
      assert.equal(again.body, first.body);
      // The ids of what it lists (the curated slots, the top stories, the section blocks), and no
      // card row or image (7 queries on the demo portal when every render read them).
      assert.ok(again.queries <= 3, `the home page rendered again ran ${again.queries} queries`);
    });

    test('an edit, an unpublish and a new picture caption show on the next cold render', async () => {
      const asia = await t.db.selectFrom('sections').select('id').where('path', '=', 'world/asia').executeTakeFirstOrThrow();
      const desk = await t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow();
      const image = await t.db.selectFrom('images').select('id').orderBy('id').executeTakeFirstOrThrow();
      const input = (headline: string) => articleInput(asia.id, desk.id, { headline, imageId: image.id });
      const draft = await app.articles.create(EDITOR, input('ঠান্ডা পাতার প্রথম শিরোনাম'));
      await app.articles.publish(EDITOR, draft.id);
      const page = `/world/asia/${draft.id}`;
      for (const url of ['/', '/latest', page]) assert.ok((await render(url)).body.includes('ঠান্ডা পাতার প্রথম শিরোনাম'), url);

      const current = await app.articles.get(EDITOR, draft.id);
      await app.articles.save(EDITOR, draft.id, input('ঠান্ডা পাতার নতুন শিরোনাম'), current.revision, false);
      for (const url of ['/', '/latest', page]) {
        const { body } = await render(url);
        assert.ok(body.includes('ঠান্ডা পাতার নতুন শিরোনাম'), `${url} shows the new headline`);
        assert.ok(!body.includes('ঠান্ডা পাতার প্রথম শিরোনাম'), `${url} no longer shows the old one`);
      }

      // The picture's words, changed in the media library (an image.changed event), not on the article.
      await app.writer.write(async (trx, emit) => {
        await trx.updateTable('images').set({ alt: 'ঠান্ডা পাতার ছবির নতুন বর্ণনা' }).where('id', '=', image.id).execute();
        emit({ type: 'image.changed', payload: { id: image.id, articleIds: [draft.id] } });
      });
      assert.ok((await render('/latest')).body.includes('ঠান্ডা পাতার ছবির নতুন বর্ণনা'), 'the card shows the new alt text');

      await app.articles.unpublish(EDITOR, draft.id);
      assert.equal((await render(page)).status, 404);
      for (const url of ['/', '/latest']) assert.ok(!(await render(url)).body.includes('ঠান্ডা পাতার নতুন শিরোনাম'), `${url} no longer lists it`);
    });
  });
}
