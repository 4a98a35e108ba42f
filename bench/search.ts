// Search benchmark: generate a corpus into a fresh SQLite database, reindex it, then time a fixed
// set of queries. Every figure is also given as a ratio to a baseline run in the same process:
// SQLite's stock FTS5 (unicode61 tokenizer, which cuts Bengali words apart) over the same text.
//
//   node --import tsx bench/search.ts --articles 100000 [--runs 5] [--reps 5] [--reindex-runs 3] [--in-place-runs 1] [--db /tmp/bench.db] [--keep]
// Each run times every query --reps times; the percentiles reported are the medians over the runs
// (run 0 is a warm-up and not counted).
import { parseArgs } from 'node:util';
import { rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { sql, type Kysely } from 'kysely';
import { migrateToLatest, openDatabase } from '../src/db/database.ts';
import type { Database } from '../src/db/schema.ts';
import { ensurePlaces } from '../src/content/places/place.repository.ts';
import { ensureSectionPath } from '../src/content/sections/section.repository.ts';
import { demoSections } from '../src/demo/demo-sections.ts';
import { ContentReader } from '../src/content/content-reader.ts';
import { ReferenceData } from '../src/content/reference-data.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { createSearchModule } from '../src/search/search-module.ts';
import { parseQuery } from '../src/search/parse-query.ts';
import { rankHits } from '../src/search/rank-hits.ts';
import { createAnalyzer } from '../src/bangla/analyzer/analyzer.ts';
import { createKnownWords } from '../src/bangla/analyzer/known-words.ts';
import { generateCorpus } from './corpus.ts';
import { loadCorpus, type LoadedCorpus } from './load-corpus.ts';

/** Names, inflected nouns, two-word queries, digits and Latin (Avro) queries. */
export const QUERIES = [
  'পুতিন',
  'হাসিনা',
  'রাশিয়া',
  'জাতিসংঘ',
  'কিম জং উন',
  'ঢাকায়',
  'শিক্ষার্থীদের',
  'নির্বাচনে',
  'বাজেটের',
  'নেতারা',
  'ঢাকার যানজট',
  'বিশ্বকাপ ক্রিকেট',
  'পদ্মা সেতু',
  '২০২৩ সালে',
  'putin',
  'dhaka',
  'hasina',
  'bangladesh',
];

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    reps: { type: 'string', default: '5' },
    'reindex-runs': { type: 'string' },
    'in-place-runs': { type: 'string' },
    db: { type: 'string', default: '/tmp/prokash-bench.db' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});
const N = Number(values.articles);
const RUNS = Number(values.runs);
const REPS = Number(values.reps); // each query this many times per run
const REINDEX_RUNS = Number(values['reindex-runs'] ?? (N >= 500_000 ? 1 : 3));
const IN_PLACE_RUNS = Number(values['in-place-runs'] ?? (N >= 500_000 ? 0 : 1));
const NOW = new Date('2026-11-27T06:00:00Z');
const file = values.db;

const log = (s: string) => process.stderr.write(`${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

async function main() {
  if (!values.reuse) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const handle = await openDatabase(`sqlite:${file}`);
  const db = handle.db;
  // SQLite's settings as the server opens the database (its default page cache included).
  await migrateToLatest(handle);
  await ensurePlaces(db);
  let corpus: LoadedCorpus;
  if (!values.reuse) {
    const sections = [];
    for (const s of demoSections)
      sections.push(await ensureSectionPath(db, s.path, NOW.toISOString(), Object.fromEntries(demoSections.map((d) => [d.path, d.name])), s.position));
    const t0 = performance.now();
    corpus = await loadCorpus(
      db,
      generateCorpus(N, { sections: sections.length }),
      sections.map((s) => s.id),
      (n) => log(`  generated ${n}`),
    );
    log(`corpus: ${N} articles written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else corpus = { words: 0, articles: N };

  const search = await createSearchModule({
    database: handle,
    reader: new ContentReader(db, fixedClock(NOW), await ReferenceData.loaded(db)),
    clock: fixedClock(NOW),
    timeZone: () => 'Asia/Dhaka',
  });
  // What `prokash reindex` does: a new index built beside the live one (empty before the first
  // run, full before the others), swapped in, then a catch-up scan. All of it is timed.
  const rates: number[] = [];
  for (let run = 0; run < REINDEX_RUNS; run++) {
    const t0 = performance.now();
    const result = await search.indexer.reindexAll({ onProgress: (p) => p.indexed % 100_000 < 10_000 && log(`  reindexed ${p.indexed}`) });
    rates.push(result.indexed / ((performance.now() - t0) / 1000));
    log(`reindex run ${run + 1}: ${Math.round(rates.at(-1)!)} articles/s (rebuilt: ${result.rebuilt})`);
  }
  // `prokash reindex --after 0`: every entry of the full index replaced in place.
  const inPlaceRates: number[] = [];
  for (let run = 0; run < IN_PLACE_RUNS; run++) {
    const t0 = performance.now();
    const result = await search.indexer.reindexAll({ inPlace: true });
    inPlaceRates.push(result.indexed / ((performance.now() - t0) / 1000));
    log(`in-place reindex run ${run + 1}: ${Math.round(inPlaceRates.at(-1)!)} articles/s`);
  }
  const baselineRate = await baselineIndex(db);
  log(`baseline (stock FTS5 over the same text): ${Math.round(baselineRate)} articles/s`);

  const deps = { analyzer: createAnalyzer(), isKnown: createKnownWords() };
  const timings = { index: [] as number[][], service: [] as number[][], baseline: [] as number[][] };
  const counts = new Map<string, number>();
  // Each figure in a pass of its own over the queries, one query after another (never the same
  // query twice running), so no figure runs on pages the previous one just loaded for it.
  const sequence = Array.from({ length: REPS }, () => QUERIES).flat();
  const time = async (fn: (q: string) => Promise<unknown>) => {
    const out: number[] = [];
    for (const q of sequence) {
      const t = performance.now();
      await fn(q);
      out.push(performance.now() - t);
    }
    return out;
  };
  for (let run = 0; run <= RUNS; run++) {
    const index = await time(async (q) => {
      const { groups } = parseQuery(q, deps);
      const hits = await search.index.search({ groups, mode: 'all', now: NOW.toISOString(), limit: 501 });
      rankHits(hits, groups, NOW);
      counts.set(q, hits.length);
    });
    const service = await time((q) => search.service.search({ q }));
    const baseline = await time((q) => baselineSearch(db, q));
    if (run === 0) continue; // warm-up
    timings.index.push(index);
    timings.service.push(service);
    timings.baseline.push(baseline);
  }
  const summary = (runs: number[][]) => ({
    p50: median(runs.map((r) => pct(r, 50))),
    p95: median(runs.map((r) => pct(r, 95))),
    p99: median(runs.map((r) => pct(r, 99))),
  });
  const report = {
    articles: N,
    bodyWordsMean: corpus.words ? Math.round(corpus.words / corpus.articles) : undefined,
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    reindex: {
      articlesPerSecond: Math.round(median(rates)),
      runs: rates.map(Math.round),
      baselineArticlesPerSecond: Math.round(baselineRate),
      ratioToBaseline: +(median(rates) / baselineRate).toFixed(2),
      inPlaceArticlesPerSecond: inPlaceRates.length ? Math.round(median(inPlaceRates)) : undefined,
    },
    searchMs: { indexAndRank: summary(timings.index), fullServiceWithCardsAndSnippets: summary(timings.service), baselineStockFts5: summary(timings.baseline) },
    matchesPerQuery: Object.fromEntries(counts),
    runs: RUNS,
  };
  const ratio = (a: { p95: number }, b: { p95: number }) => +(a.p95 / b.p95).toFixed(2);
  Object.assign(report.searchMs, {
    p95RatioToBaseline: {
      indexAndRank: ratio(report.searchMs.indexAndRank, report.searchMs.baselineStockFts5),
      fullService: ratio(report.searchMs.fullServiceWithCardsAndSnippets, report.searchMs.baselineStockFts5),
    },
  });
  console.log(JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? +v.toFixed(2) : v), 2));
  await handle.close();
  if (!values.keep) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

// The baseline: SQLite's stock FTS5 indexing the raw headline and body text.
async function baselineIndex(db: Kysely<Database>): Promise<number> {
  await sql`DROP TABLE IF EXISTS bench_plain`.execute(db);
  await sql`CREATE VIRTUAL TABLE bench_plain USING fts5(head, body, content = '', contentless_delete = 1)`.execute(db);
  const t0 = performance.now();
  let n = 0;
  for (let after = 0; ;) {
    const rows = await db.selectFrom('articles').select(['id', 'headline', 'body']).where('id', '>', after).orderBy('id').limit(1000).execute();
    if (!rows.length) break;
    await db.transaction().execute(async (trx) => {
      const values = rows.map((r) => sql`(${r.id}, ${r.headline}, ${plain(r.body)})`);
      for (let i = 0; i < values.length; i += 200)
        await sql`INSERT INTO bench_plain (rowid, head, body) VALUES ${sql.join(values.slice(i, i + 200))}`.execute(trx);
    });
    n += rows.length;
    after = rows.at(-1)!.id;
  }
  return n / ((performance.now() - t0) / 1000);
}

async function baselineSearch(db: Kysely<Database>, q: string) {
  const match = q
    .split(/\s+/)
    .map((w) => `"${w.replaceAll('"', '')}"`)
    .join(' AND ');
  return sql`SELECT rowid, bm25(bench_plain) AS s FROM bench_plain WHERE bench_plain MATCH ${match} ORDER BY rowid DESC LIMIT 501`.execute(db);
}

function plain(body: string): string {
  return (JSON.parse(body) as { content: Array<{ content: Array<{ text: string }> }> }).content.map((p) => p.content.map((t) => t.text).join('')).join('\n\n');
}

await main();
