// The contract every SearchIndex implementation keeps, run over each dialect (STYLE rule 6).
import { describe, test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { createAnalyzer } from '../src/bangla/analyzer/analyzer.ts';
import { createKnownWords } from '../src/bangla/analyzer/known-words.ts';
import { createSearchIndex } from '../src/search/search-module.ts';
import { parseQuery } from '../src/search/parse-query.ts';
import { analyseText } from '../src/search/article-terms.ts';
import { SURFACE } from '../src/search/search-terms.ts';
import type { IndexDocument, IndexQuery, SearchIndex } from '../src/search/search-index.ts';

const analyzer = createAnalyzer();
const deps = { analyzer, isKnown: createKnownWords() };
const NOW = '2026-11-27T06:00:00.000Z';

function doc(
  id: number,
  text: { head?: string; body?: string; summary?: string; tags?: string; byline?: string },
  publishedAt = '2026-11-20T06:00:00.000Z',
  sectionId = 1,
): IndexDocument {
  return {
    articleId: id,
    sectionId,
    publishedAt,
    modifiedAt: publishedAt,
    ...analyseText(analyzer, { head: '', summary: '', tags: '', byline: '', body: '', ...text }),
  };
}

const query = (q: string, extra: Partial<IndexQuery> = {}): IndexQuery => {
  const parsed = parseQuery(q, deps);
  return { groups: parsed.groups, phrases: parsed.phrases, mode: 'all', now: NOW, limit: 100, ...extra };
};

for (const dialect of DIALECTS) {
  describe(`search index contract (${dialect})`, () => {
    let t: TestDatabase;
    let index: SearchIndex;
    const ids = async (q: string, extra: Partial<IndexQuery> = {}) => (await index.search(query(q, extra))).map((h) => h.articleId);

    before(async () => {
      t = await createTestDatabase(dialect);
      index = createSearchIndex(t);
    });
    after(async () => t.destroy());
    beforeEach(async () => index.clear());

    test('inflected names and nouns meet their base; ভারত does not match ভার', async () => {
      await index.upsert([
        doc(1, { head: 'মহাকাশ কেন্দ্রে পুতিনের সঙ্গে কিমের বৈঠক', body: 'রাশিয়ার ভস্তোচনি মহাকাশ কেন্দ্রে বৈঠক' }),
        doc(2, { body: 'ভারতের সঙ্গে বাণিজ্য চুক্তি সই' }),
        doc(3, { body: 'দায়িত্বের ভার নিতে হবে সবাইকে' }),
      ]);
      assert.deepEqual(await ids('পুতিন'), [1]);
      assert.deepEqual(await ids('রাশিয়া'), [1]);
      assert.deepEqual(await ids('রাশিয়ায়'), [1]);
      assert.deepEqual(await ids('ভারত'), [2]);
      assert.deepEqual(await ids('ভার'), [3]);
    });

    test('Bengali and ASCII digits are the same query', async () => {
      await index.upsert([doc(1, { body: '২০২৩ সালের বাজেট' }), doc(2, { body: 'budget 2024' })]);
      assert.deepEqual(await ids('2023'), [1]);
      assert.deepEqual(await ids('২০২৩'), [1]);
      assert.deepEqual(await ids('২০২৪'), [2]);
    });

    test('every word must match; unknown names also match by prefix', async () => {
      await index.upsert([doc(1, { body: 'কিম জং উন মস্কো সফরে' }), doc(2, { body: 'কিম ও তার বোনের সফর' }), doc(3, { body: 'মাহফুজারের বক্তব্য' })]);
      assert.deepEqual(await ids('কিম জং উন'), [1]);
      assert.deepEqual((await ids('কিম')).sort(), [1, 2]);
      assert.deepEqual(await ids('মাহফুজার'), [3]);
      assert.deepEqual((await index.search(query('কিম জং উন', { mode: 'any' }))).length, 2);
    });

    test('hits carry the features ranking reads, as they were stored', async () => {
      const stored = doc(2, { head: 'নির্বাচন নিয়ে আলোচনা', body: 'ভ্লাদিভস্তকে বৈঠক' });
      await index.upsert([doc(1, { body: 'নির্বাচন নিয়ে আলোচনা হয়েছে দীর্ঘ সময় ধরে' }), stored]);
      const hits = await index.search(query('নির্বাচন'));
      assert.equal(hits.length, 2);
      assert.equal(hits.find((h) => h.articleId === 2)?.features, stored.features);
      assert.deepEqual(
        (await index.search(query('নির্বাচন', { withFeatures: false }))).map((h) => h.features),
        ['', ''],
        'left out when asked',
      );
      assert.deepEqual(await index.features([2, 99]), new Map([[2, stored.features]]));
    });

    test('a name the stemmer cut into is found by what a reader types, and in the headline field', async () => {
      await index.upsert([doc(1, { body: 'শহর ভ্লাদিভস্তকে বৈঠক' }), doc(2, { head: 'আঙ্কারায় সম্মেলন' }), doc(3, { body: 'ভ্লাদিমির পুতিন' })]);
      assert.deepEqual(await ids('ভ্লাদিভস্তক'), [1], 'the article has only ভ্লাদিভস্তকে (stem ভ্লাদিভস্ত)');
      assert.deepEqual(await ids('ভ্লাদিভস্তকে'), [1]);
      assert.deepEqual(await ids('vladivostok'), [1], 'the Avro reading, by prefix');
      assert.deepEqual(await ids('আঙ্কারা'), [2]);
      assert.deepEqual(await ids('আঙ্কারা', { field: 'head' }), [2]);
      assert.deepEqual(await ids('ভ্লাদিভস্তক', { field: 'head' }), []);
    });

    test('tags and byline are searchable fields', async () => {
      await index.upsert([doc(1, { body: 'কিছু কথা', tags: 'উত্তর কোরিয়া', byline: 'আন্তর্জাতিক ডেস্ক' })]);
      assert.deepEqual(await ids('কোরিয়া'), [1]);
      assert.deepEqual(await ids('আন্তর্জাতিক'), [1]);
    });

    test('newest first, limited; date range, sections and "now" filter exactly', async () => {
      await index.upsert([
        doc(1, { body: 'বন্যা পরিস্থিতি' }, '2026-11-01T00:00:00.000Z', 1),
        doc(2, { body: 'বন্যা পরিস্থিতি' }, '2026-11-10T00:00:00.000Z', 2),
        doc(3, { body: 'বন্যা পরিস্থিতি' }, '2026-11-20T00:00:00.000Z', 3),
        doc(4, { body: 'বন্যা পরিস্থিতি' }, '2026-12-01T00:00:00.000Z', 1), // not public yet at NOW
      ]);
      assert.deepEqual(await ids('বন্যা'), [3, 2, 1]);
      assert.deepEqual(await ids('বন্যা', { limit: 2 }), [3, 2]);
      assert.deepEqual(await ids('বন্যা', { from: '2026-11-10T00:00:00.000Z' }), [3, 2]);
      assert.deepEqual(await ids('বন্যা', { to: '2026-11-10T00:00:00.000Z' }), [1]);
      assert.deepEqual(await ids('বন্যা', { sectionIds: [1, 3] }), [3, 1]);
      assert.deepEqual(await ids('বন্যা', { sectionIds: [] }), []);
      assert.deepEqual(await ids('বন্যা', { now: '2026-12-02T00:00:00.000Z' }), [4, 3, 2, 1]);
    });

    test('upsert replaces an entry, remove and clear delete', async () => {
      await index.upsert([doc(1, { head: 'পুরনো শিরোনাম' }), doc(2, { head: 'অন্য খবর' })]);
      await index.upsert([doc(1, { head: 'নতুন শিরোনাম' }, '2026-11-21T00:00:00.000Z')]);
      assert.deepEqual(await ids('পুরনো'), []);
      assert.deepEqual(await ids('নতুন'), [1]);
      assert.deepEqual(await ids('শিরোনাম'), [1]);
      await index.remove([1, 99]);
      assert.deepEqual(await ids('নতুন'), []);
      assert.deepEqual(await ids('অন্য'), [2]);
      await index.clear();
      assert.deepEqual(await ids('অন্য'), []);
    });

    test('articles published in the same second are all kept', async () => {
      const at = '2026-11-20T06:00:00.000Z';
      await index.upsert([doc(5, { body: 'সংসদ' }, at), doc(5 + 2 ** 20, { body: 'সংসদ' }, at), doc(5 + 2 ** 21, { body: 'সংসদ' }, at)]);
      assert.deepEqual(
        (await ids('সংসদ')).sort((a, b) => a - b),
        [5, 5 + 2 ** 20, 5 + 2 ** 21],
      );
    });

    test('a quoted phrase matches its words next to each other, in order, in one field', async () => {
      await index.upsert([
        doc(1, { head: 'ঢাকার যানজট কমাতে নতুন পরিকল্পনা' }),
        doc(2, { body: 'যানজট নিয়ে আলোচনা হলো ঢাকায়' }),
        doc(3, { head: 'ঢাকা থেকে খবর', body: 'যানজট আরও বেড়েছে' }),
      ]);
      assert.deepEqual((await ids('ঢাকার যানজট')).sort(), [1, 2, 3], 'unquoted: every word, anywhere');
      assert.deepEqual(await ids('"ঢাকার যানজট"'), [1], 'quoted: next to each other, in order');
      assert.deepEqual(await ids('“ঢাকা যানজট”'), [1], 'Bengali quotes, and the words as they are analysed');
      assert.deepEqual(await ids('"যানজট ঢাকা"'), [], 'in order');
      assert.deepEqual(await ids('"ঢাকার যানজট"', { mode: 'any' }), [1], 'a phrase holds in the relaxed mode too');
    });

    test('a query can be held to the headline field', async () => {
      await index.upsert([
        doc(1, { head: 'মহাকাশ কেন্দ্রে পুতিনের সঙ্গে কিমের বৈঠক' }),
        doc(2, { head: 'পুতিনের সফর', body: 'কিম জং উন বৈঠকে' }),
        doc(3, { body: 'পুতিন ও কিমের বৈঠক' }),
      ]);
      assert.deepEqual((await ids('পুতিন কিম')).sort(), [1, 2, 3]);
      assert.deepEqual(await ids('পুতিন কিম', { field: 'head' }), [1], 'every word in the headline');
      assert.deepEqual((await ids('পুতিন', { field: 'head' })).sort(), [1, 2]);
      assert.deepEqual(await ids('"মহাকাশ কেন্দ্রে"', { field: 'head' }), [1], 'a phrase in the headline');
    });

    test('query text with FTS or tsquery syntax is only words', async () => {
      await index.upsert([doc(1, { body: 'ঢাকা AND OR NOT near' })]);
      for (const q of ['"ঢাকা"', "ঢাকা'", 'ঢাকা*', 'ঢাকা & !', 'ঢাকা:*', '(ঢাকা', 'NEAR(ঢাকা)']) {
        assert.deepEqual(await ids(q), [1], q);
      }
    });

    test('a Bengali term with vowel signs is stored as one token, and a blindly cut word’s written form as another', async () => {
      await index.upsert([doc(1, { body: 'শিক্ষার্থীদের কাইমেরাগুলো' })]);
      const [term, cut] = analyzer.analyze('শিক্ষার্থীদের কাইমেরাগুলো');
      assert.ok(term && /[\u09BE-\u09CC]/.test(term), 'the term has vowel signs');
      // শিক্ষার্থীদের is cut to a known word and needs nothing more; কাইমেরাগুলো is cut blindly to an unknown one.
      const stored = [term, cut, `${SURFACE}কাইমেরাগুলো`].sort();
      if (dialect === 'sqlite') {
        await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_fts, 'col')`.execute(t.db);
        const rows = await sql<{ term: string }>`SELECT term FROM temp.search_vocab WHERE col = 'body'`.execute(t.db);
        assert.deepEqual(rows.rows.map((r) => r.term).sort(), stored);
        // Unconfigured, FTS5 would have cut it at the vowel signs:
        await sql`CREATE VIRTUAL TABLE temp.plain USING fts5(x)`.execute(t.db);
        await sql`INSERT INTO temp.plain (x) VALUES (${term})`.execute(t.db);
        await sql`CREATE VIRTUAL TABLE temp.plain_vocab USING fts5vocab(temp, plain, 'row')`.execute(t.db);
        const split = await sql<{ term: string }>`SELECT term FROM temp.plain_vocab`.execute(t.db);
        assert.ok(split.rows.length > 1, `unicode61 splits it into ${split.rows.length}`);
      } else {
        const rows = await sql<{ lexeme: string }>`SELECT unnest(tsvector_to_array(document)) AS lexeme FROM search_docs`.execute(t.db);
        assert.deepEqual(rows.rows.map((r) => r.lexeme).sort(), stored);
      }
    });
  });
}
