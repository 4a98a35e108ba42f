// Frozen: this migration imports nothing from src/ that can change. Add a new file to change the schema.
import type { Kysely } from 'kysely';

// The newsroom's article list (issue 16) pages newest change first with a (modified_at, id)
// cursor, filtered by one of status, section or owner: each filter gets an index that reads its
// articles in that order, so a page is an index range at 100,000 articles, never a sort of all of
// them. (Published articles are listed by publication: articles_status_pub_idx and
// articles_section_pub_idx already read them in that order.)
// A search of the headlines has no range to read: it reads the list's order with the headline
// beside each entry, so the match is made in the index (about 16 MB per 100,000 articles) and not
// in the article rows (their bodies make them a hundred times larger): in order of last change,
// and in order of publication among published articles ("yesterday's story"). Headlines are at
// most 300 characters, well within an index entry.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('articles_status_modified_idx').on('articles').columns(['status', 'modified_at', 'id']).execute();
  await db.schema.createIndex('articles_section_modified_idx').on('articles').columns(['section_id', 'modified_at', 'id']).execute();
  await db.schema.createIndex('articles_owner_modified_idx').on('articles').columns(['owner_id', 'modified_at', 'id']).execute();
  await db.schema.createIndex('articles_modified_headline_idx').on('articles').columns(['modified_at', 'id', 'headline']).execute();
  await db.schema.createIndex('articles_status_pub_headline_idx').on('articles').columns(['status', 'published_at', 'id', 'headline']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_status_pub_headline_idx').execute();
  await db.schema.dropIndex('articles_modified_headline_idx').execute();
  await db.schema.dropIndex('articles_owner_modified_idx').execute();
  await db.schema.dropIndex('articles_section_modified_idx').execute();
  await db.schema.dropIndex('articles_status_modified_idx').execute();
}
