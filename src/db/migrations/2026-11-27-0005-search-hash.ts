// Frozen: this migration imports nothing from src/ that can change. Add a new file to change the schema.
import { sql, SqliteAdapter, type Kysely } from 'kysely';

// SQLite: let FTS5 hold up to 64 MB of a transaction's new terms in memory (the default is 1 MB).
// When the pending terms outgrow the limit FTS5 writes them out as a segment mid-transaction, so
// a bulk reindex of 10,000 articles per transaction wrote dozens of small segments and spent its
// time merging them; with room for the whole transaction it writes one (measured: 123 → 67 µs an
// article). Small transactions (the live index) never come near either limit. The setting is
// stored in the table's own config, so every connection and process uses it.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 67108864)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 1048576)`.execute(db);
}
