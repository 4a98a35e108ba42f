import type { ExpressionBuilder, Kysely } from 'kysely';
import type { ArticleStatus, Database } from '../../db/schema.ts';
import { textMatches } from '../../db/text-match.ts';
import { articleIdIn } from './article-lookup.ts';
import { nuktaSpellings } from '../../bangla/nukta-forms.ts';
import { listItemOf, listItemQuery, type ArticleListItem } from './article-list-item.ts';

/**
 * The newsroom's article list (GET /api/admin/articles, the desk): newest first by the list's
 * time, a page at a time, with a keyset cursor of (time, id) so articles that share a time are
 * each listed once. The list's time is the last change, or the publication for a list of
 * published articles in order of publication: the order, the date range and the cursor all follow
 * it, and each has an index that reads it in order (migration 0011).
 */

/** Which time orders a list: the last change (any status), or the publication (published articles only). */
export type ListOrder = 'modified' | 'published';

/** Where the next page starts: after the article with this time and id (no id: before this time). */
export interface ListCursor {
  at: string;
  id?: number;
}

export interface ArticleListFilter {
  status?: ArticleStatus;
  /** A section and its sub-sections (one index range each, merged). */
  sectionIds?: readonly number[];
  /** The newsroom user who created the article. */
  ownerId?: number;
  /** A byline person (desk, reporter, correspondent, agency). */
  personId?: number;
  /** Headline text, or a number or pasted link that names the article (article-lookup.ts). */
  q?: string;
  /** Inclusive start and exclusive end (ISO UTC instants) of the list's time. */
  from?: string;
  to?: string;
  /** By last change (the default), or by publication, which lists published articles only. */
  order?: ListOrder;
  limit: number;
  cursor?: ListCursor;
  /** Only this user's own articles (a reporter's list); -1 matches nobody's (an API token). */
  visibleTo?: number;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)(?:_(\d{1,10}))?$/;

/** Reads a cursor (`2026-11-27T06:00:00.000Z_251042`, or the older bare time); undefined when it is not one. */
export function parseListCursor(text: string): ListCursor | undefined {
  const m = CURSOR.exec(text);
  if (!m || Number.isNaN(Date.parse(m[1]!))) return undefined;
  return m[2] === undefined ? { at: m[1]! } : { at: m[1]!, id: Number(m[2]) };
}

/** The cursor of the page after `items`, or null when there is no more. */
export function nextListCursor(items: readonly ArticleListItem[], limit: number, order: ListOrder): string | null {
  const last = items.at(-1);
  if (!last || items.length < limit) return null;
  const at = order === 'published' ? last.publishedAt : last.modifiedAt;
  return at === null ? null : `${at}_${last.id}`;
}

/** A byline person to filter by, and whether they are on many articles (which decides how). */
interface Byline {
  personId: number;
  common: boolean;
}

/** One page of articles, newest first by the list's time. */
export async function listArticles(db: Kysely<Database>, filter: ArticleListFilter): Promise<ArticleListItem[]> {
  const ids = await pageIds(db, filter);
  if (!ids.length) return [];
  // The page's ids first (from the indexes alone where they hold what the filters need), then
  // their rows: a search of every headline reads the headline index, not every article.
  const rows = await listItemQuery(db).where('articles.id', 'in', ids).execute();
  const items = new Map(rows.map((r) => [r.id, listItemOf(r)]));
  return ids.flatMap((id) => items.get(id) ?? []);
}

/** The ids of one page, in the list's order. */
async function pageIds(db: Kysely<Database>, filter: ArticleListFilter): Promise<number[]> {
  const order = filter.order ?? 'modified';
  const byline = filter.personId === undefined ? undefined : { personId: filter.personId, common: await onManyArticles(db, filter.personId) };
  const sections = filter.sectionIds ?? [];
  if (sections.length <= 1) return (await newestFirst(db, filter, order, sections[0], byline).execute()).map((r) => r.id);
  // A section with sub-sections: each section's newest `limit` (an index range each), merged and
  // cut in one statement. One `section_id IN (…)` in time order would sort all their articles.
  const arm = (sectionId: number, i: number) => db.selectFrom(newestFirst(db, filter, order, sectionId, byline).as(`s${i}`)).selectAll();
  let merged = arm(sections[0]!, 0);
  sections.slice(1).forEach((id, i) => (merged = merged.unionAll(arm(id, i + 1))));
  const column = order === 'published' ? 'published_at' : 'modified_at';
  const rows = await db.selectFrom(merged.as('merged')).select('id').orderBy(column, 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map((r) => r.id);
}

/**
 * A byline person on more articles than this is found by walking the list in its order and
 * keeping theirs (a desk, on half of all articles: a page within a few hundred rows); one on
 * fewer, by reading their articles and sorting them (a correspondent, or someone on none: the
 * walk would read the whole list to find that there is nothing).
 */
const PERSON_SORTED_UP_TO = 1000;

/** Whether a person is on more than PERSON_SORTED_UP_TO articles (a bounded read of the byline index). */
async function onManyArticles(db: Kysely<Database>, personId: number): Promise<boolean> {
  const beyond = await db
    .selectFrom('article_people')
    .select('article_id')
    .where('person_id', '=', personId)
    .limit(1)
    .offset(PERSON_SORTED_UP_TO)
    .executeTakeFirst();
  return beyond !== undefined;
}

function newestFirst(db: Kysely<Database>, filter: ArticleListFilter, order: ListOrder, sectionId: number | undefined, byline: Byline | undefined) {
  const column = order === 'published' ? 'articles.published_at' : 'articles.modified_at';
  let q = db.selectFrom('articles').select(['articles.id', column]).orderBy(column, 'desc').orderBy('articles.id', 'desc').limit(filter.limit);
  if (filter.visibleTo !== undefined) q = q.where('articles.owner_id', '=', filter.visibleTo);
  const status = order === 'published' ? 'published' : filter.status;
  if (status) q = q.where('articles.status', '=', status);
  if (sectionId !== undefined) q = q.where('articles.section_id', '=', sectionId);
  if (filter.ownerId !== undefined) q = q.where('articles.owner_id', '=', filter.ownerId);
  if (byline) q = q.where((eb) => bylineNames(eb, byline));
  const text = filter.q?.trim();
  if (text) {
    const id = articleIdIn(text);
    if (id !== undefined) q = q.where('articles.id', '=', id);
    // Headlines keep য় ড় ঢ় as their writer's tools made them: either encoding matches.
    else q = q.where((eb) => eb.or(nuktaSpellings(text).map((spelling) => textMatches('articles.headline', spelling, 'contains'))));
  }
  if (filter.from !== undefined) q = q.where(column, '>=', filter.from);
  if (filter.to !== undefined) q = q.where(column, '<', filter.to);
  const cursor = filter.cursor;
  if (cursor?.id !== undefined) {
    // (time, id) below the cursor's as one row comparison: the index's own order on both dialects,
    // so a page after a thousand articles that share one time starts where it should, not after them.
    const { at, id } = cursor;
    q = q.where((eb) => eb(eb.refTuple(column, 'articles.id'), '<', eb.tuple(at, id)));
  } else if (cursor) q = q.where(column, '<', cursor.at);
  return q;
}

/** "The byline names this person": kept while walking the list (many articles), or their articles read first (few). */
function bylineNames(eb: ExpressionBuilder<Database, 'articles'>, { personId, common }: Byline) {
  const theirs = eb.selectFrom('article_people').select('article_people.article_id').where('article_people.person_id', '=', personId);
  return common ? eb.exists(theirs.whereRef('article_people.article_id', '=', 'articles.id')) : eb('articles.id', 'in', theirs);
}
