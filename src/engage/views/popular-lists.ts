import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import type { ContentWriter } from '../../content/events/content-writer.ts';

/** The windows readers can ask for (/popular?window=, the API). */
export type PopularWindow = '6h' | '24h' | '7d';
/** Those and the month, the জনপ্রিয় tab's last fallback on a quiet site. */
export type RankingWindow = PopularWindow | '30d';
export const POPULAR_WINDOWS: Record<RankingWindow, number> = { '6h': 6, '24h': 24, '7d': 24 * 7, '30d': 24 * 30 }; // hours
/**
 * Fewer read articles than this over a window and the জনপ্রিয় tab looks at a wider one. The month
 * is ranked only when the week has fewer: it is read for that fallback alone, and a busy site's
 * month of hourly counts is too many rows to sum every minute for nothing.
 */
export const POPULAR_FALLBACK_MIN = 5;

type Lists = Record<RankingWindow, number[]>;
const empty = (): Lists => ({ '6h': [], '24h': [], '7d': [], '30d': [] });

/**
 * The most-read articles of each window. One process (the holder of the site's lease) recomputes
 * them from the counted views on a timer, never per request, stores them in popular_lists and
 * announces `popular.changed`; every process then reads them from there, so all serve the same.
 */
export class PopularLists {
  private lists: Lists = empty();
  private version = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    /** Stores the lists and their event; without one (tests of the ranking alone) they stay in memory. */
    private readonly writer?: ContentWriter,
  ) {}

  /** Article ids, most read first (published articles only); the month's is empty while the week has enough. */
  ids(window: RankingWindow): readonly number[] {
    return this.lists[window];
  }

  /** Changes whenever the lists changed. */
  get revision(): number {
    return this.version;
  }

  /** Reads the lists the lease holder last stored (at start, and on every `popular.changed`). */
  async load(): Promise<void> {
    const rows = await this.db.selectFrom('popular_lists').select(['window', 'ids']).execute();
    const next = empty();
    for (const row of rows) if (row.window in next) next[row.window as RankingWindow] = JSON.parse(row.ids) as number[];
    this.take(next);
  }

  /** Ranks the counted views; stores and announces the lists when they changed. */
  async recompute(limit = 50): Promise<boolean> {
    const now = this.clock.now();
    const next = empty();
    for (const [window, hours] of Object.entries(POPULAR_WINDOWS) as Array<[RankingWindow, number]>) {
      if (window === '30d' && next['7d'].length >= POPULAR_FALLBACK_MIN) continue;
      const since = new Date(now.getTime() - hours * 3600_000).toISOString().slice(0, 13);
      const rows = await this.db
        .selectFrom('view_counts')
        .innerJoin('articles', 'articles.id', 'view_counts.article_id')
        .select(['view_counts.article_id', (eb) => eb.fn.sum<number>('view_counts.views').as('views')])
        .where('view_counts.hour', '>=', since)
        .where('articles.status', '=', 'published')
        .groupBy('view_counts.article_id')
        .orderBy('views', 'desc')
        .orderBy('view_counts.article_id', 'desc')
        .limit(limit)
        .execute();
      next[window] = rows.map((r) => r.article_id);
    }
    if (JSON.stringify(next) === JSON.stringify(this.lists)) return false;
    this.take(next);
    await this.writer?.write(async (trx, emit) => {
      const computed_at = now.toISOString();
      for (const [window, ids] of Object.entries(next)) {
        const value = JSON.stringify(ids);
        await trx
          .insertInto('popular_lists')
          .values({ window, ids: value, computed_at })
          .onConflict((oc) => oc.column('window').doUpdateSet({ ids: value, computed_at }))
          .execute();
      }
      emit({ type: 'popular.changed', payload: {} });
    });
    return true;
  }

  private take(next: Lists): void {
    if (JSON.stringify(next) === JSON.stringify(this.lists)) return;
    this.lists = next;
    this.version++;
  }
}
