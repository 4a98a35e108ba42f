// The relevance benchmark of issue 13: a generated Bengali news corpus with hand-judged queries,
// Prokash's search against a plain FTS5 `unicode61` baseline on the same corpus.
//
//   npm run bench:relevance -- --articles 5000 [--db /tmp/prokash-relevance.db] [--postgres URL] [--keep]
//
// Prints nDCG@10 and success@1 per category and overall for both, the queries Prokash fails (its
// first result is not a right answer) with its top three, and with --postgres whether every query's
// top 10 is the same on both dialects. Exits 1 when a target is missed or the dialects differ.
import { parseArgs } from 'node:util';
import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/db/database.ts';
import { ensurePlaces } from '../../src/content/places/place.repository.ts';
import { TARGETS, type QueryOutcome } from './evaluate.ts';
import { judgedCorpus, loadSite, runBaseline, runProkash } from './harness.ts';
import { failures, scoreTable, targetsMissed } from './report.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '5000' },
    db: { type: 'string', default: '/tmp/prokash-relevance.db' },
    postgres: { type: 'string' },
    keep: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
  },
});
const log = (s: string) => process.stderr.write(`${s}\n`);
const files = (f: string) => [f, `${f}-wal`, `${f}-shm`];

async function main(): Promise<number> {
  const started = performance.now();
  const { corpus, judged } = judgedCorpus(Number(values.articles));
  log(`corpus: ${corpus.length} articles (${corpus.filter((a) => a.planted).length} planted), ${judged.length} judged queries`);

  for (const f of files(values.db)) rmSync(f, { force: true });
  const sqlite = await prepare(await openDatabase(`sqlite:${values.db}`));
  const site = await loadSite(sqlite, corpus);
  log(`sqlite: loaded and indexed in ${seconds(started)} s`);
  const prokash = await runProkash(site, judged);
  const baseline = await runBaseline(site, judged);

  let differ: string[] = [];
  if (values.postgres) differ = await comparePostgres(values.postgres, corpus, judged, prokash);

  console.log(`\nRelevance: ${corpus.length} articles, ${judged.length} queries (${new Date().toISOString().slice(0, 10)}, ${seconds(started)} s)\n`);
  console.log(scoreTable(prokash, baseline, values.markdown));
  console.log(`\nTargets: nDCG@10 ≥ ${TARGETS.ndcg} and ≥ ${TARGETS.aboveBaseline} above the baseline, success@1 ≥ ${TARGETS.success}`);
  const failed = failures(prokash, site.byId);
  console.log(failed ? `\nQueries Prokash fails (success@1 false), with its top 3 [grade]:\n${failed}` : '\nNo query fails.');
  const missed = targetsMissed(prokash, baseline);
  for (const m of missed) console.log(`MISSED: ${m}`);
  for (const d of differ) console.log(`DIALECTS DIFFER: ${d}`);
  await sqlite.close();
  if (!values.keep) for (const f of files(values.db)) rmSync(f, { force: true });
  return missed.length || differ.length ? 1 : 0;
}

async function prepare(handle: DatabaseHandle): Promise<DatabaseHandle> {
  await migrateToLatest(handle);
  await ensurePlaces(handle.db);
  return handle;
}

// The same corpus in a schema of its own on PostgreSQL; each query's top 10 compared with SQLite's.
async function comparePostgres(url: string, corpus: Parameters<typeof loadSite>[1], judged: Parameters<typeof runProkash>[1], sqlite: readonly QueryOutcome[]) {
  const schema = `relevance_${randomBytes(4).toString('hex')}`;
  const handle = await prepare(await openDatabase(url, { pgSchema: schema, pgPoolSize: 4 }));
  try {
    const t0 = performance.now();
    const site = await loadSite(handle, corpus);
    log(`postgres: loaded and indexed in ${seconds(t0)} s`);
    const outcomes = await runProkash(site, judged);
    return outcomes.flatMap((o, i) =>
      o.ids.join() === sqlite[i]!.ids.join() ? [] : [`${o.judgment.q}: sqlite ${sqlite[i]!.ids.join(',')} / postgres ${o.ids.join(',')}`],
    );
  } finally {
    await handle.close();
    if (!values.keep) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

process.exitCode = await main();
