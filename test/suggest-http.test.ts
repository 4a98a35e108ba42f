// Suggestions while typing (GET /api/v1/suggest) on the seeded demo portal: Bengali and Avro-Latin
// prefixes, normalised and inflected spellings, drafts and future articles kept out, names and
// headlines following the content events, validation.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/databases.ts';
import { TEST_NOW, useTestApp } from './helpers/app.ts';
import { articleInput } from './helpers/fixtures.ts';
import { PUBLIC_ANSWERS } from '../src/api/public-api.routes.ts';
import { fixedClock } from '../src/lib/clock.ts';
import type { Actor } from '../src/content/permissions.ts';
import { ensurePerson } from '../src/content/people/person.repository.ts';
import { ContentReader } from '../src/content/content-reader.ts';
import { ReferenceData } from '../src/content/reference-data.ts';
import { createSiteAnalyzer } from '../src/search/search-module.ts';
import { SuggestService } from '../src/search/suggest.service.ts';

const SEED = { id: 251042, url: '/world/asia/251042', headline: 'মেকংয়ের তীরে ভাসমান পাঠাগার' };
const editor: Actor = { role: 'editor', userId: null, name: 'test editor' };
const HOUR = 3600_000;

interface Item {
  type: string;
  name: string;
  url: string;
}
interface Answer {
  query: string;
  transliterated: boolean;
  groups: Array<{ type: string; label: string; items: Item[] }>;
}

for (const dialect of DIALECTS) {
  describe(`suggestions while typing (${dialect})`, () => {
    const clock = fixedClock(TEST_NOW);
    const ctx = useTestApp(dialect, clock);
    const suggest = async (q: string, extra: Record<string, string> = {}) => {
      const res = await ctx.get(`/api/v1/suggest?${new URLSearchParams({ q, ...extra })}`);
      assert.equal(res.statusCode, 200, `${q}: ${res.body}`);
      const body = res.json<Answer>();
      const parsed = PUBLIC_ANSWERS.suggest.strict().safeParse(body);
      assert.ok(parsed.success, `${q}: ${parsed.error?.message}`);
      return { body, headers: res.headers, of: (type: string) => body.groups.find((g) => g.type === type)?.items ?? [] };
    };
    const names = (items: Item[]) => items.map((i) => i.name);
    const ids = async () => {
      const section = await ctx.t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow();
      const desk = await ctx.t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow();
      return { section: section.id, desk: desk.id };
    };

    test('a Bengali prefix finds the tag, the section and the headline that a word of starts with it', async () => {
      const put = await suggest('মেক');
      assert.ok(names(put.of('tag')).includes('মেকং নদী'));
      const tag = put.of('tag').find((t) => t.name === 'মেকং নদী')!;
      assert.match(tag.url, /^\/topic\/[^/]+$/);
      assert.equal((await ctx.get(tag.url)).statusCode, 200, 'the tag URL is the reader’s tag page');
      assert.ok(put.of('headline').some((h) => h.url === SEED.url && h.name === SEED.headline));
      assert.equal(put.of('headline')[0]!.type, 'headline');
      // Words typed before the last must be in the headline too, in any order.
      for (const q of ['ভাসমান পাঠা', 'পাঠাগার ভাস', 'mekong pathagar']) assert.equal((await suggest(q)).of('headline')[0]?.url, SEED.url, q);
      assert.ok(!(await suggest('মেকং ক্রিকে')).of('headline').some((h) => h.url === SEED.url));
      assert.match(String(put.headers['cache-control']), /^public, max-age=30/);

      const world = await suggest('আন্তর্জা');
      assert.deepEqual(world.of('section'), [{ type: 'section', name: 'আন্তর্জাতিক', url: '/world' }]);
      const desk = await suggest('প্রকাশ');
      assert.deepEqual(desk.of('person'), [{ type: 'person', name: 'প্রকাশ ডেস্ক', url: '/author/prokash-desk' }]);
      assert.deepEqual(
        desk.body.groups.map((g) => g.type),
        ['person', 'headline'].filter((t) => desk.body.groups.some((g) => g.type === t)),
        'groups in a fixed order, empty ones left out',
      );
    });

    test('Latin letters are read as Avro-typed Bengali: mek and mekong → মেকং', async () => {
      for (const q of ['mek', 'mekong', 'Mekong']) {
        const { body, of } = await suggest(q);
        assert.equal(body.transliterated, true, q);
        assert.ok(names(of('tag')).includes('মেকং নদী'), q);
        assert.ok(
          of('headline').some((h) => h.url === SEED.url),
          q,
        );
      }
      assert.ok(names((await suggest('rashi')).of('tag')).includes('রাশিয়া'));
      assert.equal((await suggest('মেক')).body.transliterated, false);
    });

    test('normalised and inflected spellings meet: ী/ি, nukta forms, ZWJ, case endings, Bengali digits', async () => {
      const { section, desk } = await ids();
      const a = await ctx.app.articles.create(editor, articleInput(section, desk, { headline: 'বিশ্বকাপ ২০২৬ নিয়ে প্রস্তুতি সভা', tags: ['বিশ্বকাপ ২০২৬'] }));
      await ctx.app.articles.publish(editor, a.id);
      await ctx.app.events.settle();
      for (const q of ['পাঠাগারের', 'পাঠাগারে', 'পা\u200Dঠাগা']) assert.ok(names((await suggest(q)).of('tag')).includes('পাঠাগার'), q);
      for (const q of ['শীশুদের', 'শিশুদের ব']) assert.ok(names((await suggest(q)).of('tag')).includes('শিশুদের বই'), q);
      // রাশিয়া with য় as one code point (U+09DF) and as য + nukta.
      for (const q of ['রাশি\u09DFা', 'রাশি\u09AF\u09BCা', 'রাশিয়ার']) assert.ok(names((await suggest(q)).of('tag')).includes('রাশিয়া'), q);
      for (const q of ['বিশ্বকাপ ২০', 'বিশ্বকাপ 20', '২০২৬']) {
        const { of } = await suggest(q);
        assert.ok(names(of('tag')).includes('বিশ্বকাপ ২০২৬'), q);
        assert.ok(
          of('headline').some((h) => h.url === `/national/${a.id}`),
          q,
        );
      }
    });

    test('whole-name matches come first; `limit` bounds every group', async () => {
      const { section, desk } = await ids();
      // The newer article carries the tag that only has a later word starting with হাসি.
      const older = await ctx.app.articles.create(editor, articleInput(section, desk, { headline: 'সংসদে বাজেট পেশ', tags: ['হাসিখুশি মেলা'] }));
      await ctx.app.articles.publish(editor, older.id);
      clock.set(new Date(Date.parse(TEST_NOW) + 60_000));
      try {
        const newer = await ctx.app.articles.create(editor, articleInput(section, desk, { headline: 'মেলায় ভিড়', tags: ['শিশুদের হাসিমুখ'] }));
        await ctx.app.articles.publish(editor, newer.id);
        await ctx.app.events.settle();
        const tags = names((await suggest('হাসি')).of('tag'));
        assert.ok(tags.indexOf('হাসিখুশি মেলা') >= 0 && tags.indexOf('হাসিখুশি মেলা') < tags.indexOf('শিশুদের হাসিমুখ'), tags.join(', '));
      } finally {
        clock.set(TEST_NOW);
      }
      const many = await suggest('ক');
      assert.ok(many.body.groups.every((g) => g.items.length <= 5));
      const one = await suggest('ক', { limit: '1' });
      assert.ok(one.body.groups.length > 0 && one.body.groups.every((g) => g.items.length === 1));
    });

    test('drafts and future-dated articles are never suggested, nor the tags only they carry', async () => {
      const { section, desk } = await ids();
      const draft = await ctx.app.articles.create(editor, articleInput(section, desk, { headline: 'ঝিঙেফুলপুরে নতুন সেতু', tags: ['ঝিঙেফুলপুর'] }));
      await ctx.app.events.settle();
      const none = await suggest('ঝিঙে');
      assert.deepEqual(none.body.groups, [], 'a draft and its new tag stay out');
      // Published an hour ahead of the clock: future-dated until the clock gets there.
      clock.set(new Date(Date.parse(TEST_NOW) + HOUR));
      try {
        await ctx.app.articles.publish(editor, draft.id);
      } finally {
        clock.set(TEST_NOW);
      }
      await ctx.app.events.settle();
      assert.deepEqual((await suggest('ঝিঙে')).body.groups, [], 'not before its time');
      clock.set(new Date(Date.parse(TEST_NOW) + 2 * HOUR));
      try {
        const { of } = await suggest('ঝিঙে');
        assert.deepEqual(names(of('tag')), ['ঝিঙেফুলপুর']);
        assert.deepEqual(
          of('headline').map((h) => h.url),
          [`/national/${draft.id}`],
        );
        await ctx.app.articles.unpublish(editor, draft.id);
        await ctx.app.events.settle();
        assert.deepEqual((await suggest('ঝিঙে')).body.groups, [], 'withdrawn: gone again');
      } finally {
        clock.set(TEST_NOW);
      }
    });

    test('a new tag and a new byline person appear after their events; a rename follows', async () => {
      const { section } = await ids();
      const now = () => clock.now().toISOString();
      const person = await ctx.app.writer.write(async (trx, emit) => {
        const p = await ensurePerson(trx, { kind: 'reporter', name: 'মমতাজ বেগম', slug: 'momtaj-begum' }, now());
        emit({ type: 'person.changed', payload: { id: p.id } });
        return p;
      });
      await ctx.app.events.settle();
      assert.deepEqual((await suggest('মমতাজ')).body.groups, [], 'no published article under the byline yet');
      const a = await ctx.app.articles.create(editor, {
        ...articleInput(section, person.id, { headline: 'নদীর পাড়ে নতুন বাজার', tags: ['মমতাজগঞ্জ হাট'] }),
        byline: { kind: 'reporters', personIds: [person.id] },
      });
      await ctx.app.articles.publish(editor, a.id);
      await ctx.app.events.settle();
      const found = await suggest('মমতাজ');
      assert.deepEqual(found.of('person'), [{ type: 'person', name: 'মমতাজ বেগম', url: '/author/momtaj-begum' }]);
      assert.deepEqual(names(found.of('tag')), ['মমতাজগঞ্জ হাট']);
      assert.deepEqual(names((await suggest('momtaj')).of('person')), ['মমতাজ বেগম']);

      await ctx.app.writer.write(async (trx, emit) => {
        await trx.updateTable('people').set({ name: 'মমতাজ আক্তার' }).where('id', '=', person.id).execute();
        emit({ type: 'person.changed', payload: { id: person.id } });
      });
      await ctx.app.events.settle();
      assert.deepEqual(names((await suggest('মমতাজ')).of('person')), ['মমতাজ আক্তার']);
      assert.deepEqual((await suggest('মমতাজ বে')).of('person'), []);
    });

    test('q is required and bounded, limit is checked: 400 with the catalogue’s codes, never a 500', async () => {
      for (const [url, code] of [
        ['/api/v1/suggest', 'QUERY_REQUIRED'],
        ['/api/v1/suggest?q=', 'QUERY_REQUIRED'],
        ['/api/v1/suggest?q=%20%20', 'QUERY_REQUIRED'],
        [`/api/v1/suggest?q=${encodeURIComponent('ক'.repeat(201))}`, 'QUERY_TOO_LONG'],
        ['/api/v1/suggest?q=a&limit=0', 'INVALID_INPUT'],
        ['/api/v1/suggest?q=a&limit=11', 'INVALID_INPUT'],
        ['/api/v1/suggest?q=a&limit=abc', 'INVALID_INPUT'],
        ['/api/v1/suggest?q=a&q=b', 'INVALID_INPUT'],
        ['/api/v1/suggest?q=a&colour=red', 'INVALID_INPUT'],
      ] as const) {
        const res = await ctx.get(url);
        assert.equal(res.statusCode, 400, url);
        assert.equal(res.json().error.code, code, url);
        assert.ok(res.json().error.messageBn, url);
        assert.equal(res.headers['cache-control'], 'no-store', url);
      }
      for (const q of ['!!!', '\u200D', '"', '%', 'ক'.repeat(200), '<script>']) assert.ok(Array.isArray((await suggest(q)).body.groups), q);
      const doc = (await ctx.get('/api/docs')).json();
      assert.ok(doc.paths['/api/v1/suggest'].get.responses['200'].content['application/json'].schema.properties.groups, 'declared in /api/docs');
    });

    test('headlines come from the newest ones held in memory: a new one enters, the oldest leaves', async () => {
      // A service over the same database whose window holds the newest two headlines.
      const reader = new ContentReader(ctx.t.db, clock, await ReferenceData.loaded(ctx.t.db));
      const { analyzer } = await createSiteAnalyzer(ctx.t.db);
      const service = new SuggestService({ db: ctx.t.db, analyzer, reader, clock }, 2);
      await service.load();
      const headlines = async (q: string) => {
        const outcome = await service.suggest({ q });
        return outcome.kind === 'suggestions' ? outcome.headlines.map((h) => h.id) : [];
      };
      assert.deepEqual(await headlines('মেকং'), [], 'the seed article is older than the newest two');
      const { section, desk } = await ids();
      const published: number[] = [];
      for (const headline of ['মেকংয়ের পাড়ে নতুন সেতু', 'নতুন বছরের বাজেট', 'শীতের সবজির দাম']) {
        clock.set(new Date(Date.parse(TEST_NOW) + (published.length + 1) * 60_000));
        const a = await ctx.app.articles.create(editor, articleInput(section, desk, { headline }));
        await ctx.app.articles.publish(editor, a.id);
        published.push(a.id);
        const at = clock.now().toISOString();
        await service.apply([{ id: 0, at, type: 'article.published', payload: { id: a.id, before: null, after: null, scheduled: false } }]);
        if (published.length === 1) assert.deepEqual(await headlines('মেকং'), [a.id], 'a new headline enters at once');
      }
      clock.set(new Date(Date.parse(TEST_NOW) + HOUR));
      try {
        assert.deepEqual(await headlines('মেকং'), [], 'pushed out by two newer ones');
        assert.deepEqual(await headlines('শীতের সব'), [published[2]]);
      } finally {
        clock.set(TEST_NOW);
      }
    });
  });
}
