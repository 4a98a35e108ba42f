import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import type { ContentEvent } from './content-event.ts';
import { appendEvents } from './event-log.ts';

/** Records an event of the write under way; it is appended when the work is done, before the commit. */
export type Emit = (event: ContentEvent) => void;

export interface ContentWriterOptions {
  db: Kysely<Database>;
  clock: Clock;
  /**
   * Told the last event id after each commit: wakes other processes and applies the events in
   * this one. A write waits for it up to `announceWaitMs`, so the writer reads its own write on
   * this process (an editor who publishes sees the page at once); if it fails or is slow the
   * log still holds the events, and every process reads them at its next poll.
   */
  announce?: (lastId: number) => Promise<void> | void;
  /** How long a write waits for its events to be applied here (ms). */
  announceWaitMs?: number;
}

/**
 * The one way content is written: the work and its events in one transaction (the outbox). If the
 * transaction rolls back no event exists; if it commits, its events cannot be lost.
 */
export class ContentWriter {
  constructor(private readonly options: ContentWriterOptions) {}

  get db(): Kysely<Database> {
    return this.options.db;
  }

  /** Runs `work` in a write transaction; the events it emits are appended in the same one. */
  async write<T>(work: (trx: Kysely<Database>, emit: Emit) => Promise<T>): Promise<T> {
    let last = 0;
    const result = await this.options.db.transaction().execute(async (trx) => {
      const events: ContentEvent[] = [];
      const value = await work(trx, (event) => events.push(event));
      if (events.length) last = await appendEvents(trx, events, this.options.clock.now().toISOString());
      return value;
    });
    if (last && this.options.announce) await this.announce(last);
    return result;
  }

  private async announce(last: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const applied = Promise.resolve(this.options.announce!(last)).catch(() => {});
      const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.announceWaitMs ?? 2000)));
      await Promise.race([applied, waited]);
    } catch {
      // Delivery is best effort: the log is the record and the next poll reads it.
    } finally {
      clearTimeout(timer);
    }
  }
}
