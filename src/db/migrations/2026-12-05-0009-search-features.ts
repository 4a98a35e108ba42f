// Frozen: this migration imports nothing from src/ that can change. Add a new file to change the schema.
import { sql, type Kysely } from 'kysely';

// Search ranks on features stored with each index entry (the headline, tags, summary, byline and
// the body's lead as analysed words, with the surface form of every word the stemmer changed),
// the same on both dialects, instead of the engines' own scores; the entries also gain surface
// forms. Entries written before have neither: marking them stale (an empty modified_at never
// equals an article's) makes the start-up catch-up analyse them again, while they keep matching
// by their stems until it has.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('search_docs')
    .addColumn('features', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`UPDATE search_docs SET modified_at = ''`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('search_docs').dropColumn('features').execute();
}
