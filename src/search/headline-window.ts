import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Analyzer } from '../bangla/analyzer/analyzer.ts';
import { bestMatches, itemKeys, type TypedText } from './suggest-keys.ts';
import { headlineRows, newestHeadlineRows, type HeadlineRow } from './suggest-source.ts';
import { WordIndex, type Keyed } from './word-index.ts';

/** Headlines held per process (docs/search.md, Suggestions: memory and start-up time). */
export const HEADLINE_WINDOW = 5000;

/** A published article's headline. */
export interface HeadlineItem extends Keyed {
  id: number;
  sectionId: number | null;
  headline: string;
  publishedAt: string;
}

/**
 * The newest published headlines (future-dated ones too: the time is checked per query), held in
 * memory with their words indexed and kept current by the article events. Suggestions offer the
 * newest few headlines that match; older ones are for the search page. The search index is not
 * asked: a short prefix there expands to every term starting with it, in every field, before
 * the headline field is checked (docs/search.md, Suggestions: 40–80 ms for one letter on SQLite,
 * over a second on PostgreSQL for a prefix common in bodies and absent from headlines).
 */
export class HeadlineWindow {
  private items = new Map<number, HeadlineItem>();
  private readonly index = new WordIndex<HeadlineItem>();
  /** True while the window holds every published article. */
  private covers = true;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly analyzer: Analyzer,
    private readonly size = HEADLINE_WINDOW,
  ) {}

  /** Reads the newest headlines again. */
  async load(): Promise<void> {
    const rows = await newestHeadlineRows(this.db, this.size);
    const items = rows.flatMap((row) => this.item(row) ?? []);
    this.items = new Map(items.map((item) => [item.id, item]));
    this.index.reset(items);
    this.covers = rows.length < this.size;
  }

  /** Reads these articles again: added, changed or dropped as they now stand. */
  async refresh(articleIds: readonly number[]): Promise<void> {
    if (!articleIds.length) return;
    const rows = new Map((await headlineRows(this.db, articleIds)).map((row) => [row.id, row]));
    for (const id of new Set(articleIds)) {
      const old = this.items.get(id);
      if (old) this.drop(old);
      const item = rows.has(id) ? this.item(rows.get(id)!) : undefined;
      // One older than the window's oldest stays outside, as the other older ones do.
      const oldest = this.covers ? undefined : this.oldest();
      if (!item || (oldest && newestFirst(item, oldest) > 0)) continue;
      this.items.set(id, item);
      this.index.add(item);
      if (this.items.size > this.size) {
        this.drop(this.oldest()!);
        this.covers = false;
      }
    }
  }

  /** Headlines public at `now` that match: whole-headline matches first, then the newest. */
  match(typed: TypedText, now: string, limit: number): HeadlineItem[] {
    return bestMatches(this.index, typed, limit, (item) => item.publishedAt <= now, newestFirst);
  }

  private item(row: HeadlineRow): HeadlineItem | undefined {
    if (row.status !== 'published' || row.publishedAt === null) return undefined;
    return { id: row.id, sectionId: row.sectionId, headline: row.headline, publishedAt: row.publishedAt, ...itemKeys(row.headline, this.analyzer) };
  }

  private drop(item: HeadlineItem): void {
    this.index.remove(item);
    this.items.delete(item.id);
  }

  private oldest(): HeadlineItem | undefined {
    let oldest: HeadlineItem | undefined;
    for (const item of this.items.values()) if (!oldest || newestFirst(item, oldest) > 0) oldest = item;
    return oldest;
  }
}

/** Newest first; the larger id first within one instant. */
function newestFirst(a: { publishedAt: string; id: number }, b: { publishedAt: string; id: number }): number {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt > b.publishedAt ? -1 : 1;
  return b.id - a.id;
}
