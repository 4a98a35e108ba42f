import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';

/** User agents of crawlers, link previewers and monitors: their requests are not readers. */
const BOT =
  /bot|crawl|spider|slurp|facebookexternalhit|whatsapp|telegram|preview|headless|lighthouse|pingdom|uptime|monitor|curl|wget|python-requests|go-http-client|java\/|okhttp|axios|node-fetch|^$/i;

export const VIEW_LIMITS = {
  windowMs: 30 * 60 * 1000, // one reader counts once per article per 30-minute window
  flushMs: 5000, // counts reach the database at most this long after the view
  maxPending: 200_000, // flush early rather than hold more than this in memory
  batch: 400, // rows per insert
};

export function isBot(userAgent: string | undefined): boolean {
  return BOT.test(userAgent ?? '');
}

interface Pending {
  articleId: number;
  reader: string;
  window: string;
  hour: string;
}

/**
 * Counts article views without a database write per request: beacons are deduplicated and
 * aggregated in memory, then flushed in batches. The (window, article, reader) key is inserted
 * with ON CONFLICT DO NOTHING and only the rows actually inserted are counted, so several
 * processes together count each reader exactly once per window.
 */
export class ViewCounter {
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private saltDay = '';
  private salt = '';
  private flushing: Promise<number> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly secret: string,
    private readonly log: (error: unknown) => void = () => {},
  ) {}

  /**
   * Notes one beacon. Returns false for bots. This is the beacon's hot path: the reader hash
   * (and the bot verdict) is remembered per address and agent for the day, and the window and
   * hour strings per window, so a repeat costs a few map lookups.
   */
  record(articleId: number, ip: string, userAgent: string | undefined): boolean {
    const ms = this.clock.now().getTime();
    const times = this.timesFor(ms);
    const reader = this.readerFor(ip, userAgent ?? '', times.day);
    if (reader === null) return false;
    const key = `${times.window}|${articleId}|${reader}`;
    if (!this.pending.has(key)) this.pending.set(key, { articleId, reader, window: times.window, hour: times.hour });
    if (this.pending.size >= VIEW_LIMITS.maxPending) void this.flush();
    return true;
  }

  private times = { from: 0, to: 0, window: '', hour: '', day: '' };
  private readers = new Map<string, string | null>();

  // Window, hour and day strings change at most every half hour: computed once per window.
  private timesFor(ms: number) {
    if (ms < this.times.from || ms >= this.times.to) {
      const from = Math.floor(ms / VIEW_LIMITS.windowMs) * VIEW_LIMITS.windowMs;
      const iso = new Date(from).toISOString();
      this.times = { from, to: from + VIEW_LIMITS.windowMs, window: iso, hour: iso.slice(0, 13), day: iso.slice(0, 10) };
    }
    return this.times;
  }

  private readerFor(ip: string, userAgent: string, day: string): string | null {
    if (day !== this.saltDay || this.readers.size > 100_000) this.readers.clear();
    const key = `${ip}\n${userAgent}`;
    let reader = this.readers.get(key);
    if (reader === undefined) {
      reader = isBot(userAgent) ? null : createHmac('sha256', this.dailySalt(day)).update(key).digest('base64url').slice(0, 22);
      this.readers.set(key, reader);
    }
    return reader;
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), VIEW_LIMITS.flushMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is pending (called on shutdown, so nothing is lost). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Writes pending views; returns how many counted (after cross-process dedupe). */
  async flush(): Promise<number> {
    if (this.flushing) await this.flushing;
    if (!this.pending.size) return 0;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.flushing = this.write(batch).catch((error: unknown) => {
      // Put them back: a failed flush is retried on the next beat, not lost.
      for (const p of batch) this.pending.set(`${p.window}|${p.articleId}|${p.reader}`, p);
      this.log(error);
      return 0;
    });
    try {
      return await this.flushing;
    } finally {
      this.flushing = undefined;
    }
  }

  private async write(batch: Pending[]): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const counted = new Map<string, { articleId: number; hour: string; views: number }>();
      for (let i = 0; i < batch.length; i += VIEW_LIMITS.batch) {
        const chunk = batch.slice(i, i + VIEW_LIMITS.batch);
        const inserted = await trx
          .insertInto('view_seen')
          .values(chunk.map((p) => ({ article_id: p.articleId, reader: p.reader, window: p.window })))
          .onConflict((oc) => oc.columns(['window', 'article_id', 'reader']).doNothing())
          .returning(['article_id', 'reader', 'window'])
          .execute();
        const byKey = new Map(chunk.map((p) => [`${p.window}|${p.articleId}|${p.reader}`, p]));
        for (const row of inserted) {
          const p = byKey.get(`${row.window}|${row.article_id}|${row.reader}`);
          if (!p) continue;
          const key = `${p.articleId}|${p.hour}`;
          const entry = counted.get(key) ?? { articleId: p.articleId, hour: p.hour, views: 0 };
          entry.views++;
          counted.set(key, entry);
        }
      }
      for (const c of counted.values()) {
        await trx
          .insertInto('view_counts')
          .values({ article_id: c.articleId, hour: c.hour, views: c.views })
          .onConflict((oc) => oc.columns(['article_id', 'hour']).doUpdateSet((eb) => ({ views: eb('view_counts.views', '+', eb.ref('excluded.views')) })))
          .execute();
      }
      const oldest = new Date(this.clock.now().getTime() - 2 * VIEW_LIMITS.windowMs).toISOString();
      await trx.deleteFrom('view_seen').where('window', '<', oldest).execute();
      return [...counted.values()].reduce((sum, c) => sum + c.views, 0);
    });
  }

  private dailySalt(day: string): string {
    if (day !== this.saltDay) {
      // A new salt every day: yesterday's reader hashes cannot be linked to today's.
      this.salt = createHmac('sha256', this.secret).update(`views:${day}`).digest('base64url');
      this.saltDay = day;
    }
    return this.salt;
  }
}
