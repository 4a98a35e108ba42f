import type { Kysely } from 'kysely';
import type { Database, Edition } from '../db/schema.ts';
import type { Clock } from './clock.ts';
import { parseDocument, type Doc } from './document/index.ts';
import { listSections } from './sections/section.repository.ts';
import { SectionTree, type SectionNode } from './sections/section-tree.ts';
import { findImagesByIds, type Image } from './media/image.repository.ts';
import { findVariants } from './media/save-image.ts';
import { findPeopleByIds, findPersonBySlug, type Person } from './people/person.repository.ts';
import { findTagBySlug, type Tag } from './tags/tag.repository.ts';
import { findDistrictBySlug, findDivision, type District, type Division } from './places/place.repository.ts';
import {
  articleTags,
  bylinePersonIds,
  findArticleById,
  listPublishedCards,
  relatedArticleIds,
  type ArticleFilter,
  type CardRow,
} from './articles/article.queries.ts';

export interface ResolvedImage {
  src: string;
  /** `srcset` values of the responsive variants ("/media/…-320.jpg 320w, …"), empty when none. */
  jpegSrcset: string;
  webpSrcset: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

export interface ArticleSummary {
  id: number;
  section: SectionNode;
  kicker: string;
  headline: string;
  summary: string;
  image: ResolvedImage | null;
  publishedAt: string;
  updatedAt: string | null;
  breaking: boolean;
  edition: Edition;
  printPage: number | null;
}

export interface ArticleFull extends ArticleSummary {
  subheadline: string;
  corrections: Array<{ text: string; createdAt: string }>;
  body: Doc;
  people: Person[];
  tags: Array<Pick<Tag, 'id' | 'slug' | 'name'>>;
  district: District | null;
}

/** Public (reader-visible) content: only published articles whose time has come. */
export class ContentReader {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** The section tree; loaded per call (a few dozen rows) so it is never stale. */
  async sections(): Promise<SectionTree> {
    return new SectionTree(await listSections(this.db));
  }

  async list(
    tree: SectionTree,
    filter: ArticleFilter,
    page: { limit: number; offset?: number; order?: 'newest' | 'print' },
  ): Promise<ArticleSummary[]> {
    const rows = await listPublishedCards(this.db, filter, { ...page, now: this.clock.now().toISOString() });
    return this.summaries(tree, rows);
  }

  /**
   * A published article, or undefined when it does not exist or is not public. A preview shows
   * any article that has a section, dated now when it has never been published.
   */
  async article(tree: SectionTree, id: number, options: { preview?: boolean } = {}): Promise<ArticleFull | undefined> {
    const found = await findArticleById(this.db, id);
    if (!found) return undefined;
    const now = this.clock.now().toISOString();
    const isPublic = found.status === 'published' && found.published_at !== null && found.published_at <= now;
    if (!isPublic && !options.preview) return undefined;
    const row = { ...found, published_at: found.published_at ?? now };
    const [summary] = await this.summaries(tree, [row]);
    if (!summary) return undefined;
    const personIds = (await bylinePersonIds(this.db, [id])).get(id) ?? [];
    const people = await findPeopleByIds(this.db, personIds);
    const byId = new Map(people.map((p) => [p.id, p]));
    const district = row.district_id === null ? undefined : await this.db.selectFrom('districts').selectAll().where('id', '=', row.district_id).executeTakeFirst();
    return {
      ...summary,
      subheadline: row.subheadline,
      body: parseDocument(JSON.parse(row.body)),
      people: personIds.flatMap((pid) => byId.get(pid) ?? []),
      tags: await articleTags(this.db, id),
      district: district ?? null,
      corrections: (
        await this.db.selectFrom('corrections').select(['text', 'created_at']).where('article_id', '=', id).orderBy('created_at').execute()
      ).map((c) => ({ text: c.text, createdAt: c.created_at })),
    };
  }

  /** Where a public article lives, for canonical redirects; undefined when it is not public. */
  async articleLocation(id: number): Promise<{ sectionPath: string } | undefined> {
    const row = await this.db
      .selectFrom('articles')
      .innerJoin('sections', 'sections.id', 'articles.section_id')
      .select(['sections.path', 'articles.status', 'articles.published_at'])
      .where('articles.id', '=', id)
      .executeTakeFirst();
    if (!row || row.status !== 'published' || !row.published_at || row.published_at > this.clock.now().toISOString()) return undefined;
    return { sectionPath: row.path };
  }

  async related(tree: SectionTree, article: ArticleFull, limit: number): Promise<ArticleSummary[]> {
    const now = this.clock.now().toISOString();
    const ids = await relatedArticleIds(this.db, article.id, article.tags.map((t) => t.id), limit, now);
    const byTag = ids.length ? await this.byIds(tree, ids) : [];
    if (byTag.length >= limit) return byTag;
    const more = await this.list(
      tree,
      { sectionIds: [article.section.id], excludeIds: [article.id, ...byTag.map((a) => a.id)] },
      { limit: limit - byTag.length },
    );
    return [...byTag, ...more];
  }

  async tag(slug: string): Promise<Tag | undefined> {
    return findTagBySlug(this.db, slug);
  }

  async person(slug: string): Promise<(Person & { district: District | null }) | undefined> {
    const person = await findPersonBySlug(this.db, slug);
    if (!person) return undefined;
    const district =
      person.district_id === null ? null : ((await this.db.selectFrom('districts').selectAll().where('id', '=', person.district_id).executeTakeFirst()) ?? null);
    return { ...person, district };
  }

  async district(slug: string): Promise<(District & { division: Division | null }) | undefined> {
    const district = await findDistrictBySlug(this.db, slug);
    if (!district) return undefined;
    return { ...district, division: (await findDivision(this.db, district.division_id)) ?? null };
  }

  /** The curated home slots in order (slot 0 is the lead), only articles that are public now. */
  async homeSlots(tree: SectionTree): Promise<Array<{ slot: number; article: ArticleSummary }>> {
    const slots = await this.db.selectFrom('home_slots').selectAll().orderBy('slot').execute();
    if (!slots.length) return [];
    const articles = await this.byIds(tree, slots.map((s) => s.article_id));
    return slots.flatMap((s) => {
      const article = articles.find((a) => a.id === s.article_id);
      return article ? [{ slot: s.slot, article }] : [];
    });
  }

  /** People by id, for bylines in lists. */
  async people(ids: readonly number[]): Promise<Person[]> {
    return findPeopleByIds(this.db, ids);
  }

  /** Public articles by id, in the order given (ids that are not public are skipped). */
  async byIds(tree: SectionTree, ids: readonly number[]): Promise<ArticleSummary[]> {
    if (!ids.length) return [];
    const now = this.clock.now().toISOString();
    // By primary key alone, then filtered here: with the status condition in SQL, SQLite picks the
    // status index and walks every published article instead of looking up a few ids.
    const rows = await this.db.selectFrom('articles').selectAll().where('id', 'in', [...ids]).execute();
    const byId = new Map(rows.filter((r) => r.status === 'published' && r.published_at !== null && r.published_at <= now).map((r) => [r.id, r]));
    return this.summaries(tree, ids.flatMap((id) => byId.get(id) ?? []));
  }

  private async summaries(tree: SectionTree, rows: readonly CardRow[]): Promise<ArticleSummary[]> {
    const images = new Map<number, Image>();
    const imageIds = [...new Set(rows.flatMap((r) => (r.image_id === null ? [] : [r.image_id])))];
    for (const image of await findImagesByIds(this.db, imageIds)) images.set(image.id, image);
    const variants = await findVariants(this.db, imageIds);
    return rows.flatMap((r) => {
      const section = r.section_id === null ? undefined : tree.byIdOrUndefined(r.section_id);
      if (!section || !r.published_at) return [];
      const image = r.image_id === null ? undefined : images.get(r.image_id);
      return [
        {
          id: r.id,
          section,
          kicker: r.kicker,
          headline: r.headline,
          summary: r.summary,
          image: image ? resolveImage(image, r, variants) : null,
          publishedAt: r.published_at,
          updatedAt: r.updated_at,
          breaking: r.breaking === 1,
          edition: r.edition,
          printPage: r.print_page,
        },
      ];
    });
  }
}

function resolveImage(image: Image, row: CardRow, variants: Awaited<ReturnType<typeof findVariants>>): ResolvedImage {
  const srcset = (format: string) =>
    variants
      .filter((v) => v.image_id === image.id && v.format === format)
      .map((v) => `/media/${v.path} ${v.width}w`)
      .join(', ');
  return {
    src: `/media/${image.path}`,
    jpegSrcset: srcset('jpeg'),
    webpSrcset: srcset('webp'),
    width: image.width,
    height: image.height,
    alt: row.image_alt || image.alt || row.image_caption || image.caption,
    caption: row.image_caption ?? image.caption,
    credit: row.image_credit ?? image.credit,
  };
}
