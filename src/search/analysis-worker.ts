// The worker side of AnalysisThread: analyses batches of articles with the site's words, either
// sent to it or read by itself from the database (see AnalysisThread.start).
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from '../bangla/analyzer/analyzer.ts';
import { openDatabase } from '../db/database.ts';
import { indexDocuments } from './article-terms.ts';
import { publishedArticlesIn, type SourceArticle } from './search-source.ts';
import type { AnalysisReply, AnalysisRequest, AnalysisWorkerData } from './analysis-thread.ts';

const { words, source } = workerData as AnalysisWorkerData;
const analyzer = createAnalyzer({ extraKnownWords: words });
const reader = source ? await openDatabase(source.url, { pgPoolSize: 1 }) : undefined;
const port = parentPort!;

const analyze = (articles: SourceArticle[]) => indexDocuments(analyzer, articles);

async function answer(request: AnalysisRequest): Promise<AnalysisReply> {
  if (request.articles) return { id: request.id, docs: analyze(request.articles) };
  if (!reader) throw new Error('this worker was started without a database to read');
  const articles = await publishedArticlesIn(reader.db, request.range[0], request.range[1]);
  return { id: request.id, docs: analyze(articles), readIds: articles.map((a) => a.id), lastId: request.range[1] };
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
