import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../newsroom/parse-input.ts';
import { requireActor } from '../newsroom/admin-auth.ts';
import { commentInputSchema, type CommentService } from './comments/comment.service.ts';
import { commentSettingsSchema } from './comments/comment-settings.ts';
import type { ViewCounter } from './views/view-counter.ts';
import type { PopularLists, PopularWindow } from './views/popular-lists.ts';

const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const queueQuery = z.object({
  status: z.enum(['pending', 'approved', 'rejected', 'spam']).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.coerce.number().int().positive().optional(),
});
const decisionBody = z.object({ ids: z.array(z.number().int().positive()).min(1).max(200), action: z.enum(['approve', 'reject', 'spam']) }).strict();

export interface EngageRouteDeps {
  comments: CommentService;
  /** The canonical path of a public article, for sending a form poster back to it. */
  articlePath: (id: number) => Promise<string | undefined>;
  views: ViewCounter;
  popular: PopularLists;
}

/** Comments (public and moderation) and the view beacon. */
export function registerEngageRoutes(app: FastifyInstance, { comments, views, articlePath }: EngageRouteDeps): void {
  // Plain HTML forms post url-encoded bodies: the comment form works without JavaScript.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_req, body, done) => {
    const form = Object.fromEntries(new URLSearchParams(String(body)));
    done(null, { ...form, ...(form.parentId ? { parentId: Number(form.parentId) } : { parentId: null }) });
  });

  app.get('/api/v1/articles/:id/comments', async (request, reply) => {
    const { id } = parseInput(idParams, request.params);
    const items = await comments.approved(id);
    return reply.header('cache-control', 'public, max-age=15, s-maxage=15').send({ count: items.reduce((n, c) => n + 1 + c.replies.length, 0), items });
  });

  app.post('/api/v1/articles/:id/comments', async (request, reply) => {
    const { id } = parseInput(idParams, request.params);
    const isForm = String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    const input = parseInput(commentInputSchema, request.body);
    const result = await comments.post(id, input, { ip: request.ip });
    if (isForm) {
      // Back to the article's own page (never to a Referer, which the poster controls).
      const path = (await articlePath(id)) ?? '/';
      return reply.redirect(`${path}#comment-${result.status === 'approved' ? 'published' : 'pending'}`, 303);
    }
    if (result.status === 'approved') return reply.code(201).send({ status: 'approved', id: result.id, message: 'মন্তব্য প্রকাশিত হয়েছে' });
    // A honeypot catch looks exactly like a normal submission, so robots learn nothing.
    return reply.code(202).send({ status: 'pending', message: 'মন্তব্যটি মডারেশনের অপেক্ষায় আছে' });
  });

  app.post('/api/v1/articles/:id/views', async (request, reply) => {
    const id = Number((request.params as { id: string }).id);
    if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw new AppError('INVALID_INPUT', 400, 'id must be a positive integer');
    views.record(id, request.ip, request.headers['user-agent']);
    return reply.code(204).header('cache-control', 'no-store').send();
  });

  app.get('/api/admin/comments', async (request) => {
    const q = parseInput(queueQuery, request.query);
    const items = await comments.queue(requireActor(request), { status: q.status, limit: q.limit, before: q.cursor });
    return { items, nextCursor: items.length === q.limit ? (items.at(-1)?.id ?? null) : null };
  });

  app.post('/api/admin/comments/decide', async (request) => {
    const body = parseInput(decisionBody, request.body);
    return { decided: await comments.decide(requireActor(request), body.ids, body.action) };
  });

  for (const action of ['approve', 'reject', 'spam'] as const) {
    app.post(`/api/admin/comments/:id/${action}`, async (request) => {
      const { id } = parseInput(idParams, request.params);
      return { decided: await comments.decide(requireActor(request), [id], action) };
    });
  }

  app.get('/api/admin/comments/settings', async (request) => comments.settings(requireActor(request)));
  app.put('/api/admin/comments/settings', async (request) => comments.saveSettings(requireActor(request), parseInput(commentSettingsSchema, request.body)));
}

export type { PopularWindow };
