import { sql, type Kysely } from 'kysely';
import type { IndexDocument, IndexHit, IndexQuery, SearchIndex, TermAlternative } from '../../search/search-index.ts';

// Per-column bm25 weights, in the column order of search_fts: head, summary, tags, byline, body,
// facets (the section tokens only filter, they never score).
const WEIGHTS = sql.raw('10.0, 4.0, 6.0, 3.0, 1.0, 0.0');
const TEXT_COLUMNS = '{head summary tags byline body}';
// A rowid is the published second × 2^20 plus a slot (the article id's low 20 bits, moved on a
// collision): rowid order is publication order, and a date range is a rowid range.
const SLOTS = 1 << 20;
const ROWS_PER_INSERT = 100; // 7 values each: well under SQLite's variable limit

type Row = { article_id: number; doc_id: number };

/** SQLite FTS5 over our analysed terms (see the 0003 migration for the tokenizer). */
export class SqliteSearchIndex implements SearchIndex {
  constructor(private readonly db: Kysely<any>) {}

  async upsert(docs: readonly IndexDocument[]): Promise<void> {
    if (!docs.length) return;
    await this.db.transaction().execute(async (trx) => {
      await removeIn(trx, docs.map((d) => d.articleId));
      const ids = await assignDocIds(trx, docs);
      for (let i = 0; i < docs.length; i += ROWS_PER_INSERT) {
        const chunk = docs.slice(i, i + ROWS_PER_INSERT);
        await trx
          .insertInto('search_docs')
          .values(chunk.map((d, j) => ({ article_id: d.articleId, doc_id: ids[i + j], section_id: d.sectionId, published_at: d.publishedAt, modified_at: d.modifiedAt })))
          .execute();
        const rows = chunk.map((d, j) => {
          const f = d.fields;
          const facets = d.sectionId === null ? '' : `s${d.sectionId}`;
          return sql`(${ids[i + j]}, ${f.head.join(' ')}, ${f.summary.join(' ')}, ${f.tags.join(' ')}, ${f.byline.join(' ')}, ${f.body.join(' ')}, ${facets})`;
        });
        await sql`INSERT INTO search_fts (rowid, head, summary, tags, byline, body, facets) VALUES ${sql.join(rows)}`.execute(trx);
      }
    });
  }

  async remove(articleIds: readonly number[]): Promise<void> {
    if (!articleIds.length) return;
    await this.db.transaction().execute((trx) => removeIn(trx, articleIds));
  }

  async search(query: IndexQuery): Promise<IndexHit[]> {
    const match = matchExpression(query);
    if (!match) return [];
    // Rowid bounds cover whole seconds; the exact bounds are applied to published_at below.
    const low = query.from ? Math.floor(Date.parse(query.from) / 1000) * SLOTS : Number.MIN_SAFE_INTEGER;
    const nowBound = (Math.floor(Date.parse(query.now) / 1000) + 1) * SLOTS;
    const toBound = query.to ? (Math.floor(Date.parse(query.to) / 1000) + 1) * SLOTS : nowBound;
    // The inner query walks the match list newest first and stops at the limit; bm25 is computed
    // only for the rows it returns. A LIMIT subquery is never flattened, so the order holds.
    const result = await sql<{ article_id: number; published_at: string; score: number }>`
      SELECT d.article_id, d.published_at, f.score FROM (
        SELECT rowid AS doc_id, bm25(search_fts, ${WEIGHTS}) AS score FROM search_fts
        WHERE search_fts MATCH ${match} AND rowid >= ${low} AND rowid < ${Math.min(nowBound, toBound)}
        ORDER BY rowid DESC LIMIT ${query.limit}
      ) f JOIN search_docs d ON d.doc_id = f.doc_id
      ORDER BY f.doc_id DESC`.execute(this.db);
    return result.rows
      .filter((r) => r.published_at <= query.now && (!query.from || r.published_at >= query.from) && (!query.to || r.published_at < query.to))
      .map((r) => ({ articleId: r.article_id, publishedAt: r.published_at, relevance: -r.score }));
  }

  async clear(): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await sql`DELETE FROM search_fts`.execute(trx);
      await trx.deleteFrom('search_docs').execute();
    });
  }
}

async function removeIn(trx: Kysely<any>, articleIds: readonly number[]): Promise<void> {
  for (let i = 0; i < articleIds.length; i += 500) {
    const ids = articleIds.slice(i, i + 500);
    const rows: Row[] = await trx.selectFrom('search_docs').select(['article_id', 'doc_id']).where('article_id', 'in', ids).execute();
    if (!rows.length) continue;
    await sql`DELETE FROM search_fts WHERE rowid IN (${sql.join(rows.map((r) => r.doc_id))})`.execute(trx);
    await trx.deleteFrom('search_docs').where('article_id', 'in', rows.map((r) => r.article_id)).execute();
  }
}

// Rowids for the documents: the preferred slot, or the next free one within the same second.
async function assignDocIds(trx: Kysely<any>, docs: readonly IndexDocument[]): Promise<number[]> {
  const ids = docs.map((d) => Math.floor(Date.parse(d.publishedAt) / 1000) * SLOTS + (d.articleId % SLOTS));
  for (;;) {
    const taken = new Set<number>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows: Array<{ doc_id: number }> = await trx.selectFrom('search_docs').select('doc_id').where('doc_id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) taken.add(r.doc_id);
    }
    const seen = new Set<number>();
    let moved = false;
    ids.forEach((id, i) => {
      if (!taken.has(id) && !seen.has(id)) return void seen.add(id);
      const second = Math.floor(id / SLOTS) * SLOTS;
      ids[i] = second + ((id - second + 1) % SLOTS);
      moved = true;
    });
    if (!moved) return ids;
  }
}

/** The FTS5 MATCH string: words over the text columns, sections over the facet column. */
export function matchExpression(query: IndexQuery): string | undefined {
  const groups = query.groups.filter((g) => g.length).map((g) => `(${g.map(phrase).join(' OR ')})`);
  if (!groups.length) return undefined;
  const words = `${TEXT_COLUMNS} : (${groups.join(query.mode === 'all' ? ' AND ' : ' OR ')})`;
  if (!query.sectionIds) return words;
  if (!query.sectionIds.length) return undefined;
  return `${words} AND facets : (${query.sectionIds.map((id) => `"s${Math.trunc(id)}"`).join(' OR ')})`;
}

// Terms are letters, marks, digits, '.' and ',' (the analyzer's output), so quoting is enough;
// a stray double quote is doubled as FTS5 requires.
function phrase(alt: TermAlternative): string {
  return `"${alt.term.replaceAll('"', '""')}"${alt.prefix ? ' *' : ''}`;
}
