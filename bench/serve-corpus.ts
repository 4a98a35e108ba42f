// The serving benchmark's database: the generated corpus (bench/corpus.ts, loaded with the
// realistic extras of bench/load-corpus.ts), home slots, and the search index, built once and
// reused. A table `bench_corpus` marks a finished build with its size and generator version; a
// database without it that holds articles is someone else's and is never touched.
//
// Migrations, places, sections and the indexer come from the checkout being measured (`--prokash
// DIR`), so an older commit gets a database its own migrations made: a newer migration in the file
// would stop the older server from starting.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/db/database.ts';
import { demoSections } from '../src/demo/demo-sections.ts';
import { generateCorpus } from './corpus.ts';
import { loadCorpus } from './load-corpus.ts';

type DbModule = typeof import('../src/db/database.ts');
type PlacesModule = typeof import('../src/content/places/place.repository.ts');
type SectionsModule = typeof import('../src/content/sections/section.repository.ts');
type SearchModule = typeof import('../src/search/search-module.ts');

/** Bump when the generator or the loader changes: databases of an older version are rebuilt. */
const GENERATOR = 'serve-1';

export interface CorpusOptions {
  /** Root of the checkout whose migrations and indexer build the database. */
  root: string;
  articles: number;
  dialect: 'sqlite' | 'postgres';
  /** SQLite file. */
  file: string;
  pgUrl: string;
  schema: string;
  log: (line: string) => void;
}

export interface Corpus {
  /** DATABASE_URL for the servers. */
  url: string;
  articles: number;
  built: boolean;
  buildSeconds: number;
  /** Up to 1,000 article paths spread evenly over the corpus, oldest first. */
  spread: string[];
  /** The newest illustrated article (the home page's lead): the warm, 304 and beacon scenarios. */
  featured: { id: number; path: string };
  /** A section front with sub-sections. */
  sectionPath: string;
  /** Every section front, and its pages 2 to 5 (cold-section). */
  sectionPaths: string[];
  /** Section ids by path, for articles the benchmark publishes. */
  sectionIds: Map<string, number>;
  deskId: number;
  /** `SELECT version()` on PostgreSQL. */
  serverVersion?: string;
}

const load = async <T>(root: string, path: string) => (await import(pathToFileURL(join(root, path)).href)) as T;

export async function prepareCorpus(o: CorpusOptions): Promise<Corpus> {
  const dbm = await load<DbModule>(o.root, 'src/db/database.ts');
  const { ensurePlaces } = await load<PlacesModule>(o.root, 'src/content/places/place.repository.ts');
  const open = () => (o.dialect === 'sqlite' ? dbm.openDatabase(`sqlite:${o.file}`) : dbm.openDatabase(o.pgUrl, { pgSchema: o.schema, pgPoolSize: 4 }));
  let handle = await open();
  try {
    const state = await markerState(handle, o.articles);
    if (state === 'foreign') throw new Error(`${describe(o)} holds articles but was not made by this benchmark: refusing to touch it`);
    // A finished corpus of another size took minutes or hours to build: never thrown away unasked.
    if (typeof state === 'number')
      throw new Error(
        `${describe(o)} holds a finished corpus of ${state} articles: give --articles ${state} to use it, or another --db / --schema (delete it to rebuild)`,
      );
    if (state === 'stale') {
      o.log(`${describe(o)} holds an unfinished build or an older generator's corpus: rebuilding it`);
      await handle.close();
      if (o.dialect === 'sqlite') for (const f of [o.file, `${o.file}-wal`, `${o.file}-shm`]) rmSync(f, { force: true });
      else await dropSchema(dbm, o.pgUrl, o.schema);
      handle = await open();
    }
    await dbm.migrateToLatest(handle).catch((error: unknown) => {
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n(${describe(o)} may have been migrated by another checkout: give each checkout its own --db or --schema)`,
      );
    });
    await ensurePlaces(handle.db);
    const t0 = performance.now();
    const built = state !== 'ready';
    if (built) await build(handle, o);
    else {
      o.log(`reusing ${describe(o)} (${o.articles} articles)`);
      // Views counted by an earlier run would change the জনপ্রিয় lists (and so every page's ETag)
      // as their hours leave the windows; each run starts without any.
      for (const table of ['view_seen', 'view_counts']) {
        await sql`DELETE FROM ${sql.table(table)}`
          .execute(handle.db)
          .catch((e: unknown) => o.log(`could not empty ${table}: ${e instanceof Error ? e.message : String(e)}`));
      }
    }
    const buildSeconds = (performance.now() - t0) / 1000;
    const corpus = await describeCorpus(handle, o);
    return { ...corpus, built, buildSeconds };
  } finally {
    await handle.close();
  }
}

const describe = (o: CorpusOptions) => (o.dialect === 'sqlite' ? `SQLite file ${o.file}` : `PostgreSQL schema ${o.schema}`);

/** 'stale': an unfinished build or an older generator's (rebuilt); a number: a finished corpus of that size. */
async function markerState(handle: DatabaseHandle, articles: number): Promise<'empty' | 'ready' | 'stale' | 'foreign' | number> {
  try {
    const row = await sql<{
      articles: number | string;
      generator: string;
      complete: number | string;
    }>`SELECT articles, generator, complete FROM bench_corpus`.execute(handle.db);
    const m = row.rows[0];
    if (!m || m.generator !== GENERATOR || Number(m.complete) !== 1) return 'stale';
    return Number(m.articles) === articles ? 'ready' : Number(m.articles);
  } catch {
    // No marker: a new (empty) database, or someone else's.
    try {
      const n = await sql<{ n: number | string }>`SELECT count(*) AS n FROM articles`.execute(handle.db);
      return Number(n.rows[0]?.n ?? 0) > 0 ? 'foreign' : 'empty';
    } catch {
      return 'empty'; // not migrated yet
    }
  }
}

async function build(handle: DatabaseHandle, o: CorpusOptions): Promise<void> {
  const db = handle.db;
  // Marked unfinished first, so an interrupted build is recognised as ours and rebuilt.
  await sql`CREATE TABLE bench_corpus (articles integer NOT NULL, generator text NOT NULL, complete integer NOT NULL, built_at text NOT NULL)`.execute(db);
  await sql`INSERT INTO bench_corpus VALUES (${o.articles}, ${GENERATOR}, 0, ${new Date().toISOString()})`.execute(db);
  const { ensureSectionPath } = await load<SectionsModule>(o.root, 'src/content/sections/section.repository.ts');
  const names = Object.fromEntries(demoSections.map((d) => [d.path, d.name]));
  const sections = [];
  for (const s of demoSections) sections.push(await ensureSectionPath(db, s.path, '2021-01-01T00:00:00.000Z', names, s.position));
  let t = performance.now();
  const loaded = await loadCorpus(
    db,
    generateCorpus(o.articles, { sections: sections.length }),
    sections.map((s) => s.id),
    (n) => o.log(`  loaded ${n}`),
    { realistic: true, total: o.articles },
  );
  o.log(
    `corpus: ${loaded.articles} articles (mean ${Math.round(loaded.words / loaded.articles)} body words) written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  // The home page's lead and three curated top stories: the newest illustrated articles.
  const curated = await db.selectFrom('articles').select('id').where('image_id', 'is not', null).orderBy('id', 'desc').limit(4).execute();
  if (curated.length)
    await db
      .insertInto('home_slots')
      .values(curated.map((a, slot) => ({ slot, article_id: a.id })))
      .execute();
  t = performance.now();
  const { createIndexer } = await load<SearchModule>(o.root, 'src/search/search-module.ts');
  const indexer = await createIndexer(handle);
  const result = await indexer.reindexAll({ onProgress: (p) => p.indexed % 100_000 < 10_000 && o.log(`  indexed ${p.indexed}`) });
  o.log(`search index: ${result.indexed} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await sql`UPDATE bench_corpus SET complete = 1`.execute(db);
}

async function describeCorpus(handle: DatabaseHandle, o: CorpusOptions): Promise<Omit<Corpus, 'built' | 'buildSeconds'>> {
  const db = handle.db;
  const sections = await db.selectFrom('sections').select(['id', 'path', 'parent_id']).execute();
  const pathOf = new Map(sections.map((s) => [s.id, s.path]));
  const count = Math.min(1000, o.articles);
  const ids = [...new Set(Array.from({ length: count }, (_, i) => 1 + Math.floor(((i + 0.5) * o.articles) / count)))];
  const spread: string[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'section_id'])
      .where('id', 'in', ids.slice(i, i + 500))
      .where('status', '=', 'published')
      .orderBy('id')
      .execute();
    for (const r of rows) spread.push(`/${pathOf.get(r.section_id!)}/${r.id}`);
  }
  const lead = await db
    .selectFrom('articles')
    .select(['id', 'section_id'])
    .where('image_id', 'is not', null)
    .where('id', '<=', o.articles)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const parents = new Set(sections.map((s) => s.parent_id));
  const front = sections.find((s) => s.path === 'world') ?? sections.find((s) => parents.has(s.id)) ?? sections[0]!;
  const serverVersion = handle.dialect === 'postgres' ? (await sql<{ v: string }>`SELECT version() AS v`.execute(db)).rows[0]?.v : undefined;
  return {
    url: o.dialect === 'sqlite' ? `sqlite:${resolve(o.file)}` : withSchema(o.pgUrl, o.schema),
    articles: o.articles,
    spread,
    featured: { id: lead.id, path: `/${pathOf.get(lead.section_id!)}/${lead.id}` },
    sectionPath: `/${front.path}`,
    sectionPaths: sections.flatMap((s) => [`/${s.path}`, ...[2, 3, 4, 5].map((p) => `/${s.path}?page=${p}`)]),
    sectionIds: new Map(sections.map((s) => [s.path, s.id])),
    deskId: 1_000_000,
    serverVersion,
  };
}

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

async function dropSchema(dbm: DbModule, url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  const handle = await dbm.openDatabase(url, { pgPoolSize: 1 });
  try {
    await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(handle.db);
  } finally {
    await handle.close();
  }
}
