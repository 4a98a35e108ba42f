import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { CONTENT_EVENT_TYPES, type ContentEvent, type LoggedEvent } from './content-event.ts';

const KNOWN_TYPES: ReadonlySet<string> = new Set(CONTENT_EVENT_TYPES);

/**
 * Appends events inside the caller's transaction and returns the last id. Ids come from
 * id_sequences: the row stays locked until the transaction ends, so on both dialects an event id
 * becomes visible only after every smaller one, and a reader that saw id N has missed none below.
 * Call it last in a transaction: the lock is held from here to the commit.
 */
export async function appendEvents(trx: Kysely<Database>, events: readonly ContentEvent[], at: string): Promise<number> {
  if (!events.length) throw new Error('appendEvents needs at least one event');
  const row = await trx
    .updateTable('id_sequences')
    .set((eb) => ({ value: eb('value', '+', events.length) }))
    .where('name', '=', 'content_events')
    .returning('value')
    .executeTakeFirstOrThrow();
  const last = row.value;
  const first = last - events.length + 1;
  const rows = events.map((event, i) => ({ id: first + i, at, type: event.type, payload: JSON.stringify(event.payload) }));
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('content_events')
      .values(rows.slice(i, i + 200))
      .execute();
  return last;
}

/** Events after `afterId`, oldest first. Rows of a type this version does not know are skipped. */
export async function readEvents(db: Kysely<Database>, afterId: number, limit: number, upTo?: number): Promise<LoggedEvent[]> {
  let query = db.selectFrom('content_events').selectAll().where('id', '>', afterId).orderBy('id').limit(limit);
  if (upTo !== undefined) query = query.where('id', '<=', upTo);
  const rows = await query.execute();
  return rows.flatMap((r) => (KNOWN_TYPES.has(r.type) ? [{ id: r.id, at: r.at, type: r.type, payload: JSON.parse(r.payload) as unknown } as LoggedEvent] : []));
}

/** The newest event id (0 when the log is empty). */
export async function lastEventId(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('id_sequences').select('value').where('name', '=', 'content_events').executeTakeFirst();
  return row?.value ?? 0;
}

/** The oldest event still in the log (undefined when the log is empty). */
export async function oldestEventId(db: Kysely<Database>): Promise<number | undefined> {
  const row = await db.selectFrom('content_events').select('id').orderBy('id').limit(1).executeTakeFirst();
  return row?.id;
}

/** Drops events older than `before` (ISO UTC), keeping the newest `keep` whatever their age. */
export async function pruneEvents(db: Kysely<Database>, before: string, keep: number): Promise<number> {
  const last = await lastEventId(db);
  const result = await db
    .deleteFrom('content_events')
    .where('at', '<', before)
    .where('id', '<=', last - keep)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Shared subscribers' positions in the log, in event_cursors. */
export function eventCursors(db: Kysely<Database>, now: () => string) {
  return {
    async read(name: string): Promise<number | undefined> {
      const row = await db.selectFrom('event_cursors').select('last_id').where('name', '=', name).executeTakeFirst();
      return row?.last_id;
    },
    async save(name: string, id: number): Promise<void> {
      await db
        .insertInto('event_cursors')
        .values({ name, last_id: id, updated_at: now() })
        .onConflict((oc) => oc.column('name').doUpdateSet({ last_id: id, updated_at: now() }))
        .execute();
    },
  };
}
