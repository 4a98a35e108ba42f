// Frozen: this migration imports nothing from src/ that can change. Add a new file to change the schema.
import type { Kysely } from 'kysely';

// Who uploaded an image, so a reporter may change the words of their own uploads only (images
// from before, and imported ones, have none: only sub-editors and editors change those). And one
// mark per sign-in attempt, so a throttle that records an attempt before checking it can take
// back exactly that attempt's row when the attempt is refused or succeeds.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('images').addColumn('uploaded_by', 'integer').execute();
  await db.schema.alterTable('login_failures').addColumn('attempt', 'text').execute();
  await db.schema.createIndex('login_failures_attempt_idx').on('login_failures').column('attempt').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('login_failures_attempt_idx').execute();
  await db.schema.alterTable('login_failures').dropColumn('attempt').execute();
  await db.schema.alterTable('images').dropColumn('uploaded_by').execute();
}
