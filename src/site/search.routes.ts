import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../lib/clock.ts';
import type { ReaderPages } from './reader-pages.ts';
import { AppError } from '../lib/errors.ts';
import { z } from 'zod';
import { endpointsFor } from '../lib/endpoint.ts';
import { cleanText } from '../lib/clean-text.ts';
import type { SiteSettings } from './reader-pages.ts';
import { renderSearchPage } from './templates/search-page.ts';
import { articleHref } from './view-builder.ts';
import { MAX_QUERY_LENGTH } from '../search/parse-query.ts';
import { HELP, searchPageVM } from './search-page-view.ts';
import { searchQuerySchema, type SearchQueryInput } from '../search/search-params.ts';
import { SEARCH_PAGE_SIZE, type SearchOutcome, type SearchService } from '../search/search.service.ts';
import { snippetText, type SnippetPart } from '../search/snippet.ts';
import { escapeHtml } from '../lib/html.ts';
import { sendPage } from '../cache/send-page.ts';
import type { PageCache } from '../cache/page-cache.ts';
import type { AnswerMemo } from '../cache/answer-memo.ts';

export interface SearchRouteDeps {
  service: SearchService;
  /** The reader pages' shared chrome (header, nav, ticker) and lists. */
  pages: ReaderPages;
  clock: Clock;
  /** Current values: the newsroom can change them at run time. */
  settings: () => SiteSettings;
  /**
   * Search pages already made, apart from the page cache: queries are endless, and one-off ones
   * must never push article pages out of it. Keyed by the index's version as well as the query.
   */
  cache: PageCache;
  /**
   * How far the search index has applied the content events (its cursor in the log, shared by
   * every process): a page made at one position is not served once the index has moved on.
   */
  indexVersion: () => Promise<number>;
}

// Browsers and a CDN may keep an answer briefly (as long as this process does: the page cache's TTL).
const SEARCH_CACHE_CONTROL = 'public, max-age=30, s-maxage=60, stale-while-revalidate=60';
const HTML = 'text/html; charset=utf-8';

const searchResult = z.object({
  id: z.number().int(),
  url: z.string(),
  kicker: z.string(),
  headline: z.string(),
  summary: z.string(),
  section: z.object({ path: z.string(), name: z.string() }),
  publishedAt: z.string(),
  image: z.object({ src: z.string(), alt: z.string() }).nullable(),
  snippet: z.string(),
  snippetHtml: z.string(),
  score: z.number(),
});
/** What GET /api/v1/search answers (a query with no searchable word: no results, and the reader's message why). */
export const searchAnswer = z.object({
  query: z.string(),
  words: z.array(z.string()),
  page: z.number().int(),
  sort: z.enum(['relevance', 'newest']),
  pageSize: z.number().int(),
  total: z.number().int(),
  more: z.boolean(),
  hasNext: z.boolean(),
  relaxed: z.boolean(),
  transliterated: z.boolean(),
  message: z.string().optional(),
  filters: z.object({ section: z.string().nullable(), from: z.string().nullable(), to: z.string().nullable() }).optional(),
  results: z.array(searchResult),
});

export type SearchAnswer = z.infer<typeof searchAnswer>;

/** What the JSON API keeps of answers already made (app.ts makes one per process). */
export interface HeldAnswers {
  /** Answers by query and index position (`searchKey`), as the page cache holds the pages. */
  answers: AnswerMemo<SearchAnswer>;
  /** The search index's position in the event log, as for the page (`SearchRouteDeps`). */
  indexVersion: () => Promise<number>;
}

/**
 * GET /api/v1/search (JSON): the reader page's search, declared as an endpoint of the content API.
 * An answer is worked out once per query and index position (`held`), as the page is: an app
 * whose readers ask one name in a burst runs one search.
 */
export function searchApiEndpoint(service: SearchService, held: HeldAnswers) {
  const answer = async (query: SearchQueryInput) => {
    const outcome = await service.search(query);
    if (outcome.kind === 'empty') throw new AppError('QUERY_REQUIRED', 'q: write at least one word to search for');
    if (outcome.kind === 'too-long') throw new AppError('QUERY_TOO_LONG', `q: at most ${MAX_QUERY_LENGTH} characters (got ${outcome.length})`);
    return apiBody(outcome);
  };
  return endpointsFor<unknown, never>()({
    method: 'GET',
    path: '/api/v1/search',
    summary: 'Searches published articles (Bengali, or Latin read as Avro): ranked results with highlighted snippets, 10 a page',
    access: 'public',
    query: searchQuerySchema,
    response: searchAnswer,
    handle: async ({ query, reply }) => {
      const body = await held.answers.get(searchKey(await held.indexVersion(), query), () => answer(query));
      reply.header('cache-control', SEARCH_CACHE_CONTROL);
      return body;
    },
  });
}

/**
 * GET /search, the reader page (the JSON API is `searchApiEndpoint`). A page is made once per
 * query, filters and position of the search index, then served from `deps.cache` (compressed
 * once, with an ETag) until the index applies another event or the page cache's TTL runs out:
 * a burst of readers searching one name costs one search. Pages that answer 400 are not kept.
 */
export function registerSearchRoutes(app: FastifyInstance, deps: SearchRouteDeps): void {
  app.get('/search', async (request, reply) => {
    const input = readInput(request);
    const key = searchKey(await deps.indexVersion(), input);
    const fragments = deps.pages.fragments.current() ?? (await deps.pages.fragments.all());
    const page = await deps.cache.getOrRender(
      key,
      async () => {
        const { status, html } = await renderSearch(deps, input);
        return { status, contentType: HTML, body: html, tags: [], cache: status === 200, cacheControl: SEARCH_CACHE_CONTROL };
      },
      fragments,
    );
    return sendPage(request, reply, page, deps.cache);
  });
}

/** What a search's answer depends on: the index's position and every parameter read. */
function searchKey(indexVersion: number, input: SearchQueryInput): string {
  return `${indexVersion}\u0000${JSON.stringify([input.q, input.section, input.from, input.to, input.page, input.sort])}`;
}

/** The search page for this input, its fragments' regions left for the cache to fill. */
async function renderSearch(deps: SearchRouteDeps, input: SearchQueryInput): Promise<{ status: number; html: string }> {
  let outcome: SearchOutcome | undefined;
  let status = 200;
  let help: { title: string; lines: string[] } | undefined;
  try {
    outcome = await deps.service.search(input);
    if (outcome.kind === 'too-long') status = 400;
  } catch (error) {
    // A bad filter gets the search page back with the reason, so the reader can fix it there.
    if (!(error instanceof AppError) || error.statusCode !== 400) throw error;
    status = 400;
    help = { title: 'খোঁজার শর্তে ভুল আছে', lines: [error.message] };
    outcome = await deps.service.search({ q: '' });
  }
  const settings = deps.settings();
  const now = deps.clock.now();
  // The lists and the ticker are the shared fragments, spliced in as on every other page.
  const vm = await searchPageVM(outcome, input, { settings, now, lists: { latest: [], popular: [] } });
  if (help) Object.assign(vm, { help, section: '', from: '', to: '' });
  const site = deps.pages.site(outcome.tree, { timeZone: settings.timeZone, now });
  return { status, html: renderSearchPage(site, vm) };
}

// Repeated or odd parameters on the page are read leniently; the API is strict.
function readInput(request: FastifyRequest): SearchQueryInput {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const one = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : v);
  const pick = (k: string) => {
    const v = one(query[k]);
    return typeof v === 'string' ? cleanText(v.slice(0, 4000)) : undefined;
  };
  return {
    q: pick('q'),
    section: pick('section')?.slice(0, 200),
    from: pick('from')?.slice(0, 20),
    to: pick('to')?.slice(0, 20),
    page: pick('page')?.slice(0, 10),
    sort: pick('sort')?.slice(0, 20),
  };
}

function apiBody(outcome: Exclude<SearchOutcome, { kind: 'empty' | 'too-long' }>): z.infer<typeof searchAnswer> {
  if (outcome.kind === 'no-words') {
    return {
      query: outcome.query,
      words: [],
      page: 1,
      sort: outcome.filters.sort,
      pageSize: SEARCH_PAGE_SIZE,
      total: 0,
      more: false,
      hasNext: false,
      relaxed: false,
      transliterated: false,
      message: HELP.noWords.title,
      results: [],
    };
  }
  return {
    query: outcome.query,
    words: outcome.parsed.words,
    page: outcome.filters.page,
    sort: outcome.filters.sort,
    pageSize: SEARCH_PAGE_SIZE,
    total: outcome.total,
    more: outcome.more,
    hasNext: outcome.hasNext,
    relaxed: outcome.relaxed,
    transliterated: outcome.parsed.transliterated,
    filters: { section: outcome.filters.section?.path ?? null, from: outcome.filters.fromDay ?? null, to: outcome.filters.toDay ?? null },
    results: outcome.results.map(({ article: a, snippet, score }) => ({
      id: a.id,
      url: articleHref(a),
      kicker: a.kicker,
      headline: a.headline,
      summary: a.summary,
      section: { path: a.section.path, name: a.section.name },
      publishedAt: a.publishedAt,
      image: a.image ? { src: a.image.src, alt: a.image.alt } : null,
      snippet: snippetText(snippet),
      snippetHtml: snippetHtml(snippet),
      score: Math.round(score * 1000) / 1000,
    })),
  };
}

const snippetHtml = (parts: readonly SnippetPart[]) => parts.map((p) => (p.mark ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
