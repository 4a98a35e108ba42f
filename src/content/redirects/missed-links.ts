import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';

/** Distinct paths held, in memory between flushes and in the table: a scanner cannot grow either past this. */
export const MISSED_LINKS_KEPT = 1000;
/** How often counts are written at most (ms); a 404 never waits for the database. */
const FLUSH_EVERY_MS = 10_000;

export interface MissedLink {
  path: string;
  hits: number;
  firstAt: string;
  lastAt: string;
}

/**
 * Counts 404s on old-looking paths (lib/old-path.ts), so an editor can see the old links still
 * asked for and redirect them. Counted in memory (at most MISSED_LINKS_KEPT paths; past that a new
 * path is dropped until the next flush) and added to `redirect_misses` at most every ten seconds,
 * which keeps only the MISSED_LINKS_KEPT most asked-for paths.
 */
export class MissedLinks {
  private pending = new Map<string, { hits: number; firstAt: string; lastAt: string }>();
  private lastFlush = 0;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly log: (error: unknown) => void,
  ) {}

  /** Counts one miss (a path in normal form); writes in the background now and then. */
  record(path: string): void {
    const now = this.clock.now();
    const at = now.toISOString();
    const seen = this.pending.get(path);
    if (seen) {
      seen.hits++;
      seen.lastAt = at;
    } else if (this.pending.size < MISSED_LINKS_KEPT) this.pending.set(path, { hits: 1, firstAt: at, lastAt: at });
    if (now.getTime() - this.lastFlush >= FLUSH_EVERY_MS && !this.flushing) {
      this.flushing = this.flush()
        .catch(this.log)
        .finally(() => (this.flushing = undefined));
    }
  }

  /** Writes the counts so far and trims the table to the most asked-for paths. */
  async flush(): Promise<void> {
    await this.flushing;
    this.lastFlush = this.clock.now().getTime();
    const batch = this.pending;
    this.pending = new Map();
    if (!batch.size) return;
    await this.db.transaction().execute(async (trx) => {
      const paths = [...batch.keys()];
      const old = new Map<string, number>();
      for (let i = 0; i < paths.length; i += 500) {
        for (const r of await trx
          .selectFrom('redirect_misses')
          .select(['path', 'hits'])
          .where('path', 'in', paths.slice(i, i + 500))
          .execute())
          old.set(r.path, r.hits);
      }
      for (const [path, m] of batch) {
        const hits = old.get(path);
        if (hits === undefined) await trx.insertInto('redirect_misses').values({ path, hits: m.hits, first_at: m.firstAt, last_at: m.lastAt }).execute();
        else
          await trx
            .updateTable('redirect_misses')
            .set({ hits: hits + m.hits, last_at: m.lastAt })
            .where('path', '=', path)
            .execute();
      }
      const cut = await trx
        .selectFrom('redirect_misses')
        .select(['hits', 'path'])
        .orderBy('hits', 'desc')
        .orderBy('path')
        .offset(MISSED_LINKS_KEPT)
        .limit(1)
        .executeTakeFirst();
      if (cut)
        await trx
          .deleteFrom('redirect_misses')
          .where((eb) => eb.or([eb('hits', '<', cut.hits), eb.and([eb('hits', '=', cut.hits), eb('path', '>=', cut.path)])]))
          .execute();
    });
  }
}

/** The most asked-for missed paths (most hits first), without those that now have a redirect. */
export async function listMissedLinks(db: Kysely<Database>, limit: number): Promise<MissedLink[]> {
  const rows = await db
    .selectFrom('redirect_misses')
    .selectAll()
    .where((eb) => eb.not(eb.exists(eb.selectFrom('redirects').select('redirects.path').whereRef('redirects.path', '=', 'redirect_misses.path'))))
    .orderBy('hits', 'desc')
    .orderBy('path')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ path: r.path, hits: r.hits, firstAt: r.first_at, lastAt: r.last_at }));
}
