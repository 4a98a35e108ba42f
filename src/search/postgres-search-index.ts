import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { IndexDocument, IndexHit, IndexQuery, IndexedFields, SearchIndex, TermAlternative } from './search-index.ts';

const FIELD_WEIGHTS: ReadonlyArray<readonly [keyof IndexedFields, 'A' | 'B' | 'C' | 'D']> = [
  ['head', 'A'],
  ['tags', 'B'],
  ['summary', 'C'],
  ['byline', 'C'],
  ['body', 'D'],
];
// Weights mark the fields (A: kicker/headline, B: tags, C: summary and byline, D: body), so a query
// can be restricted to the headline; ranking reads the stored features, not ts_rank.
// PostgreSQL keeps positions 1–16383 and at most 256 of them per lexeme.
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;
const ROWS_PER_INSERT = 100;

/** The index's own table (see the 0003 migration); the content tables are not read here. */
type SearchTables = {
  search_docs: { article_id: number; section_id: number | null; published_at: string; modified_at: string; features: string; document: string };
};

/** PostgreSQL: a weighted tsvector built from our terms, GIN-indexed. */
export class PostgresSearchIndex implements SearchIndex {
  private readonly db: Kysely<SearchTables>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<SearchTables>();
  }

  async upsert(docs: readonly IndexDocument[]): Promise<void> {
    if (!docs.length) return;
    // One row per article id in the statement, the last version winning (ON CONFLICT needs it).
    const unique = [...new Map(docs.map((d) => [d.articleId, d])).values()];
    for (let i = 0; i < unique.length; i += ROWS_PER_INSERT) {
      const chunk = unique.slice(i, i + ROWS_PER_INSERT);
      await this.db
        .insertInto('search_docs')
        .values(
          chunk.map((d) => ({
            article_id: d.articleId,
            section_id: d.sectionId,
            published_at: d.publishedAt,
            modified_at: d.modifiedAt,
            features: d.features,
            document: sql`${tsvectorLiteral(d.fields)}::tsvector`,
          })),
        )
        .onConflict((oc) =>
          oc.column('article_id').doUpdateSet((eb) => ({
            section_id: eb.ref('excluded.section_id'),
            published_at: eb.ref('excluded.published_at'),
            modified_at: eb.ref('excluded.modified_at'),
            features: eb.ref('excluded.features'),
            document: eb.ref('excluded.document'),
          })),
        )
        .execute();
    }
  }

  async remove(articleIds: readonly number[]): Promise<void> {
    for (let i = 0; i < articleIds.length; i += 1000) {
      await this.db
        .deleteFrom('search_docs')
        .where('article_id', 'in', articleIds.slice(i, i + 1000))
        .execute();
    }
  }

  async search(query: IndexQuery): Promise<IndexHit[]> {
    const tsquery = tsqueryLiteral(query);
    if (!tsquery || (query.sectionIds && !query.sectionIds.length)) return [];
    let q = this.db
      .selectFrom('search_docs')
      .select(['article_id', 'published_at', query.withFeatures === false ? sql<string>`''`.as('features') : 'features'])
      .where(sql<boolean>`document @@ ${tsquery}::tsquery`)
      .where('published_at', '<=', query.now);
    if (query.from) q = q.where('published_at', '>=', query.from);
    if (query.to) q = q.where('published_at', '<', query.to);
    if (query.sectionIds) q = q.where('section_id', 'in', [...query.sectionIds]);
    const rows = await q.orderBy('published_at', 'desc').orderBy('article_id', 'desc').limit(query.limit).execute();
    return rows.map((r) => ({
      articleId: r.article_id,
      publishedAt: r.published_at,
      features: r.features,
    }));
  }

  async features(articleIds: readonly number[]): Promise<Map<number, string>> {
    const rows = articleIds.length
      ? await this.db
          .selectFrom('search_docs')
          .select(['article_id', 'features'])
          .where('article_id', 'in', [...articleIds])
          .execute()
      : [];
    return new Map(rows.map((r) => [r.article_id, r.features]));
  }

  async clear(): Promise<void> {
    await this.db.deleteFrom('search_docs').execute();
  }
}

/** The tsvector input literal for our terms: `'term':1A,7A 'other':3D`, no parser involved. */
export function tsvectorLiteral(fields: IndexedFields): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const [field, weight] of FIELD_WEIGHTS) {
    for (const term of fields[field].split(' ')) {
      if (term === '') continue;
      position = Math.min(position + 1, MAX_POSITION);
      const list = positions.get(term) ?? [];
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${position}${weight}`);
      positions.set(term, list);
    }
    position = Math.min(position + 1, MAX_POSITION); // a gap: fields are not one phrase
  }
  return [...positions].map(([term, list]) => `${quote(term)}:${list.join(',')}`).join(' ');
}

/** The tsquery input literal: `('a' | 'b':*) & 'c'`; undefined when there is nothing to match. */
export function tsqueryLiteral(query: Pick<IndexQuery, 'groups' | 'mode' | 'phrases' | 'field'>): string | undefined {
  // The headline field is weight A: a lexeme restricted to it is written 'term':A ('term':*A as a prefix).
  const only = query.field === 'head' ? 'A' : '';
  const lexeme = (alt: TermAlternative) => `${quote(alt.term)}${alt.prefix || only ? `:${alt.prefix ? '*' : ''}${only}` : ''}`;
  const groups = query.groups.filter((g) => g.length).map((g) => `(${g.map(lexeme).join(' | ')})`);
  if (!groups.length) return undefined;
  const either = `(${groups.join(query.mode === 'all' ? ' & ' : ' | ')})`;
  // A quoted phrase: its lexemes at consecutive positions (fields are apart by a gap in the vector).
  const phrases = (query.phrases ?? []).filter((p) => p.length > 1).map((p) => `(${p.map((term) => `${quote(term)}${only ? `:${only}` : ''}`).join(' <-> ')})`);
  return phrases.length ? `${either} & ${phrases.join(' & ')}` : either;
}

// Inside a quoted lexeme a quote is doubled and a backslash escaped.
const quote = (term: string) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
