// Frozen: this migration imports nothing from src/ that can change. Add a new file to change the schema.
import type { Kysely } from 'kysely';

/** The rows this migration writes, in the tables as they are at this point of the history. */
interface Tables {
  id_sequences: { name: string; value: number };
}

export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('comments')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // A keyed hash of the poster's address: enough to throttle, not enough to identify.
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    // The body folded (case, spacing, digits) and hashed, to catch the same comment posted again.
    .addColumn('body_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'integer')
    .execute();
  await db.schema.createIndex('comments_article_idx').on('comments').columns(['article_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('comments_status_idx').on('comments').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('comments_ip_idx').on('comments').columns(['ip_hash', 'created_at']).execute();
  await db.schema.createIndex('comments_key_idx').on('comments').columns(['article_id', 'body_key']).execute();

  // Views counted per article per hour; popular lists sum the hours of their window.
  await db.schema
    .createTable('view_counts')
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('hour', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('view_counts_pk', ['article_id', 'hour'])
    .execute();
  await db.schema.createIndex('view_counts_hour_idx').on('view_counts').columns(['hour', 'article_id']).execute();

  // Readers already counted in a 30-minute window; the primary key makes the dedupe exact across processes.
  await db.schema
    .createTable('view_seen')
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('reader', 'text', (c) => c.notNull())
    .addColumn('window', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('view_seen_pk', ['window', 'article_id', 'reader'])
    .execute();

  await db
    .insertInto('id_sequences')
    .values([{ name: 'comments', value: 0 }])
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  for (const table of ['view_seen', 'view_counts', 'comments']) await db.schema.dropTable(table).ifExists().execute();
}
