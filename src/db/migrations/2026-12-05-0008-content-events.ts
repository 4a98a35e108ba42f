// Frozen: this migration imports nothing from src/ that can change. Add a new file to change the schema.
import { sql, type Kysely } from 'kysely';

/** The rows this migration writes, in the tables as they are at this point of the history. */
interface Tables {
  id_sequences: { name: string; value: number };
}

// The write path's outbox and what serving at scale needs from the schema:
// - content_events: every write appends typed events in its own transaction (ids from
//   id_sequences, so on both dialects an id becomes visible only after every smaller one);
//   site_events, its untyped predecessor read by polling, goes.
// - event_cursors: how far a shared subscriber (the search index) has applied the log.
// - leases: which process runs the once-per-site jobs (scheduled publishing, popular lists).
// - popular_lists: the জনপ্রিয় lists as the lease holder last computed them, for every process.
// - articles(image_id): an image's caption edit finds the articles that show it.
// - article_tags / article_people.published_at: the article's published_at while it is
//   published, null otherwise, so a tag or author page reads the newest public articles of one
//   tag or person from an index, in order, and stops at the page's end instead of sorting every
//   article the tag or person ever had.
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('content_events')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_events_at_idx').on('content_events').columns(['at', 'id']).execute();

  await db.schema
    .createTable('event_cursors')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('popular_lists')
    .addColumn('window', 'text', (c) => c.primaryKey())
    .addColumn('ids', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();

  for (const table of ['article_tags', 'article_people'] as const) {
    await db.schema.alterTable(table).addColumn('published_at', 'text').execute();
    await sql`UPDATE ${sql.table(table)} SET published_at = (
      SELECT CASE WHEN a.status = 'published' THEN a.published_at END FROM articles a WHERE a.id = ${sql.ref(`${table}.article_id`)}
    )`.execute(db);
  }
  await db.schema.createIndex('article_tags_listing_idx').on('article_tags').columns(['tag_id', 'published_at', 'article_id']).execute();
  await db.schema.createIndex('article_people_listing_idx').on('article_people').columns(['person_id', 'published_at', 'article_id']).execute();

  // An image's caption edit names the articles that show it.
  await db.schema.createIndex('articles_image_idx').on('articles').columns(['image_id']).execute();

  await db.schema.dropTable('site_events').ifExists().execute();
  await db.deleteFrom('id_sequences').where('name', '=', 'site_events').execute();
  await db.insertInto('id_sequences').values({ name: 'content_events', value: 0 }).execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropIndex('articles_image_idx').ifExists().execute();
  await db.schema.dropIndex('article_people_listing_idx').ifExists().execute();
  await db.schema.dropIndex('article_tags_listing_idx').ifExists().execute();
  for (const table of ['article_tags', 'article_people']) await db.schema.alterTable(table).dropColumn('published_at').execute();
  for (const table of ['popular_lists', 'leases', 'event_cursors', 'content_events']) await db.schema.dropTable(table).ifExists().execute();
  await db.schema
    .createTable('site_events')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .execute();
  await db.deleteFrom('id_sequences').where('name', '=', 'content_events').execute();
  await db.insertInto('id_sequences').values({ name: 'site_events', value: 0 }).execute();
}
