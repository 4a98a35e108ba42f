// Issue 16, point 8: people (desks, reporters, correspondents, agencies) are listed desks first and
// then by kind, each kind in Bengali alphabetical order, with how many published articles name
// them; an editor (not only an admin) adds and edits them; a reporter or sub-editor cannot.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { buildTestApp, TEST_NOW } from './helpers/app.ts';
import { AdminClient } from './helpers/admin-client.ts';
import { fixedClock } from '../src/lib/clock.ts';
import type { App } from '../src/app.ts';

const PASSWORD = 'ঢাকা-2026-secret';
const KINDS = ['desk', 'reporter', 'correspondent', 'agency'];
interface Listed {
  id: number;
  name: string;
  kind: string;
  title: string;
  place: string;
  districtId: number | null;
  label: string;
  articles?: number;
}

for (const dialect of DIALECTS) {
  describe(`people, managed by editors (${dialect})`, () => {
    let t: TestDatabase;
    let app: App;
    const sessions = {} as Record<'admin' | 'editor' | 'sub-editor' | 'reporter', AdminClient>;
    let districtId: number;
    const auditCount = async () =>
      Number(
        (
          await t.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .where('target_type', '=', 'person')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const peopleCount = async () =>
      Number(
        (
          await t.db
            .selectFrom('people')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const list = async (query = '?counts=true') => (await sessions.editor.call<{ items: Listed[] }>('GET', `/api/admin/people${query}`, undefined, 200)).items;

    before(async () => {
      t = await createTestDatabase(dialect);
      app = await buildTestApp(t, fixedClock(TEST_NOW));
      sessions.admin = await AdminClient.setup(app.server, 'প্রশাসক', 'admin@prokash.test', PASSWORD);
      for (const role of ['editor', 'sub-editor', 'reporter'] as const) {
        await sessions.admin.call('POST', '/api/admin/users', { name: role, email: `${role}@prokash.test`, role, password: PASSWORD }, 201);
        sessions[role] = await AdminClient.login(app.server, `${role}@prokash.test`, PASSWORD);
      }
      districtId = (await t.db.selectFrom('districts').select('id').where('slug', '=', 'cumilla').executeTakeFirstOrThrow()).id;
    });
    after(async () => {
      await app.server.close();
      await t.destroy();
    });

    test('an editor adds a desk and correspondents, and edits a correspondent; each change is in the audit log', async () => {
      const audited = await auditCount();
      const desk = (await sessions.editor.call('POST', '/api/admin/people', { name: 'অর্থনীতি ডেস্ক', kind: 'desk' }, 201)).person as Listed;
      assert.equal(desk.label, 'অর্থনীতি ডেস্ক');
      // য় typed as one code point (U+09DF): after শ by code point, before it in the alphabet.
      const rayhan = (
        await sessions.editor.call(
          'POST',
          '/api/admin/people',
          { name: 'রা\u09dfহান কবির', kind: 'correspondent', title: 'প্রতিনিধি', place: 'মুরাদনগর', districtId },
          201,
        )
      ).person as Listed;
      assert.equal(rayhan.label, 'মুরাদনগর (কুমিল্লা) প্রতিনিধি');
      await sessions.editor.call(
        'POST',
        '/api/admin/people',
        { name: 'রাশেদ খান', kind: 'correspondent', title: 'প্রতিনিধি', place: 'দাউদকান্দি', districtId },
        201,
      );
      const edited = (await sessions.editor.call('PATCH', `/api/admin/people/${rayhan.id}`, { place: 'চান্দিনা', title: 'জ্যেষ্ঠ প্রতিনিধি' }, 200))
        .person as Listed;
      assert.deepEqual([edited.place, edited.title, edited.label], ['চান্দিনা', 'জ্যেষ্ঠ প্রতিনিধি', 'চান্দিনা (কুমিল্লা) প্রতিনিধি']);
      // A patch changes what it names and nothing else.
      const retitled = (await sessions.editor.call('PATCH', `/api/admin/people/${rayhan.id}`, { title: 'প্রতিনিধি' }, 200)).person as Listed;
      assert.deepEqual([retitled.name, retitled.place, retitled.districtId, retitled.title], ['রা\u09dfহান কবির', 'চান্দিনা', districtId, 'প্রতিনিধি']);
      assert.equal(await auditCount(), audited + 5);
      const entries = await t.db.selectFrom('audit_log').select(['action', 'target_id']).where('target_type', '=', 'person').orderBy('id').execute();
      assert.deepEqual(
        entries.slice(-5).map((e) => e.action),
        ['person.create', 'person.create', 'person.create', 'person.update', 'person.update'],
      );
      assert.equal(entries.at(-1)!.target_id, String(rayhan.id));
      // A correspondent's district can change but not go: their byline names it.
      const loose = await sessions.editor.request('PATCH', `/api/admin/people/${rayhan.id}`, { districtId: null });
      assert.deepEqual([loose.statusCode, loose.json().error.code], [400, 'INVALID_INPUT']);
      const noDistrict = await sessions.editor.request('POST', '/api/admin/people', { name: 'জেলাহীন প্রতিনিধি', kind: 'correspondent' });
      assert.equal(noDistrict.statusCode, 400);
    });

    test('a reporter or a sub-editor may read people but neither add nor edit them: 403, nothing written', async () => {
      const someone = (await list('')).find((p) => p.kind === 'reporter')!;
      const [people, audited] = [await peopleCount(), await auditCount()];
      for (const role of ['reporter', 'sub-editor'] as const) {
        const added = await sessions[role].request('POST', '/api/admin/people', { name: 'নতুন ডেস্ক', kind: 'desk' });
        assert.deepEqual([added.statusCode, added.json().error.code], [403, 'FORBIDDEN'], role);
        const changed = await sessions[role].request('PATCH', `/api/admin/people/${someone.id}`, { name: 'বদলানো নাম' });
        assert.deepEqual([changed.statusCode, changed.json().error.code], [403, 'FORBIDDEN'], role);
        assert.equal((await sessions[role].call<{ items: Listed[] }>('GET', '/api/admin/people', undefined, 200)).items.length > 0, true);
      }
      assert.deepEqual([await peopleCount(), await auditCount()], [people, audited]);
      assert.equal((await list('')).find((p) => p.id === someone.id)?.name, someone.name);
    });

    test('the list: desks first, then reporters, correspondents and agencies, each in Bengali alphabetical order', async () => {
      const items = await list();
      const kinds = items.map((p) => p.kind);
      assert.deepEqual([...new Set(kinds)], KINDS, 'each kind together, in this order');
      const names = (kind: string) => items.filter((p) => p.kind === kind).map((p) => p.name);
      assert.deepEqual(names('desk'), ['অর্থনীতি ডেস্ক', 'আন্তর্জাতিক ডেস্ক', 'খেলা ডেস্ক', 'প্রকাশ ডেস্ক', 'বিনোদন ডেস্ক']);
      // The demo's named correspondents and the two added above (the import also made some named by their place).
      const known = ['আবুল কালাম আজাদ', 'জাহিদুল ইসলাম', 'মোস্তফা কামাল', 'রফিকুল ইসলাম', 'রা\u09dfহান কবির', 'রাশেদ খান', 'সুমন চন্দ্র দাস', 'হাসিবুল হাসান'];
      assert.deepEqual(
        names('correspondent').filter((n) => known.includes(n)),
        known,
      );
      const collator = new Intl.Collator('bn');
      const all = names('correspondent');
      all.slice(1).forEach((n, i) => assert.ok(collator.compare(all[i]!, n) <= 0, `${all[i]} before ${n}`));
      assert.deepEqual(names('agency'), ['বাসস', 'রয়টার্স']);
      // A filter keeps the order.
      assert.deepEqual(
        (await list('?kind=desk')).map((p) => p.name),
        names('desk'),
      );
    });

    test('with counts=true each person says how many published articles name them; without, the answer stays lean', async () => {
      const items = await list();
      const published = async (personId: number) =>
        Number(
          (
            await t.db
              .selectFrom('article_people')
              .innerJoin('articles', 'articles.id', 'article_people.article_id')
              .select((eb) => eb.fn.count<number | string>('articles.id').distinct().as('n'))
              .where('article_people.person_id', '=', personId)
              .where('articles.status', '=', 'published')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const desk = items.find((p) => p.name === 'প্রকাশ ডেস্ক')!;
      assert.ok(desk.articles! >= 1, 'the demo desk has published articles');
      for (const p of items) assert.equal(p.articles, await published(p.id), p.name);
      assert.equal(items.find((p) => p.name === 'অর্থনীতি ডেস্ক')?.articles, 0);
      assert.ok((await list('')).every((p) => !('articles' in p)));
    });
  });
}
