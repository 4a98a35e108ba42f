import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * A random secret kept in the database, made on first use, so every process of a site hashes
 * alike (comment addresses, view dedupe) without an operator having to configure one.
 */
export async function getOrCreateSecret(db: Kysely<Database>, name: string, now: string): Promise<string> {
  const key = `secret:${name}`;
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(randomBytes(32).toString('base64url')), updated_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return JSON.parse(row.value) as string;
}
