import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ContentReader, ArticleSummary } from '../content/content-reader.ts';
import type { SectionTree } from '../content/sections/section-tree.ts';
import { AppError } from '../lib/errors.ts';
import { idParams, parseInput } from '../lib/parse-input.ts';
import { documentToPlainText, renderDocumentHtml } from '../content/document/index.ts';
import { buildOpenApi } from './openapi.ts';

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

/** Public responses may be cached by browsers and shared caches for a short while. */
const PUBLIC_CACHE = 'public, max-age=30, s-maxage=60, stale-while-revalidate=300';

/** The public, read-only content API (DESIGN.md): articles, sections, latest, popular. */
export function registerPublicApi(
  app: FastifyInstance,
  deps: { reader: ContentReader; siteUrl: string; popular: (window: '6h' | '24h' | '7d', limit: number) => Promise<ArticleSummary[]> },
): void {
  const { reader } = deps;
  const summary = (a: ArticleSummary) => ({
    id: a.id,
    url: `${deps.siteUrl}/${a.section.path}/${a.id}`,
    section: { path: a.section.path, name: a.section.name },
    kicker: a.kicker,
    headline: a.headline,
    summary: a.summary,
    image: a.image && { url: `${deps.siteUrl}${a.image.src}`, width: a.image.width, height: a.image.height, alt: a.image.alt, caption: a.image.caption, credit: a.image.credit },
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    edition: a.edition,
    printPage: a.printPage,
    breaking: a.breaking,
  });
  const send = (reply: FastifyReply, body: unknown) => reply.header('cache-control', PUBLIC_CACHE).send(body);

  const openApi = buildOpenApi(deps.siteUrl);
  app.get('/api/docs', async (_request, reply) => reply.header('cache-control', PUBLIC_CACHE).send(openApi));

  app.get('/api/v1/articles', async (request, reply) => {
    const q = parseInput(listQuery, request.query);
    const tree = await reader.sections();
    const filter = await filterFor(reader, tree, q);
    const items = await reader.list(tree, { ...filter, ...(q.before ? { to: new Date(q.before).toISOString() } : {}) }, { limit: q.limit });
    const last = items.at(-1);
    return send(reply, { items: items.map(summary), next: items.length === q.limit && last ? last.publishedAt : null });
  });

  app.get('/api/v1/articles/:id', async (request, reply) => {
    const { id } = parseInput(idParams, request.params);
    const tree = await reader.sections();
    const article = await reader.article(tree, id);
    if (!article) throw new AppError('NOT_FOUND', `article ${id} not found`);
    return send(reply, {
      article: {
        ...summary(article),
        subheadline: article.subheadline,
        body: article.body,
        bodyHtml: renderDocumentHtml(article.body),
        bodyText: documentToPlainText(article.body),
        byline: article.people.map((p) => ({ name: p.name, kind: p.kind, url: `${deps.siteUrl}/author/${encodeURIComponent(p.slug)}` })),
        tags: article.tags.map((t) => ({ name: t.name, url: `${deps.siteUrl}/topic/${encodeURIComponent(t.slug)}` })),
        district: article.district && { slug: article.district.slug, name: article.district.name },
        corrections: article.corrections,
      },
    });
  });

  app.get('/api/v1/sections', async (_request, reply) => {
    const tree = await reader.sections();
    const node = (s: SectionTree['roots'][number]): unknown => ({ path: s.path, name: s.name, url: `${deps.siteUrl}/${s.path}`, children: s.children.map(node) });
    return send(reply, { items: tree.roots.map(node) });
  });

  app.get('/api/v1/latest', async (request, reply) => {
    const { limit } = parseInput(listQuery.pick({ limit: true }).strict(), request.query);
    const tree = await reader.sections();
    return send(reply, { items: (await reader.list(tree, {}, { limit })).map(summary) });
  });

  app.get('/api/v1/popular', async (request, reply) => {
    const { window, limit } = parseInput(popularQuery, request.query);
    const items = await deps.popular(window, limit);
    if (items.length) return send(reply, { window, basis: 'views', items: items.map(summary) });
    // Nothing counted yet in this window: say so, and offer the latest instead.
    const tree = await reader.sections();
    return send(reply, { window, basis: 'latest', items: (await reader.list(tree, {}, { limit })).map(summary) });
  });
}

async function filterFor(reader: ContentReader, tree: SectionTree, q: z.output<typeof listQuery>) {
  const filter: Parameters<ContentReader['list']>[1] = {};
  if (q.section) {
    const section = tree.byPathOrUndefined(q.section);
    if (!section) throw new AppError('INVALID_INPUT', `section: no section "${q.section}"`);
    filter.sectionIds = tree.subtreeIds(section);
  }
  if (q.tag) {
    const tag = await reader.tag(q.tag);
    if (!tag) throw new AppError('INVALID_INPUT', `tag: no tag "${q.tag}"`);
    filter.tagId = tag.id;
  }
  if (q.author) {
    const person = await reader.person(q.author);
    if (!person) throw new AppError('INVALID_INPUT', `author: no author "${q.author}"`);
    filter.personId = person.id;
  }
  return filter;
}
