import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, parseInput } from '../lib/parse-input.ts';
import type { CommentService } from '../engage/comments/comment.service.ts';
import { commentSettingsSchema } from '../engage/comments/comment-settings.ts';
import { requireActor } from './admin-auth.ts';

const queueQuery = z.object({
  status: z.enum(['pending', 'approved', 'rejected', 'spam']).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.coerce.number().int().positive().optional(),
});
const decisionBody = z.object({ ids: z.array(z.number().int().positive()).min(1).max(200), action: z.enum(['approve', 'reject', 'spam']) }).strict();

/** The moderation queue, decisions on comments and the comment settings (sub-editor and above). */
export function registerModerationRoutes(app: FastifyInstance, { comments }: { comments: CommentService }): void {
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
