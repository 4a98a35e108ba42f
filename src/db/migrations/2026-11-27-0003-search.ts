// Frozen: this migration imports nothing from src/ that can change. Add a new file to change the schema.
import { sql, SqliteAdapter, type Kysely } from 'kysely';

// The search index. Both dialects keep `search_docs` (one row per indexed article, with the
// article's modified_at at indexing time, so a catch-up can find what is missing or stale).
// The terms are analysed by our own code (src/bangla/analyzer) and handed over finished:
// - SQLite: an FTS5 table whose tokenizer splits on ASCII spaces and punctuation only, so a
//   Bengali term with vowel signs stays one token (unicode61 would cut it at every mark).
//   Contentless: the text lives in `articles`; snippets are built from there.
// - PostgreSQL: a tsvector literal built from our terms (never the text-search parser), GIN-indexed.
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  let table = db.schema
    .createTable('search_docs')
    .addColumn('article_id', 'integer', (c) => c.primaryKey())
    .addColumn('section_id', 'integer')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull());
  if (sqlite) {
    // The FTS rowid: published second × 2^20 + a slot, so rowid order is publication order and a
    // date range is a rowid range.
    table = table.addColumn('doc_id', 'integer', (c) => c.notNull().unique());
  } else {
    table = table.addColumn('document', sql`tsvector`, (c) => c.notNull());
  }
  await table.execute();
  if (sqlite) {
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
      head, summary, tags, byline, body, facets,
      content = '', contentless_delete = 1,
      tokenize = "ascii tokenchars '.,'"
    )`.execute(db);
  } else {
    await sql`CREATE INDEX search_docs_document_idx ON search_docs USING gin (document)`.execute(db);
    await db.schema.createIndex('search_docs_published_idx').on('search_docs').columns(['published_at', 'article_id']).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
  await db.schema.dropTable('search_docs').ifExists().execute();
}
