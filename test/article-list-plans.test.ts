// The newsroom's article list must stay fast at 100,000 articles: each page is one index range read
// in the list's order and cut by the page size, never a scan of the articles or a sort of all that
// match. The corpus here is small, so the test reads the plans, not the times (bench/article-list.ts
// measures those): for the default listing, its next page, and each filter alone, the plan has no
// full scan and no unbounded sort, and reads the index made for that filter.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { articleRow } from '../src/content/articles/article-row.ts';
import { emptyArticleContent } from '../src/content/articles/article-content.ts';
import type { ArticleStatus, Database } from '../src/db/schema.ts';
import { DIALECTS, POSTGRES_URL, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/database.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { buildApp, type App } from '../src/app.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { AdminClient } from './helpers/admin-client.ts';
import { postgresIndexes, postgresPlans, postgresProblems, sqlitePlan, sqliteProblems, type CapturedQuery } from './helpers/query-plan-check.ts';

const ARTICLES = 3000;
const NOW = '2026-11-27T06:00:00.000Z';
const PASSWORD = 'plans-password-1';
const STATUSES: ArticleStatus[] = [
  'published',
  'published',
  'published',
  'published',
  'published',
  'published',
  'draft',
  'submitted',
  'unpublished',
  'scheduled',
];

/** Articles in six sections (two with sub-sections), of five owners, with the desk on each byline and a reporter on some; many share one modified_at. */
async function loadCorpus(db: Kysely<Database>): Promise<void> {
  const sections = [
    [1, null, 'world', 'world', 'বিশ্ব'],
    [2, 1, 'asia', 'world/asia', 'এশিয়া'],
    [3, 1, 'europe', 'world/europe', 'ইউরোপ'],
    [4, null, 'national', 'national', 'জাতীয়'],
    [5, null, 'sports', 'sports', 'খেলা'],
    [6, 5, 'cricket', 'sports/cricket', 'ক্রিকেট'],
  ] as const;
  await db
    .insertInto('sections')
    .values(sections.map(([id, parent_id, slug, path, name]) => ({ id, parent_id, slug, path, name, position: id, created_at: NOW })))
    .execute();
  const person = (id: number, slug: string, name: string, kind: 'desk' | 'reporter') => ({
    id,
    slug,
    name,
    kind,
    title: '',
    place: '',
    district_id: null,
    bio: '',
    created_at: NOW,
  });
  await db
    .insertInto('people')
    .values([person(1, 'desk', 'প্রকাশ ডেস্ক', 'desk'), person(2, 'reporter', 'নিজস্ব প্রতিবেদক', 'reporter')])
    .execute();
  for (let start = 1; start <= ARTICLES; start += 500) {
    const ids = Array.from({ length: Math.min(500, ARTICLES - start + 1) }, (_, i) => start + i);
    const at = (id: number) => new Date(Date.parse('2025-01-01T00:00:00Z') + id * 3_600_000).toISOString();
    await db
      .insertInto('articles')
      .values(
        ids.map((id) => {
          const status = STATUSES[id % STATUSES.length]!;
          const content = { ...emptyArticleContent(), sectionId: 1 + (id % 6), headline: `শিরোনাম ${id}` };
          return articleRow(id, content, {
            status,
            published_at: status === 'published' || status === 'unpublished' ? at(id) : null,
            scheduled_at: status === 'scheduled' ? '2026-12-01T00:00:00.000Z' : null,
            created_at: at(id),
            // One in ten imported at one moment: ties on the list's order.
            modified_at: id % 10 === 0 ? NOW : at(id),
            owner_id: id % 3 === 0 ? null : 1 + (id % 5),
            revision: 1,
          });
        }),
      )
      .execute();
    await db
      .insertInto('article_people')
      .values(
        ids.flatMap((id) => [
          { article_id: id, person_id: 1, position: 0, published_at: null },
          ...(id % 7 === 0 ? [{ article_id: id, person_id: 2, position: 1, published_at: null }] : []),
        ]),
      )
      .execute();
  }
  await sql`UPDATE id_sequences SET value = ${ARTICLES} WHERE name = 'articles'`.execute(db);
}

// Each query and the index that must serve it. The reporter's lists are theirs alone (owner 2).
const SCENARIOS: Array<{ name: string; query: string; index: RegExp; pgIndex?: RegExp; reporter?: boolean; sorts?: boolean }> = [
  { name: 'default', query: '', index: /articles_modified(_headline)?_idx/ },
  { name: 'next page', query: `?cursor=${NOW}_2990`, index: /articles_modified(_headline)?_idx/ },
  { name: 'status (by last change)', query: '?status=draft', index: /articles_status_modified_idx/ },
  { name: 'status published (by last change)', query: '?status=published', index: /articles_status_modified_idx/ },
  { name: 'published, by publication', query: '?order=published', index: /articles_status_pub(_headline)?_idx/ },
  { name: 'published, next page', query: '?order=published&cursor=2025-03-01T00:00:00.000Z_1400', index: /articles_status_pub(_headline)?_idx/ },
  { name: 'section', query: '?sectionId=4', index: /articles_section_modified_idx/ },
  { name: 'section with sub-sections', query: '?sectionId=1', index: /articles_section_modified_idx/ },
  { name: 'owner', query: '?ownerId=3', index: /articles_owner_modified_idx/ },
  // The desk is on every article: the list is walked in order, keeping its articles.
  { name: 'byline person on many articles', query: '?personId=1', index: /article_people/ },
  // A reporter on a few hundred: theirs are read by the byline index and sorted, at most 1,000
  // rows (article-list.ts counts first), so that sort is allowed. (PostgreSQL, which knows from
  // its statistics that they are one article in seven, may walk the list instead.)
  { name: 'byline person on few articles', query: '?personId=2', index: /article_people_person_idx|article_people_pk/, sorts: true },
  // A date range is an index range on the list's time; PostgreSQL may read a narrow one and sort
  // it (these ten days are a few hundred articles) rather than walk it in order, so a sort of the
  // range is allowed.
  { name: 'dates (last change)', query: '?from=2025-02-01&to=2025-02-10', index: /articles_modified(_headline)?_idx/, sorts: true },
  { name: 'dates (publication)', query: '?order=published&from=2025-02-01&to=2025-02-10', index: /articles_status_pub(_upd|_headline)?_idx/, sorts: true },
  // The headlines are read from the index beside the order (no article row). PostgreSQL reads it
  // so only where the visibility map says the rows are all visible (after a vacuum no older
  // transaction held back): otherwise it walks the order's other index and reads each row.
  {
    name: 'headline text',
    query: `?q=${encodeURIComponent('শিরোনাম 1234')}`,
    index: /articles_modified_headline_idx/,
    pgIndex: /articles_modified(_headline)?_idx/,
  },
  // Published articles by publication whose headline says something: "yesterday's story".
  {
    name: 'by publication, headline text',
    query: `?order=published&q=${encodeURIComponent('শিরোনাম 1234')}`,
    index: /articles_status_pub_headline_idx/,
    pgIndex: /articles_status_pub(_upd|_headline)?_idx/,
  },
  // The id's own key: SQLite's rowid, or on PostgreSQL any index that leads with id.
  { name: 'id', query: '?q=1234', index: /INTEGER PRIMARY KEY \(rowid=\?\)|articles_pkey|articles_search_state_idx/ },
  { name: 'reporter', query: '', index: /articles_owner_modified_idx/, reporter: true },
];

for (const dialect of DIALECTS) {
  describe(`the newsroom's article list reads an index in order for each filter (${dialect})`, () => {
    let t: TestDatabase | undefined;
    let handle: DatabaseHandle | undefined;
    let app: App | undefined;
    let captured: CapturedQuery[] = [];
    let capturing = false;

    before(async () => {
      t = await createTestDatabase(dialect);
      await loadCorpus(t.db);
      if (dialect === 'postgres') await sql`VACUUM ANALYZE`.execute(t.db); // as autovacuum leaves a table
      const onQuery = (event: { level: string; query: CapturedQuery }) => {
        if (capturing && event.level === 'query') captured.push(event.query);
      };
      handle =
        dialect === 'sqlite' ? await openDatabase(t.url, { onQuery }) : await openDatabase(POSTGRES_URL, { pgSchema: t.schema!, pgPoolSize: 2, onQuery });
      const config = loadConfig({
        env: {},
        file: false,
        overrides: { databaseUrl: t.url, mediaDir: join(t.dir, 'media'), siteUrl: 'http://prokash.test', logLevel: 'silent', pageCacheTtl: 0 },
      });
      app = await buildApp({ config, database: handle, clock: fixedClock(NOW), logger: false, scheduler: false, timers: false, pollMs: 0 });
    });
    after(async () => {
      await app?.server.close();
      await handle?.close();
      await t?.destroy();
    });

    test('the default listing, its next page and each filter alone: an index range in order, no scan, no sort', async () => {
      const editor = await AdminClient.setup(app!.server, 'সম্পাদক', 'editor@prokash.test', PASSWORD); // user 1
      await editor.call('POST', '/api/admin/users', { name: 'প্রতিবেদক', email: 'reporter@prokash.test', role: 'reporter', password: PASSWORD }, 201); // user 2
      const reporter = await AdminClient.login(app!.server, 'reporter@prokash.test', PASSWORD);
      const problems: string[] = [];
      for (const scenario of SCENARIOS) {
        captured = [];
        capturing = true;
        const page = await (scenario.reporter ? reporter : editor).call('GET', `/api/admin/articles${scenario.query}`, undefined, 200);
        capturing = false;
        assert.ok(page.items.length > 0, `${scenario.name} lists something`);
        // The page's ids (the query the filters shape), then the rows of those ids.
        const [keys, rows, ...more] = captured.filter((q) => /from "articles"/.test(q.sql));
        assert.ok(keys && rows && !more.length, `${scenario.name}: two statements read articles`);
        assert.match(rows.sql, /where "articles"."id" in \(/, `${scenario.name}: rows by id`);
        let found: string[];
        let indexes: string;
        if (dialect === 'sqlite') {
          const plans = [keys, rows].map((q) => sqlitePlan(handle!, q));
          found = plans.flatMap((plan) => sqliteProblems(plan));
          indexes = plans[0]!.map((p) => p.detail).join(' | ');
        } else {
          const plans = await postgresPlans(t!.schema!, [keys, rows]);
          found = plans.flatMap((plan) => postgresProblems(plan));
          indexes = postgresIndexes(plans[0]!).join(' | ');
        }
        if (process.env.SHOW_PLANS) console.log(scenario.name, '\n   ', indexes, '\n   ', JSON.stringify(found));
        if (scenario.sorts) found = found.filter((p) => !/TEMP B-TREE|^Sort over/.test(p));
        for (const p of found) problems.push(`${scenario.name}: ${p}\n    in ${keys.sql.slice(0, 400)}`);
        const index = (dialect === 'postgres' && scenario.pgIndex) || scenario.index;
        if (!index.test(indexes)) problems.push(`${scenario.name}: ${index.source} not used (${indexes})`);
      }
      assert.deepEqual(problems, [], `unbounded or unexpected plans:\n${problems.join('\n')}`);
    });

    test('the check fails on an unbounded list (it can fail)', async () => {
      // An order no index gives: every draft sorted for one page.
      const q = { sql: "SELECT id FROM articles WHERE status = 'draft' ORDER BY headline LIMIT 50", parameters: [] };
      if (dialect === 'sqlite') assert.ok(sqliteProblems(sqlitePlan(handle!, q)).length > 0, JSON.stringify(sqlitePlan(handle!, q)));
      else {
        const [plan] = await postgresPlans(t!.schema!, [q]);
        assert.ok(postgresProblems(plan!).length > 0, JSON.stringify(plan));
      }
    });
  });
}
