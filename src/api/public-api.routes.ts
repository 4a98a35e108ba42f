import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ContentReader, ArticleSummary } from '../content/content-reader.ts';
import { articleSchema, publicArticleAnswers, summarySchema } from './article-answers.ts';
import type { SectionTree } from '../content/sections/section-tree.ts';
import { AppError } from '../lib/errors.ts';
import { idParams } from '../lib/parse-input.ts';
import { endpointsFor } from '../lib/endpoint.ts';
import { sendStaticAsset, staticAsset } from '../lib/static-asset.ts';
import { MAX_QUERY_LENGTH } from '../search/parse-query.ts';
import { MAX_SUGGESTIONS, DEFAULT_SUGGESTIONS, type SuggestOutcome } from '../search/suggest.service.ts';

const listQuery = z
  .object({
    section: z.string().max(200).optional(),
    tag: z.string().max(200).optional(),
    author: z.string().max(200).optional(),
    before: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
const popularQuery = z.object({ window: z.enum(['6h', '24h', '7d']).default('24h'), limit: z.coerce.number().int().min(1).max(50).default(20) }).strict();
// q is checked by the service (empty: QUERY_REQUIRED, too long: QUERY_TOO_LONG, as the search API).
const suggestQuery = z.object({ q: z.string().default(''), limit: z.coerce.number().int().min(1).max(MAX_SUGGESTIONS).default(DEFAULT_SUGGESTIONS) }).strict();

/** Public responses may be cached by browsers and shared caches for a short while. */
const PUBLIC_CACHE = 'public, max-age=30, s-maxage=60, stale-while-revalidate=300';
// As the search API: typed prefixes are endless, so only briefly.
const SEARCH_CACHE = 'public, max-age=30, s-maxage=60, stale-while-revalidate=60';

// The answers' shapes: the OpenAPI document shows them, and test/public-api.test.ts holds every
// answer to them.
interface SectionOut {
  path: string;
  name: string;
  url: string;
  children: SectionOut[];
}
const sectionSchema: z.ZodType<SectionOut> = z.lazy(() => z.object({ path: z.string(), name: z.string(), url: z.string(), children: z.array(sectionSchema) }));
const listSchema = z.object({ items: z.array(summarySchema), next: z.string().nullable() });
const popularSchema = z.object({ window: z.enum(['6h', '24h', '7d']), basis: z.enum(['views', 'latest']), items: z.array(summarySchema) });
const SUGGESTION_TYPES = ['person', 'tag', 'section', 'headline'] as const;
const suggestionSchema = z.object({ type: z.enum(SUGGESTION_TYPES), name: z.string(), url: z.string() });
const suggestSchema = z.object({
  query: z.string(),
  transliterated: z.boolean(),
  groups: z.array(z.object({ type: z.enum(SUGGESTION_TYPES), label: z.string(), items: z.array(suggestionSchema) })),
});
export const PUBLIC_ANSWERS = {
  list: listSchema,
  article: z.object({ article: articleSchema }),
  sections: z.object({ items: z.array(sectionSchema) }),
  latest: z.object({ items: z.array(summarySchema) }),
  popular: popularSchema,
  suggest: suggestSchema,
};

export interface PublicApiDeps {
  reader: ContentReader;
  siteUrl: string;
  popular: (window: '6h' | '24h' | '7d', limit: number) => Promise<ArticleSummary[]>;
  suggest: { suggest(input: { q: string; limit: number }): Promise<SuggestOutcome> };
}

/** The public, read-only content API (DESIGN.md): articles, sections, latest, popular, suggestions while typing. */
export const publicEndpoint = endpointsFor<unknown, never>();

export function publicApiEndpoints(deps: PublicApiDeps) {
  const { reader } = deps;
  const { summary, article } = publicArticleAnswers(deps.siteUrl);
  const send = (reply: FastifyReply, body: unknown) => reply.header('cache-control', PUBLIC_CACHE).send(body);
  const section = (s: SectionTree['roots'][number]): SectionOut => ({
    path: s.path,
    name: s.name,
    url: `${deps.siteUrl}/${s.path}`,
    children: s.children.map(section),
  });

  return [
    publicEndpoint({
      method: 'GET',
      path: '/api/v1/articles',
      summary: 'Published articles, newest first; `next` is the cursor for `before`',
      access: 'public',
      query: listQuery,
      response: listSchema,
      handle: async ({ query: q, reply }) => {
        const tree = await reader.sections();
        const filter = await filterFor(reader, tree, q);
        const items = await reader.list(tree, { ...filter, ...(q.before ? { to: new Date(q.before).toISOString() } : {}) }, { limit: q.limit });
        const last = items.at(-1);
        return send(reply, { items: items.map(summary), next: items.length === q.limit && last ? last.publishedAt : null });
      },
    }),
    publicEndpoint({
      method: 'GET',
      path: '/api/v1/articles/:id',
      summary: 'One published article in full',
      access: 'public',
      params: idParams,
      response: PUBLIC_ANSWERS.article,
      handle: async ({ params: { id }, reply }) => {
        const found = await reader.article(await reader.sections(), id);
        if (!found) throw new AppError('NOT_FOUND', `article ${id} not found`);
        return send(reply, { article: article(found) });
      },
    }),
    publicEndpoint({
      method: 'GET',
      path: '/api/v1/sections',
      summary: 'The section tree',
      access: 'public',
      response: PUBLIC_ANSWERS.sections,
      handle: async ({ reply }) => send(reply, { items: (await reader.sections()).roots.map(section) }),
    }),
    publicEndpoint({
      method: 'GET',
      path: '/api/v1/latest',
      summary: 'The latest articles',
      access: 'public',
      query: listQuery.pick({ limit: true }).strict(),
      response: PUBLIC_ANSWERS.latest,
      handle: async ({ query: { limit }, reply }) => send(reply, { items: (await reader.list(await reader.sections(), {}, { limit })).map(summary) }),
    }),
    publicEndpoint({
      method: 'GET',
      path: '/api/v1/popular',
      summary: 'The most read articles of a window; the latest while nothing is counted yet (`basis`)',
      access: 'public',
      query: popularQuery,
      response: popularSchema,
      handle: async ({ query: { window, limit }, reply }) => {
        const items = await deps.popular(window, limit);
        if (items.length) return send(reply, { window, basis: 'views', items: items.map(summary) });
        // Nothing counted yet in this window: say so, and offer the latest instead.
        return send(reply, { window, basis: 'latest', items: (await reader.list(await reader.sections(), {}, { limit })).map(summary) });
      },
    }),
    publicEndpoint({
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
        return reply.header('cache-control', SEARCH_CACHE).send(suggestAnswer(outcome));
      },
    }),
  ];
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

/** The OpenAPI document of every declared endpoint, at /api/docs: serialised and compressed once. */
export function registerApiDocs(app: FastifyInstance, document: object): void {
  const body = staticAsset(Buffer.from(JSON.stringify(document)), 'application/json; charset=utf-8');
  app.get('/api/docs', async (request, reply) => sendStaticAsset(request, reply, body, PUBLIC_CACHE));
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
  return filter;
}
