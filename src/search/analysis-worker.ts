// The worker side of AnalysisThread: analyses batches of articles with the site's words, either
// sent to it or read by itself from the database (see AnalysisThread.start).
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from '../bangla/analyzer/analyzer.ts';
import { openDatabase } from '../db/database.ts';
import { indexDocuments } from './article-terms.ts';
import { publishedArticlesIn, sourceArticlesByIds, type SourceArticle } from './search-source.ts';
import type { SearchIndex } from './search-index.ts';
import { PostgresSearchIndex } from './postgres-search-index.ts';
import { SqliteSearchIndex } from './sqlite-search-index.ts';
import type { AnalysisReply, AnalysisRequest, AnalysisWorkerData } from './analysis-thread.ts';

const { words, source } = workerData as AnalysisWorkerData;
const analyzer = createAnalyzer({ extraKnownWords: words });
const reader = source ? await openDatabase(source.url, { pgPoolSize: 1 }) : undefined;
const port = parentPort!;
// Where `index` requests write: the same database, through this worker's connection.
let index: SearchIndex | undefined;

const analyze = (articles: SourceArticle[]) => indexDocuments(analyzer, articles);

async function answer(request: AnalysisRequest): Promise<AnalysisReply> {
  if (request.articles) return { id: request.id, docs: analyze(request.articles) };
  if (!reader) throw new Error('this worker was started without a database to read');
  if (request.index) {
    const docs = analyze(await sourceArticlesByIds(reader.db, request.index));
    const published = new Set(docs.map((d) => d.articleId));
    const gone = [...new Set(request.index)].filter((id) => !published.has(id));
    index ??= reader.dialect === 'postgres' ? new PostgresSearchIndex(reader.db) : new SqliteSearchIndex(reader.db, reader.native!);
    const store = index;
    await whileBusy(() => store.upsert(docs));
    await whileBusy(() => store.remove(gone));
    return { id: request.id, docs: [], indexed: { indexed: docs.length, removed: gone.length } };
  }
  const articles = await publishedArticlesIn(reader.db, request.range[0], request.range[1]);
  return { id: request.id, docs: analyze(articles), readIds: articles.map((a) => a.id), lastId: request.range[1] };
}

/**
 * SQLite: the importing thread's connection holds the write lock for a batch at a time, and a
 * begin that finds it held may be refused at once (SQLITE_BUSY) instead of waiting out the busy
 * timeout; this connection then tries again until the lock is free (for a minute at most).
 */
async function whileBusy(write: () => Promise<void>): Promise<void> {
  for (const started = Date.now(); ;) {
    try {
      await write();
      return;
    } catch (error) {
      if (!String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY') || Date.now() - started > 60_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

// One request at a time, in the order sent.
let queue = Promise.resolve();
port.on('message', (request: AnalysisRequest) => {
  queue = queue.then(async () => {
    let reply: AnalysisReply;
    try {
      reply = await answer(request);
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
  });
});
port.once('close', () => void reader?.close());
