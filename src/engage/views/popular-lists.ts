import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../content/clock.ts';

export type PopularWindow = '6h' | '24h' | '7d';
export const POPULAR_WINDOWS: Record<PopularWindow, number> = { '6h': 6, '24h': 24, '7d': 24 * 7 }; // hours

/**
 * The most-read articles of each window, recomputed on a timer from the counted views (never per
 * request). Every process computes from the same table, so all agree after their next beat.
 */
export class PopularLists {
  private lists: Record<PopularWindow, number[]> = { '6h': [], '24h': [], '7d': [] };
  private timer: NodeJS.Timeout | undefined;
  private version = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly onUpdate: () => void = () => {},
    private readonly log: (error: unknown) => void = () => {},
  ) {}

  /** Article ids, most read first (published articles only). */
  ids(window: PopularWindow): readonly number[] {
    return this.lists[window];
  }

  /** Changes whenever a recomputation changed any list. */
  get revision(): number {
    return this.version;
  }

  start(everyMs = 60_000): void {
    this.timer = setInterval(() => void this.recompute().catch(this.log), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async recompute(limit = 50): Promise<void> {
    const now = this.clock.now();
    const next = { ...this.lists };
    for (const [window, hours] of Object.entries(POPULAR_WINDOWS) as Array<[PopularWindow, number]>) {
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
    if (JSON.stringify(next) !== JSON.stringify(this.lists)) {
      this.lists = next;
      this.version++;
      this.onUpdate();
    }
  }
}
