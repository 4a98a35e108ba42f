import type { Database } from '../db/schema.ts';
import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { IndexDocument, IndexHit, IndexQuery, IndexRebuild, SearchIndex, SearchTables, TermAlternative } from './search-index.ts';

const TEXT_COLUMNS = '{head summary tags byline body}';
// A rowid is the published second × 2^20 plus a slot (the article id's low 20 bits, moved on a
// collision): rowid order is publication order, and a date range is a rowid range.
const SLOTS = 1 << 20;

// FTS5 merges a level's segments once `automerge` of them pile up (4 by default). While a
// rebuild writes 10,000 documents per transaction it waits for 16: the writing costs a quarter
// less (measured on 100,000 documents: 86 → 64 µs each) and queries on the result measured the
// same (docs/benchmarks.md). The live setting is restored at the swap, and live writes go on
// merging from there.
const DEFAULT_AUTOMERGE = 4n;
const BULK_AUTOMERGE = 16n;
const LIVE: Tables = { fts: 'search_fts', docs: 'search_docs' };
// A rebuild's tables until they replace the live ones.
const NEXT: Tables = { fts: 'search_fts_next', docs: 'search_docs_next' };

/** SQLite FTS5 over our analysed terms (see the 0003 migration for the tokenizer). */
export class SqliteSearchIndex implements SearchIndex {
  private statements: Statements | undefined;

  /** `native` is the better-sqlite3 handle under `db`: writes run as prepared statements on it. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly native: SQLite.Database,
  ) {}

  upsert(docs: readonly IndexDocument[]): Promise<void> {
    if (!docs.length) return Promise.resolve();
    return this.exclusive(() => this.native.transaction(upsertAll).immediate((this.statements ??= prepare(this.native, LIVE)), docs));
  }

  remove(articleIds: readonly number[]): Promise<void> {
    if (!articleIds.length) return Promise.resolve();
    return this.exclusive(() => {
      const s = (this.statements ??= prepare(this.native, LIVE));
      this.native.transaction(() => articleIds.forEach((id) => removeOne(s, id))).immediate();
    });
  }

  /**
   * Builds a new index in tables of its own (the live ones' definitions and settings, read from
   * the schema) while searches and live updates use the old one, then swaps it in with one
   * transaction. Into empty tables FTS5 writes at least twice as fast as when it replaces
   * entries, and the result holds no deleted entries (a replaced entry stays in FTS5's segments,
   * and in bm25's statistics, until a merge drops it).
   */
  async rebuild(): Promise<IndexRebuild> {
    let automerge = DEFAULT_AUTOMERGE;
    await this.exclusive(() =>
      this.native
        .transaction(() => {
          dropTables(this.native, NEXT);
          automerge = cloneTables(this.native, LIVE, NEXT).automerge ?? DEFAULT_AUTOMERGE;
          setting(this.native, NEXT.fts, 'automerge', BULK_AUTOMERGE);
        })
        .immediate(),
    );
    let statements: Statements | undefined;
    let open = true;
    const ensureOpen = () => {
      if (!open) throw new Error('This index rebuild has already been committed or abandoned');
    };
    return {
      upsert: (docs) =>
        this.exclusive(() => {
          ensureOpen();
          this.native.transaction(upsertAll).immediate((statements ??= prepare(this.native, NEXT)), docs);
        }),
      commit: () =>
        this.exclusive(() => {
          ensureOpen();
          open = false;
          this.native
            .transaction(() => {
              setting(this.native, NEXT.fts, 'automerge', automerge); // live updates merge as before
              dropTables(this.native, LIVE);
              this.native.exec(`ALTER TABLE ${NEXT.fts} RENAME TO ${LIVE.fts}; ALTER TABLE ${NEXT.docs} RENAME TO ${LIVE.docs}`);
            })
            .immediate();
        }),
      abandon: () =>
        this.exclusive(() => {
          if (!open) return;
          open = false;
          dropTables(this.native, NEXT);
        }),
    };
  }

  // Writes borrow Kysely's one connection: its SQLite driver lends it to one caller at a time, so
  // while the callback runs no Kysely transaction is open and the raw handle may run its own.
  // Each begins IMMEDIATE, as the dialect's do: a deferred one that reads first cannot take the
  // write lock once another process (a server's indexer beside `prokash import`) has written
  // since, and fails at once with SQLITE_BUSY whatever the busy timeout.
  // Prepared statements, one row each, cost a third of multi-row INSERTs built per batch
  // (measured on 1,000-article batches: 95 µs an article against 150).
  private exclusive(work: () => void): Promise<void> {
    return this.db.connection().execute(async () => work());
  }

  async search(query: IndexQuery): Promise<IndexHit[]> {
    const match = matchExpression(query);
    if (!match) return [];
    // Rowid bounds cover whole seconds; the exact bounds are applied to published_at below.
    const low = query.from ? Math.floor(Date.parse(query.from) / 1000) * SLOTS : Number.MIN_SAFE_INTEGER;
    const nowBound = (Math.floor(Date.parse(query.now) / 1000) + 1) * SLOTS;
    const toBound = query.to ? (Math.floor(Date.parse(query.to) / 1000) + 1) * SLOTS : nowBound;
    // The inner query walks the match list newest first and stops at the limit (no engine score is
    // computed: ranking reads the stored features). A LIMIT subquery is never flattened, so the order holds.
    const features = query.withFeatures === false ? sql`''` : sql`d.features`;
    const result = await sql<{ article_id: number; published_at: string; features: string }>`
      SELECT d.article_id, d.published_at, ${features} AS features FROM (
        SELECT rowid AS doc_id FROM search_fts
        WHERE search_fts MATCH ${match} AND rowid >= ${low} AND rowid < ${Math.min(nowBound, toBound)}
        ORDER BY rowid DESC LIMIT ${query.limit}
      ) f JOIN search_docs d ON d.doc_id = f.doc_id
      ORDER BY f.doc_id DESC`.execute(this.db);
    return result.rows
      .filter((r) => r.published_at <= query.now && (!query.from || r.published_at >= query.from) && (!query.to || r.published_at < query.to))
      .map((r) => ({ articleId: r.article_id, publishedAt: r.published_at, features: r.features }));
  }

  async features(articleIds: readonly number[]): Promise<Map<number, string>> {
    const rows = articleIds.length
      ? await this.db
          .withTables<SearchTables>()
          .selectFrom('search_docs')
          .select(['article_id', 'features'])
          .where('article_id', 'in', [...articleIds])
          .execute()
      : [];
    return new Map(rows.map((r) => [r.article_id, r.features]));
  }

  async clear(): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // 'delete-all' drops the whole index at once; DELETE FROM a contentless-delete table would
      // delete row by row and leave the segments with a tombstone for every document.
      await sql`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`.execute(trx);
      await sql`DELETE FROM search_docs`.execute(trx);
    });
  }
}

type Tables = { fts: string; docs: string };

interface Statements {
  docOf: SQLite.Statement<[number], { doc_id: number }>;
  docIdTaken: SQLite.Statement<[number]>;
  deleteDoc: SQLite.Statement<[number]>;
  deleteFts: SQLite.Statement<[number]>;
  insertDoc: SQLite.Statement<[number, number, number | null, string, string, string]>;
  insertFts: SQLite.Statement<[number, string, string, string, string, string, string]>;
}

function prepare(native: SQLite.Database, { fts, docs }: Tables): Statements {
  return {
    docOf: native.prepare(`SELECT doc_id FROM ${docs} WHERE article_id = ?`),
    docIdTaken: native.prepare(`SELECT 1 FROM ${docs} WHERE doc_id = ?`).pluck(),
    deleteDoc: native.prepare(`DELETE FROM ${docs} WHERE article_id = ?`),
    deleteFts: native.prepare(`DELETE FROM ${fts} WHERE rowid = ?`),
    insertDoc: native.prepare(`INSERT INTO ${docs} (article_id, doc_id, section_id, published_at, modified_at, features) VALUES (?, ?, ?, ?, ?, ?)`),
    insertFts: native.prepare(`INSERT INTO ${fts} (rowid, head, summary, tags, byline, body, facets) VALUES (?, ?, ?, ?, ?, ?, ?)`),
  };
}

function upsertAll(s: Statements, docs: readonly IndexDocument[]): void {
  for (const d of docs) {
    removeOne(s, d.articleId);
    const docId = freeDocId(s, d);
    s.insertDoc.run(d.articleId, docId, d.sectionId, d.publishedAt, d.modifiedAt, d.features);
    const f = d.fields;
    const facets = d.sectionId === null ? '' : `s${d.sectionId}`;
    s.insertFts.run(docId, f.head, f.summary, f.tags, f.byline, f.body, facets);
  }
}

function dropTables(native: SQLite.Database, { fts, docs }: Tables): void {
  native.exec(`DROP TABLE IF EXISTS ${fts}; DROP TABLE IF EXISTS ${docs}`);
}

// Creates `to` with the definitions of `from` as the migrations made them, and the FTS5 table's
// settings (hashsize) copied; returns the automerge setting, when one is set.
function cloneTables(native: SQLite.Database, from: Tables, to: Tables): { automerge?: bigint } {
  for (const key of ['fts', 'docs'] as const) {
    const row = native.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(from[key]) as { sql: string } | undefined;
    const name = new RegExp(`^(CREATE (?:VIRTUAL )?TABLE )"?${from[key]}"?(?=[\\s(])`);
    if (!row || !name.test(row.sql)) throw new Error(`Cannot read the definition of ${from[key]}`);
    native.exec(row.sql.replace(name, `$1${to[key]}`));
  }
  // Read as SQLite integers (BigInt): a JS number is bound as a real, which FTS5 refuses.
  const settings = native.prepare(`SELECT k, v FROM ${from.fts}_config WHERE k <> 'version'`).safeIntegers().all() as Array<{ k: string; v: unknown }>;
  for (const { k, v } of settings) setting(native, to.fts, k, v);
  const automerge = settings.find((s) => s.k === 'automerge')?.v;
  return typeof automerge === 'bigint' ? { automerge } : {};
}

function setting(native: SQLite.Database, fts: string, key: string, value: unknown): void {
  native.prepare(`INSERT INTO ${fts} (${fts}, rank) VALUES (?, ?)`).run(key, value);
}

function removeOne(s: Statements, articleId: number): void {
  const row = s.docOf.get(articleId);
  if (row === undefined) return;
  s.deleteFts.run(row.doc_id);
  s.deleteDoc.run(articleId);
}

// The rowid for a document: its preferred slot, or the next free one within the same second.
function freeDocId(s: Statements, d: IndexDocument): number {
  const second = Math.floor(Date.parse(d.publishedAt) / 1000) * SLOTS;
  let slot = d.articleId % SLOTS;
  while (s.docIdTaken.get(second + slot) !== undefined) slot = (slot + 1) % SLOTS;
  return second + slot;
}

/** The FTS5 MATCH string: words over the text columns, sections over the facet column. */
export function matchExpression(query: IndexQuery): string | undefined {
  const groups = query.groups.filter((g) => g.length).map((g) => `(${g.map(phrase).join(' OR ')})`);
  if (!groups.length) return undefined;
  const either = `(${groups.join(query.mode === 'all' ? ' AND ' : ' OR ')})`;
  // A quoted phrase: its terms next to each other in one column (FTS5's `"a" + "b"`).
  const phrases = (query.phrases ?? []).filter((p) => p.length > 1).map((p) => `(${p.map((term) => quoted(term)).join(' + ')})`);
  const columns = query.field === 'head' ? '{head}' : TEXT_COLUMNS;
  const words = `${columns} : ${phrases.length ? `(${either} AND ${phrases.join(' AND ')})` : either}`;
  if (!query.sectionIds) return words;
  if (!query.sectionIds.length) return undefined;
  return `${words} AND facets : (${query.sectionIds.map((id) => `"s${Math.trunc(id)}"`).join(' OR ')})`;
}

// Terms are letters, marks, digits, '.' and ',' (the analyzer's output), so quoting is enough;
// a stray double quote is doubled as FTS5 requires.
function phrase(alt: TermAlternative): string {
  return `${quoted(alt.term)}${alt.prefix ? ' *' : ''}`;
}

const quoted = (term: string) => `"${term.replaceAll('"', '""')}"`;
