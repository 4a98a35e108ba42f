import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nextId } from './ids.ts';

/** Records who did what to what: publishing, unpublishing, deleting, role changes, moderation. */
export async function audit(
  db: Kysely<Database>,
  entry: { userId: number | null; action: string; targetType: string; targetId: string | number; details?: unknown; at: string },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: await nextId(db, 'audit_log'),
      at: entry.at,
      user_id: entry.userId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: String(entry.targetId),
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export async function listAudit(db: Kysely<Database>, limit: number, before?: number) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .selectAll('audit_log')
    .select('users.name as user_name')
    .orderBy('audit_log.id', 'desc')
    .limit(limit);
  if (before !== undefined) q = q.where('audit_log.id', '<', before);
  return q.execute();
}
