import { availableParallelism } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Analyzer } from '../bangla/analyzer/analyzer.ts';
import type { SearchIndex, SearchTables } from './search-index.ts';
import { indexDocuments } from './article-terms.ts';
import type { IndexDocument } from './search-index.ts';
import { articleIdsWithPeople, batchEnd, publishedArticlesAfter, siteWords, sourceArticlesByIds, type SourceArticle } from './search-source.ts';
import { AnalysisThread, type AnalysedBatch } from './analysis-thread.ts';

export interface SearchIndexerOptions {
  db: Kysely<Database>;
  index: SearchIndex;
  analyzer: Analyzer;
  /**
   * A URL of this database that another connection can open (DATABASE_URL's form): a bulk
   * reindex's worker threads open it to read the articles themselves, on either dialect. Without
   * it (an in-memory SQLite database) this thread reads and one worker analyses.
   */
  readerUrl?: string;
  log?: (error: unknown) => void;
}

/** Indexing one batch behind a writer (`SearchIndexer.behind`). */
export interface IndexBehind {
  /**
   * Indexes these articles (with `staleOnly`, those whose entry is missing or stale) in the
   * background, once the batch before is stored; throws if that batch failed.
   */
  add(ids: readonly number[], options?: { staleOnly?: boolean }): Promise<void>;
  /** Waits for the last batch, ends the worker, and tells what was done. */
  finish(): Promise<IndexReport>;
}

/** Counts of one indexing run. */
export interface IndexReport {
  indexed: number;
  removed: number;
}

export interface ReindexOptions {
  /** Start after this article id (a stopped in-place run's `lastId`); entries are replaced in place. */
  afterId?: number;
  /** Articles read and analysed at a time (default 500). */
  batchSize?: number;
  /** Documents written per transaction (default 10,000). */
  commitEvery?: number;
  /** Analyse on this thread instead of worker threads. */
  inThread?: boolean;
  /** Reading workers on SQLite (default: the machine's cores, 1 to 4). */
  workers?: number;
  /** Replace entries in the live index even for a full run (no rebuild beside it). */
  inPlace?: boolean;
  onProgress?: (p: ReindexProgress) => void;
  /** Asked between batches: true stops the run after writing the transaction being gathered. */
  shouldStop?: () => boolean;
}

export interface ReindexResult extends ReindexProgress {
  /** Stopped before the end (a stopped rebuild leaves the live index as it was). */
  stopped: boolean;
  /** A new index replaced the old one. */
  rebuilt: boolean;
}

export interface ReindexProgress extends IndexReport {
  /** Published articles when the run began. */
  total: number;
  /** The last article id done: a re-run may start after it. */
  lastId: number;
}

const BATCH = 500;
const COMMIT_EVERY = 10_000;
// Workers that read and analyse beside the writing thread: two keep it busy on two cores.
const READING_WORKERS = Math.max(1, Math.min(4, availableParallelism()));
// Rows read per query by the catch-up's scans: a few milliseconds each.
const SCAN_CHUNK = 2000;

/**
 * Keeps the index in step with the articles. It is a shared subscriber of the content events
 * (src/subscribers.ts): the process holding the site's lease applies them, and its position is
 * kept in event_cursors, so a change is indexed once for the whole site and none is lost when
 * that process stops. Indexing reads each article afresh, so replaying an event does no harm.
 */
export class SearchIndexer {
  private readonly db: Kysely<Database & SearchTables>;

  constructor(private readonly options: SearchIndexerOptions) {
    this.db = options.db.withTables<SearchTables>();
  }

  /**
   * Re-indexes what events name: changed articles; imported ones only when their entry is missing
   * or stale (`prokash import` indexes what it wrote); and every article naming these people in
   * its byline (renamed: their entries are stale though the articles did not change).
   */
  async indexChanges(changes: { articleIds: readonly number[]; importedIds?: readonly number[]; personIds?: readonly number[] }): Promise<IndexReport> {
    const ids = new Set(changes.articleIds);
    for (const id of await this.staleIds((changes.importedIds ?? []).filter((id) => !ids.has(id)))) ids.add(id);
    for (const id of await articleIdsWithPeople(this.options.db, changes.personIds ?? [])) ids.add(id);
    return this.indexIds([...ids]);
  }

  /** Of these articles, those whose entry does not match their state (deleted ones included). */
  private async staleIds(ids: readonly number[]): Promise<number[]> {
    const stale: number[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = [...new Set(ids.slice(i, i + BATCH))];
      const rows = await this.db
        .selectFrom('articles')
        .leftJoin('search_docs', 'search_docs.article_id', 'articles.id')
        .select(['articles.id', 'articles.status', 'articles.modified_at', 'search_docs.modified_at as indexed_at'])
        .where('articles.id', 'in', chunk)
        .execute();
      const found = new Set(rows.map((r) => r.id));
      stale.push(...chunk.filter((id) => !found.has(id)), ...rows.filter(isStale).map((r) => r.id));
    }
    return stale;
  }

  /**
   * Indexes the batches a writer commits one behind it (`prokash import`): each batch is read,
   * analysed and written to the index by a worker thread, through a connection of its own, while
   * the writer writes the next. `add` first waits for the batch before, so one batch at most is
   * in flight and memory stays bounded; `finish` waits for the last one. Without a URL another
   * connection can open (an in-memory database), each batch is indexed at once on this thread.
   */
  async behind(): Promise<IndexBehind> {
    const url = this.options.readerUrl;
    const report: IndexReport = { indexed: 0, removed: 0 };
    // The worker knows the site's words as this process's analyzer does (read before any write).
    const thread = url ? AnalysisThread.start({ words: await siteWords(this.options.db), source: { url } }) : undefined;
    let pending: Promise<void> = Promise.resolve();
    return {
      add: async (ids, options = {}) => {
        await pending;
        const chosen = options.staleOnly ? await this.staleIds(ids) : ids;
        if (!chosen.length) return;
        if (!thread) {
          add(report, await this.indexIds(chosen));
          return;
        }
        pending = (async () => {
          for (let i = 0; i < chosen.length; i += BATCH) add(report, await thread.index(chosen.slice(i, i + BATCH)));
        })();
        pending.catch(() => undefined); // awaited by the next add or by finish
      },
      finish: async () => {
        try {
          await pending;
          return report;
        } finally {
          await thread?.close();
        }
      },
    };
  }

  /** Re-analyses these articles: indexed if public, removed otherwise. */
  async indexIds(ids: readonly number[]): Promise<IndexReport> {
    const report: IndexReport = { indexed: 0, removed: 0 };
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      add(report, await this.store(this.analyze(await sourceArticlesByIds(this.options.db, chunk)), chunk));
    }
    return report;
  }

  /**
   * Indexes published articles that are missing or stale and removes entries of articles that
   * are gone or no longer public. Articles, then index entries, are scanned in id order a chunk
   * at a time, so no single query reads the whole table and other work runs between chunks.
   * Stops once about `changes` articles were changed or `scanned` rows read, and says whether
   * more remain (a later call starts over; what is already current costs only the scan).
   */
  async catchUp(limits: { changes?: number; scanned?: number } = {}): Promise<IndexReport & { more: boolean }> {
    const report: IndexReport = { indexed: 0, removed: 0 };
    let scanned = 0;
    const spent = () => report.indexed + report.removed >= (limits.changes ?? Infinity) || scanned >= (limits.scanned ?? Infinity);
    for (let after = 0; ;) {
      if (spent()) return { ...report, more: true };
      // By primary key, the status checked on the rows: with it in the query SQLite would pick
      // the status index and sort all published articles for every chunk.
      const rows = await this.db
        .selectFrom('articles')
        .leftJoin('search_docs', 'search_docs.article_id', 'articles.id')
        .select(['articles.id', 'articles.status', 'articles.modified_at', 'search_docs.modified_at as indexed_at'])
        .where('articles.id', '>', after)
        .orderBy('articles.id')
        .limit(SCAN_CHUNK)
        .execute();
      if (!rows.length) break;
      scanned += rows.length;
      const changed = rows.filter(isStale).map((r) => r.id);
      add(report, await this.indexIds(changed));
      after = rows.at(-1)!.id;
    }
    for (let after = 0; ;) {
      if (spent()) return { ...report, more: true };
      const chunk = await this.removeOrphans(after);
      if (chunk.lastId === undefined) return { ...report, more: false };
      scanned += chunk.scanned;
      report.removed += chunk.removed;
      after = chunk.lastId;
    }
  }

  /**
   * Re-analyses every published article in id order (keyset batches).
   *
   * A full run (no `afterId`) builds a new index beside the live one where the engine supports
   * that (SQLite), swaps it in at the end and then catches up with changes made meanwhile;
   * stopped, it leaves the live index as it was. Otherwise entries are replaced in place, and
   * entries of articles no longer public are dropped at the end.
   *
   * Analysis runs in worker threads (unless `inThread`) while this thread writes: on SQLite each
   * worker reads its own batches too, through its own connection. The workers' analyzer knows
   * the site's words as they are when the run starts. Documents are written
   * `commitEvery` at a time, one transaction each: FTS5 turns each transaction's terms into a new
   * segment and merges segments as they pile up, so fewer, larger transactions do less merging
   * (measured: 10,000 per transaction writes in half the time of 1,000). Progress moves by whole
   * transactions.
   */
  async reindexAll(options: ReindexOptions = {}): Promise<ReindexResult> {
    const total = Number(
      (
        await this.db
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', '=', 'published')
          .executeTakeFirst()
      )?.n ?? 0,
    );
    const start = options.afterId ?? 0;
    const progress: ReindexProgress = { indexed: 0, removed: 0, total, lastId: start };
    const batchSize = options.batchSize ?? BATCH;
    const commitEvery = Math.max(options.commitEvery ?? COMMIT_EVERY, 1);
    const rebuild = start || options.inPlace ? undefined : await this.options.index.rebuild?.();
    const url = this.options.readerUrl;
    const words = options.inThread ? [] : await siteWords(this.options.db);
    // Reading workers where they can open the file (each reads and analyses its own batches),
    // else one worker that analyses what this thread reads.
    const workers = options.inThread ? 0 : url ? Math.max(1, options.workers ?? READING_WORKERS) : 1;
    const threads = Array.from({ length: workers }, () => AnalysisThread.start({ words, source: url ? { url } : undefined }));
    let stopped = false;
    try {
      let chunk = { docs: [] as IndexDocument[], readIds: [] as number[], lastId: start };
      const commit = async () => {
        if (chunk.lastId === progress.lastId) return;
        if (rebuild) {
          await rebuild.upsert(chunk.docs);
          progress.indexed += chunk.docs.length;
        } else add(progress, await this.store(chunk.docs, chunk.readIds));
        progress.lastId = chunk.lastId;
        chunk = { docs: [], readIds: [], lastId: progress.lastId };
        options.onProgress?.(progress);
      };
      // Read ahead by a whole transaction and more, so the workers never wait while this thread writes.
      for await (const batch of this.analysedBatches(start, batchSize, Math.ceil(commitEvery / batchSize) + 2 * workers, threads)) {
        chunk.docs.push(...batch.docs);
        chunk.readIds.push(...batch.readIds);
        chunk.lastId = batch.lastId;
        if (chunk.docs.length >= commitEvery) await commit();
        if (options.shouldStop?.() === true) {
          stopped = true;
          break;
        }
      }
      if (!(stopped && rebuild)) await commit();
      if (rebuild && !stopped) await rebuild.commit();
    } finally {
      await Promise.all(threads.map((t) => t.close()));
      await rebuild?.abandon(); // nothing to do once committed
    }
    if (stopped) return rebuild ? { indexed: 0, removed: 0, total, lastId: start, stopped, rebuilt: false } : { ...progress, stopped, rebuilt: false };
    if (rebuild) {
      // Articles changed, published or withdrawn while the run read (other processes).
      const caughtUp = await this.catchUp();
      add(progress, caughtUp);
    } else progress.removed += await this.removeAllOrphans();
    return { ...progress, stopped, rebuilt: rebuild !== undefined };
  }

  /**
   * Analysed batches in id order after `afterId`, `ahead` batches asked for in advance. Workers
   * that read take batches in turn, each an id range this thread measures out from the
   * ids alone; otherwise this thread reads and the worker (or this thread) analyses.
   */
  private async *analysedBatches(afterId: number, size: number, ahead: number, threads: AnalysisThread[]): AsyncGenerator<AnalysedBatch> {
    const inFlight: Array<{ batch: Promise<AnalysedBatch> }> = [];
    const reading = threads.length > 0 && this.options.readerUrl !== undefined;
    let read = afterId;
    let turn = 0;
    // The next batch asked for, or undefined when no article comes after the last one.
    const ask = async (): Promise<{ batch: Promise<AnalysedBatch> } | undefined> => {
      const from = read;
      if (reading) {
        const upTo = await batchEnd(this.options.db, from, size);
        if (upTo === undefined) return undefined;
        read = upTo;
        return { batch: threads[turn++ % threads.length]!.read(from, upTo) };
      }
      const { articles, lastId } = await publishedArticlesAfter(this.options.db, from, size);
      if (lastId === undefined) return undefined;
      read = lastId;
      const docs = threads.length ? threads[0]!.analyze(articles) : Promise.resolve(this.analyze(articles));
      return { batch: docs.then((d) => ({ docs: d, readIds: articles.map((a) => a.id), lastId })) };
    };
    for (let ended = false; ;) {
      while (!ended && inFlight.length < ahead) {
        const asked = await ask();
        if (asked === undefined) ended = true;
        else {
          asked.batch.catch(() => undefined); // awaited in order below; a failure meanwhile must not go unhandled
          inFlight.push(asked);
        }
      }
      const next = inFlight.shift();
      if (next === undefined) return;
      yield await next.batch;
    }
  }

  private analyze(articles: SourceArticle[]): IndexDocument[] {
    return indexDocuments(this.options.analyzer, articles);
  }

  // Writes the documents and removes the entries of the other articles read or asked for.
  private async store(docs: IndexDocument[], readIds: readonly number[]): Promise<IndexReport> {
    const publicIds = new Set(docs.map((d) => d.articleId));
    const gone = [...new Set(readIds)].filter((id) => !publicIds.has(id));
    await this.options.index.upsert(docs);
    await this.options.index.remove(gone);
    return { indexed: docs.length, removed: gone.length };
  }

  // Entries whose article was deleted or is no longer public (missed events, older processes),
  // among the next chunk of entries after `after`.
  private async removeOrphans(after: number): Promise<{ removed: number; scanned: number; lastId: number | undefined }> {
    const rows = await this.db
      .selectFrom('search_docs')
      .leftJoin('articles', 'articles.id', 'search_docs.article_id')
      .select(['search_docs.article_id', 'articles.status'])
      .where('search_docs.article_id', '>', after)
      .orderBy('search_docs.article_id')
      .limit(SCAN_CHUNK)
      .execute();
    const gone = rows.filter((r) => r.status !== 'published').map((r) => r.article_id);
    await this.options.index.remove(gone);
    return { removed: gone.length, scanned: rows.length, lastId: rows.at(-1)?.article_id };
  }

  private async removeAllOrphans(): Promise<number> {
    let removed = 0;
    for (let after: number | undefined = 0; after !== undefined;) {
      const chunk = await this.removeOrphans(after);
      removed += chunk.removed;
      after = chunk.lastId;
    }
    return removed;
  }
}

function add(into: IndexReport, more: IndexReport): void {
  into.indexed += more.indexed;
  into.removed += more.removed;
}

/** Missing or stale if public; an entry left behind if not. */
function isStale(r: { status: string; modified_at: string; indexed_at: string | null }): boolean {
  return r.status === 'published' ? r.indexed_at !== r.modified_at : r.indexed_at !== null;
}
