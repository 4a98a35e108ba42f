// Frozen: this migration imports nothing from src/ that can change. Add a new file to change the schema.
import type { Kysely } from 'kysely';

// Old links keep working (issue 17). `redirects` maps an old path, in its normal form (see
// lib/old-path.ts as it was when this was written: decoded, NFC, ASCII lower case, no trailing
// slash), to the article it now is; readers get a 301 to the article's canonical URL, served from
// memory. `redirect_misses` counts 404s on paths that look like old links, a bounded table (the
// application keeps the most asked-for paths only) an editor turns into redirects.
// `import_keys` names each imported article by where it came from (`wordpress:{site}:{post id}`),
// so running the same import again updates the same article instead of adding another.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('redirects')
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('redirects_article_idx').on('redirects').columns(['article_id']).execute();
  await db.schema
    .createTable('redirect_misses')
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('redirect_misses_hits_idx').on('redirect_misses').columns(['hits', 'path']).execute();
  await db.schema
    .createTable('import_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['import_keys', 'redirect_misses', 'redirects']) await db.schema.dropTable(table).ifExists().execute();
}
