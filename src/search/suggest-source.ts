// What suggestions read from the content tables: tags and byline people with when they were
// first and last listed (from the link rows' published_at, one index seek each), the newest
// published headlines, and the tags and people of changed articles. Every query is bounded by
// ids or a LIMIT, whatever the archive's size.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A tag or person as suggestions show it. */
export interface NameRow {
  id: number;
  slug: string;
  name: string;
  /** The earliest published_at of its published articles (null: none is published). */
  first: string | null;
  /** The latest, for ranking (may be in the future: a scheduled article). */
  last: string | null;
}

/** A published article's headline. */
export interface HeadlineRow {
  id: number;
  sectionId: number | null;
  headline: string;
  status: string;
  publishedAt: string | null;
}

const CHUNK = 500;

/** Tags (all, or these ids) with their first and last listing times. */
export async function tagRows(db: Kysely<Database>, ids?: readonly number[]): Promise<NameRow[]> {
  return chunked(ids, (slice) => {
    let q = db
      .selectFrom('tags as t')
      .select(['t.id', 't.slug', 't.name'])
      // min/max over the (tag_id, published_at, …) index: one seek each; nulls (unpublished) are skipped.
      .select((eb) => [
        eb
          .selectFrom('article_tags as l')
          .whereRef('l.tag_id', '=', 't.id')
          .select((l) => l.fn.min('l.published_at').as('m'))
          .as('first'),
        eb
          .selectFrom('article_tags as l')
          .whereRef('l.tag_id', '=', 't.id')
          .select((l) => l.fn.max('l.published_at').as('m'))
          .as('last'),
      ]);
    if (slice) q = q.where('t.id', 'in', slice);
    return q.execute();
  });
}

/** Byline people (all, or these ids) with their first and last listing times. */
export async function personRows(db: Kysely<Database>, ids?: readonly number[]): Promise<NameRow[]> {
  return chunked(ids, (slice) => {
    let q = db
      .selectFrom('people as p')
      .select(['p.id', 'p.slug', 'p.name'])
      .select((eb) => [
        eb
          .selectFrom('article_people as l')
          .whereRef('l.person_id', '=', 'p.id')
          .select((l) => l.fn.min('l.published_at').as('m'))
          .as('first'),
        eb
          .selectFrom('article_people as l')
          .whereRef('l.person_id', '=', 'p.id')
          .select((l) => l.fn.max('l.published_at').as('m'))
          .as('last'),
      ]);
    if (slice) q = q.where('p.id', 'in', slice);
    return q.execute();
  });
}

/** The newest `limit` published articles' headlines (future-dated ones included), newest first. */
export async function newestHeadlineRows(db: Kysely<Database>, limit: number): Promise<HeadlineRow[]> {
  return db
    .selectFrom('articles')
    .select(['id', 'section_id as sectionId', 'headline', 'status', 'published_at as publishedAt'])
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** These articles' headlines, whatever their status (missing ids are absent). */
export async function headlineRows(db: Kysely<Database>, ids: readonly number[]): Promise<HeadlineRow[]> {
  return chunked(ids, (slice) =>
    db
      .selectFrom('articles')
      .select(['id', 'section_id as sectionId', 'headline', 'status', 'published_at as publishedAt'])
      .where('id', 'in', slice!)
      .execute(),
  );
}

/** The tags and people these articles link to now. */
export async function linkedNames(db: Kysely<Database>, articleIds: readonly number[]): Promise<{ tagIds: number[]; personIds: number[] }> {
  const tags = await chunked(articleIds, (slice) => db.selectFrom('article_tags').select('tag_id as id').where('article_id', 'in', slice!).execute());
  const people = await chunked(articleIds, (slice) => db.selectFrom('article_people').select('person_id as id').where('article_id', 'in', slice!).execute());
  return { tagIds: tags.map((r) => r.id), personIds: people.map((r) => r.id) };
}

// Runs `query` once (ids undefined: everything) or once per chunk of ids; none for no ids.
async function chunked<R>(ids: readonly number[] | undefined, query: (slice: number[] | undefined) => Promise<R[]>): Promise<R[]> {
  if (!ids) return query(undefined);
  const unique = [...new Set(ids)];
  const out: R[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await query(unique.slice(i, i + CHUNK))));
  return out;
}
