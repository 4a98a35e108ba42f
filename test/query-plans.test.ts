import { articleRow } from '../src/content/articles/article-row.ts';
import { emptyArticleContent } from '../src/content/articles/article-content.ts';
import type { Doc } from '../src/content/document/index.ts';
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { DIALECTS, POSTGRES_URL, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/database.ts';
import type { Database } from '../src/db/schema.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { buildApp, type App } from '../src/app.ts';
import { fixedClock } from '../src/lib/clock.ts';

// Every query a reader page runs must be bounded by an index and a limit: never a full scan of a
// content table, never a sort of an unbounded set (a tag's, a section's, the archive's). The
// corpus is small, so the test reads the plans, not the times: a common tag and a desk on every
// article, and sections with sub-sections, are where an unbounded plan would show.
const ARTICLES = 3000;
const NOW = '2026-11-27T06:00:00Z';
const CONTENT_TABLES = ['articles', 'article_tags', 'article_people', 'comments', 'images', 'image_variants', 'corrections', 'tags', 'people'];
// Tables that are small by construction may be read whole: the nine home-page slots.
const SMALL_TABLES = ['home_slots'];

interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

async function loadCorpus(db: Kysely<Database>): Promise<void> {
  const now = NOW;
  const sections = [
    { id: 1, parent_id: null, slug: 'world', path: 'world', name: 'বিশ্ব', position: 1, created_at: now },
    { id: 2, parent_id: 1, slug: 'asia', path: 'world/asia', name: 'এশিয়া', position: 1, created_at: now },
    { id: 3, parent_id: 1, slug: 'europe', path: 'world/europe', name: 'ইউরোপ', position: 2, created_at: now },
    { id: 4, parent_id: null, slug: 'national', path: 'national', name: 'জাতীয়', position: 2, created_at: now },
    { id: 5, parent_id: null, slug: 'sports', path: 'sports', name: 'খেলা', position: 3, created_at: now },
    { id: 6, parent_id: 5, slug: 'cricket', path: 'sports/cricket', name: 'ক্রিকেট', position: 1, created_at: now },
  ];
  await db.insertInto('sections').values(sections).execute();
  await db
    .insertInto('people')
    .values([
      { id: 1, slug: 'desk', name: 'প্রকাশ ডেস্ক', kind: 'desk', title: '', place: '', district_id: null, bio: '', created_at: now },
      { id: 2, slug: 'reporter', name: 'নিজস্ব প্রতিবেদক', kind: 'reporter', title: '', place: '', district_id: null, bio: '', created_at: now },
    ])
    .execute();
  await db
    .insertInto('tags')
    .values(Array.from({ length: 40 }, (_, i) => ({ id: i + 1, slug: `tag-${i + 1}`, name: `বিষয় ${i + 1}`, created_at: now })))
    .execute();
  const body: Doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'খবরের বিবরণ।' }] }] };
  for (let start = 1; start <= ARTICLES; start += 500) {
    const ids = Array.from({ length: Math.min(500, ARTICLES - start + 1) }, (_, i) => start + i);
    const published = (id: number) => new Date(Date.parse('2024-11-27T00:00:00Z') + id * 20_000_000).toISOString();
    await db
      .insertInto('images')
      .values(
        ids
          .filter((id) => id % 3 === 0)
          .map((id) => ({
            id,
            sha256: `sha-${id}`,
            stored_sha256: null,
            path: `2025/01/${String(id).padStart(20, '0')}.jpg`,
            mime: 'image/jpeg',
            width: 1200,
            height: 675,
            bytes: 1000,
            caption: '',
            credit: '',
            alt: '',
            created_at: now,
          })),
      )
      .execute();
    await db
      .insertInto('image_variants')
      .values(
        ids
          .filter((id) => id % 3 === 0)
          .flatMap((id) =>
            [320, 640].map((width) => ({
              image_id: id,
              width,
              format: 'jpeg' as const,
              path: `2025/01/${String(id).padStart(20, '0')}-${width}.jpg`,
              bytes: 100,
            })),
          ),
      )
      .execute();
    await db
      .insertInto('articles')
      .values(
        ids.map((id) =>
          articleRow(
            id,
            {
              ...emptyArticleContent(),
              sectionId: 1 + (id % 6),
              headline: `শিরোনাম ${id}`,
              summary: 'সারাংশ',
              body,
              imageId: id % 3 === 0 ? id : null,
              districtId: id % 7 === 0 ? 1 + (id % 64) : null,
              edition: id % 10 === 0 ? 'print' : 'online',
              printPage: id % 10 === 0 ? 1 + (id % 12) : null,
              breaking: id % 97 === 0,
            },
            { status: 'published', published_at: published(id), created_at: now, modified_at: now, revision: 1 },
          ),
        ),
      )
      .execute();
    // The desk on every article and one tag on every article: the lists an unbounded plan would sort whole.
    await db
      .insertInto('article_people')
      .values(ids.map((id) => ({ article_id: id, person_id: 1, position: 0, published_at: published(id) })))
      .execute();
    await db
      .insertInto('article_tags')
      .values(
        ids.flatMap((id) => [
          { article_id: id, tag_id: 1, position: 0, published_at: published(id) },
          { article_id: id, tag_id: 2 + (id % 39), position: 1, published_at: published(id) },
        ]),
      )
      .execute();
  }
  await db
    .insertInto('comments')
    .values(
      Array.from({ length: 200 }, (_, i) => ({
        id: i + 1,
        article_id: ARTICLES - (i % 20),
        parent_id: null,
        name: 'পাঠক',
        body: 'মন্তব্য',
        status: 'approved' as const,
        ip_hash: 'x',
        body_key: `k${i}`,
        created_at: now,
        decided_at: now,
        decided_by: null,
      })),
    )
    .execute();
  await db
    .insertInto('home_slots')
    .values([
      { slot: 0, article_id: ARTICLES - 5 },
      { slot: 1, article_id: ARTICLES - 50 },
    ])
    .execute();
  await sql`UPDATE id_sequences SET value = ${ARTICLES} WHERE name = 'articles'`.execute(db);
}

/** What is wrong with a SQLite plan: a content table scanned, or a sort of rows not already cut by a limit. */
function sqliteProblems(plan: Array<{ id: number; parent: number; detail: string }>): string[] {
  // Subqueries the plan names (co-routines, materialized views): scanning one reads no table.
  const subqueries = new Set(plan.flatMap((p) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(p.detail)?.[1] ?? []));
  const readsTable = (detail: string) => {
    const m = /^(?:SCAN|SEARCH) (\S+)/.exec(detail);
    return !!m && !subqueries.has(m[1]!) && !SMALL_TABLES.includes(m[1]!);
  };
  const problems: string[] = [];
  for (const row of plan) {
    // A table read whole (no index), whatever alias the query gave it.
    if (/^SCAN /.test(row.detail) && readsTable(row.detail) && !/USING (COVERING )?INDEX/.test(row.detail)) problems.push(row.detail);
    if (/USE TEMP B-TREE/.test(row.detail)) {
      // A sort is bounded when what it sorts is the output of subqueries (each with its own limit,
      // checked like any other row here), not a table read at the same level.
      const siblings = plan.filter((p) => p.parent === row.parent && p !== row);
      if (siblings.some((p) => readsTable(p.detail))) problems.push(row.detail);
    }
  }
  return problems;
}

interface PgNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  Plans?: PgNode[];
}

/** What is wrong with a PostgreSQL plan (made with seq scans off, so a seq scan means no index). */
function postgresProblems(node: PgNode, underLimit = false, problems: string[] = []): string[] {
  const type = node['Node Type'];
  if (type === 'Seq Scan' && CONTENT_TABLES.includes(node['Relation Name'] ?? '')) problems.push(`Seq Scan on ${node['Relation Name']}`);
  if (type === 'Sort') {
    // Bounded when every table it reads is behind a limit, or read by a key: a list of ids, or one
    // article's own rows (its byline, tags, corrections, an image's variants).
    const unbounded = leaves(node).filter((leaf) => !leaf.limited && !/\b(id|article_id|image_id) = /.test(leaf.node['Index Cond'] ?? ''));
    if (unbounded.length) problems.push(`Sort over ${unbounded.map((l) => `${l.node['Node Type']} on ${l.node['Relation Name']}`).join(', ')}`);
  }
  for (const child of node.Plans ?? []) postgresProblems(child, underLimit || type === 'Limit', problems);
  return problems;
}

function leaves(node: PgNode, limited = false): Array<{ node: PgNode; limited: boolean }> {
  const isLimit = node['Node Type'] === 'Limit';
  if (!node.Plans?.length) return node['Relation Name'] ? [{ node, limited }] : [];
  return node.Plans.flatMap((child) => leaves(child, limited || isLimit));
}

for (const dialect of DIALECTS) {
  describe(`reader page queries are bounded by an index and a limit (${dialect})`, () => {
    // Unset until before() makes them, and still unset in after() if before() failed partway.
    let t: TestDatabase | undefined;
    let handle: DatabaseHandle | undefined;
    let app: App | undefined;
    const captured = new Map<string, Captured>();
    let capturing = false;

    before(async () => {
      t = await createTestDatabase(dialect);
      await loadCorpus(t.db);
      if (dialect === 'postgres') await sql`ANALYZE`.execute(t.db);
      // A second handle on the same database, which records what the app runs.
      const onQuery = (event: { level: string; query: Captured }) => {
        if (capturing && event.level === 'query') captured.set(event.query.sql, { sql: event.query.sql, parameters: event.query.parameters });
      };
      handle =
        dialect === 'sqlite' ? await openDatabase(t.url, { onQuery }) : await openDatabase(POSTGRES_URL, { pgSchema: t.schema!, pgPoolSize: 2, onQuery });
      const config = loadConfig({
        env: {},
        file: undefined,
        overrides: { databaseUrl: t.url, mediaDir: join(t.dir, 'media'), siteUrl: 'http://prokash.test', logLevel: 'silent', pageCacheTtl: 0 },
      });
      app = await buildApp({ config, database: handle, clock: fixedClock(NOW), logger: false, scheduler: false, timers: false, pollMs: 0 });
      await app.search.suggest.ready(); // its start-up reads (every tag and person) are not a page's
    });
    after(async () => {
      await app?.server.close();
      await handle?.close();
      await t?.destroy();
    });

    /** Requests the URLs cold, then reads the plan of every distinct query they ran. */
    async function planProblems(urls: readonly string[], statuses: readonly number[]): Promise<string[]> {
      captured.clear();
      capturing = true;
      for (const url of urls) {
        const res = await app!.server.inject({ url });
        assert.ok(statuses.includes(res.statusCode), `${url}: ${res.statusCode}`);
      }
      capturing = false;
      const problems: string[] = [];
      if (dialect === 'sqlite') {
        for (const q of captured.values()) {
          const plan = handle!.native!.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as Array<{ id: number; parent: number; detail: string }>;
          for (const p of sqliteProblems(plan)) problems.push(`${p}\n    in ${q.sql.slice(0, 300)}`);
        }
      } else {
        const client = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${t!.schema}` });
        await client.connect();
        try {
          await client.query('SET enable_seqscan = off');
          for (const q of captured.values()) {
            const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.parameters as unknown[]);
            const plan = (rows[0] as { 'QUERY PLAN': Array<{ Plan: PgNode }> })['QUERY PLAN'][0]!.Plan;
            for (const p of postgresProblems(plan)) problems.push(`${p}\n    in ${q.sql.slice(0, 300)}`);
          }
        } finally {
          await client.end();
        }
      }
      return problems;
    }

    test('every page type, rendered cold, runs only index-bounded queries', async () => {
      const pages = [
        '/',
        '/world',
        '/world?page=3',
        '/world/asia',
        '/latest',
        '/latest?page=5',
        '/popular',
        '/topic/tag-1',
        '/topic/tag-1?page=4',
        '/author/desk',
        '/author/desk?page=3',
        '/district/dhaka',
        `/archive/2025/03/01`,
        `/world/asia/${ARTICLES - 4}`,
        `/national/${ARTICLES - 3}`,
        `/sports/1500`,
        '/rss.xml',
        '/world/rss.xml',
        '/sitemap-news.xml',
      ];
      const problems = await planProblems(pages, [200, 301]);
      assert.ok(captured.size >= 10, `captured ${captured.size} distinct queries`);
      assert.deepEqual(problems, [], `unbounded plans:\n${problems.join('\n')}`);
    });

    test('every content API read runs only index-bounded queries, on every page of its lists', async () => {
      const first = (await app!.server.inject({ url: '/api/v1/latest?limit=20' })).json<{ nextCursor: string }>().nextCursor;
      const tagCursor = (await app!.server.inject({ url: '/api/v1/tags?limit=5' })).json<{ nextCursor: string }>().nextCursor;
      const personCursor = (await app!.server.inject({ url: '/api/v1/people?limit=1' })).json<{ nextCursor: string }>().nextCursor;
      const urls = [
        '/api/v1/articles?limit=20',
        `/api/v1/articles?limit=20&cursor=${first}`,
        `/api/v1/latest?limit=20&cursor=${first}`,
        '/api/v1/articles?section=world&limit=20',
        `/api/v1/articles?section=world&limit=20&cursor=${first}`,
        `/api/v1/articles?section=world/asia&cursor=${first}`,
        `/api/v1/articles?tag=tag-1&cursor=${first}`,
        `/api/v1/articles?author=desk&cursor=${first}`,
        '/api/v1/articles?district=dhaka',
        '/api/v1/articles?date=2025-03-01',
        `/api/v1/articles?from=2025-01-01&to=2025-06-30&cursor=${first}`,
        `/api/v1/articles?tag=tag-1&from=2025-01-01&to=2025-06-30`,
        `/api/v1/articles/${ARTICLES - 4}`,
        '/api/v1/tags',
        `/api/v1/tags?cursor=${tagCursor}`,
        '/api/v1/people',
        `/api/v1/people?cursor=${personCursor}`,
        '/api/v1/districts',
        '/api/v1/sections',
        '/api/v1/popular',
      ];
      const problems = await planProblems(urls, [200]);
      assert.ok(captured.size >= 8, `captured ${captured.size} distinct queries`);
      assert.deepEqual(problems, [], `unbounded plans:\n${problems.join('\n')}`);
    });

    test('the plan check fails on an unbounded query (it can fail)', async () => {
      const unbounded = 'SELECT a.id FROM articles a JOIN article_tags t ON t.article_id = a.id WHERE t.tag_id = 1 ORDER BY a.published_at DESC LIMIT 20';
      if (dialect === 'sqlite') {
        const plan = handle!.native!.prepare(`EXPLAIN QUERY PLAN ${unbounded}`).all() as Array<{ id: number; parent: number; detail: string }>;
        assert.ok(sqliteProblems(plan).length > 0, JSON.stringify(plan));
      } else {
        const client = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${t!.schema}` });
        await client.connect();
        try {
          await client.query('SET enable_seqscan = off');
          const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${unbounded}`);
          assert.ok(postgresProblems((rows[0] as { 'QUERY PLAN': Array<{ Plan: PgNode }> })['QUERY PLAN'][0]!.Plan).length > 0);
        } finally {
          await client.end();
        }
      }
    });
  });
}
