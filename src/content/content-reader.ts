import type { Kysely } from 'kysely';
import type { ArticleStatus, Database, Edition } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { parseDocument, type Doc } from './document/index.ts';
import type { SectionTree, SectionNode } from './sections/section-tree.ts';
import { findPersonBySlug, type Person } from './people/person.repository.ts';
import { findTagBySlug, type Tag } from './tags/tag.repository.ts';
import type { District, Division } from './places/place.repository.ts';
import type { ReferenceData } from './reference-data.ts';
import type { CardMemory } from './articles/card-memory.ts';
import {
  cardRowsByIds,
  findArticleGraph,
  findImagesWithVariants,
  listPublishedCards,
  newestInGroups,
  relatedArticleIds,
  type ArticleFilter,
  type ArticleGraph,
  type CardRow,
  type ImageWithVariants,
} from './articles/article.queries.ts';

export interface ResolvedImage {
  src: string;
  /** `srcset` values of the responsive variants ("/media/…-320.jpg 320w, …"), empty when none. */
  jpegSrcset: string;
  webpSrcset: string;
  /** Empty for images stored before AVIF variants were made: pages then offer WebP and JPEG only. */
  avifSrcset: string;
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

/** An article of any status, for its preview, with the times it has or will have. */
export interface ArticlePreview {
  /** Its `publishedAt` is the time it carries or will carry (see `ContentReader.preview`). */
  article: ArticleFull;
  status: ArticleStatus;
  /** Its first publication, when it has one. */
  publishedAt: string | null;
  /** When it is scheduled, the time it will be published. */
  scheduledAt: string | null;
  /** Whether readers can read it now. */
  isPublic: boolean;
}

export interface ArticleFull extends ArticleSummary {
  subheadline: string;
  corrections: Array<{ text: string; createdAt: string }>;
  body: Doc;
  people: Person[];
  tags: Array<Pick<Tag, 'id' | 'slug' | 'name'>>;
  district: District | null;
}

/**
 * Public (reader-visible) content: only published articles whose time has come. The section
 * tree and the places come from memory (ReferenceData); every query is bounded by an index and
 * a limit (see article.queries.ts).
 */
export class ContentReader {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly reference: ReferenceData,
    /** Card rows and images already read (kept current by the content events); none when not given. */
    private readonly memory?: CardMemory,
  ) {}

  /** The section tree, from memory (reloaded on every `section.changed` event). */
  async sections(): Promise<SectionTree> {
    return this.reference.tree;
  }

  async list(tree: SectionTree, filter: ArticleFilter, page: { limit: number; offset?: number }): Promise<ArticleSummary[]> {
    const rows = await listPublishedCards(this.db, filter, { ...page, now: this.clock.now().toISOString() }, this.memory);
    return this.summaries(tree, rows);
  }

  /**
   * For each group of sections (a section with its sub-sections), its newest `limit` public
   * articles other than `excludeIds`: one query for every group (the home page's blocks).
   */
  async newestByGroup(tree: SectionTree, groups: ReadonlyArray<readonly number[]>, limit: number, excludeIds: readonly number[]): Promise<ArticleSummary[][]> {
    const rows = await newestInGroups(this.db, groups, limit, excludeIds, this.clock.now().toISOString(), this.memory);
    const summaries = new Map((await this.summaries(tree, rows.flat())).map((a) => [a.id, a]));
    return rows.map((group) => group.flatMap((r) => summaries.get(r.id) ?? []));
  }

  /** A published article, or undefined when it does not exist or is not public. */
  async article(tree: SectionTree, id: number): Promise<ArticleFull | undefined> {
    const found = await findArticleGraph(this.db, id);
    if (!found || !isPublicNow(found, this.clock.now().toISOString())) return undefined;
    return this.full(tree, found, found.published_at!);
  }

  /**
   * An article of any status as its preview shows it, or undefined when it does not exist or has
   * no section yet. Its card time is the one it carries or will carry: its first publication, else
   * its scheduled time (publishing keeps the first), else (a draft has none) now, which the preview
   * must not print.
   */
  async preview(tree: SectionTree, id: number): Promise<ArticlePreview | undefined> {
    const found = await findArticleGraph(this.db, id);
    if (!found) return undefined;
    const now = this.clock.now().toISOString();
    const shown = found.published_at ?? (found.status === 'scheduled' ? found.scheduled_at : null);
    const article = await this.full(tree, found, shown ?? now);
    if (!article) return undefined;
    return {
      article,
      status: found.status,
      publishedAt: found.published_at,
      scheduledAt: found.status === 'scheduled' ? found.scheduled_at : null,
      isPublic: isPublicNow(found, now),
    };
  }

  private async full(tree: SectionTree, found: ArticleGraph, publishedAt: string): Promise<ArticleFull | undefined> {
    const row = { ...found, published_at: publishedAt };
    const [summary] = await this.summaries(tree, [row]);
    if (!summary) return undefined;
    return {
      ...summary,
      subheadline: row.subheadline,
      body: parseDocument(JSON.parse(row.body)),
      people: found.people,
      tags: found.tags,
      district: this.reference.district(row.district_id) ?? null,
      corrections: found.corrections.map((c) => ({ text: c.text, createdAt: c.created_at })),
    };
  }

  /** Articles sharing its tags (each tag's newest weighed), then its section's newest to fill up. */
  async related(tree: SectionTree, article: ArticleFull, limit: number): Promise<ArticleSummary[]> {
    const now = this.clock.now().toISOString();
    const ids = await relatedArticleIds(
      this.db,
      article.id,
      article.tags.map((t) => t.id),
      limit,
      now,
    );
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
    return { ...person, district: this.reference.district(person.district_id) ?? null };
  }

  async district(slug: string): Promise<(District & { division: Division | null }) | undefined> {
    const district = this.reference.districtBySlug(slug);
    if (!district) return undefined;
    return { ...district, division: this.reference.division(district.division_id) ?? null };
  }

  /** Tags in the order they were made, `limit` after the id `afterId` (a keyset page by primary key). */
  async tagsPage(afterId: number, limit: number): Promise<Tag[]> {
    return this.db.selectFrom('tags').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  }

  /** Byline people (desks, reporters, correspondents, agencies) by id, `limit` after `afterId`, with their districts. */
  async peoplePage(afterId: number, limit: number): Promise<Array<Person & { district: District | null }>> {
    const people = await this.db.selectFrom('people').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return people.map((p) => ({ ...p, district: this.reference.district(p.district_id) ?? null }));
  }

  /** Bangladesh's 64 districts with their divisions, from memory. */
  districts(): Array<District & { division: Division | null }> {
    return this.reference.allDistricts.map((d) => ({ ...d, division: this.reference.division(d.division_id) ?? null }));
  }

  /** The curated home slots in order (slot 0 is the lead), only articles that are public now. */
  async homeSlots(tree: SectionTree): Promise<Array<{ slot: number; article: ArticleSummary }>> {
    const slots = await this.db.selectFrom('home_slots').selectAll().orderBy('slot').execute();
    if (!slots.length) return [];
    const articles = await this.byIds(
      tree,
      slots.map((s) => s.article_id),
    );
    return slots.flatMap((s) => {
      const article = articles.find((a) => a.id === s.article_id);
      return article ? [{ slot: s.slot, article }] : [];
    });
  }

  /** Public articles by id, in the order given (ids that are not public are skipped). */
  async byIds(tree: SectionTree, ids: readonly number[]): Promise<ArticleSummary[]> {
    if (!ids.length) return [];
    const now = this.clock.now().toISOString();
    // By primary key alone, then filtered here: with the status condition in SQL, SQLite picks the
    // status index and walks every published article instead of looking up a few ids.
    const rows = await cardRowsByIds(this.db, ids, this.memory);
    const byId = new Map(rows.filter((r) => r.status === 'published' && r.published_at !== null && r.published_at <= now).map((r) => [r.id, r]));
    return this.summaries(
      tree,
      ids.flatMap((id) => byId.get(id) ?? []),
    );
  }

  private async summaries(tree: SectionTree, rows: readonly CardRow[]): Promise<ArticleSummary[]> {
    const imageIds = [...new Set(rows.flatMap((r) => (r.image_id === null ? [] : [r.image_id])))];
    const images = new Map((await findImagesWithVariants(this.db, imageIds, this.memory)).map((image) => [image.id, image]));
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
          image: image ? resolveImage(image, r) : null,
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

function resolveImage(image: ImageWithVariants, row: CardRow): ResolvedImage {
  const srcset = (format: string) =>
    image.variants
      .filter((v) => v.format === format)
      .map((v) => `/media/${v.path} ${v.width}w`)
      .join(', ');
  return {
    src: `/media/${image.path}`,
    jpegSrcset: srcset('jpeg'),
    webpSrcset: srcset('webp'),
    avifSrcset: srcset('avif'),
    width: image.width,
    height: image.height,
    alt: row.image_alt || image.alt || row.image_caption || image.caption,
    caption: row.image_caption ?? image.caption,
    credit: row.image_credit ?? image.credit,
  };
}

/** Published, and its time has come. */
function isPublicNow(row: { status: string; published_at: string | null }, now: string): boolean {
  return row.status === 'published' && row.published_at !== null && row.published_at <= now;
}
