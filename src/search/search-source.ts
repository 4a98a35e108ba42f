// What the indexer reads: published articles with their tag names and byline names, in batches.
// Read-only queries over the content tables, kept here because only indexing needs this shape
// (a whole batch with bodies, people and tags in three queries).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** One article as the indexer sees it. */
export interface SourceArticle {
  id: number;
  status: string;
  sectionId: number | null;
  kicker: string;
  headline: string;
  subheadline: string;
  summary: string;
  /** The body as stored: document JSON. */
  body: string;
  publishedAt: string | null;
  modifiedAt: string;
  tags: string[];
  /** Byline people: names, and a correspondent's place. */
  people: string[];
}

const COLUMNS = ['id', 'status', 'section_id', 'kicker', 'headline', 'subheadline', 'summary', 'body', 'published_at', 'modified_at'] as const;

/** These articles (any status; missing ids are simply absent). */
export async function sourceArticlesByIds(db: Kysely<Database>, ids: readonly number[]): Promise<SourceArticle[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('articles')
    .select(COLUMNS)
    .where('id', 'in', [...ids])
    .execute();
  return withNames(db, rows);
}

/** One keyset batch: the published articles among the next `limit` ids, and the last id read. */
export interface SourceBatch {
  articles: SourceArticle[];
  /** The cursor for the next batch; undefined when no article comes after `afterId`. */
  lastId: number | undefined;
}

/**
 * The published articles among the next `limit` articles by id after `afterId`. The batch walks
 * the primary key and checks the status on the rows: with `status = 'published'` in the query,
 * SQLite picks the status index and sorts every remaining published article for each batch, which
 * made a full reindex quadratic (measured: 75 µs per article at 100,000, more at 1,000,000).
 */
export async function publishedArticlesAfter(db: Kysely<Database>, afterId: number, limit: number): Promise<SourceBatch> {
  const rows = await db.selectFrom('articles').select(COLUMNS).where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return {
    articles: await withNames(
      db,
      rows.filter((r) => r.status === 'published'),
    ),
    lastId: rows.at(-1)?.id,
  };
}

/** The published articles with ids in (afterId, upTo], in id order. */
export async function publishedArticlesIn(db: Kysely<Database>, afterId: number, upTo: number): Promise<SourceArticle[]> {
  const rows = await db.selectFrom('articles').select(COLUMNS).where('id', '>', afterId).where('id', '<=', upTo).orderBy('id').execute();
  return withNames(
    db,
    rows.filter((r) => r.status === 'published'),
  );
}

/**
 * Where a batch of `size` articles after `afterId` ends: the size-th id after it, or the last id
 * when fewer remain; undefined when none does. Reads ids only (an index).
 */
export async function batchEnd(db: Kysely<Database>, afterId: number, size: number): Promise<number | undefined> {
  const at = await db
    .selectFrom('articles')
    .select('id')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(1)
    .offset(size - 1)
    .executeTakeFirst();
  if (at) return at.id;
  const last = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('id', '>', afterId)
    .executeTakeFirst();
  return last?.id ?? undefined;
}

type Row = {
  id: number;
  status: string;
  section_id: number | null;
  kicker: string;
  headline: string;
  subheadline: string;
  summary: string;
  body: string;
  published_at: string | null;
  modified_at: string;
};

async function withNames(db: Kysely<Database>, rows: Row[]): Promise<SourceArticle[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const tags = await db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.name'])
    .where('article_tags.article_id', 'in', ids)
    .execute();
  const people = await db
    .selectFrom('article_people')
    .innerJoin('people', 'people.id', 'article_people.person_id')
    .select(['article_people.article_id', 'people.name', 'people.place'])
    .where('article_people.article_id', 'in', ids)
    .execute();
  const tagsOf = group(tags.map((t) => [t.article_id, t.name]));
  const peopleOf = group(people.map((p) => [p.article_id, p.place ? `${p.name} ${p.place}` : p.name]));
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    sectionId: r.section_id,
    kicker: r.kicker,
    headline: r.headline,
    subheadline: r.subheadline,
    summary: r.summary,
    body: r.body,
    publishedAt: r.published_at,
    modifiedAt: r.modified_at,
    tags: tagsOf.get(r.id) ?? [],
    people: peopleOf.get(r.id) ?? [],
  }));
}

function group(pairs: Array<[number, string]>): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const [id, value] of pairs) {
    const list = map.get(id);
    if (list === undefined) map.set(id, [value]);
    else list.push(value);
  }
  return map;
}

/** The articles whose byline names any of these people (any status). */
export async function articleIdsWithPeople(db: Kysely<Database>, personIds: readonly number[]): Promise<number[]> {
  if (!personIds.length) return [];
  const rows = await db
    .selectFrom('article_people')
    .select('article_id')
    .distinct()
    .where('person_id', 'in', [...personIds])
    .execute();
  return rows.map((r) => r.article_id);
}

/** Stored bodies (document JSON) by article id, for snippets. */
export async function articleBodies(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'body'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.body]));
}

/** Words the stemmer may cut to: the site's tags, people, places and section names. */
export async function siteWords(db: Kysely<Database>): Promise<string[]> {
  const [tags, people, sections, districts, divisions] = await Promise.all([
    db.selectFrom('tags').select('name').execute(),
    db.selectFrom('people').select(['name', 'place']).execute(),
    db.selectFrom('sections').select('name').execute(),
    db.selectFrom('districts').select('name').execute(),
    db.selectFrom('divisions').select('name').execute(),
  ]);
  return [
    ...tags.map((t) => t.name),
    ...people.flatMap((p) => [p.name, p.place]),
    ...sections.map((s) => s.name),
    ...districts.map((d) => d.name),
    ...divisions.map((d) => d.name),
  ].filter(Boolean);
}
