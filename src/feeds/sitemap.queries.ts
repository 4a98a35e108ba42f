// The sitemap walks every public article, which no reader listing does: ContentReader pages by
// offset, which grows slower with every page. These two queries walk by keyset instead, on the
// (status, published_at, id) index. They read articles only, never write; they belong with the
// content domain's queries once it offers a keyset walk of its own.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface SitemapRow {
  id: number;
  section_id: number | null;
  published_at: string;
  updated_at: string | null;
  image_path: string | null;
}

/** A half-open range of publication times (ISO UTC) and the instant "now", past which nothing is public. */
export interface PublishedRange {
  from: string;
  to: string;
  now: string;
}

export interface KeysetCursor {
  publishedAt: string;
  id: number;
}

const publicIn = (db: Kysely<Database>, range: PublishedRange) =>
  db
    .selectFrom('articles')
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '>=', range.from)
    .where('articles.published_at', '<', range.to)
    .where('articles.published_at', '<=', range.now);

/** Up to `limit` public articles in the range, oldest first, strictly after the cursor. */
export async function sitemapPage(db: Kysely<Database>, range: PublishedRange, after: KeysetCursor | undefined, limit: number): Promise<SitemapRow[]> {
  let q = publicIn(db, range)
    .leftJoin('images', 'images.id', 'articles.image_id')
    .select(['articles.id', 'articles.section_id', 'articles.published_at', 'articles.updated_at', 'images.path as image_path']);
  if (after) {
    const { publishedAt, id } = after;
    q = q.where((eb) =>
      eb.or([eb('articles.published_at', '>', publishedAt), eb.and([eb('articles.published_at', '=', publishedAt), eb('articles.id', '>', id)])]),
    );
  }
  const rows = await q.orderBy('articles.published_at').orderBy('articles.id').limit(limit).execute();
  return rows.map((r) => ({ ...r, published_at: r.published_at ?? range.from }));
}

/** The article at a position of the range (0 = the oldest), where a later part of a split month starts. */
export async function cursorAt(db: Kysely<Database>, range: PublishedRange, position: number): Promise<KeysetCursor | undefined> {
  if (position <= 0) return undefined;
  const row = await publicIn(db, range)
    .select(['articles.published_at', 'articles.id'])
    .orderBy('articles.published_at')
    .orderBy('articles.id')
    .limit(1)
    .offset(position - 1)
    .executeTakeFirst();
  return row?.published_at ? { publishedAt: row.published_at, id: row.id } : undefined;
}

/** The aggregate behind rangeStats (exported so a test can check it reads an index alone). */
export const rangeStatsQuery = (db: Kysely<Database>, range: PublishedRange) =>
  publicIn(db, range).select((eb) => [
    eb.fn.countAll().as('count'),
    eb.fn.max('articles.published_at').as('published'),
    eb.fn.max('articles.updated_at').as('updated'),
  ]);

/** How many public articles the range holds and the newest publication or significant update among them. */
export async function rangeStats(db: Kysely<Database>, range: PublishedRange): Promise<{ count: number; lastmod: string | null }> {
  const row = await rangeStatsQuery(db, range).executeTakeFirst();
  const dates = [row?.published, row?.updated].filter((d): d is string => typeof d === 'string');
  return { count: Number(row?.count ?? 0), lastmod: dates.sort().at(-1) ?? null };
}

/** When the oldest public article was published, if there is one. */
export async function oldestPublishedAt(db: Kysely<Database>, now: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('articles')
    .select('published_at')
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .orderBy('published_at')
    .limit(1)
    .executeTakeFirst();
  return row?.published_at ?? undefined;
}
