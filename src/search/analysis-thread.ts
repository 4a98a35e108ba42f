// Analysis in a worker thread, for the bulk reindex. Given the database's URL the worker also
// reads the articles, through its own connection: the main thread is left only the writes (index
// inserts and their merging), and the reading and analysis (JSON parsing, normalising, stemming)
// run beside them instead of one after the other. For an import the worker also writes the
// entries (`index`), so the importing thread only writes articles.
import { Worker } from 'node:worker_threads';
import type { IndexDocument } from './search-index.ts';
import type { SourceArticle } from './search-source.ts';

/** What the worker is started with. */
export interface AnalysisWorkerData {
  /** The site's own words (tags, people, places, sections), as the process's analyzer has them. */
  words: readonly string[];
  /** The database (a DATABASE_URL) to read published articles from (see `read`). */
  source?: { url: string };
}
export type AnalysisRequest =
  | { id: number; articles: SourceArticle[]; range?: undefined; index?: undefined }
  | { id: number; articles?: undefined; range: [number, number]; index?: undefined }
  | { id: number; articles?: undefined; range?: undefined; index: number[] };
/** What an `index` request did (SearchIndexer's IndexReport). */
export interface IndexedCounts {
  indexed: number;
  removed: number;
}
export type AnalysisResult = { id: number; docs: IndexDocument[]; readIds?: number[]; lastId?: number; indexed?: IndexedCounts };
export type AnalysisReply = AnalysisResult | { id: number; error: string };

/** A batch the worker read and analysed: the documents, the ids of the articles read, the cursor. */
export interface AnalysedBatch {
  docs: IndexDocument[];
  readIds: number[];
  /** The last id the batch covers. */
  lastId: number;
}

// Compiled, the worker is a .js file beside this one. Under tsx (tests, benchmarks) it is a .ts
// file, and on Node 20 a worker does not get the loader hooks of the parent's `--import tsx`
// (nodejs/node#47747), so a one-line bootstrap registers tsx in the worker first.
const SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = new URL(SOURCE ? './analysis-worker.ts' : './analysis-worker.js', import.meta.url);
// tsx is resolved from here: an eval'd worker would resolve it from the working directory.
const TSX_BOOTSTRAP = SOURCE
  ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY.href)}); })`
  : '';

type Pending = { resolve: (reply: AnalysisResult) => void; reject: (error: Error) => void };

/** One worker thread that turns articles into index documents, in the order asked. */
export class AnalysisThread {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: AnalysisReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(`search analysis failed in the worker: ${reply.error}`));
      else waiting?.resolve(reply);
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the search analysis worker exited (code ${code})`)));
  }

  /** Starts the worker; with `source` it reads articles from that database itself (see `read`). */
  static start(data: AnalysisWorkerData): AnalysisThread {
    const worker = SOURCE ? new Worker(TSX_BOOTSTRAP, { eval: true, workerData: data }) : new Worker(ENTRY, { workerData: data });
    return new AnalysisThread(worker);
  }

  /** The index documents of the indexable articles among these. */
  async analyze(articles: SourceArticle[]): Promise<IndexDocument[]> {
    return (await this.request({ id: this.nextId++, articles })).docs;
  }

  /** Reads the articles with ids in (afterId, upTo] from the worker's source and analyses the published ones. */
  async read(afterId: number, upTo: number): Promise<AnalysedBatch> {
    const reply = await this.request({ id: this.nextId++, range: [afterId, upTo] });
    return { docs: reply.docs, readIds: reply.readIds ?? [], lastId: upTo };
  }

  /**
   * Indexes these articles in the worker, start to end: reads them from its source, analyses
   * them and writes their entries through its own connection (published ones indexed, the
   * others' entries removed), leaving this thread free.
   */
  async index(ids: readonly number[]): Promise<IndexedCounts> {
    const reply = await this.request({ id: this.nextId++, index: [...ids] });
    return reply.indexed ?? { indexed: 0, removed: 0 };
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
    this.fail(new Error('the search analysis worker was closed'));
  }

  private request(request: AnalysisRequest): Promise<AnalysisResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
