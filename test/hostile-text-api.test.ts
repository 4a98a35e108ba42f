// Control characters and bidi overrides through every place text enters the API: NUL was a 500 on
// PostgreSQL (and stored, then written into pages, on SQLite); U+202E made a comment show reversed.
// The rule (lib/clean-text.ts): they are removed at the boundary, ZWJ and ZWNJ are kept.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { buildTestApp, TEST_NOW } from './helpers/app.ts';
import { AdminClient, multipartBody } from './helpers/admin-client.ts';
import { fixedClock } from '../src/lib/clock.ts';
import type { App } from '../src/app.ts';

const PASSWORD = 'ঢাকা-2026-secret';
/** NUL, BEL, a C1 control, an override, an isolate — and র‍্যাব (ZWJ) and a ZWNJ, which must stay. */
const HOSTILE = (word: string) => `${word}\u0000\u0007\u0085\u202eউল্টো\u202c\u2066ঘ\u2069 র\u200d্যাব ক্\u200cষ`;
const CLEAN = (word: string) => `${word}উল্টোঘ র\u200d্যাব ক্\u200cষ`;
// eslint-disable-next-line no-control-regex -- what must never reach a page
const UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

for (const dialect of DIALECTS) {
  describe(`hostile text at the API boundary (${dialect})`, () => {
    let t: TestDatabase;
    let app: App;
    let admin: AdminClient;
    let sectionId: number;
    let deskId: number;
    const get = (url: string) => app.server.inject({ method: 'GET', url });

    before(async () => {
      t = await createTestDatabase(dialect);
      app = await buildTestApp(t, fixedClock(TEST_NOW));
      admin = await AdminClient.setup(app.server, HOSTILE('সম্পাদক'), 'admin@prokash.test', PASSWORD);
      sectionId = (await t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow()).id;
      deskId = (await t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow()).id;
    });
    after(async () => {
      await app.server.close();
      await t.destroy();
    });

    test('an article: headline, kicker, summary, body, tags and image words are stored clean and the page renders', async () => {
      const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: HOSTILE('অনুচ্ছেদ') }] }] };
      const created = await admin.request('POST', '/api/admin/articles', {
        sectionId,
        kicker: HOSTILE('শোল্ডার'),
        headline: HOSTILE('শিরোনাম'),
        summary: HOSTILE('সারাংশ'),
        body,
        byline: { kind: 'desk', personIds: [deskId] },
        tags: [HOSTILE('ট্যাগ')],
        imageCaption: HOSTILE('ক্যাপশন'),
        imageCredit: HOSTILE('ক্রেডিট'),
      });
      assert.equal(created.statusCode, 201, created.body);
      const { article } = created.json();
      await admin.call('POST', `/api/admin/articles/${article.id}/publish`, undefined, 200);
      const row = await t.db.selectFrom('articles').selectAll().where('id', '=', article.id).executeTakeFirstOrThrow();
      assert.equal(row.headline, CLEAN('শিরোনাম'));
      assert.equal(row.kicker, CLEAN('শোল্ডার'));
      assert.equal(row.summary, CLEAN('সারাংশ'));
      assert.ok(!UNWANTED.test(JSON.stringify(row)), 'nothing unwanted in any column');
      const tag = await t.db.selectFrom('tags').select('name').where('name', 'like', 'ট্যাগ%').executeTakeFirstOrThrow();
      assert.equal(tag.name, CLEAN('ট্যাগ'));
      const page = await get(`/national/${article.id}`);
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(CLEAN('শিরোনাম')), 'the headline shows, ZWJ and ZWNJ intact');
      assert.ok(!UNWANTED.test(page.body), 'the page holds no control or override');
      // Saving again with the editor's JSON (PUT) is cleaned the same way.
      const saved = await admin.request('PUT', `/api/admin/articles/${article.id}`, {
        sectionId,
        headline: HOSTILE('নতুন শিরোনাম'),
        body,
        byline: { kind: 'desk', personIds: [deskId] },
        revision: row.revision,
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().article.headline, CLEAN('নতুন শিরোনাম'));
    });

    test('a headline of nothing but controls is refused with 400, not stored empty', async () => {
      const res = await admin.request('POST', '/api/admin/articles', { sectionId, headline: '\u0000\u202e', body: { type: 'doc', content: [] } });
      assert.ok(res.statusCode === 400 || res.statusCode === 201, res.body);
      if (res.statusCode === 201) assert.equal(res.json().article.headline, '', 'a draft may have no headline yet, but holds no control');
    });

    test('people, sections, settings, users and image words', async () => {
      const person = await admin.call('POST', '/api/admin/people', { name: HOSTILE('প্রতিবেদক'), kind: 'reporter', place: HOSTILE('ঢাকা') }, 201);
      const personId = person.person?.id ?? person.id;
      const stored = await t.db.selectFrom('people').select(['name', 'place']).where('id', '=', personId).executeTakeFirstOrThrow();
      assert.deepEqual(stored, { name: CLEAN('প্রতিবেদক'), place: CLEAN('ঢাকা') });
      await admin.call('POST', '/api/admin/sections', { name: HOSTILE('বিভাগ'), slug: 'hostile-text' }, 201);
      const section = await t.db.selectFrom('sections').select('name').where('slug', '=', 'hostile-text').executeTakeFirstOrThrow();
      assert.equal(section.name, CLEAN('বিভাগ'));
      const settings = await admin.call('GET', '/api/admin/settings', undefined, 200);
      const next = await admin.call('PUT', '/api/admin/settings', { ...settings, siteName: HOSTILE('প্রকাশ') }, 200);
      assert.equal(next.siteName, CLEAN('প্রকাশ'));
      const home = await get('/');
      assert.equal(home.statusCode, 200);
      assert.ok(!UNWANTED.test(home.body));
      const owner = await t.db.selectFrom('users').select('name').where('email', '=', 'admin@prokash.test').executeTakeFirstOrThrow();
      assert.equal(owner.name, CLEAN('সম্পাদক'));
      await admin.call('POST', '/api/admin/users', { name: HOSTILE('নতুন'), email: 'new@prokash.test', role: 'reporter', password: PASSWORD }, 201);

      const data = await sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 9, g: 9, b: 9 } } })
        .png()
        .toBuffer();
      const { payload, contentType } = multipartBody({ name: 'x.png', type: 'image/png', data }, { caption: HOSTILE('ছবি'), alt: HOSTILE('বিবরণ') });
      const uploaded = await app.server.inject({
        method: 'POST',
        url: '/api/admin/media',
        headers: { 'content-type': contentType, cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        payload,
      });
      assert.equal(uploaded.statusCode, 201, uploaded.body);
      assert.equal(uploaded.json().image.caption, CLEAN('ছবি'));
      const patched = await admin.call('PATCH', `/api/admin/media/${uploaded.json().image.id}`, { credit: HOSTILE('রয়টার্স') }, 200);
      assert.equal(patched.image.credit, CLEAN('রয়টার্স'));
    });

    test('sign-in with a control in the email or password is a plain 401, never a 500; the password is checked as given', async () => {
      for (const email of ['admin\u0000@prokash.test', '\u202eadmin@prokash.test', 'nobody\u0000@x']) {
        const res = await app.server.inject({
          method: 'POST',
          url: '/api/admin/session',
          payload: { email, password: 'wrong password\u0000' },
          remoteAddress: '198.51.100.7',
        });
        assert.equal(res.statusCode, 401, res.body);
        assert.equal(res.json().error.code, 'BAD_CREDENTIALS');
      }
      const right = await app.server.inject({
        method: 'POST',
        url: '/api/admin/session',
        payload: { email: 'admin@prokash.test', password: `${PASSWORD.slice(0, 5)}\u0000${PASSWORD.slice(5)}` },
      });
      assert.equal(right.statusCode, 401, 'a password is not cleaned: with a NUL added it is another password');
    });

    test('a reader comment and a search query', async () => {
      const res = await app.server.inject({
        method: 'POST',
        url: '/api/v1/articles/251042/comments',
        payload: { name: HOSTILE('পাঠক'), body: HOSTILE('মন্তব্য') },
        remoteAddress: '203.0.113.40',
      });
      assert.ok(res.statusCode === 201 || res.statusCode === 202, res.body);
      const comment = await t.db.selectFrom('comments').select(['name', 'body']).orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.deepEqual(comment, { name: CLEAN('পাঠক'), body: CLEAN('মন্তব্য') });
      await admin.call(
        'POST',
        '/api/admin/comments/decide',
        { ids: [(await t.db.selectFrom('comments').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id], action: 'approve' },
        200,
      );
      const page = await get('/world/asia/251042');
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(CLEAN('মন্তব্য')));
      assert.ok(!UNWANTED.test(page.body));
      for (const url of [`/search?q=${encodeURIComponent(HOSTILE('মেকং'))}`, `/api/v1/search?q=${encodeURIComponent(HOSTILE('মেকং'))}`]) {
        const found = await get(url);
        assert.equal(found.statusCode, 200, `${url}: ${found.body.slice(0, 200)}`);
        assert.ok(!UNWANTED.test(found.body), url);
      }
    });
  });
}
