import type { Kysely } from 'kysely';
import type { ArticleTable, Database } from '../../db/schema.ts';
import type { ArticleListing } from '../events/content-event.ts';

type ListingColumns = Pick<ArticleTable, 'status' | 'section_id' | 'published_at' | 'district_id' | 'breaking' | 'edition'>;

/** An article row's listing fields, with its tag and byline ids. */
export function listingOf(row: ListingColumns, tagIds: readonly number[], personIds: readonly number[]): ArticleListing {
  return {
    status: row.status,
    sectionId: row.section_id,
    publishedAt: row.published_at,
    tagIds: [...tagIds],
    personIds: [...personIds],
    districtId: row.district_id,
    breaking: row.breaking === 1,
    edition: row.edition,
  };
}

/** The stored listing of an article (its row already read), reading its tags and byline. */
export async function readListing(db: Kysely<Database>, row: ListingColumns & { id: number }): Promise<ArticleListing> {
  const [tags, people] = await Promise.all([
    db.selectFrom('article_tags').select('tag_id').where('article_id', '=', row.id).orderBy('position').execute(),
    db.selectFrom('article_people').select('person_id').where('article_id', '=', row.id).orderBy('position').execute(),
  ]);
  return listingOf(
    row,
    tags.map((t) => t.tag_id),
    people.map((p) => p.person_id),
  );
}

/** What tag and author pages sort by: the article's published_at while it is published, else null. */
export function listedAt(row: Pick<ArticleTable, 'status' | 'published_at'>): string | null {
  return row.status === 'published' ? row.published_at : null;
}

/** Copies an article's listing time to its tag and byline rows after its status or date changed. */
export async function syncListedAt(db: Kysely<Database>, articleId: number, at: string | null): Promise<void> {
  await db.updateTable('article_tags').set({ published_at: at }).where('article_id', '=', articleId).execute();
  await db.updateTable('article_people').set({ published_at: at }).where('article_id', '=', articleId).execute();
}
