import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ReferenceData } from '../content/reference-data.ts';
import type { Clock } from '../lib/clock.ts';
import { isListed, type ArticleChange } from '../content/events/content-event.ts';

interface Location {
  sectionId: number;
  publishedAt: string;
}

/** Past this many changed articles the changes are folded into the compact arrays. */
const OVERLAY_LIMIT = 50_000;
/** Rows read per query while loading. */
const LOAD_PAGE = 20_000;
/** Section ids stay below this (2^21): an id and a section share one float exactly while loading. */
const SECTION_SPACE = 2 ** 21;

function grow(array: Float64Array): Float64Array {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * Where every public article lives, in memory, so a URL is resolved (served, redirected to its
 * canonical path, or answered 404) without a query. Loaded at start from the section index, one
 * section at a time; kept current by article events. The articles public at load sit in two
 * sorted typed arrays (12 bytes an article: 12 MB at a million); later changes, and articles
 * whose publication time is still ahead, sit in a map beside them.
 */
export class RouteMap {
  private ids = new Float64Array(0);
  private sections = new Int32Array(0);
  private readonly changed = new Map<number, Location | null>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly reference: ReferenceData,
    private readonly clock: Clock,
  ) {}

  /**
   * Reads every published article's id, section and time: an index range per section, read in
   * keyset pages, packed as it comes (id × 2^21 + section in one float) so that a million
   * articles never exist as a million objects.
   */
  async load(): Promise<void> {
    const now = this.clock.now().toISOString();
    let packed: Float64Array = new Float64Array(1024);
    let count = 0;
    const later = new Map<number, Location>();
    for (const section of this.reference.tree.all()) {
      for (let after = { at: '', id: 0 }; ;) {
        const page = await this.db
          .selectFrom('articles')
          .select(['id', 'published_at'])
          .where('section_id', '=', section.id)
          .where('status', '=', 'published')
          .where((eb) => eb(eb.refTuple('published_at', 'id'), '>', eb.tuple(after.at, after.id)))
          .orderBy('published_at')
          .orderBy('id')
          .limit(LOAD_PAGE)
          .execute();
        for (const r of page) {
          if (r.published_at === null) continue;
          if (r.published_at > now) {
            later.set(r.id, { sectionId: section.id, publishedAt: r.published_at });
            continue;
          }
          if (count === packed.length) packed = grow(packed);
          packed[count++] = r.id * SECTION_SPACE + section.id;
        }
        if (page.length < LOAD_PAGE) break;
        const last = page.at(-1)!;
        after = { at: last.published_at ?? '', id: last.id };
      }
    }
    const sorted = packed.subarray(0, count).sort();
    this.ids = Float64Array.from(sorted, (v) => Math.floor(v / SECTION_SPACE));
    this.sections = Int32Array.from(sorted, (v) => v % SECTION_SPACE);
    this.changed.clear();
    for (const [id, location] of later) this.changed.set(id, location);
  }

  /** The canonical path of a public article (`world/asia/251042`), or undefined. */
  articlePath(id: number, now: string): string | undefined {
    const sectionId = this.sectionOf(id, now);
    if (sectionId === undefined) return undefined;
    const section = this.reference.tree.byIdOrUndefined(sectionId);
    return section ? `${section.path}/${id}` : undefined;
  }

  /** Whether the article is public at `now` (the view beacon counts only these, without a query). */
  isPublic(id: number, now: string): boolean {
    return this.sectionOf(id, now) !== undefined;
  }

  /** Takes an article's new state from its event. */
  apply(change: ArticleChange): void {
    const after = change.after;
    this.changed.set(change.id, isListed(after) && after.sectionId !== null ? { sectionId: after.sectionId, publishedAt: after.publishedAt! } : null);
    if (this.changed.size > OVERLAY_LIMIT) this.compact();
  }

  /** Articles known, for the health view. */
  get size(): number {
    return this.ids.length + this.changed.size;
  }

  private sectionOf(id: number, now: string): number | undefined {
    const changed = this.changed.get(id);
    if (changed !== undefined) return changed && changed.publishedAt <= now ? changed.sectionId : undefined;
    let lo = 0;
    let hi = this.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.ids[mid]!;
      if (at === id) return this.sections[mid];
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  private build(rows: Array<{ id: number; sectionId: number }>): void {
    rows.sort((a, b) => a.id - b.id);
    this.ids = Float64Array.from(rows, (r) => r.id);
    this.sections = Int32Array.from(rows, (r) => r.sectionId);
  }

  /** Folds the changes that are public now (or gone) into the arrays; future ones stay aside. */
  private compact(): void {
    const rows: Array<{ id: number; sectionId: number }> = [];
    for (let i = 0; i < this.ids.length; i++) if (!this.changed.has(this.ids[i]!)) rows.push({ id: this.ids[i]!, sectionId: this.sections[i]! });
    const kept = new Map<number, Location | null>();
    const now = this.clock.now().toISOString();
    for (const [id, location] of this.changed) {
      if (location && location.publishedAt <= now) rows.push({ id, sectionId: location.sectionId });
      else if (location) kept.set(id, location);
    }
    this.build(rows);
    this.changed.clear();
    for (const [id, location] of kept) this.changed.set(id, location);
  }
}
