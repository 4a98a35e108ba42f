// The baseline: what a developer would build first. SQLite FTS5 with its stock `unicode61`
// tokenizer over the raw text (head: kicker, headline and subheadline; body: summary and body),
// the query's words ANDed (each quoted, so punctuation cannot break the syntax; quoted phrases
// kept as phrases), ordered by bm25. No analysis, no Latin readings, no recency.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { documentFromBodyInput, documentToPlainText } from '../../src/content/document/index.ts';

const TABLE = 'relevance_baseline';

/** Builds the baseline's table from the articles in `db` (SQLite). */
export async function buildBaseline(db: Kysely<Database>): Promise<void> {
  await sql`DROP TABLE IF EXISTS ${sql.table(TABLE)}`.execute(db);
  await sql`CREATE VIRTUAL TABLE ${sql.table(TABLE)} USING fts5(head, body, tokenize = 'unicode61')`.execute(db);
  for (let after = 0; ;) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'kicker', 'headline', 'subheadline', 'summary', 'body'])
      .where('id', '>', after)
      .where('status', '=', 'published')
      .orderBy('id')
      .limit(500)
      .execute();
    if (!rows.length) return;
    await db.transaction().execute(async (trx) => {
      for (const r of rows) {
        const head = [r.kicker, r.headline, r.subheadline].filter(Boolean).join(' ');
        const body = `${r.summary}\n\n${documentToPlainText(documentFromBodyInput(r.body))}`;
        await sql`INSERT INTO ${sql.table(TABLE)} (rowid, head, body) VALUES (${r.id}, ${head}, ${body})`.execute(trx);
      }
    });
    after = rows.at(-1)!.id;
  }
}

/** The FTS5 query for what the reader typed: each word or quoted phrase a quoted string, ANDed. */
export function baselineMatch(q: string): string {
  const parts: string[] = [];
  const rest = q.replace(/["“”]([^"“”]+)["“”]/g, (_m, phrase: string) => {
    parts.push(phrase);
    return ' ';
  });
  parts.push(...rest.split(/\s+/));
  return parts
    .map((p) => p.replace(/["“”]/g, '').trim())
    .filter((p) => /[\p{L}\p{N}]/u.test(p))
    .map((p) => `"${p}"`)
    .join(' ');
}

/** The baseline's top `limit` article ids for a query, best first. */
export async function baselineSearch(db: Kysely<Database>, q: string, limit = 10): Promise<number[]> {
  const match = baselineMatch(q);
  if (!match) return [];
  try {
    const { rows } = await sql<{
      id: number;
    }>`SELECT rowid AS id FROM ${sql.table(TABLE)} WHERE ${sql.table(TABLE)} MATCH ${match} ORDER BY bm25(${sql.table(TABLE)}), rowid DESC LIMIT ${limit}`.execute(
      db,
    );
    return rows.map((r) => r.id);
  } catch {
    return []; // a query FTS5 cannot read finds nothing, as a naive search box would show
  }
}
