import type { DatabaseHandle } from '../db/database.ts';
import { notifySignal } from '../content/events/notify-signal.ts';
import { systemClock } from '../lib/clock.ts';
import { ContentWriter } from '../content/events/content-writer.ts';
import { noSignal, type EventSignal } from '../content/events/event-signal.ts';

/**
 * A writer for a command-line job (import, seed): its events are in the log either way; on
 * PostgreSQL it also NOTIFYs, so running servers apply them at once instead of at their next poll.
 */
export async function openWriter(database: DatabaseHandle): Promise<{ writer: ContentWriter; close: () => Promise<void> }> {
  const signal: EventSignal =
    database.dialect === 'postgres' && database.url
      ? notifySignal({ url: database.url, schema: database.schema, log: (error) => console.error(`prokash: NOTIFY failed: ${String(error)}`) })
      : noSignal;
  await signal.listen(() => {});
  const writer = new ContentWriter({ db: database.db, clock: systemClock, announce: (id) => signal.announce(id) });
  return { writer, close: () => signal.close() };
}
