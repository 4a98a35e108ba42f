import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Analyzer } from '../bangla/analyzer/analyzer.ts';
import type { SearchIndex, SearchTables } from './search-index.ts';
import { indexDocument, isIndexable } from './article-terms.ts';
import { publishedArticlesAfter, sourceArticlesByIds, type SourceArticle } from './search-source.ts';

export interface SearchIndexerOptions {
  db: Kysely<Database>;
  index: SearchIndex;
  analyzer: Analyzer;
  /** How long changes are gathered before they are indexed together (ms). */
  delayMs?: number;
  log?: (error: unknown) => void;
}

/** Counts of one indexing run. */
export interface IndexReport {
  indexed: number;
  removed: number;
}

export interface ReindexProgress extends IndexReport {
  /** Published articles when the run began. */
  total: number;
  /** The last article id done: a re-run may start after it. */
  lastId: number;
}

const BATCH = 500;
const ARTICLE_TAG = /^article:(\d+)$/;

/**
 * Keeps the index in step with the articles: change tags (`article:ID`, from this process or
 * any other) queue the article, and a short timer indexes the queue. Indexing reads the article
 * afresh, so the order and number of events do not matter. Every process hears every event and
 * re-analyses the article (well under a millisecond each): simpler and safer than deciding which
 * process should, and a process that died mid-change is covered by the others.
 */
export class SearchIndexer {
  private readonly queue = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private readonly db: Kysely<Database & SearchTables>;

  constructor(private readonly options: SearchIndexerOptions) {
    this.db = options.db.withTables<SearchTables>();
  }

  /** Takes the tags of a change; article tags are indexed within `delayMs`. */
  onTags(tags: readonly string[]): void {
    for (const tag of tags) {
      const id = ARTICLE_TAG.exec(tag)?.[1];
      if (id) this.queue.add(Number(id));
    }
    if (this.queue.size && !this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? 50);
      this.timer.unref();
    }
  }

  /** Indexes everything queued so far (tests call it instead of waiting). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const ids = [...this.queue];
    this.queue.clear();
    // One run at a time: a change arriving mid-run is read again by the next.
    this.running = this.running.then(async () => {
      if (!ids.length) return;
      try {
        await this.indexIds(ids);
      } catch (error) {
        ids.forEach((id) => this.queue.add(id)); // tried again with the next change or flush
        this.options.log?.(error);
      }
    });
    return this.running;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Re-analyses these articles: indexed if public, removed otherwise. */
  async indexIds(ids: readonly number[]): Promise<IndexReport> {
    const report: IndexReport = { indexed: 0, removed: 0 };
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      add(report, await this.write(await sourceArticlesByIds(this.options.db, chunk), chunk));
    }
    return report;
  }

  /**
   * Indexes published articles that are missing or stale and removes entries of articles that
   * are gone or no longer public. Stops after `limit` changes and says whether more remain.
   */
  async catchUp(limit = Number.POSITIVE_INFINITY): Promise<IndexReport & { more: boolean }> {
    const report: IndexReport = { indexed: 0, removed: 0 };
    for (let after = 0; report.indexed + report.removed < limit; ) {
      const rows = await this.db
        .selectFrom('articles')
        .leftJoin('search_docs', 'search_docs.article_id', 'articles.id')
        .select('articles.id')
        .where('articles.status', '=', 'published')
        .where('articles.id', '>', after)
        .where((eb) => eb.or([eb('search_docs.article_id', 'is', null), eb('search_docs.modified_at', '!=', eb.ref('articles.modified_at'))]))
        .orderBy('articles.id')
        .limit(BATCH)
        .execute();
      if (!rows.length) break;
      add(report, await this.indexIds(rows.map((r) => r.id)));
      after = rows.at(-1)!.id;
    }
    if (report.indexed + report.removed >= limit) return { ...report, more: true };
    report.removed += await this.removeOrphans();
    return { ...report, more: false };
  }

  /** Re-analyses every published article in id order (keyset batches), then drops orphans. */
  async reindexAll(options: { afterId?: number; batchSize?: number; onProgress?: (p: ReindexProgress) => void; shouldStop?: () => boolean } = {}): Promise<ReindexProgress & { stopped: boolean }> {
    const total = Number((await this.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'published').executeTakeFirst())?.n ?? 0);
    const progress: ReindexProgress = { indexed: 0, removed: 0, total, lastId: options.afterId ?? 0 };
    for (;;) {
      if (options.shouldStop?.()) return { ...progress, stopped: true };
      const batch = await publishedArticlesAfter(this.options.db, progress.lastId, options.batchSize ?? BATCH);
      if (batch.lastId === undefined) break;
      add(progress, await this.write(batch.articles, []));
      progress.lastId = batch.lastId;
      options.onProgress?.(progress);
    }
    progress.removed += await this.removeOrphans();
    return { ...progress, stopped: false };
  }

  private async write(articles: SourceArticle[], requested: readonly number[]): Promise<IndexReport> {
    const docs = articles.filter(isIndexable).map((a) => indexDocument(this.options.analyzer, a));
    const publicIds = new Set(docs.map((d) => d.articleId));
    const gone = [...new Set([...requested, ...articles.map((a) => a.id)])].filter((id) => !publicIds.has(id));
    await this.options.index.upsert(docs);
    await this.options.index.remove(gone);
    return { indexed: docs.length, removed: gone.length };
  }

  // Entries whose article was deleted or is no longer public (missed events, older processes).
  private async removeOrphans(): Promise<number> {
    let removed = 0;
    for (let after = 0; ; ) {
      const rows = await this.db
        .selectFrom('search_docs')
        .leftJoin('articles', 'articles.id', 'search_docs.article_id')
        .select(['search_docs.article_id', 'articles.status'])
        .where('search_docs.article_id', '>', after)
        .orderBy('search_docs.article_id')
        .limit(BATCH)
        .execute();
      if (!rows.length) return removed;
      const gone = rows.filter((r) => r.status !== 'published').map((r) => r.article_id);
      await this.options.index.remove(gone);
      removed += gone.length;
      after = rows.at(-1)!.article_id;
    }
  }
}

function add(into: IndexReport, more: IndexReport): void {
  into.indexed += more.indexed;
  into.removed += more.removed;
}
