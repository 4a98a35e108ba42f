// One relevance run over one database: corpus generated and checked against the judgments,
// loaded and indexed, then every query through Prokash's search (default order, first page) and,
// on SQLite, through the FTS5 baseline. Shared by `npm run bench:relevance` and the test.
import type { DatabaseHandle } from '../../src/db/database.ts';
import type { SearchModule } from '../../src/search/search-module.ts';
import { buildBaseline, baselineSearch } from './baseline.ts';
import { loadRelevanceCorpus } from './build.ts';
import { resolveJudgments, type ResolvedJudgment } from './check-judgments.ts';
import { generateRelevanceCorpus } from './corpus.ts';
import { evaluate, type QueryOutcome, type Searcher } from './evaluate.ts';
import { JUDGMENTS } from './judgments.ts';
import type { CorpusArticle } from './story.ts';

/** The corpus with its judgments resolved; throws when a judgment is not true of it. */
export function judgedCorpus(articles: number): { corpus: CorpusArticle[]; judged: ResolvedJudgment[] } {
  const corpus = generateRelevanceCorpus({ articles });
  const { judged, problems } = resolveJudgments(corpus, JUDGMENTS);
  if (problems.length) throw new Error(`the judgments are not true of the corpus:\n  ${problems.join('\n  ')}`);
  return { corpus, judged };
}

/** A loaded database: its search, and article keys by id. */
export interface RelevanceSite {
  handle: DatabaseHandle;
  search: SearchModule;
  keyOf: ReadonlyMap<number, string>;
  byId: ReadonlyMap<number, CorpusArticle>;
}

/** Loads the corpus into `handle` (a fresh, migrated database) and indexes it. */
export async function loadSite(handle: DatabaseHandle, corpus: readonly CorpusArticle[]): Promise<RelevanceSite> {
  const search = await loadRelevanceCorpus(handle, corpus);
  return { handle, search, keyOf: new Map(corpus.map((a) => [a.id, a.key])), byId: new Map(corpus.map((a) => [a.id, a])) };
}

/** Prokash's search as a reader gets it: the default order, the first page. */
export function prokashSearcher(search: SearchModule): Searcher {
  return async (q) => {
    const outcome = await search.service.search({ q });
    return outcome.kind === 'results' ? outcome.results.map((r) => r.article.id) : [];
  };
}

/** Every query through Prokash. */
export function runProkash(site: RelevanceSite, judged: readonly ResolvedJudgment[]): Promise<QueryOutcome[]> {
  return evaluate(judged, prokashSearcher(site.search), site.keyOf);
}

/** Every query through the FTS5 `unicode61` baseline (SQLite only). */
export async function runBaseline(site: RelevanceSite, judged: readonly ResolvedJudgment[]): Promise<QueryOutcome[]> {
  if (site.handle.dialect !== 'sqlite') throw new Error('the baseline is SQLite FTS5');
  await buildBaseline(site.handle.db);
  return evaluate(judged, (q) => baselineSearch(site.handle.db, q), site.keyOf);
}
