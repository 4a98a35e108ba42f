import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export type SequenceName =
  | 'sections'
  | 'people'
  | 'tags'
  | 'images'
  | 'articles'
  | 'divisions'
  | 'districts'
  | 'users'
  | 'api_tokens'
  | 'corrections'
  | 'audit_log'
  | 'content_events'
  | 'comments'
  | 'webhooks'
  | 'webhook_deliveries'
  | 'webhook_attempts';

/** Allocates the next id of a table. Ids are made by the application, the same way on both dialects. */
export async function nextId(db: Kysely<Database>, name: SequenceName): Promise<number> {
  const row = await db
    .updateTable('id_sequences')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

/** Moves a sequence past an id that came from outside (an import keeping legacy ids). */
export async function bumpSequence(db: Kysely<Database>, name: SequenceName, atLeast: number): Promise<void> {
  await db.updateTable('id_sequences').set({ value: atLeast }).where('name', '=', name).where('value', '<', atLeast).execute();
}
