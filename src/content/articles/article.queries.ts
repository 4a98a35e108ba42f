import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { ArticleTable, Database, Edition, ImageTable, ImageVariantTable, PersonTable } from '../../db/schema.ts';
import { jsonHelpers, parseJsonColumn } from '../../db/json-helpers.ts';
import { templatesOf } from '../../db/query-template.ts';

/**
 * What reader listings filter on. Every query below is bounded by an index and a limit, never by
 * the size of a tag, a section or the archive (test/query-plans.test.ts reads their plans):
 * - the latest, a district, the breaking list, a date range: one index range of `articles`, in order;
 * - a section with sub-sections: the newest of each section (one index range each), merged;
 * - a tag or a person: `article_tags` / `article_people` by (id, published_at), in order.
 */
export interface ArticleFilter {
  sectionIds?: readonly number[];
  tagId?: number;
  personId?: number;
  districtId?: number;
  /** Inclusive lower and exclusive upper bound on published_at (ISO UTC). */
  from?: string;
  to?: string;
  /** Keyset: only articles listed after this one (older, or as old with a smaller id). */
  after?: { publishedAt: string; id: number };
  edition?: Edition;
  breaking?: boolean;
  excludeIds?: readonly number[];
}

export const CARD_COLUMNS = [
  'articles.id',
  'articles.section_id',
  'articles.status',
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
  | 'status'
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

export interface ListPage {
  limit: number;
  offset?: number;
  /** ISO UTC: articles published later are not public yet. */
  now: string;
}

/** What a listing query reads: ids in order, from an index alone. */
interface ListKey {
  id: number;
  published_at: string | null;
}

type KeyQuery = SelectQueryBuilder<Database, 'articles', ListKey>;

/**
 * Published articles visible at `now`, newest first: their ids from an index (no article row is
 * read for a row the page does not show: an offset's, another section's, an excluded one's),
 * then the rows of those ids. Reading a card's columns walks the article's body pages (they come
 * after it in the row), so rows are read only for what is shown.
 */
export async function listPublishedCards(db: Kysely<Database>, filter: ArticleFilter, page: ListPage, memory?: RowMemory): Promise<CardRow[]> {
  const keys = await listKeys(db, filter, page);
  return cardRowsByIds(
    db,
    keys.map((k) => k.id),
    memory,
  );
}

/**
 * Rows already read, kept by id (content/articles/card-memory.ts). `version` moves whenever one is
 * forgotten; rows are kept only when it has not moved since their read began.
 */
export interface RowMemory {
  readonly version: number;
  row(id: number): CardRow | undefined;
  keepRows(rows: readonly CardRow[], readAt: number): void;
}

/** Images already read, kept by id, as RowMemory keeps rows. */
export interface ImageMemory {
  readonly version: number;
  image(id: number): ImageWithVariants | undefined;
  keepImages(images: readonly ImageWithVariants[], readAt: number): void;
}

/** Card rows of these ids, in the order given (ids not found are left out); those `memory` holds are not read again. */
export async function cardRowsByIds(db: Kysely<Database>, ids: readonly number[], memory?: RowMemory): Promise<CardRow[]> {
  if (!ids.length) return [];
  const unique = [...new Set(ids)];
  const byId = new Map<number, CardRow>();
  const missing: number[] = [];
  for (const id of unique) {
    const kept = memory?.row(id);
    if (kept) byId.set(id, kept);
    else missing.push(id);
  }
  if (missing.length) {
    const readAt = memory?.version ?? 0;
    const rows: CardRow[] = await templatesOf(db).run(`card-rows:${missing.length}`, missing, (slots) =>
      db.selectFrom('articles').select(CARD_COLUMNS).where('articles.id', 'in', slots),
    );
    memory?.keepRows(rows, readAt);
    for (const r of rows) byId.set(r.id, r);
  }
  return unique.flatMap((id) => byId.get(id) ?? []);
}

async function listKeys(db: Kysely<Database>, filter: ArticleFilter, page: ListPage): Promise<ListKey[]> {
  const sections = filter.sectionIds ? [...new Set(filter.sectionIds)] : undefined;
  if (sections && sections.length === 0) return [];
  const f: ArticleFilter = { ...filter, sectionIds: sections };
  // The values in a fixed order; the key names every condition present, so one shape is one SQL.
  const values = [
    page.now,
    page.limit,
    page.offset ?? 0,
    (page.offset ?? 0) + page.limit,
    f.tagId,
    f.personId,
    f.districtId,
    f.from,
    f.to,
    f.edition,
    f.after?.publishedAt,
    f.after?.id,
    ...(sections ?? []),
    ...(f.excludeIds ?? []),
  ] as const;
  const key = [
    'keys',
    sections?.length ?? '-',
    f.tagId !== undefined,
    f.personId !== undefined,
    f.districtId !== undefined,
    !!f.from,
    !!f.to,
    !!f.edition,
    !!f.after,
    f.breaking ?? '-',
    f.excludeIds?.length ?? 0,
  ].join(':');
  return templatesOf(db).run<ListKey, typeof values>(key, values, (v) => {
    const [now, limit, offset, enough, tagId, personId, districtId, from, to, edition, afterAt, afterId, ...ids] = v;
    const slots: ArticleFilter = {
      tagId: f.tagId !== undefined ? tagId : undefined,
      personId: f.personId !== undefined ? personId : undefined,
      districtId: f.districtId !== undefined ? districtId : undefined,
      from: f.from ? from : undefined,
      to: f.to ? to : undefined,
      edition: f.edition ? edition : undefined,
      after: f.after ? { publishedAt: afterAt!, id: afterId! } : undefined,
      breaking: f.breaking,
      sectionIds: sections ? ids.slice(0, sections.length) : undefined,
      excludeIds: f.excludeIds?.length ? ids.slice(sections?.length ?? 0) : undefined,
    };
    const bounds = { now, limit, offset };
    if (f.tagId !== undefined) return listByLink(db, 'article_tags', 'tag_id', slots, bounds);
    if (f.personId !== undefined) return listByLink(db, 'article_people', 'person_id', slots, bounds);
    if (sections && sections.length > 1) return listMerged(db, slots, bounds, enough);
    return newestFirst(filtered(keysOf(db), slots, now))
      .limit(limit)
      .offset(offset);
  });
}

/**
 * A listing's page. Inside a template the values of these bounds and of the filter are stand-ins
 * (see db/query-template.ts), typed as the values they stand for; the filter's `breaking` stays a flag.
 */
interface Bounds {
  now: string;
  limit: number;
  offset: number;
}

function keysOf(db: Kysely<Database>): KeyQuery {
  return db.selectFrom('articles').select(['articles.id', 'articles.published_at']).where('articles.status', '=', 'published');
}

function newestFirst<Q extends KeyQuery>(query: Q): Q {
  return query.orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc') as Q;
}

function filtered<Q extends KeyQuery>(query: Q, filter: ArticleFilter, now: string): Q {
  let q = query.where('articles.published_at', '<=', now);
  if (filter.sectionIds?.length === 1) q = q.where('articles.section_id', '=', filter.sectionIds[0]!);
  if (filter.districtId !== undefined) q = q.where('articles.district_id', '=', filter.districtId);
  if (filter.from !== undefined) q = q.where('articles.published_at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('articles.published_at', '<', filter.to);
  if (filter.after) q = q.where(afterKey('articles.published_at', 'articles.id', filter.after));
  if (filter.edition !== undefined) q = q.where('articles.edition', '=', filter.edition);
  if (filter.breaking !== undefined) q = q.where('articles.breaking', '=', filter.breaking ? 1 : 0);
  if (filter.excludeIds?.length) q = q.where('articles.id', 'not in', [...filter.excludeIds]);
  return q as Q;
}

/**
 * The keyset condition "listed after this article" in newest-first order, written so that the
 * time alone bounds the index range (`<= at`) and the id only breaks ties at that time.
 */
function afterKey(timeColumn: string, idColumn: string, after: { publishedAt: string; id: number }) {
  const [time, id] = [sql.ref(timeColumn), sql.ref(idColumn)];
  return sql<boolean>`(${time} <= ${after.publishedAt} and (${time} < ${after.publishedAt} or ${id} < ${after.id}))`;
}

/**
 * A section front with sub-sections: each section's newest `offset + limit` (an index range
 * each), merged and cut in one statement. One `section_id IN (…)` ordered by date would sort
 * every article the sections ever had.
 */
function listMerged(db: Kysely<Database>, filter: ArticleFilter, bounds: Bounds, enough: number) {
  const arm = (sectionId: number, i: number) =>
    db
      .selectFrom(
        newestFirst(filtered(keysOf(db), { ...filter, sectionIds: [sectionId] }, bounds.now))
          .limit(enough)
          .as(`s${i}`),
      )
      .selectAll();
  const sections = filter.sectionIds!;
  let union = arm(sections[0]!, 0);
  sections.slice(1).forEach((id, i) => (union = union.unionAll(arm(id, i + 1))));
  return db.selectFrom(union.as('merged')).selectAll().orderBy('published_at', 'desc').orderBy('id', 'desc').limit(bounds.limit).offset(bounds.offset);
}

/**
 * A tag's or a person's newest public articles, read in order from the link table's listing
 * index alone (its published_at is set only while the article is published); a further
 * condition on the article (the API combines a tag with a section, an author or a district)
 * joins the article rows.
 */
function listByLink(db: Kysely<Database>, table: 'article_tags' | 'article_people', column: 'tag_id' | 'person_id', filter: ArticleFilter, bounds: Bounds) {
  // Called only for a filter that has this id.
  const value = (column === 'tag_id' ? filter.tagId : filter.personId)!;
  let q = db
    .selectFrom(`${table} as link` as 'article_tags as link')
    .select(['link.article_id as id', 'link.published_at'])
    .where(`link.${column}` as 'link.tag_id', '=', value)
    .where('link.published_at', 'is not', null)
    .where('link.published_at', '<=', bounds.now);
  if (filter.from !== undefined) q = q.where('link.published_at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('link.published_at', '<', filter.to);
  if (filter.after) q = q.where(afterKey('link.published_at', 'link.article_id', filter.after));
  if (filter.sectionIds || filter.districtId !== undefined) {
    const sections = filter.sectionIds;
    const district = filter.districtId;
    q = q.where('link.article_id', 'in', (eb) => {
      let sub = eb.selectFrom('articles').select('articles.id');
      if (sections) sub = sub.where('articles.section_id', 'in', sections.length ? [...sections] : [-1]);
      if (district !== undefined) sub = sub.where('articles.district_id', '=', district);
      return sub;
    });
  }
  if (table === 'article_tags' && filter.personId !== undefined) {
    const personId = filter.personId;
    q = q.where('link.article_id', 'in', (eb) => eb.selectFrom('article_people').select('article_id').where('person_id', '=', personId));
  }
  if (filter.excludeIds?.length) q = q.where('link.article_id', 'not in', [...filter.excludeIds]);
  return q.orderBy('link.published_at', 'desc').orderBy('link.article_id', 'desc').limit(bounds.limit).offset(bounds.offset);
}

/**
 * The newest `perSection` public articles of each group of sections (other than `excludeIds`):
 * the ids of every section's newest from one statement (an index range each), the rows of only
 * those each group shows. The home page's section blocks read it once. Each section's range is
 * read `excludeIds.length` further and the excluded ids are dropped here: a `not in` list in
 * every arm of the union cost SQLite more than the whole read (820 µs against 340 µs for 20
 * sections at 100,000 articles).
 */
export async function newestInGroups(
  db: Kysely<Database>,
  groups: ReadonlyArray<readonly number[]>,
  perGroup: number,
  excludeIds: readonly number[],
  now: string,
  memory?: RowMemory,
): Promise<CardRow[][]> {
  const sections = [...new Set(groups.flat())];
  if (!sections.length) return groups.map(() => []);
  // The limit is written into the SQL (one statement per limit; a home page has one): SQLite
  // reads an arm with `limit ?` at about twice the cost of one with the number in it.
  const limit = perGroup + excludeIds.length;
  const key = `newest-in:${sections.length}:${limit}`;
  const values = [now, ...sections] as const;
  const keys = await templatesOf(db).run<ListKey & { section_id: number }, typeof values>(key, values, ([at, ...ids]) => {
    const arm = (sectionId: number, i: number) =>
      db
        .selectFrom(
          newestFirst(filtered(keysOf(db).select('articles.section_id'), { sectionIds: [sectionId] }, at))
            .limit(sql.lit(limit))
            .as(`s${i}`),
        )
        .selectAll();
    let union = arm(ids[0]!, 0);
    ids.slice(1).forEach((id, i) => (union = union.unionAll(arm(id, i + 1))));
    return union;
  });
  const excluded = new Set(excludeIds);
  const newest = (a: ListKey, b: ListKey) => (a.published_at! < b.published_at! ? 1 : a.published_at! > b.published_at! ? -1 : b.id - a.id);
  const chosen = groups.map((group) => {
    const inGroup = new Set(group);
    return keys
      .filter((k) => inGroup.has(k.section_id) && !excluded.has(k.id))
      .sort(newest)
      .slice(0, perGroup)
      .map((k) => k.id);
  });
  const rows = new Map((await cardRowsByIds(db, chosen.flat(), memory)).map((r) => [r.id, r]));
  return chosen.map((ids) => ids.flatMap((id) => rows.get(id) ?? []));
}

/** Per tag, how many of its newest public articles are weighed for "related" lists. */
export const RELATED_PER_TAG = 30;

/**
 * Articles sharing tags with this one: among each tag's newest public articles (bounded per tag),
 * those sharing the most tags first, newest first among equals.
 */
export async function relatedArticleIds(db: Kysely<Database>, articleId: number, tagIds: readonly number[], limit: number, now: string): Promise<number[]> {
  const tags = [...new Set(tagIds)].slice(0, 8);
  if (!tags.length) return [];
  const values = [now, ...tags] as const;
  const rows = await templatesOf(db).run<{ article_id: number; published_at: string | null }, typeof values>(
    `related:${tags.length}`,
    values,
    ([at, ...ids]) => {
      const arm = (tagId: number, i: number) =>
        db
          .selectFrom(
            db
              .selectFrom('article_tags')
              .select(['article_id', 'published_at'])
              .where('tag_id', '=', tagId)
              .where('published_at', 'is not', null)
              .where('published_at', '<=', at)
              .orderBy('published_at', 'desc')
              .orderBy('article_id', 'desc')
              .limit(sql.lit(RELATED_PER_TAG + 1)) // written into the SQL: see newestInGroups
              .as(`t${i}`),
          )
          .selectAll();
      let union = arm(ids[0]!, 0);
      ids.slice(1).forEach((id, i) => (union = union.unionAll(arm(id, i + 1))));
      return union;
    },
  );
  const score = new Map<number, { shared: number; at: string }>();
  for (const r of rows) {
    if (r.article_id === articleId) continue;
    const entry = score.get(r.article_id);
    if (entry) entry.shared++;
    else score.set(r.article_id, { shared: 1, at: r.published_at ?? '' });
  }
  return [...score]
    .sort(([idA, a], [idB, b]) => b.shared - a.shared || (a.at < b.at ? 1 : a.at > b.at ? -1 : idB - idA))
    .slice(0, limit)
    .map(([id]) => id);
}

export async function findArticleById(db: Kysely<Database>, id: number): Promise<ArticleTable | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An article with its byline people, tags and corrections, in one query. */
export interface ArticleGraph extends ArticleTable {
  people: PersonTable[];
  tags: Array<{ id: number; slug: string; name: string }>;
  corrections: Array<{ text: string; created_at: string }>;
}

export async function findArticleGraph(db: Kysely<Database>, id: number): Promise<ArticleGraph | undefined> {
  const json = jsonHelpers(db);
  const [row] = await templatesOf(db).run('article-graph', [id], ([articleId]) =>
    db
      .selectFrom('articles')
      .selectAll('articles')
      .select((eb) => [
        json
          .arrayFrom(
            eb
              .selectFrom('article_people')
              .innerJoin('people', 'people.id', 'article_people.person_id')
              .select([
                'people.id',
                'people.slug',
                'people.name',
                'people.kind',
                'people.title',
                'people.place',
                'people.district_id',
                'people.bio',
                'people.created_at',
                'article_people.position',
              ])
              .whereRef('article_people.article_id', '=', 'articles.id'),
          )
          .as('people'),
        json
          .arrayFrom(
            eb
              .selectFrom('article_tags')
              .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
              .select(['tags.id', 'tags.slug', 'tags.name', 'article_tags.position'])
              .whereRef('article_tags.article_id', '=', 'articles.id'),
          )
          .as('tags'),
        json
          .arrayFrom(
            eb
              .selectFrom('corrections')
              .select(['corrections.text', 'corrections.created_at', 'corrections.id'])
              .whereRef('corrections.article_id', '=', 'articles.id'),
          )
          .as('corrections'),
      ])
      .where('articles.id', '=', articleId),
  );
  if (!row) return undefined;
  const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;
  const people = parseJsonColumn<Array<PersonTable & { position: number }>>(row.people).sort(byPosition);
  const tags = parseJsonColumn<Array<{ id: number; slug: string; name: string; position: number }>>(row.tags).sort(byPosition);
  const corrections = parseJsonColumn<Array<{ text: string; created_at: string; id: number }>>(row.corrections).sort((a, b) =>
    a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id - b.id,
  );
  return {
    ...row,
    people: people.map(({ position: _p, ...p }) => p),
    tags: tags.map(({ position: _p, ...t }) => t),
    corrections: corrections.map(({ id: _id, ...c }) => c),
  };
}

/** Images with their responsive variants, in one query. */
export type ImageWithVariants = ImageTable & { variants: Array<Pick<ImageVariantTable, 'width' | 'format' | 'path'>> };

export async function findImagesWithVariants(db: Kysely<Database>, ids: readonly number[], memory?: ImageMemory): Promise<ImageWithVariants[]> {
  if (!ids.length) return [];
  const kept: ImageWithVariants[] = [];
  const missing: number[] = [];
  for (const id of new Set(ids)) {
    const image = memory?.image(id);
    if (image) kept.push(image);
    else missing.push(id);
  }
  if (!missing.length) return kept;
  const readAt = memory?.version ?? 0;
  const read = await readImagesWithVariants(db, missing);
  memory?.keepImages(read, readAt);
  return [...kept, ...read];
}

async function readImagesWithVariants(db: Kysely<Database>, unique: readonly number[]): Promise<ImageWithVariants[]> {
  const json = jsonHelpers(db);
  const rows = await templatesOf(db).run(`images:${unique.length}`, unique, (slots) =>
    db
      .selectFrom('images')
      .selectAll('images')
      .select((eb) =>
        json
          .arrayFrom(
            eb
              .selectFrom('image_variants')
              .select(['image_variants.width', 'image_variants.format', 'image_variants.path'])
              .whereRef('image_variants.image_id', '=', 'images.id'),
          )
          .as('variants'),
      )
      .where('images.id', 'in', slots),
  );
  return rows.map((r) => ({ ...r, variants: parseJsonColumn<ImageWithVariants['variants']>(r.variants).sort((a, b) => a.width - b.width) }));
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
