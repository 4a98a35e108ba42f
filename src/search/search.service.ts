import type { Analyzer } from '../bangla/analyzer/analyzer.ts';
import type { Clock } from '../lib/clock.ts';
import type { ArticleSummary, ContentReader } from '../content/content-reader.ts';
import type { SectionTree } from '../content/sections/section-tree.ts';
import { bodyText } from './article-terms.ts';
import { MAX_QUERY_LENGTH, parseQuery, type ParsedQuery } from './parse-query.ts';
import { rankHits } from './rank-hits.ts';
import type { IndexHit, IndexQuery, SearchIndex } from './search-index.ts';
import { MAX_PAGE, parseFilters, type SearchFilters, type SearchQueryInput } from './search-params.ts';
import { buildSnippet, type SnippetPart } from './snippet.ts';

/** Results per page. */
export const SEARCH_PAGE_SIZE = 10;
// Matches ranked per query: the newest this many (every match for all but the commonest words).
const WINDOW = MAX_PAGE * SEARCH_PAGE_SIZE;

export interface SearchServiceOptions {
  index: SearchIndex;
  analyzer: Analyzer;
  isKnown: (word: string) => boolean;
  /** Bengali names a Latin query word sounds like (bangla/avro/sound-lexicon.ts). */
  soundAlike?: (latin: string, namesOnly?: boolean) => string[];
  soundAlikeBangla?: (word: string) => string[];
  isCommon?: (word: string) => boolean;
  reader: ContentReader;
  /** Stored bodies by article id (document JSON), for snippets. */
  bodies: (ids: readonly number[]) => Promise<Map<number, string>>;
  clock: Clock;
  timeZone: () => string;
}

/** One result: the article as lists show it, and the passage that matched. */
export interface SearchResult {
  article: ArticleSummary;
  snippet: SnippetPart[];
  score: number;
}

export type SearchOutcome =
  | { kind: 'empty'; filters: SearchFilters; tree: SectionTree }
  | { kind: 'too-long'; query: string; length: number; tree: SectionTree }
  | { kind: 'no-words'; query: string; filters: SearchFilters; tree: SectionTree }
  | {
      kind: 'results';
      query: string;
      parsed: ParsedQuery;
      filters: SearchFilters;
      tree: SectionTree;
      results: SearchResult[];
      /** Matches ranked (at most the window). */
      total: number;
      /** More matched than were ranked. */
      more: boolean;
      hasNext: boolean;
      /** No article had every word; these have some of them. */
      relaxed: boolean;
    };

/** Reader search: parse, match in the index, rank, then cards and snippets for one page. */
export class SearchService {
  constructor(private readonly options: SearchServiceOptions) {}

  async search(input: SearchQueryInput): Promise<SearchOutcome> {
    const tree = await this.options.reader.sections();
    const query = (input.q ?? '').trim();
    const length = [...query].length;
    if (length > MAX_QUERY_LENGTH) return { kind: 'too-long', query, length, tree };
    const filters = parseFilters(input, tree, this.options.timeZone());
    if (!query) return { kind: 'empty', filters, tree };
    const parsed = parseQuery(query, this.options);
    if (!parsed.groups.length) return { kind: 'no-words', query, filters, tree };
    let relaxed = false;
    let hits: IndexHit[] = await this.match(parsed, filters, 'all');
    let more = hits.length > WINDOW;
    if (!hits.length && parsed.groups.length > 1) {
      // No article has every word: first those with all but one of them (each word left out in
      // turn, from three words on), which answer a reader's description better than the newest
      // article with any one word; then any word.
      const n = parsed.groups.length;
      if (n >= 3) {
        const share = Math.ceil((2 * WINDOW) / n);
        for (let out = 0; out < n; out++) {
          const some = await this.match({ ...parsed, groups: parsed.groups.filter((_, g) => g !== out) }, filters, 'all', undefined, share + 1);
          more ||= some.length > share;
          hits = union(hits, some.slice(0, share));
        }
      }
      if (!hits.length) {
        hits = await this.match(parsed, filters, 'any');
        more = hits.length > WINDOW;
      }
      relaxed = hits.length > 0;
    }
    hits = hits.slice(0, relaxed ? 2 * WINDOW : WINDOW);
    // Articles whose headline holds every word come in whatever their age: when more matched than
    // are ranked, the newest alone would leave out the old story a reader names (a second, bounded
    // query on the headline).
    if (more && !relaxed && filters.sort !== 'newest') hits = union(hits, await this.olderHeadlineMatches(parsed, filters, hits));
    const ranked = rankHits(hits, parsed.groups, this.options.clock.now(), parsed.weights);
    // Newest first: the same matches, by publication time alone.
    if (filters.sort === 'newest') ranked.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.articleId - a.articleId);
    const shown = ranked.slice(0, WINDOW);
    const start = (filters.page - 1) * SEARCH_PAGE_SIZE;
    const results = await this.results(tree, shown.slice(start, start + SEARCH_PAGE_SIZE), parsed);
    return {
      kind: 'results',
      query,
      parsed,
      filters,
      tree,
      results,
      relaxed,
      total: shown.length,
      more,
      hasNext: shown.length > start + SEARCH_PAGE_SIZE,
    };
  }

  // The articles whose headline holds every word that are not among `hits`, with their features
  // (read only for those: most headline matches are among the newest matches already).
  private async olderHeadlineMatches(parsed: ParsedQuery, filters: SearchFilters, hits: readonly IndexHit[]): Promise<IndexHit[]> {
    const seen = new Set(hits.map((h) => h.articleId));
    const older = (await this.match(parsed, filters, 'all', 'head', WINDOW + 1, false)).filter((h) => !seen.has(h.articleId));
    const features = await this.options.index.features(older.map((h) => h.articleId));
    return older.map((h) => ({ ...h, features: features.get(h.articleId) ?? '' }));
  }

  private match(
    parsed: Pick<ParsedQuery, 'groups' | 'phrases'>,
    filters: SearchFilters,
    mode: IndexQuery['mode'],
    field?: IndexQuery['field'],
    limit = WINDOW + 1,
    withFeatures = true,
  ) {
    return this.options.index.search({
      withFeatures,
      field,
      groups: parsed.groups,
      phrases: parsed.phrases,
      mode,
      sectionIds: filters.section?.ids,
      from: filters.from,
      to: filters.to,
      now: this.options.clock.now().toISOString(),
      limit,
    });
  }

  // The page's articles as lists show them, through the content service, which also drops any
  // that stopped being public since they were indexed.
  private async results(tree: SectionTree, hits: ReturnType<typeof rankHits>, parsed: ParsedQuery): Promise<SearchResult[]> {
    const ids = hits.map((h) => h.articleId);
    const [articles, bodies] = await Promise.all([this.options.reader.byIds(tree, ids), this.options.bodies(ids)]);
    const scores = new Map(hits.map((h) => [h.articleId, h.score]));
    return articles.map((article) => ({
      article,
      snippet: this.snippet(article, bodyText(bodies.get(article.id) ?? ''), parsed),
      score: scores.get(article.id) ?? 0,
    }));
  }

  // The body's best passage; the summary's when the words matched only there (or in the headline).
  private snippet(article: ArticleSummary, text: string, parsed: ParsedQuery): SnippetPart[] {
    const { analyzer } = this.options;
    const body = buildSnippet(text, parsed.groups, analyzer);
    if (body.some((p) => p.mark) || !article.summary) return body;
    const summary = buildSnippet(article.summary, parsed.groups, analyzer);
    return summary.some((p) => p.mark) || !body.length ? summary : body;
  }
}

// The hits of both lists, each once.
function union(first: readonly IndexHit[], second: readonly IndexHit[]): IndexHit[] {
  const seen = new Set(first.map((h) => h.articleId));
  return [...first, ...second.filter((h) => !seen.has(h.articleId))];
}
