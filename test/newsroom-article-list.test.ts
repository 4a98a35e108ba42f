// The newsroom's list of all articles (GET /api/admin/articles) and the media library's search, on
// each dialect: every filter, search by headline, id or pasted link, keyset pages that list each
// article once when many share one time, a reporter kept to their own articles, bad input as a
// 400 that names the field.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { buildTestApp, TEST_NOW } from './helpers/app.ts';
import { AdminClient, multipartBody } from './helpers/admin-client.ts';
import { fixedClock } from '../src/lib/clock.ts';
import type { App } from '../src/app.ts';

const PASSWORD = 'ঢাকা-2026-secret';
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

interface Item {
  id: number;
  status: string;
  headline: string;
  sectionId: number | null;
  ownerId: number | null;
  modifiedAt: string;
  publishedAt: string | null;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

for (const dialect of DIALECTS) {
  describe(`the newsroom's article list (${dialect})`, () => {
    let t: TestDatabase | undefined;
    let app: App | undefined;
    const clock = fixedClock(TEST_NOW);
    let editor: AdminClient;
    let reporter: AdminClient;
    let reporterUserId: number;
    const sections: Record<string, number> = {};
    let deskId: number;
    let personId: number;

    before(async () => {
      t = await createTestDatabase(dialect);
      app = await buildTestApp(t, clock);
      editor = await AdminClient.setup(app.server, 'সম্পাদক', 'editor@prokash.test', PASSWORD);
      const made = await editor.call(
        'POST',
        '/api/admin/users',
        { name: 'রিপোর্টার', email: 'reporter@prokash.test', role: 'reporter', password: PASSWORD },
        201,
      );
      reporterUserId = made.user.id;
      reporter = await AdminClient.login(app.server, 'reporter@prokash.test', PASSWORD);
      for (const s of await t.db.selectFrom('sections').select(['id', 'path']).execute()) sections[s.path] = s.id;
      deskId = (await t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow()).id;
      personId = (await t.db.selectFrom('people').select('id').where('slug', '=', 'tanzila-rahman').executeTakeFirstOrThrow()).id;
    });
    after(async () => {
      await app?.server.close();
      await t?.destroy();
    });

    const input = (headline: string, extra: Record<string, unknown> = {}) => ({
      sectionId: sections.national,
      headline,
      body: doc('প্রথম অনুচ্ছেদ।'),
      byline: { kind: 'desk', personIds: [deskId] },
      tags: [],
      ...extra,
    });
    const create = async (client: AdminClient, headline: string, extra: Record<string, unknown> = {}): Promise<number> =>
      (await client.call('POST', '/api/admin/articles', input(headline, extra), 201)).article.id;
    const list = (client: AdminClient, query: string) => client.call<Page>('GET', `/api/admin/articles${query}`, undefined, 200);
    const ids = async (client: AdminClient, query: string) => (await list(client, query)).items.map((i) => i.id);
    /** Every page of a list, following nextCursor; fails on an id listed twice. */
    const everyPage = async (client: AdminClient, query: string, limit: number): Promise<Item[]> => {
      const seen: Item[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 500; pages++) {
        const sep = query ? '&' : '?';
        const page: Page = await list(client, `${query}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        assert.ok(page.items.length <= limit);
        seen.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      const repeated = seen.map((i) => i.id).filter((id, i, all) => all.indexOf(id) !== i);
      assert.deepEqual(repeated, [], 'no article is listed twice');
      return seen;
    };

    test('articles that share a time are each listed once across pages, in (time, id) order', async () => {
      clock.set(TEST_NOW);
      const made: number[] = [];
      for (let i = 0; i < 25; i++) made.push(await create(editor, `একই সময়ের খবর ${i}`));
      const rows = await t!.db.selectFrom('articles').select(['id', 'modified_at']).orderBy('modified_at', 'desc').orderBy('id', 'desc').execute();
      const tied = rows.filter((r) => r.modified_at === TEST_NOW.replace('Z', '.000Z')).length;
      assert.ok(tied >= 25 + 7, `at least one page and more share one modified_at (${tied})`);
      const listed = await everyPage(editor, '', 7);
      assert.deepEqual(
        listed.map((i) => i.id),
        rows.map((r) => r.id),
        'every article once, newest change first, ties by id',
      );

      // Published at one instant: the published list is by publication, ties by id.
      for (const id of made.slice(0, 12)) await editor.call('POST', `/api/admin/articles/${id}/publish`, undefined, 200);
      const published = await t!.db
        .selectFrom('articles')
        .select('id')
        .where('status', '=', 'published')
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      const publishedAtOnce = await t!.db.selectFrom('articles').select('id').where('published_at', '=', TEST_NOW.replace('Z', '.000Z')).execute();
      assert.ok(publishedAtOnce.length >= 12);
      assert.deepEqual(
        (await everyPage(editor, '?order=published', 5)).map((i) => i.id),
        published.map((r) => r.id),
      );
      // Without order=published a status is a filter like any other: newest change first, as it always was.
      const publishedByChange = await t!.db
        .selectFrom('articles')
        .select('id')
        .where('status', '=', 'published')
        .orderBy('modified_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      assert.deepEqual(
        (await everyPage(editor, '?status=published', 9)).map((i) => i.id),
        publishedByChange.map((r) => r.id),
      );

      // The cursor of an older client (a bare time) still works: what changed before that time.
      const older = await list(editor, `?cursor=${encodeURIComponent(TEST_NOW.replace('Z', '.000Z'))}`);
      assert.ok(older.items.every((i) => i.modifiedAt < TEST_NOW.replace('Z', '.000Z')));
    });

    test('filters: status, a section with its sub-sections, owner, byline person, dates', async () => {
      clock.set('2026-11-20T04:00:00Z'); // 20 November, 10:00 in Dhaka
      const draft = await create(editor, 'নভেম্বরের খসড়া', { sectionId: sections['world/asia'], byline: { kind: 'reporters', personIds: [personId] } });
      const mine = await create(reporter, 'রিপোর্টারের খসড়া', { sectionId: sections['sports/cricket'] });
      const published = await create(editor, 'বিশ তারিখে প্রকাশিত', { sectionId: sections.world });
      await editor.call('POST', `/api/admin/articles/${published}/publish`, undefined, 200);
      clock.set('2026-11-22T20:00:00Z'); // 23 November, 02:00 in Dhaka: a later edit
      const { article } = await editor.call('GET', `/api/admin/articles/${published}`, undefined, 200);
      await editor.call(
        'PUT',
        `/api/admin/articles/${published}`,
        { ...input('বিশ তারিখে প্রকাশিত, সম্পাদিত', { sectionId: sections.world }), revision: article.revision },
        200,
      );
      clock.set(TEST_NOW);

      const drafts = await list(editor, '?status=draft');
      assert.ok(drafts.items.length > 0 && drafts.items.every((i) => i.status === 'draft'));
      assert.ok(drafts.items.some((i) => i.id === draft) && drafts.items.some((i) => i.id === mine));

      // আন্তর্জাতিক includes এশিয়া; এশিয়া alone does not include আন্তর্জাতিক itself.
      const world = await everyPage(editor, `?sectionId=${sections.world}`, 3);
      const worldIds = [sections.world!, sections['world/asia']!, sections['world/europe']!, sections['world/america']!];
      assert.ok(world.every((i) => worldIds.includes(i.sectionId!)));
      assert.ok(world.some((i) => i.id === draft) && world.some((i) => i.id === published));
      const inDb = await t!.db.selectFrom('articles').select('id').where('section_id', 'in', worldIds).execute();
      assert.equal(world.length, inDb.length, 'a section with sub-sections pages through all of them');
      const asia = await ids(editor, `?sectionId=${sections['world/asia']}`);
      assert.ok(asia.includes(draft) && !asia.includes(published));

      assert.deepEqual(await ids(editor, `?ownerId=${reporterUserId}`), [mine]);
      const byPerson = await list(editor, `?personId=${personId}`);
      assert.ok(byPerson.items.some((i) => i.id === draft));
      const linked = await t!.db.selectFrom('article_people').select('article_id').where('person_id', '=', personId).execute();
      assert.deepEqual(byPerson.items.map((i) => i.id).sort(), linked.map((l) => l.article_id).sort(), 'exactly the articles that byline names');

      // Dates are days in Dhaka: of the publication in a list by publication, of the last change otherwise.
      const publishedIn = async (from: string, to: string) =>
        (
          await t!.db
            .selectFrom('articles')
            .select('id')
            .where('status', '=', 'published')
            .where('published_at', '>=', from)
            .where('published_at', '<', to)
            .orderBy('published_at', 'desc')
            .orderBy('id', 'desc')
            .execute()
        ).map((r) => r.id);
      const on20th = await ids(editor, '?status=published&order=published&from=2026-11-20&to=2026-11-20');
      assert.ok(on20th.includes(published));
      assert.deepEqual(on20th, await publishedIn('2026-11-19T18:00:00.000Z', '2026-11-20T18:00:00.000Z'));
      const later = await ids(editor, '?order=published&from=2026-11-21&to=2026-11-22');
      assert.ok(!later.includes(published), 'edited on the 23rd, published on the 20th');
      assert.deepEqual(later, await publishedIn('2026-11-20T18:00:00.000Z', '2026-11-22T18:00:00.000Z'));
      assert.deepEqual(await ids(editor, '?status=draft&from=2026-11-20&to=2026-11-21'), [mine, draft]);
      assert.deepEqual(await ids(editor, '?from=2026-11-23&to=2026-11-23'), [published], 'by last change');
      assert.deepEqual(await ids(editor, '?status=published&from=2026-11-23&to=2026-11-23'), [published], 'a status alone does not change the order');
      assert.deepEqual(await ids(editor, '?from=2026-11-21&to=2026-11-22'), []);
      // A section, an owner and a day together.
      assert.deepEqual(await ids(editor, `?sectionId=${sections.sports}&ownerId=${reporterUserId}&from=2026-11-20&to=2026-11-20`), [mine]);
    });

    test('search: headline text, an id in either script, a pasted reader or newsroom link', async () => {
      const id = await create(editor, 'Padma সেতুতে নতুন রেকর্ড');
      const other = await create(editor, 'মেট্রোরেলে ভিড়');
      assert.deepEqual(await ids(editor, `?q=${encodeURIComponent('সেতুতে নতুন')}`), [id]);
      assert.deepEqual(await ids(editor, '?q=padma'), [id], 'Latin letters in either case');
      assert.deepEqual(await ids(editor, `?q=${encodeURIComponent('100%')}`), [], 'a % is a character, not a wildcard');
      // য় stored as one code point (as some converters write it) is found when typed as য + ়, and the other way.
      const boat = await create(editor, 'নৌকা\u09DF করে নদী পারাপার');
      assert.deepEqual(await ids(editor, `?q=${encodeURIComponent('নৌকা\u09AF\u09BC করে')}`), [boat]);
      const rain = await create(editor, 'বৃষ্টিতে রাস্তা\u09AF\u09BC জল');
      assert.deepEqual(await ids(editor, `?q=${encodeURIComponent('রাস্তা\u09DF জল')}`), [rain]);
      const byId = (q: string) => ids(editor, `?q=${encodeURIComponent(q)}`);
      assert.deepEqual(await byId(String(id)), [id]);
      assert.deepEqual(await byId(` ${String(id).replace(/\d/g, (d) => String.fromCharCode(0x09e6 + Number(d)))} `), [id], 'Bengali digits');
      assert.deepEqual(await byId(`http://prokash.test/national/${id}`), [id]);
      assert.deepEqual(await byId(`https://prokash.test/national/${id}/padma-setu?utm_source=fb`), [id]);
      assert.deepEqual(await byId(`http://prokash.test/admin/articles/${other}`), [other]);
      assert.deepEqual(await byId('424242'), [], 'no such article');
      // An id still obeys the other filters.
      assert.deepEqual(await ids(editor, `?q=${id}&status=published`), []);
      assert.deepEqual(await ids(editor, `?q=${id}&order=published`), []);
    });

    test('a reporter lists only their own articles, whatever the filter or search', async () => {
      const others = await create(editor, 'সম্পাদকের নিজের খবর');
      const own = await everyPage(reporter, '', 2);
      assert.ok(own.length > 0);
      assert.ok(own.every((i) => i.ownerId === reporterUserId));
      assert.deepEqual(await ids(reporter, `?q=${others}`), []);
      assert.deepEqual(await ids(reporter, `?ownerId=${(await editor.call('GET', '/api/admin/session', undefined, 200)).user.id}`), []);
      assert.deepEqual(await ids(reporter, `?q=${encodeURIComponent('সম্পাদকের নিজের')}`), []);
      assert.ok((await ids(editor, `?q=${others}`)).includes(others), 'an editor sees everyone’s');
    });

    test('bad input is a 400 that names the field', async () => {
      const cases: Array<[string, RegExp]> = [
        ['?status=done', /status/],
        ['?from=2026-02-30', /from: not a day of the calendar/],
        ['?from=yesterday', /from: a day as YYYY-MM-DD/],
        ['?from=2026-11-22&to=2026-11-21', /to: the range ends before it starts/],
        ['?status=draft&order=published', /order: order=published lists published articles/],
        ['?order=newest', /order/],
        ['?cursor=abc', /cursor: not a cursor this list gave/],
        ['?cursor=2026-11-27T06:00:00.000Z_x', /cursor/],
        ['?limit=0', /limit/],
        ['?limit=101', /limit/],
        ['?sectionId=abc', /sectionId/],
        ['?personId=-1', /personId/],
        [`?q=${'ক'.repeat(2001)}`, /q/],
      ];
      for (const [query, message] of cases) {
        const res = await editor.request('GET', `/api/admin/articles${query}`);
        assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
        assert.equal(res.json().error.code, 'INVALID_INPUT');
        assert.match(res.json().error.message, message, query);
      }
    });

    test('the media library finds a photo by its alt text, caption or credit', async () => {
      const upload = async (fields: Record<string, string>, color: string) => {
        const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: color } })
          .png()
          .toBuffer();
        const body = multipartBody({ name: 'photo.png', type: 'image/png', data: png }, fields);
        const res = await app!.server.inject({
          method: 'POST',
          url: '/api/admin/media',
          payload: body.payload,
          headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf, 'content-type': body.contentType },
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().image.id as number;
      };
      const boat = await upload({ caption: 'সদরঘাটে ভিড়', alt: 'বুড়িগঙ্গায় যাত্রীবোঝাই লঞ্চ', credit: 'ছবি: Reuters' }, '#336699');
      const field = await upload({ caption: 'মাঠের ছবি', alt: 'ধানখেতে কৃষক', credit: 'আবির আবদুল্লাহ' }, '#669933');
      const media = async (q: string) =>
        (await editor.call('GET', `/api/admin/media?q=${encodeURIComponent(q)}`, undefined, 200)).items.map((i: { id: number }) => i.id);
      assert.deepEqual(await media('লঞ্চ'), [boat], 'by what it shows (alt text)');
      assert.deepEqual(await media('reuters'), [boat], 'by who took it (credit), any case');
      assert.deepEqual(await media('আবির'), [field], 'by credit');
      assert.deepEqual(await media('মাঠের'), [field], 'by caption');
      assert.deepEqual(await media('কোনোখানেনেই'), []);
    });
  });
}
