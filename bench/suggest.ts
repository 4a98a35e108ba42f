// Suggestions benchmark: the serving corpus (bench/serve-corpus.ts: generated, realistic bylines,
// built once and reused), a SuggestService over it as the server builds one, and a fixed set of
// prefixes as readers type them — every 1–4 letter prefix of common words and names, every single
// letter, a few two-word texts, and Latin (Avro) prefixes. Each figure is also given as a ratio
// to baselines run in the same process over the same database:
// - `LIKE 'prefix%'` on headlines, newest first (what a suggestion box without an index costs);
// - the search index's headline field with a prefix term, newest first (SearchIndex.search with
//   `field: 'head'`), the other way to find headlines by a word's start.
//
//   npm run bench:suggest -- [--articles 100000] [--dialect sqlite|postgres] [--db FILE] [--schema S] [--pg-url URL] [--runs 5] [--reps 3]
// Each run times every prefix --reps times, one prefix after another; run 0 warms up; the p50/p95/
// p99 reported are the medians over the runs.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg, totalmem } from 'node:os';
import { sql } from 'kysely';
import Fastify from 'fastify';
import { openDatabase } from '../src/db/database.ts';
import { ContentReader } from '../src/content/content-reader.ts';
import { ReferenceData } from '../src/content/reference-data.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { registerEndpoints } from '../src/lib/endpoint.ts';
import { publicApiEndpoints } from '../src/api/public-api.routes.ts';
import { createSearchIndex, createSiteAnalyzer } from '../src/search/search-module.ts';
import { SuggestService } from '../src/search/suggest.service.ts';
import { surfaceWords } from '../src/search/suggest-keys.ts';
import { prepareCorpus } from './serve-corpus.ts';

// Words and names readers search for (bench/search.ts's queries), typed letter by letter.
const WORDS = [
  'পুতিন',
  'হাসিনা',
  'রাশিয়া',
  'জাতিসংঘ',
  'কিম',
  'ঢাকায়',
  'শিক্ষার্থীদের',
  'নির্বাচনে',
  'বাজেটের',
  'নেতারা',
  'যানজট',
  'বিশ্বকাপ',
  'ক্রিকেট',
  'পদ্মা',
  'সেতু',
  '২০২৩',
];
const LETTERS = 'অ আ ই উ এ ও ক খ গ ঘ চ ছ জ ঝ ট ঠ ড ঢ ত থ দ ধ ন প ফ ব ভ ম য র ল শ ষ স হ'.split(' ');
const TWO_WORDS = ['ঢাকার যা', 'পদ্মা সে', 'কিম জং', 'বিশ্বকাপ ক্রি', 'পুতিন কি'];
const LATIN = ['putin', 'hasina', 'dhaka', 'bangladesh', 'rashia', 'kim', 'cricket', 'sheikh'];

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    dialect: { type: 'string', default: 'sqlite' },
    db: { type: 'string', default: '/tmp/prokash-bench-suggest.db' },
    schema: { type: 'string', default: 'bench_suggest' },
    'pg-url': { type: 'string', default: process.env.PROKASH_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    runs: { type: 'string', default: '5' },
    reps: { type: 'string', default: '3' },
  },
});
const N = Number(values.articles);
const RUNS = Number(values.runs);
const REPS = Number(values.reps);
const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
// The corpus's newest article is published at this instant.
const NOW = new Date('2026-11-27T06:00:00Z');

const log = (s: string) => process.stderr.write(`${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const graphemes = (s: string) => [...new Intl.Segmenter('bn', { granularity: 'grapheme' }).segment(s)].map((g) => g.segment);

/** Every prefix a reader types on the way to the words, names and Latin spellings above. */
function prefixes(): string[] {
  const out = new Set<string>(LETTERS);
  for (const word of WORDS) {
    const g = graphemes(word);
    for (let n = 1; n <= Math.min(4, g.length); n++) out.add(g.slice(0, n).join(''));
  }
  for (const text of TWO_WORDS) out.add(text);
  for (const word of LATIN) for (let n = 1; n <= Math.min(6, word.length); n++) out.add(word.slice(0, n));
  return [...out];
}

async function main() {
  const corpus = await prepareCorpus({
    root: fileURLToPath(new URL('..', import.meta.url)),
    articles: N,
    dialect,
    file: values.db,
    pgUrl: values['pg-url'],
    schema: values.schema,
    log,
  });
  const handle = dialect === 'sqlite' ? await openDatabase(corpus.url) : await openDatabase(values['pg-url'], { pgSchema: values.schema, pgPoolSize: 4 });
  const db = handle.db;
  const clock = fixedClock(NOW);
  const reader = new ContentReader(db, clock, await ReferenceData.loaded(db));
  const { analyzer } = await createSiteAnalyzer(db);
  const index = createSearchIndex(handle);

  // What the server does at start: the names and the newest headlines, with the memory they take.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const service = new SuggestService({ db, analyzer, reader, clock });
  let t0 = performance.now();
  await service.load();
  const loadMs = performance.now() - t0;
  gc?.();
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  // Following events: a batch of 100 article events read back (headlines, tags, people).
  const ids = (await db.selectFrom('articles').select('id').orderBy('id', 'desc').limit(100).execute()).map((r) => r.id);
  t0 = performance.now();
  await service.apply(
    ids.map((id) => ({ id: 0, at: NOW.toISOString(), type: 'article.updated', payload: { id, before: null, after: null, significant: false } })),
  );
  const apply100Ms = performance.now() - t0;

  // The endpoint as declared (validation, the service, the answer), in a bare Fastify.
  const app = Fastify();
  registerEndpoints(app, publicApiEndpoints({ reader, siteUrl: '', popular: async () => [], suggest: service, timeZone: () => 'Asia/Dhaka' }), () => null);
  await app.ready();

  const loadAtStart = loadavg().map((l) => +l.toFixed(2));
  const list = prefixes();
  const sequence = Array.from({ length: REPS }, () => list).flat();
  const counts = new Map<string, number>();
  const figures = {
    endpoint: async (q: string) => {
      const res = await app.inject({ url: `/api/v1/suggest?q=${encodeURIComponent(q)}` });
      if (res.statusCode !== 200) throw new Error(`${q}: ${res.statusCode} ${res.body}`);
      counts.set(
        q,
        res.json<{ groups: Array<{ items: unknown[] }> }>().groups.reduce((n, g) => n + g.items.length, 0),
      );
    },
    service: (q: string) => service.suggest({ q, limit: 5 }),
    baselineLike: (q: string) =>
      db
        .selectFrom('articles')
        .select(['id', 'headline'])
        .where('status', '=', 'published')
        .where('published_at', '<=', NOW.toISOString())
        .where('headline', 'like', `${q.replace(/[%_\\]/g, '')}%`)
        .orderBy('published_at', 'desc')
        .limit(5)
        .execute(),
    baselineIndexHead: (q: string) => {
      const words = surfaceWords(q);
      const groups = words.map((term, i) => [{ term, prefix: i === words.length - 1 }]);
      return groups.length ? index.search({ groups, mode: 'all', field: 'head', now: NOW.toISOString(), limit: 5 }) : Promise.resolve([]);
    },
  };
  type Figure = keyof typeof figures;
  const timings = Object.fromEntries(Object.keys(figures).map((k) => [k, [] as number[][]])) as Record<Figure, number[][]>;
  const worst = new Map<string, number>();
  for (let run = 0; run <= RUNS; run++) {
    // Each figure in a pass of its own, so none runs on pages another just loaded for it.
    for (const figure of Object.keys(figures) as Figure[]) {
      gc?.(); // nor on the garbage another left (the baselines read whole tables)
      const out: number[] = [];
      for (const q of sequence) {
        const t = performance.now();
        await figures[figure](q);
        const ms = performance.now() - t;
        out.push(ms);
        if (figure === 'endpoint' && run > 0) worst.set(q, Math.max(worst.get(q) ?? 0, ms));
      }
      if (run > 0) timings[figure].push(out);
    }
    log(`run ${run}${run === 0 ? ' (warm-up)' : ''} done`);
  }
  const summary = (runs: number[][]) => ({
    p50: median(runs.map((r) => pct(r, 50))),
    p95: median(runs.map((r) => pct(r, 95))),
    p99: median(runs.map((r) => pct(r, 99))),
  });
  const ms = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, summary(v)])) as Record<Figure, ReturnType<typeof summary>>;
  const ratio = (a: Figure, b: Figure) => ({ p50: ms[a].p50 / ms[b].p50, p95: ms[a].p95 / ms[b].p95 });
  const engine = dialect === 'sqlite' ? `SQLite ${(await sql<{ v: string }>`SELECT sqlite_version() AS v`.execute(db)).rows[0]?.v}` : corpus.serverVersion;
  const report = {
    articles: N,
    dialect,
    engine,
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: { start: loadAtStart, end: loadavg().map((l) => +l.toFixed(2)) },
    },
    prefixes: list.length,
    timedPerRun: sequence.length,
    start: { loadMs, heapMiB: gc ? heapMiB : undefined, apply100ArticleEventsMs: apply100Ms },
    ms,
    ratio: { endpointToLike: ratio('endpoint', 'baselineLike'), endpointToIndexHead: ratio('endpoint', 'baselineIndexHead') },
    slowestPrefixesMs: Object.fromEntries([...worst].sort((a, b) => b[1] - a[1]).slice(0, 5)),
    suggestionsPerPrefix: { min: Math.min(...counts.values()), median: median([...counts.values()]) },
    runs: RUNS,
  };
  console.log(
    JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? (Math.abs(v) >= 1 ? +v.toFixed(2) : +v.toPrecision(2)) : v), 2),
  );
  await app.close();
  await handle.close();
}

await main();
