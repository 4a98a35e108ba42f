// The newsroom's article list (GET /api/admin/articles) at scale: a generated corpus with a
// newsroom's mix of statuses, owners and bylines, and the time of one page for the default listing,
// the next pages, each filter alone and the searches, through the whole HTTP path in process
// (session, validation, query, answer check). Not part of `npm run bench`.
//
//   node --import tsx bench/article-list.ts --articles 100000 [--dialect sqlite|postgres] [--db FILE] [--schema NAME] [--runs 15] [--plans]
//
// The database is built once and reused (a `bench_article_list` table marks a finished build);
// PostgreSQL reads PROKASH_BENCH_POSTGRES_URL or PROKASH_TEST_POSTGRES_URL. SQLite runs without
// ANALYZE, as a site's own file does; PostgreSQL after VACUUM ANALYZE, as autovacuum leaves it.
import { parseArgs } from 'node:util';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/db/database.ts';
import type { Database } from '../src/db/schema.ts';
import { ensurePlaces } from '../src/content/places/place.repository.ts';
import { ensureSectionPath } from '../src/content/sections/section.repository.ts';
import { demoSections } from '../src/demo/demo-sections.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { buildApp } from '../src/app.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { generateCorpus } from './corpus.ts';
import { loadCorpus } from './load-corpus.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    dialect: { type: 'string', default: 'sqlite' },
    db: { type: 'string' },
    schema: { type: 'string', default: 'bench_article_list' },
    runs: { type: 'string', default: '15' },
    plans: { type: 'boolean', default: false },
  },
});
const ARTICLES = Number(values.articles);
const RUNS = Number(values.runs);
const DIALECT = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
const FILE = values.db ?? `/tmp/prokash-article-list-${ARTICLES}.db`;
const PG_URL = process.env.PROKASH_BENCH_POSTGRES_URL ?? process.env.PROKASH_TEST_POSTGRES_URL ?? '';
const GENERATOR = 'article-list-1';
const NOW = '2026-11-27T06:00:00.000Z';
const PASSWORD = 'bench-password-1';
const log = (line: string) => console.log(line);

function open(): Promise<DatabaseHandle> {
  if (DIALECT === 'sqlite') return openDatabase(`sqlite:${FILE}`);
  if (!PG_URL) throw new Error('set PROKASH_BENCH_POSTGRES_URL (or PROKASH_TEST_POSTGRES_URL) for --dialect postgres');
  return openDatabase(PG_URL, { pgSchema: values.schema, pgPoolSize: 4 });
}

async function built(db: Kysely<Database>): Promise<boolean> {
  try {
    const { rows } = await sql<{ articles: number | string; generator: string }>`SELECT articles, generator FROM bench_article_list`.execute(db);
    return Number(rows[0]?.articles) === ARTICLES && rows[0]?.generator === GENERATOR;
  } catch {
    return false;
  }
}

async function fresh(): Promise<void> {
  if (DIALECT === 'sqlite') {
    for (const f of [FILE, `${FILE}-wal`, `${FILE}-shm`]) rmSync(f, { force: true });
    return;
  }
  if (!/^[a-z_][a-z0-9_]*$/.test(values.schema)) throw new Error(`bad schema name ${values.schema}`);
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${values.schema} CASCADE`);
  await client.end();
}

/**
 * The generated (published) corpus, then a newsroom's mix, set by id so it is deterministic:
 * 5 % drafts, 2 % submitted, 1 % scheduled, 2 % unpublished; two thirds made by one of 25
 * newsroom users (user 2 is the reporter measured), a third imported (no owner); most last
 * changed when published, one in ten at one shared import time (many ties on modified_at).
 */
async function build(handle: DatabaseHandle): Promise<void> {
  const db = handle.db;
  await migrateToLatest(handle);
  await ensurePlaces(db);
  const names = Object.fromEntries(demoSections.map((d) => [d.path, d.name]));
  const sections = [];
  for (const s of demoSections) sections.push(await ensureSectionPath(db, s.path, '2021-01-01T00:00:00.000Z', names, s.position));
  const t0 = performance.now();
  await loadCorpus(
    db,
    generateCorpus(ARTICLES, { sections: sections.length }),
    sections.map((s) => s.id),
    (n) => log(`  loaded ${n}`),
    { realistic: true, total: ARTICLES },
  );
  log(`corpus: ${ARTICLES} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await sql`UPDATE articles SET modified_at = CASE WHEN id % 10 = 0 THEN ${NOW} ELSE published_at END,
    owner_id = CASE WHEN id % 3 = 0 THEN NULL ELSE id % 25 + 1 END`.execute(db);
  await sql`UPDATE articles SET status = CASE WHEN id % 100 < 5 THEN 'draft' WHEN id % 100 < 7 THEN 'submitted'
    WHEN id % 100 < 8 THEN 'scheduled' ELSE 'unpublished' END WHERE id % 100 < 10`.execute(db);
  await sql`UPDATE articles SET published_at = NULL, scheduled_at = CASE WHEN status = 'scheduled' THEN ${'2026-12-01T00:00:00.000Z'} END
    WHERE status IN ('draft', 'submitted', 'scheduled')`.execute(db);
  await sql`UPDATE article_people SET published_at = NULL WHERE article_id IN (SELECT id FROM articles WHERE status <> 'published')`.execute(db);
  await sql`UPDATE article_tags SET published_at = NULL WHERE article_id IN (SELECT id FROM articles WHERE status <> 'published')`.execute(db);
  await sql`CREATE TABLE bench_article_list (articles integer NOT NULL, generator text NOT NULL)`.execute(db);
  await sql`INSERT INTO bench_article_list VALUES (${ARTICLES}, ${GENERATOR})`.execute(db);
}

let handle = await open();
if (!(await built(handle.db))) {
  log(`building ${DIALECT === 'sqlite' ? FILE : `schema ${values.schema}`} with ${ARTICLES} articles…`);
  await handle.close();
  await fresh();
  handle = await open();
  await build(handle);
} else {
  log(`reusing ${DIALECT === 'sqlite' ? FILE : `schema ${values.schema}`} (${ARTICLES} articles)`);
  await migrateToLatest(handle); // indexes added since it was built
}
// As autovacuum leaves a table: statistics, and the visibility map index-only scans read.
if (DIALECT === 'postgres') await sql`VACUUM ANALYZE`.execute(handle.db);

const seen: Array<{ sql: string; parameters: readonly unknown[] }> = [];
let recording = false;
await handle.close();
const url = DIALECT === 'sqlite' ? `sqlite:${FILE}` : PG_URL;
const database = await (DIALECT === 'sqlite'
  ? openDatabase(url, { onQuery: (e) => recording && e.level === 'query' && seen.push(e.query) })
  : openDatabase(url, { pgSchema: values.schema, pgPoolSize: 4, onQuery: (e) => recording && e.level === 'query' && seen.push(e.query) }));
const config = loadConfig({
  env: {},
  file: false,
  overrides: { databaseUrl: url, mediaDir: join('/tmp', 'prokash-article-list-media'), siteUrl: 'http://prokash.test', logLevel: 'silent', pageCacheTtl: 0 },
});
const app = await buildApp({ config, database, clock: fixedClock(NOW), logger: false, scheduler: false, timers: false, pollMs: 0 });

async function signIn(email: string, name: string, role: string): Promise<string> {
  const setup = await app.server.inject({ method: 'GET', url: '/api/admin/setup' });
  if (setup.json<{ needed: boolean }>().needed) {
    const made = await app.server.inject({
      method: 'POST',
      url: '/api/admin/setup',
      payload: { name: 'বেঞ্চ সম্পাদক', email: 'editor@bench.test', password: PASSWORD },
    });
    if (made.statusCode !== 201) throw new Error(made.body);
  }
  let res = await app.server.inject({ method: 'POST', url: '/api/admin/session', payload: { email, password: PASSWORD } });
  if (res.statusCode !== 200) {
    const admin = await signIn('editor@bench.test', '', '');
    const csrf = await app.server.inject({ method: 'GET', url: '/api/admin/session', headers: { cookie: admin } });
    const add = await app.server.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: { cookie: admin, 'x-csrf-token': csrf.json<{ csrfToken: string }>().csrfToken },
      payload: { name, email, role, password: PASSWORD },
    });
    if (add.statusCode !== 201) throw new Error(add.body);
    res = await app.server.inject({ method: 'POST', url: '/api/admin/session', payload: { email, password: PASSWORD } });
  }
  return String(res.headers['set-cookie']).split(';')[0]!;
}

const editor = await signIn('editor@bench.test', '', '');
const reporter = await signIn('reporter@bench.test', 'বেঞ্চ প্রতিবেদক', 'reporter');
const get = async (cookie: string, query: string) => {
  const res = await app.server.inject({ method: 'GET', url: `/api/admin/articles${query}`, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`${query}: ${res.statusCode} ${res.body}`);
  return res.json<{ items: Array<{ id: number }>; nextCursor: string | null }>();
};

// Cursors deep in the default list and in a status list, found by paging there once.
async function cursorAfter(query: string, pages: number): Promise<string> {
  let cursor = '';
  for (let i = 0; i < pages; i++) cursor = (await get(editor, `${query}${query ? '&' : '?'}limit=100${cursor ? `&cursor=${cursor}` : ''}`)).nextCursor!;
  return encodeURIComponent(cursor);
}
const sectionOf = async (path: string) => (await handle.db.selectFrom('sections').select('id').where('path', '=', path).executeTakeFirstOrThrow()).id;
handle = database;
const world = await sectionOf('world');
const leaf = await sectionOf('national');
const rare = await handle.db.selectFrom('people').select('id').where('kind', '=', 'correspondent').orderBy('id').executeTakeFirstOrThrow();
const one = await handle.db
  .selectFrom('articles')
  .select(['id', 'section_id'])
  .where('id', '=', Math.floor(ARTICLES / 2))
  .executeTakeFirstOrThrow();
const SCENARIOS: Array<[string, string, string?]> = [
  ['default (newest change first)', ''],
  ['default, page 2', `?cursor=${await cursorAfter('', 1)}`],
  ['default, page 200 (cursor)', `?cursor=${await cursorAfter('', 100)}`],
  ['status=draft', '?status=draft'],
  ['published, by publication', '?order=published'],
  ['published by publication, page 100', `?order=published&cursor=${await cursorAfter('?order=published', 50)}`],
  ['section with sub-sections', `?sectionId=${world}`],
  ['section (leaf)', `?sectionId=${leaf}`],
  ['owner', '?ownerId=7'],
  ['byline person: the desk', '?personId=1000000'],
  ['byline person: a correspondent', `?personId=${rare.id}`],
  ['byline person: nobody’s', '?personId=999'],
  ['date range: one day', '?from=2024-03-01&to=2024-03-01'],
  ['date range: a year, by publication', '?order=published&from=2023-01-01&to=2023-12-31'],
  ['headline text: common', `?q=${encodeURIComponent('ঢাকা')}`],
  ['headline text: no match', `?q=${encodeURIComponent('কোনোখানেনেই')}`],
  // Two filters together (not each given its own index): what an editor fixing yesterday's story asks.
  ['by publication + headline text: no match', `?order=published&q=${encodeURIComponent('কোনোখানেনেই')}`],
  ['by publication + a day + headline text', `?order=published&from=2024-03-01&to=2024-03-01&q=${encodeURIComponent('ঢাকা')}`],
  ['section + status=draft', `?sectionId=${leaf}&status=draft`],
  ['id', `?q=${one.id}`],
  ['reader URL', `?q=${encodeURIComponent(`https://prokash.test/national/${one.id}`)}`],
  ['reporter: own articles', '', 'reporter'],
  ['reporter: own drafts', '?status=draft', 'reporter'],
];

const ms = (n: number) => n.toFixed(1).padStart(7);
log(`\n${DIALECT}, ${ARTICLES} articles, ${RUNS} runs each (3 warm-up), one page of 50 via GET /api/admin/articles in process:`);
log(`${'scenario'.padEnd(40)} ${'median'.padStart(7)} ${'p90'.padStart(7)} ${'max'.padStart(7)}  items`);
let worst = 0;
for (const [name, query, who] of SCENARIOS) {
  const cookie = who === 'reporter' ? reporter : editor;
  let items = 0;
  for (let i = 0; i < 3; i++) items = (await get(cookie, query)).items.length;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await get(cookie, query);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  worst = Math.max(worst, median);
  log(`${name.padEnd(40)} ${ms(median)} ${ms(times[Math.floor(times.length * 0.9)]!)} ${ms(times.at(-1)!)}  ${items}`);
  if (values.plans) await printPlan(cookie, query);
}
log(`\nslowest median: ${worst.toFixed(1)} ms`);

async function printPlan(cookie: string, query: string): Promise<void> {
  seen.length = 0;
  recording = true;
  await get(cookie, query);
  recording = false;
  const listing = seen.find((q) => /from "articles"/.test(q.sql) && /order by/i.test(q.sql));
  if (!listing) return;
  if (DIALECT === 'sqlite') {
    const plan = database.native!.prepare(`EXPLAIN QUERY PLAN ${listing.sql}`).all(...listing.parameters) as Array<{ detail: string }>;
    for (const p of plan) log(`      ${p.detail}`);
  } else {
    const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${sql.raw(inline(listing.sql, listing.parameters))}`.execute(database.db);
    for (const r of rows) log(`      ${r['QUERY PLAN']}`);
  }
}

/** The statement with its parameters written in (for EXPLAIN over Kysely, which has no parameters there). */
function inline(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const v = parameters[Number(n) - 1];
    return typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
  });
}

await app.server.close();
await database.close();
