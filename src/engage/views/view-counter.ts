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
  maxPending: 200_000, // flush early rather than hold more than this in memory; drop beyond it while a flush runs
  batch: 400, // rows per insert
  // Readers counted per address (an IPv6 /64) per article per window, in each process. A reader is
  // address + User-Agent, so a script rotating agents from one address counts at most this many;
  // it is well above what one address carries for one article in half an hour, even a mobile
  // carrier's NAT that puts many phones behind one address (common on Bangladeshi networks).
  perAddress: 30,
  maxAddresses: 200_000, // address entries kept per window before they are forgotten
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
    /** Whether an article may be counted: the app answers from memory (public articles only). */
    private readonly countable: (articleId: number) => boolean = () => true,
  ) {}

  /**
   * Notes one beacon. Returns false when it is not counted: a bot, an article that is not public,
   * an address past its readers for the article, or a full pending map while a flush runs. This
   * is the beacon's hot path: the reader hash (and the bot verdict) is remembered per address and
   * agent for the day, and the window and hour strings per window, so a repeat costs a few map
   * lookups.
   */
  record(articleId: number, ip: string, userAgent: string | undefined): boolean {
    if (!this.countable(articleId)) return false;
    const ms = this.clock.now().getTime();
    const times = this.timesFor(ms);
    const reader = this.readerFor(ip, userAgent ?? '', times.day);
    if (reader === null) return false;
    const key = `${times.window}|${articleId}|${reader}`;
    if (this.pending.has(key)) return true;
    if (this.pending.size >= VIEW_LIMITS.maxPending) {
      void this.flush(); // takes the map at once unless a flush is under way…
      if (this.pending.size >= VIEW_LIMITS.maxPending) return false; // …and then memory wins over the count
    }
    if (!this.admitAddress(articleId, ip)) return false;
    this.pending.set(key, { articleId, reader, window: times.window, hour: times.hour });
    return true;
  }

  private times = { from: 0, to: 0, window: '', hour: '', day: '' };
  private readers = new Map<string, string | null>();
  private addresses = new Map<string, number>();

  // Window, hour and day strings change at most every half hour: computed once per window.
  private timesFor(ms: number) {
    if (ms < this.times.from || ms >= this.times.to) {
      const from = Math.floor(ms / VIEW_LIMITS.windowMs) * VIEW_LIMITS.windowMs;
      const iso = new Date(from).toISOString();
      this.times = { from, to: from + VIEW_LIMITS.windowMs, window: iso, hour: iso.slice(0, 13), day: iso.slice(0, 10) };
      this.addresses.clear();
    }
    return this.times;
  }

  /** Counts one more reader of the article from the address this window, unless it has its share. */
  private admitAddress(articleId: number, ip: string): boolean {
    if (this.addresses.size >= VIEW_LIMITS.maxAddresses) this.addresses.clear();
    const key = `${articleId}|${addressKey(ip)}`;
    const readers = this.addresses.get(key) ?? 0;
    if (readers >= VIEW_LIMITS.perAddress) return false;
    this.addresses.set(key, readers + 1);
    return true;
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
    // Another caller woken by the same flush may have started the next one: wait for that too.
    while (this.flushing) await this.flushing;
    if (!this.pending.size) return 0;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    const flushing = this.write(batch).catch((error: unknown) => {
      // Put them back: a failed flush is retried on the next beat, not lost.
      for (const p of batch) {
        if (this.pending.size >= VIEW_LIMITS.maxPending) break;
        this.pending.set(`${p.window}|${p.articleId}|${p.reader}`, p);
      }
      this.log(error);
      return 0;
    });
    this.flushing = flushing;
    try {
      return await flushing;
    } finally {
      if (this.flushing === flushing) this.flushing = undefined;
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

/**
 * The part of an address that names one subscriber: an IPv4 address whole, an IPv6 address by its
 * /64 (one home or phone gets a whole /64, and can take any address in it).
 */
export function addressKey(ip: string): string {
  if (!ip.includes(':') || ip.startsWith('::ffff:')) return ip;
  const address = ip.split('%')[0]!.toLowerCase();
  const [head = '', tail] = address.split('::');
  const front = head ? head.split(':') : [];
  const back = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
