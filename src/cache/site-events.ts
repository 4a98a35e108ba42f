import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nextId } from '../content/ids.ts';

export interface SiteEventsOptions {
  db: Kysely<Database>;
  /** Called with the tags of every change, from this process or another. */
  onTags: (tags: string[]) => void;
  /** How often other processes' events are read (ms). */
  pollMs?: number;
  /** Events older than this are deleted as new ones arrive (ms). */
  keepMs?: number;
  log?: (error: unknown) => void;
}

/**
 * The cross-process change bus: a write appends its cache tags to a table; every process reads
 * the rows after the last it saw, once a second. It works the same on SQLite (several processes
 * on one file) and PostgreSQL (several machines). A failed read is a missed beat, never an error.
 */
export class SiteEvents {
  private lastId = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly pollMs: number;
  private readonly keepMs: number;

  constructor(private readonly options: SiteEventsOptions) {
    this.pollMs = options.pollMs ?? 1000;
    this.keepMs = options.keepMs ?? 10 * 60 * 1000;
  }

  /** Starts reading from "now": earlier events are already reflected in a fresh cache. */
  async start(): Promise<void> {
    const row = await this.options.db.selectFrom('site_events').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
    this.lastId = Number(row?.max ?? 0);
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Announces a change: applied here at once, and in other processes within a poll. */
  async publish(tags: string[]): Promise<void> {
    this.options.onTags(tags);
    const db = this.options.db;
    const at = new Date();
    const id = await nextId(db, 'site_events');
    await db.insertInto('site_events').values({ id, at: at.toISOString(), tags: JSON.stringify(tags) }).execute();
    if (id % 100 === 0) {
      await db.deleteFrom('site_events').where('at', '<', new Date(at.getTime() - this.keepMs).toISOString()).execute();
    }
  }

  /** Reads events after the last one seen; public so tests can poll without waiting. */
  async poll(): Promise<void> {
    try {
      const rows = await this.options.db.selectFrom('site_events').selectAll().where('id', '>', this.lastId).orderBy('id').limit(1000).execute();
      for (const row of rows) {
        this.lastId = Math.max(this.lastId, row.id);
        this.options.onTags(JSON.parse(row.tags) as string[]);
      }
    } catch (error) {
      this.options.log?.(error);
    }
  }
}
