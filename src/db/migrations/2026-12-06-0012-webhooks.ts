// Frozen: this migration imports nothing from src/ that can change. Add a new file to change the schema.
import type { Kysely } from 'kysely';

/** The rows this migration writes, in the tables as they are at this point of the history. */
interface Tables {
  id_sequences: { name: string; value: number };
}

// Signed webhooks (docs/webhooks.md):
// - webhooks: the endpoints admins register, with the secret the server made (and, for 24 hours
//   after a rotation, the one before it, so receivers can switch over).
// - webhook_deliveries: the outbox the webhook subscriber fills, one row per (event, endpoint);
//   the unique index makes a replayed event a no-op. The body is frozen when the row is made, so
//   every retry sends the same bytes.
// - webhook_attempts: every try at a delivery, kept 30 days.
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('paused_reason', 'text')
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_until', 'text')
    .addColumn('failing_since', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('webhook_id', 'integer', (c) => c.notNull())
    .addColumn('event_id', 'integer')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('first_attempt_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // A ping has no event (null): nulls are distinct in a unique index on both dialects.
  await db.schema.createIndex('webhook_deliveries_event_idx').on('webhook_deliveries').columns(['event_id', 'webhook_id']).unique().execute();
  await db.schema.createIndex('webhook_deliveries_due_idx').on('webhook_deliveries').columns(['status', 'next_attempt_at', 'id']).execute();
  await db.schema.createIndex('webhook_deliveries_log_idx').on('webhook_deliveries').columns(['webhook_id', 'id']).execute();

  await db.schema
    .createTable('webhook_attempts')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('delivery_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('response_body', 'text')
    .addColumn('error', 'text')
    .addColumn('redelivery', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_attempts_delivery_idx').on('webhook_attempts').columns(['delivery_id', 'id']).execute();
  await db.schema.createIndex('webhook_attempts_at_idx').on('webhook_attempts').columns(['at']).execute();

  await db
    .insertInto('id_sequences')
    .values(['webhooks', 'webhook_deliveries', 'webhook_attempts'].map((name) => ({ name, value: 0 })))
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  for (const table of ['webhook_attempts', 'webhook_deliveries', 'webhooks']) await db.schema.dropTable(table).ifExists().execute();
  await db.deleteFrom('id_sequences').where('name', 'in', ['webhooks', 'webhook_deliveries', 'webhook_attempts']).execute();
}
