import type { Kysely } from 'kysely';
import type { ArticleTable, Database, Edition } from '../../db/schema.ts';

/** What reader listings filter on. Every combination is backed by an index (see the initial migration). */
export interface ArticleFilter {
  sectionIds?: readonly number[];
  tagId?: number;
  personId?: number;
  districtId?: number;
  /** Inclusive lower and exclusive upper bound on published_at (ISO UTC). */
  from?: string;
  to?: string;
  edition?: Edition;
  breaking?: boolean;
  excludeIds?: readonly number[];
}

export const CARD_COLUMNS = [
  'articles.id',
  'articles.section_id',
  'articles.kicker',
  'articles.headline',
  'articles.summary',
  'articles.image_id',
  'articles.image_caption',
  'articles.image_credit',
  'articles.image_alt',
  'articles.published_at',
  'articles.updated_at',
  'articles.breaking',
  'articles.edition',
  'articles.print_page',
] as const;

export type CardRow = Pick<
  ArticleTable,
  | 'id'
  | 'section_id'
  | 'kicker'
  | 'headline'
  | 'summary'
  | 'image_id'
  | 'image_caption'
  | 'image_credit'
  | 'image_alt'
  | 'published_at'
  | 'updated_at'
  | 'breaking'
  | 'edition'
  | 'print_page'
>;

/** Published articles visible at `now`, newest first (or by print page for the print edition). */
export async function listPublishedCards(
  db: Kysely<Database>,
  filter: ArticleFilter,
  page: { limit: number; offset?: number; now: string; order?: 'newest' | 'print' },
): Promise<CardRow[]> {
  let q = db
    .selectFrom('articles')
    .select(CARD_COLUMNS)
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', page.now);
  if (filter.sectionIds) q = q.where('articles.section_id', 'in', filter.sectionIds.length ? [...filter.sectionIds] : [-1]);
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    q = q.where('articles.id', 'in', (eb) => eb.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId));
  }
  if (filter.personId !== undefined) {
    const personId = filter.personId;
    q = q.where('articles.id', 'in', (eb) => eb.selectFrom('article_people').select('article_id').where('person_id', '=', personId));
  }
  if (filter.districtId !== undefined) q = q.where('articles.district_id', '=', filter.districtId);
  if (filter.from) q = q.where('articles.published_at', '>=', filter.from);
  if (filter.to) q = q.where('articles.published_at', '<', filter.to);
  if (filter.edition) q = q.where('articles.edition', '=', filter.edition);
  if (filter.breaking !== undefined) q = q.where('articles.breaking', '=', filter.breaking ? 1 : 0);
  if (filter.excludeIds?.length) q = q.where('articles.id', 'not in', [...filter.excludeIds]);
  if (page.order === 'print') q = q.orderBy('articles.print_page').orderBy('articles.published_at');
  else q = q.orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc');
  return q.limit(page.limit).offset(page.offset ?? 0).execute();
}

export async function findArticleById(db: Kysely<Database>, id: number): Promise<ArticleTable | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Articles sharing the most tags with this one, newest first among equals. */
export async function relatedArticleIds(
  db: Kysely<Database>,
  articleId: number,
  tagIds: readonly number[],
  limit: number,
  now: string,
): Promise<number[]> {
  if (!tagIds.length) return [];
  const rows = await db
    .selectFrom('article_tags')
    .innerJoin('articles', 'articles.id', 'article_tags.article_id')
    .select(['articles.id', 'articles.published_at', (eb) => eb.fn.countAll<number>().as('shared')])
    .where('article_tags.tag_id', 'in', [...tagIds])
    .where('articles.id', '!=', articleId)
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', now)
    .groupBy(['articles.id', 'articles.published_at'])
    .orderBy('shared', 'desc')
    .orderBy('articles.published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Bylines in order, keyed by article id. */
export async function bylinePersonIds(db: Kysely<Database>, articleIds: readonly number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (!articleIds.length) return map;
  const rows = await db
    .selectFrom('article_people')
    .select(['article_id', 'person_id'])
    .where('article_id', 'in', [...articleIds])
    .orderBy('article_id')
    .orderBy('position')
    .execute();
  for (const r of rows) map.set(r.article_id, [...(map.get(r.article_id) ?? []), r.person_id]);
  return map;
}

export async function articleTags(db: Kysely<Database>, articleId: number) {
  return db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['tags.id', 'tags.slug', 'tags.name'])
    .where('article_tags.article_id', '=', articleId)
    .orderBy('article_tags.position')
    .execute();
}
