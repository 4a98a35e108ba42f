// Search relevance (issue 13): the judged query set (bench/relevance) over a generated corpus of
// CORPUS articles, on each dialect. Asserts the targets against the FTS5 `unicode61` baseline, the
// issue's examples one by one, and that every query's top 10 is the same on SQLite and PostgreSQL.
// The full-size figures: `npm run bench:relevance -- --articles 5000` (docs/search.md, "Relevance").
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DialectName } from '../src/db/database.ts';
import { createTestDatabase, DIALECTS, POSTGRES_URL, type TestDatabase } from './helpers/databases.ts';
import { judgedCorpus, loadSite, prokashSearcher, runBaseline, runProkash, type RelevanceSite } from '../bench/relevance/harness.ts';
import { dcg, ndcg, type QueryOutcome } from '../bench/relevance/evaluate.ts';
import { failures, scoreTable, targetsMissed } from '../bench/relevance/report.ts';
import { baselineMatch } from '../bench/relevance/baseline.ts';
import { namesPutinAndKim, SEED_KEY } from '../bench/relevance/corpus.ts';
import { CATEGORIES } from '../bench/relevance/judgment-types.ts';

/** Smaller than the benchmark's 5,000, so each dialect's run stays well under a minute. */
const CORPUS = 2000;

const { corpus, judged } = judgedCorpus(CORPUS);
const seed = corpus.find((a) => a.key === SEED_KEY)!;
const idOf = (key: string) => corpus.find((a) => a.key === key)!.id;
// Each dialect's top 10 per query, for the comparison at the end; the baseline's run (SQLite).
const topTens = new Map<DialectName, ReadonlyMap<string, number[]>>();
let baseline: QueryOutcome[] | undefined;

describe('the relevance set', () => {
  test('has at least 150 queries in every category, each judged true of the corpus (checked when it is generated)', () => {
    assert.ok(judged.length >= 150, `${judged.length} queries`);
    for (const c of CATEGORIES)
      assert.ok(
        judged.some((j) => j.category === c),
        c,
      );
    assert.ok(corpus.length === CORPUS && corpus.some((a) => a.planted) && corpus.some((a) => !a.planted));
  });

  test('nDCG@10 uses gains 2^g − 1 discounted by log2(rank + 1), over the ideal order of every judged article', () => {
    assert.equal(dcg([2, 0, 1]), 3 + 0 + 1 / 2);
    assert.equal(ndcg([2, 1], [2, 1]), 1);
    assert.equal(ndcg([1, 2], [2, 1]), (1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3)));
    assert.equal(ndcg([0, 0], [2]), 0);
    assert.equal(ndcg([2], [2, 2]), 3 / (3 + 3 / Math.log2(3)), 'a right answer left out of the results costs');
  });

  test('the baseline ANDs the words and keeps quoted phrases, as a plain FTS5 query', () => {
    assert.equal(baselineMatch('পুতিন কিম'), '"পুতিন" "কিম"');
    assert.equal(baselineMatch('"কোটা সংস্কার" আন্দোলন'), '"কোটা সংস্কার" "আন্দোলন"');
    assert.equal(baselineMatch("মেসি ব্যালন ডি'অর"), `"মেসি" "ব্যালন" "ডি'অর"`);
    assert.equal(baselineMatch('"'), '');
  });
});

for (const dialect of DIALECTS) {
  describe(`search relevance over ${CORPUS} articles (${dialect})`, () => {
    let t: TestDatabase | undefined;
    let site: RelevanceSite;
    let outcomes: QueryOutcome[];
    const top = (q: string) => prokashSearcher(site.search)(q);

    before(async () => {
      t = await createTestDatabase(dialect);
      site = await loadSite(t, corpus);
      outcomes = await runProkash(site, judged);
      topTens.set(dialect, new Map(outcomes.map((o) => [o.judgment.q, o.ids])));
      if (dialect === 'sqlite') baseline = await runBaseline(site, judged);
    });
    after(async () => {
      await t?.destroy();
    });

    test('nDCG@10 ≥ 0.90 and ≥ 0.25 above the FTS5 unicode61 baseline; success@1 ≥ 0.85', () => {
      assert.ok(baseline, 'the baseline runs on SQLite');
      const missed = targetsMissed(outcomes, baseline);
      assert.deepEqual(missed, [], `\n${scoreTable(outcomes, baseline)}\n\n${failures(outcomes, site.byId)}`);
    });

    test('two names that both stand in one headline put that article first, above 300+ newer ones that mention them in passing', async () => {
      const newer = corpus.filter((a) => a.publishedAt > seed.publishedAt && a.key !== SEED_KEY && namesPutinAndKim(a));
      assert.ok(newer.length >= 300, `${newer.length} newer articles name both leaders`);
      assert.equal((await top('পুতিন কিম'))[0], seed.id);
    });

    test('the same names typed in Latin letters (putin kim) put it first too', async () => {
      assert.equal((await top('putin kim'))[0], seed.id);
    });

    test("a reader's short description (the names and বৈঠক, in either case form) brings it into the first three", async () => {
      const missing: string[] = [];
      for (const q of ['পুতিন কিম বৈঠক', 'পুতিনের সঙ্গে কিমের বৈঠক', 'কিম পুতিন বৈঠকে', 'পুতিনের সঙ্গে কিমের বৈঠকে']) {
        const rank = (await top(q)).indexOf(seed.id);
        if (rank < 0 || rank > 2) missing.push(`${q}: ${rank < 0 ? 'not on the first page' : `at ${rank + 1}`}`);
      }
      assert.deepEqual(missing, []);
    });

    test('a place name ending in ক, typed without its case ending (ভ্লাদিভস্তক) or in Latin letters (vladivostok), finds the article that has ভ্লাদিভস্তকে', async () => {
      assert.ok(seed.body.join(' ').includes('ভ্লাদিভস্তকে') && !seed.body.join(' ').includes('ভ্লাদিভস্তক '));
      for (const q of ['ভ্লাদিভস্তক', 'vladivostok']) assert.ok((await top(q)).includes(seed.id), q);
    });

    test('names that end like a case ending, searched without it, find their articles (নিউইয়র্কে, হংকংয়ে, মস্কোতে, ব্রাসেলসে, কক্সবাজারে, খুলনায়, সিলেটে, নিউমার্কেটে)', async () => {
      const places: Record<string, string[]> = {
        নিউইয়র্ক: ['newyork-unga-speech', 'newyork-boishakhi-mela', 'newyork-mayor-mamdani'],
        হংকং: ['hongkong-fire', 'hongkong-domestic-workers'],
        মস্কো: ['moscow-concert-attack', 'moscow-victory-parade'],
        ব্রাসেলস: ['brussels-nato-summit', 'brussels-farmers'],
        কক্সবাজার: ['coxsbazar-camp-fire', 'cyclone-mocha', 'coxsbazar-tourists'],
        খুলনা: ['khulna-jute-mills', 'khulna-city-election'],
        সিলেট: ['sylhet-flood-2022', 'sylhet-flood-2024', 'sylhet-tea-strike'],
        নিউমার্কেট: ['newmarket-clash', 'newmarket-fire'],
      };
      const missing: string[] = [];
      for (const [q, keys] of Object.entries(places)) {
        const found = await top(q);
        for (const key of keys) if (!found.includes(idOf(key))) missing.push(`${q}: ${key}`);
      }
      assert.deepEqual(missing, [], 'each is on the first page');
    });
  });
}

describe('the same order on both dialects', () => {
  test('the top 10 of every query of the set is the same on SQLite and PostgreSQL', { skip: !POSTGRES_URL && 'PROKASH_TEST_POSTGRES_URL is not set' }, () => {
    const sqlite = topTens.get('sqlite');
    const postgres = topTens.get('postgres');
    assert.ok(sqlite && postgres, 'both dialects ran the set');
    const differ = judged
      .filter((j) => sqlite.get(j.q)!.join() !== postgres.get(j.q)!.join())
      .map((j) => `${j.q}: ${sqlite.get(j.q)!.join()} / ${postgres.get(j.q)!.join()}`);
    assert.deepEqual(differ, []);
  });
});
