import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ContentReader, ArticleSummary } from '../content/content-reader.ts';
import type { SectionTree } from '../content/sections/section-tree.ts';
import { AppError } from '../lib/errors.ts';
import { idParams } from '../lib/parse-input.ts';
import { endpointsFor, type Endpoint } from '../lib/endpoint.ts';
import { publicArticleAnswers } from './article-answers.ts';
import { isValidCalendarDay, zonedDayRange } from '../bangla/zoned-date.ts';
import { MAX_QUERY_LENGTH } from '../search/parse-query.ts';
import { MAX_SUGGESTIONS, DEFAULT_SUGGESTIONS, type SuggestOutcome } from '../search/suggest.service.ts';
import { errorSchema } from './openapi.ts';
import { cursorParam, encodeCursor } from './list-cursor.ts';
import {
  PUBLIC_ANSWERS,
  districtSchema,
  listSchema,
  personSchema,
  popularSchema,
  suggestSchema,
  summarySchema,
  tagSchema,
  type SectionOut,
} from './content-answers.ts';

const slugParam = z.string().max(200);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .refine((text) => isValidCalendarDay(...dayParts(text)), 'not a day of the calendar');
const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const listQuery = z
  .object({
    section: slugParam.optional().meta({ description: 'A section path (`world/asia`): the section and its sub-sections' }),
    tag: slugParam.optional().meta({ description: "A tag's slug" }),
    author: slugParam.optional().meta({ description: "A byline person's slug (desk, reporter, correspondent, agency)" }),
    district: slugParam.optional().meta({ description: "A district's slug (`cumilla`)" }),
    date: day.optional().meta({ description: "One day's articles (YYYY-MM-DD, in the site's time zone)" }),
    from: day.optional().meta({ description: 'The first day of a range (YYYY-MM-DD, included)' }),
    to: day.optional().meta({ description: 'The last day of a range (YYYY-MM-DD, included)' }),
    before: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'Only articles published before this time (the older way to page: prefer `cursor`)' }),
    cursor: cursorParam('articles').optional(),
    limit: limit(100, 20),
  })
  .strict()
  .refine((q) => !q.date || (!q.from && !q.to), { path: ['date'], error: 'give a day (date) or a range (from, to), not both' })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'the range ends before it starts (to is before from)' });
const latestQuery = z.object({ cursor: cursorParam('articles').optional(), limit: limit(100, 20) }).strict();
const popularQuery = z.object({ window: z.enum(['6h', '24h', '7d']).default('24h'), limit: limit(50, 20) }).strict();
// q is checked by the service (empty: QUERY_REQUIRED, too long: QUERY_TOO_LONG, as the search API).
const suggestQuery = z.object({ q: z.string().default(''), limit: z.coerce.number().int().min(1).max(MAX_SUGGESTIONS).default(DEFAULT_SUGGESTIONS) }).strict();
const tagsQuery = z.object({ cursor: cursorParam('tags').optional(), limit: limit(100, 50) }).strict();
const peopleQuery = z.object({ cursor: cursorParam('people').optional(), limit: limit(100, 50) }).strict();

// How long browsers and shared caches may keep each answer (s-maxage for a CDN). Lists change with
// every publish; one article with a correction or an update; the taxonomy seldom.
const LIST_CACHE = 'public, max-age=30, s-maxage=60, stale-while-revalidate=300';
const ARTICLE_CACHE = 'public, max-age=60, s-maxage=120, stale-while-revalidate=600';
const TAXONOMY_CACHE = 'public, max-age=300, s-maxage=600, stale-while-revalidate=3600';
// As the search API: typed prefixes are endless, so only briefly.
const SEARCH_CACHE = 'public, max-age=30, s-maxage=60, stale-while-revalidate=60';
/** The content API's reads answer 304 to a matching If-None-Match, and 429 over the caller's rate limit. */
const READ_RESPONSES = {
  304: { description: 'Not modified: the ETag sent in If-None-Match still holds (no body)' },
  429: {
    description: "Over the caller's rate limit (API_RATE_LIMITED); Retry-After says when to try again",
    response: errorSchema,
    headers: {
      'retry-after': { description: 'Seconds until the window starts again', schema: { type: 'integer' } },
      'ratelimit-limit': { description: 'Requests allowed a minute', schema: { type: 'integer' } },
      'ratelimit-remaining': { description: 'Requests left in this window', schema: { type: 'integer' } },
      'ratelimit-reset': { description: 'Seconds until the window starts again', schema: { type: 'integer' } },
    },
  },
} as const;

export { PUBLIC_ANSWERS };

export interface PublicApiDeps {
  reader: ContentReader;
  siteUrl: string;
  popular: (window: '6h' | '24h' | '7d', limit: number) => Promise<ArticleSummary[]>;
  suggest: { suggest(input: { q: string; limit: number }): Promise<SuggestOutcome> };
  /** The site's time zone (settings): `date`, `from` and `to` are its days. */
  timeZone: () => string;
}

/** The public, read-only content API (DESIGN.md, docs/content-api.md). */
export const publicEndpoint = endpointsFor<unknown, never>();

/** A read of the content API: public, with its ETag/304 and rate-limit answers documented. */
const contentRead = <P, Q>(endpoint: Parameters<typeof publicEndpoint<P, Q, undefined, 'public'>>[0]): Endpoint<unknown, never> =>
  publicEndpoint<P, Q, undefined, 'public'>({ ...endpoint, otherResponses: READ_RESPONSES });

/** The content API's endpoints: articles (filtered, by id, latest, popular), sections, tags, people, districts, suggestions. */
export function publicApiEndpoints(deps: PublicApiDeps) {
  const view = answerViews(deps.siteUrl);
  return [...articleEndpoints(deps, view), ...taxonomyEndpoints(deps, view), suggestEndpoint(deps)];
}

function articleEndpoints(deps: PublicApiDeps, view: ReturnType<typeof answerViews>) {
  const { reader } = deps;
  return [
    contentRead({
      method: 'GET',
      path: '/api/v1/articles',
      summary: 'Published articles, newest first, filtered by section, tag, author, district and day or range of days, a page at a time',
      description: 'Filters combine (AND). Page with `cursor` (`nextCursor` of the previous page) or follow `next`; both are null on the last page.',
      access: 'public',
      query: listQuery,
      response: listSchema,
      handle: async ({ query: q, request, reply }) => {
        const tree = await reader.sections();
        const filter = { ...(await filterFor(reader, tree, q)), ...dateFilter(q, deps.timeZone()) };
        if (q.cursor) filter.after = { publishedAt: q.cursor.publishedAt, id: q.cursor.id };
        const items = await reader.list(tree, filter, { limit: q.limit });
        reply.header('cache-control', LIST_CACHE);
        return articlePage(deps.siteUrl, request, reply, items.map(view.summary), q.limit);
      },
    }),
    contentRead({
      method: 'GET',
      path: '/api/v1/articles/:id',
      summary: 'One published article in full',
      access: 'public',
      params: idParams,
      response: PUBLIC_ANSWERS.article,
      handle: async ({ params: { id }, reply }) => {
        const found = await reader.article(await reader.sections(), id);
        if (!found) throw new AppError('NOT_FOUND', `article ${id} not found`);
        reply.header('cache-control', ARTICLE_CACHE);
        return { article: view.article(found) };
      },
    }),
    contentRead({
      method: 'GET',
      path: '/api/v1/latest',
      summary: 'The latest articles (সর্বশেষ), a page at a time',
      access: 'public',
      query: latestQuery,
      response: PUBLIC_ANSWERS.latest,
      handle: async ({ query: q, request, reply }) => {
        const filter = q.cursor ? { after: { publishedAt: q.cursor.publishedAt, id: q.cursor.id } } : {};
        const items = await reader.list(await reader.sections(), filter, { limit: q.limit });
        reply.header('cache-control', LIST_CACHE);
        return articlePage(deps.siteUrl, request, reply, items.map(view.summary), q.limit);
      },
    }),
    contentRead({
      method: 'GET',
      path: '/api/v1/popular',
      summary: 'The most read articles of a window (জনপ্রিয়); the latest while nothing is counted yet (`basis`)',
      access: 'public',
      query: popularQuery,
      response: popularSchema,
      handle: async ({ query: { window, limit }, reply }) => {
        reply.header('cache-control', LIST_CACHE);
        const items = await deps.popular(window, limit);
        if (items.length) return { window, basis: 'views' as const, items: items.map(view.summary) };
        // Nothing counted yet in this window: say so, and offer the latest instead.
        return { window, basis: 'latest' as const, items: (await reader.list(await reader.sections(), {}, { limit })).map(view.summary) };
      },
    }),
  ];
}

function taxonomyEndpoints(deps: PublicApiDeps, view: ReturnType<typeof answerViews>) {
  const { reader } = deps;
  return [
    contentRead({
      method: 'GET',
      path: '/api/v1/sections',
      summary: 'The section tree (a few dozen sections: one answer)',
      access: 'public',
      response: PUBLIC_ANSWERS.sections,
      handle: async ({ reply }) => {
        reply.header('cache-control', TAXONOMY_CACHE);
        return { items: (await reader.sections()).roots.map(view.section) };
      },
    }),
    contentRead({
      method: 'GET',
      path: '/api/v1/tags',
      summary: 'Every tag, oldest first, a page at a time',
      access: 'public',
      query: tagsQuery,
      response: PUBLIC_ANSWERS.tags,
      handle: async ({ query: q, request, reply }) => {
        const tags = await reader.tagsPage(q.cursor?.id ?? 0, q.limit);
        reply.header('cache-control', TAXONOMY_CACHE);
        const last = tags.length === q.limit ? tags.at(-1) : undefined;
        return page(deps.siteUrl, request, reply, tags.map(view.tag), last && encodeCursor({ list: 'tags', id: last.id }));
      },
    }),
    contentRead({
      method: 'GET',
      path: '/api/v1/people',
      summary: 'Every byline person (desks, reporters, correspondents, agencies), oldest first, a page at a time',
      access: 'public',
      query: peopleQuery,
      response: PUBLIC_ANSWERS.people,
      handle: async ({ query: q, request, reply }) => {
        const people = await reader.peoplePage(q.cursor?.id ?? 0, q.limit);
        reply.header('cache-control', TAXONOMY_CACHE);
        const last = people.length === q.limit ? people.at(-1) : undefined;
        return page(deps.siteUrl, request, reply, people.map(view.person), last && encodeCursor({ list: 'people', id: last.id }));
      },
    }),
    contentRead({
      method: 'GET',
      path: '/api/v1/districts',
      summary: "Bangladesh's 64 districts with their divisions (a fixed list: one answer)",
      access: 'public',
      response: PUBLIC_ANSWERS.districts,
      handle: async ({ reply }) => {
        reply.header('cache-control', TAXONOMY_CACHE);
        return { items: reader.districts().map(view.district) };
      },
    }),
  ];
}

function suggestEndpoint(deps: PublicApiDeps) {
  return contentRead({
    method: 'GET',
    path: '/api/v1/suggest',
    summary: 'Suggestions while typing: people, tags, sections and recent headlines a word of which starts with `q` (Bengali, or Latin read as Avro)',
    access: 'public',
    query: suggestQuery,
    response: suggestSchema,
    handle: async ({ query: { q, limit }, reply }) => {
      const outcome = await deps.suggest.suggest({ q, limit });
      if (outcome.kind === 'empty') throw new AppError('QUERY_REQUIRED', 'q: type at least one letter');
      if (outcome.kind === 'too-long') throw new AppError('QUERY_TOO_LONG', `q: at most ${MAX_QUERY_LENGTH} characters (got ${outcome.length})`);
      reply.header('cache-control', SEARCH_CACHE);
      return suggestAnswer(outcome);
    },
  });
}

/** The answers' views of what the reader returns: absolute URLs on the site's address. */
function answerViews(siteUrl: string) {
  const { summary, article } = publicArticleAnswers(siteUrl);
  const section = (s: SectionTree['roots'][number]): SectionOut => ({
    path: s.path,
    name: s.name,
    url: `${siteUrl}/${s.path}`,
    children: s.children.map(section),
  });
  const tag = (t: { slug: string; name: string }): z.infer<typeof tagSchema> => ({
    slug: t.slug,
    name: t.name,
    url: `${siteUrl}/topic/${encodeURIComponent(t.slug)}`,
  });
  const place = (d: { slug: string; name: string } | null) => d && { slug: d.slug, name: d.name };
  const person = (p: Awaited<ReturnType<ContentReader['peoplePage']>>[number]): z.infer<typeof personSchema> => ({
    slug: p.slug,
    name: p.name,
    kind: p.kind,
    title: p.title,
    place: p.place,
    district: place(p.district),
    url: `${siteUrl}/author/${encodeURIComponent(p.slug)}`,
  });
  const district = (d: ReturnType<ContentReader['districts']>[number]): z.infer<typeof districtSchema> => ({
    slug: d.slug,
    name: d.name,
    division: place(d.division),
    url: `${siteUrl}/district/${encodeURIComponent(d.slug)}`,
  });
  return { summary, article, section, tag, person, district };
}

/** A page of articles: the next page's cursor is the last one's (time, id) when the page is full. */
function articlePage(siteUrl: string, request: FastifyRequest, reply: Parameters<typeof page>[2], items: Array<z.infer<typeof summarySchema>>, limit: number) {
  const last = items.length === limit ? items.at(-1) : undefined;
  return page(siteUrl, request, reply, items, last && encodeCursor({ list: 'articles', publishedAt: last.publishedAt, id: last.id }));
}

/** `{items, next, nextCursor}`; `next` is this request's URL with the cursor set (and `before` left out), also sent as a Link header. */
function page<T>(siteUrl: string, request: FastifyRequest, reply: { header(name: string, value: string): unknown }, items: T[], cursor: string | undefined) {
  if (!cursor) return { items, next: null, nextCursor: null };
  const url = new URL(request.url, siteUrl);
  url.searchParams.delete('before');
  url.searchParams.set('cursor', cursor);
  const next = `${siteUrl}${url.pathname}${url.search}`;
  reply.header('link', `<${next}>; rel="next"`);
  return { items, next, nextCursor: cursor };
}

// Suggestions link to reader pages on this site (relative URLs, as the search API's results).
const SUGGESTION_GROUPS = [
  ['person', 'লেখক'],
  ['tag', 'বিষয়'],
  ['section', 'বিভাগ'],
  ['headline', 'খবর'],
] as const;

function suggestAnswer(outcome: Extract<SuggestOutcome, { kind: 'suggestions' }>): z.infer<typeof suggestSchema> {
  const items = {
    person: outcome.people.map((p) => ({ name: p.name, url: `/author/${encodeURIComponent(p.slug)}` })),
    tag: outcome.tags.map((t) => ({ name: t.name, url: `/topic/${encodeURIComponent(t.slug)}` })),
    section: outcome.sections.map((s) => ({ name: s.name, url: `/${s.path}` })),
    headline: outcome.headlines.map((h) => ({ name: h.headline, url: `/${h.section.path}/${h.id}` })),
  };
  return {
    query: outcome.query,
    transliterated: outcome.transliterated,
    groups: SUGGESTION_GROUPS.filter(([type]) => items[type].length).map(([type, label]) => ({ type, label, items: items[type].map((i) => ({ type, ...i })) })),
  };
}

async function filterFor(reader: ContentReader, tree: SectionTree, q: z.output<typeof listQuery>) {
  const filter: Parameters<ContentReader['list']>[1] = {};
  if (q.section) {
    const section = tree.byPathOrUndefined(q.section);
    if (!section) throw new AppError('UNPROCESSABLE', `section: no section "${q.section}"`);
    filter.sectionIds = tree.subtreeIds(section);
  }
  if (q.tag) {
    const tag = await reader.tag(q.tag);
    if (!tag) throw new AppError('UNPROCESSABLE', `tag: no tag "${q.tag}"`);
    filter.tagId = tag.id;
  }
  if (q.author) {
    const person = await reader.person(q.author);
    if (!person) throw new AppError('UNPROCESSABLE', `author: no author "${q.author}"`);
    filter.personId = person.id;
  }
  if (q.district) {
    const district = await reader.district(q.district);
    if (!district) throw new AppError('UNPROCESSABLE', `district: no district "${q.district}"`);
    filter.districtId = district.id;
  }
  return filter;
}

/** `date`, `from`/`to` (days of the site's zone) and `before` (a time) as the listing's bounds. */
function dateFilter(q: z.output<typeof listQuery>, timeZone: string): { from?: string; to?: string } {
  const range = (text: string) => zonedDayRange(...dayParts(text), timeZone);
  const from = q.date ?? q.from;
  const to = q.date ?? q.to;
  let end = to ? range(to).end.toISOString() : undefined;
  if (q.before) {
    const before = new Date(q.before).toISOString();
    if (!end || before < end) end = before;
  }
  return { ...(from ? { from: range(from).start.toISOString() } : {}), ...(end ? { to: end } : {}) };
}

const dayParts = (text: string) => text.split('-').map(Number) as [number, number, number];
