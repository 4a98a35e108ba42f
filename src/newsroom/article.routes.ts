import { AppError } from '../lib/errors.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { articleInputSchema, articleSaveSchema } from '../content/articles/article-input.schema.ts';
import type { ArticleService } from '../content/articles/article.service.ts';
import { requireActor } from './admin-auth.ts';
import { idParams, parseInput } from '../lib/parse-input.ts';

const revisionParams = idParams.extend({ number: z.coerce.number().int().min(1) });
const listQuery = z.object({
  status: z.enum(['draft', 'submitted', 'scheduled', 'published', 'unpublished']).optional(),
  sectionId: z.coerce.number().int().positive().optional(),
  ownerId: z.coerce.number().int().positive().optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(40).optional(),
});
const scheduleBody = z.object({ at: z.iso.datetime({ offset: true }) }).strict();
const correctionBody = z.object({ text: z.string().trim().min(1).max(2000) }).strict();
const diffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

export interface ArticleRouteDeps {
  articles: ArticleService;
  /** Renders an article page as readers will see it, whatever its status. */
  preview: (id: number) => Promise<string | undefined>;
}

/** Articles and their workflow under /api/admin/articles (docs/admin-api.md). */
export function registerArticleRoutes(app: FastifyInstance, { articles, preview }: ArticleRouteDeps): void {
  app.get('/api/admin/desk', async (request) => articles.desk(requireActor(request)));

  app.get('/api/admin/articles', async (request) => {
    const query = parseInput(listQuery, request.query);
    const items = await articles.list(requireActor(request), { ...query, before: query.cursor });
    const last = items.at(-1);
    return { items, nextCursor: items.length === query.limit && last ? last.modifiedAt : null };
  });

  app.post('/api/admin/articles', async (request, reply) => {
    const actor = requireActor(request);
    const article = await articles.create(actor, parseInput(articleInputSchema, request.body));
    return reply.code(201).send({ article });
  });

  app.get('/api/admin/articles/:id', async (request) => {
    const { id } = parseInput(idParams, request.params);
    return { article: await articles.get(requireActor(request), id) };
  });

  app.put('/api/admin/articles/:id', async (request) => {
    const actor = requireActor(request);
    const { id } = parseInput(idParams, request.params);
    const { revision, significantUpdate, ...input } = parseInput(articleSaveSchema, request.body);
    return { article: await articles.save(actor, id, input, revision, significantUpdate) };
  });

  app.delete('/api/admin/articles/:id', async (request, reply) => {
    const actor = requireActor(request);
    const { id } = parseInput(idParams, request.params);
    await articles.remove(actor, id);
    return reply.code(204).send();
  });

  for (const action of ['submit', 'publish', 'unpublish'] as const) {
    app.post(`/api/admin/articles/:id/${action}`, async (request) => {
      const actor = requireActor(request);
      const { id } = parseInput(idParams, request.params);
      return { article: await articles[action](actor, id) };
    });
  }

  app.post('/api/admin/articles/:id/schedule', async (request) => {
    const actor = requireActor(request);
    const { id } = parseInput(idParams, request.params);
    const { at } = parseInput(scheduleBody, request.body);
    return { article: await articles.schedule(actor, id, new Date(at)) };
  });

  app.post('/api/admin/articles/:id/corrections', async (request) => {
    const actor = requireActor(request);
    const { id } = parseInput(idParams, request.params);
    const { text } = parseInput(correctionBody, request.body);
    return { article: await articles.addCorrection(actor, id, text) };
  });

  app.get('/api/admin/articles/:id/revisions', async (request) => {
    const { id } = parseInput(idParams, request.params);
    return { items: await articles.revisions(requireActor(request), id) };
  });

  app.get('/api/admin/articles/:id/revisions/:number', async (request) => {
    const { id, number } = parseInput(revisionParams, request.params);
    return { revision: await articles.revision(requireActor(request), id, number) };
  });

  app.get('/api/admin/articles/:id/diff', async (request) => {
    const { id } = parseInput(idParams, request.params);
    const { from, to } = parseInput(diffQuery, request.query);
    return { changes: await articles.diff(requireActor(request), id, from, to) };
  });

  app.post('/api/admin/articles/:id/revisions/:number/restore', async (request) => {
    const actor = requireActor(request);
    const { id, number } = parseInput(revisionParams, request.params);
    return { article: await articles.restore(actor, id, number) };
  });

  app.get('/api/admin/articles/:id/preview', {
    // The newsroom app shows the preview in an iframe of its own origin; the site-wide policy forbids framing.
    onSend: async (_request, reply, payload) => {
      const csp = String(reply.getHeader('content-security-policy') ?? '').replace("frame-ancestors 'none'", "frame-ancestors 'self'");
      reply.header('content-security-policy', csp).header('x-frame-options', 'SAMEORIGIN');
      return payload;
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { id } = parseInput(idParams, request.params);
    await articles.get(actor, id); // the same access rule as reading it
    const html = await preview(id);
    if (html === undefined) throw new AppError('INVALID_TRANSITION', 'choose a section before previewing', { missing: ['section'] });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });
}
