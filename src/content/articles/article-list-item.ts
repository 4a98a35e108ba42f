import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The columns of an article as the newsroom's lists show it (the desk, the list, the home slots). */
export function listItemQuery(db: Kysely<Database>) {
  return db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('users', 'users.id', 'articles.owner_id')
    .select([
      'articles.id',
      'articles.status',
      'articles.kicker',
      'articles.headline',
      'articles.section_id',
      'sections.name as section_name',
      'articles.owner_id',
      'users.name as owner_name',
      'articles.modified_at',
      'articles.published_at',
      'articles.scheduled_at',
      'articles.breaking',
    ]);
}

export function listItemOf(r: Awaited<ReturnType<ReturnType<typeof listItemQuery>['execute']>>[number]) {
  return {
    id: r.id,
    status: r.status,
    kicker: r.kicker,
    headline: r.headline,
    sectionId: r.section_id,
    sectionName: r.section_name ?? '',
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? '',
    modifiedAt: r.modified_at,
    publishedAt: r.published_at,
    scheduledAt: r.scheduled_at,
    breaking: r.breaking === 1,
  };
}

/** An article in the newsroom's lists (GET /api/admin/articles, the desk). */
export type ArticleListItem = ReturnType<typeof listItemOf>;
