import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams } from '../lib/parse-input.ts';
import { endpointsFor } from '../lib/endpoint.ts';
import { commentInputSchema, type CommentService, type PublicComment } from './comments/comment.service.ts';
import type { ViewCounter } from './views/view-counter.ts';
import type { PopularWindow } from './views/popular-lists.ts';

export interface EngageRouteDeps {
  comments: CommentService;
  /** The canonical path of a public article, for sending a form poster back to it. */
  articlePath: (id: number) => Promise<string | undefined>;
  views: ViewCounter;
}

/** Plain HTML forms post url-encoded bodies: the comment form works without JavaScript. */
export function registerFormBodies(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_req, body, done) => {
    const form = Object.fromEntries(new URLSearchParams(String(body)));
    done(null, { ...form, ...(form.parentId ? { parentId: Number(form.parentId) } : { parentId: null }) });
  });
}

const readerEndpoint = endpointsFor<unknown, never>();

const commentAnswer: z.ZodType<PublicComment> = z.lazy(() =>
  z.object({ id: z.number().int(), name: z.string(), body: z.string(), createdAt: z.string(), replies: z.array(commentAnswer) }).meta({ id: 'PublicComment' }),
);
/** What GET /api/v1/articles/:id/comments answers: every approved comment, newest first, each with its replies. */
export const commentsAnswer = z.object({ count: z.number().int(), items: z.array(commentAnswer) });
const postedAnswer = z.object({ status: z.literal('approved'), id: z.number().int(), message: z.string() });
const pendingAnswer = z.object({ status: z.literal('pending'), message: z.string() });

/** Readers' comments and the view beacon (moderation is the newsroom's: newsroom/moderation.routes.ts). */
export function engageEndpoints({ comments, views, articlePath }: EngageRouteDeps) {
  return [
    readerEndpoint({
      method: 'GET',
      path: '/api/v1/articles/:id/comments',
      summary: "An article's approved comments, with one level of replies",
      access: 'public',
      params: idParams,
      response: commentsAnswer,
      handle: async ({ params: { id }, reply }) => {
        const items = await comments.approved(id);
        // Browsers ask again each time (a decision shows at once); a CDN may keep it 15 s.
        reply.header('cache-control', 'public, max-age=0, s-maxage=15');
        return { count: items.reduce((n, c) => n + 1 + c.replies.length, 0), items };
      },
    }),
    readerEndpoint({
      method: 'POST',
      path: '/api/v1/articles/:id/comments',
      summary: 'Posts a comment (JSON, or a plain form that is sent back to the article)',
      description:
        'Answers 201 when the comment is shown at once (post-moderation), 202 when it waits for a moderator. A plain HTML form (`application/x-www-form-urlencoded`) is answered 303 back to the article instead.',
      access: 'public',
      params: idParams,
      body: commentInputSchema,
      status: 201,
      response: postedAnswer,
      otherResponses: {
        202: { description: 'Accepted: the comment waits for a moderator', response: pendingAnswer },
        303: {
          description: "A form's post, sent back to the article's page",
          headers: { location: { description: 'The article, at its comments', schema: { type: 'string' } } },
        },
      },
      invalidates: ['article:<id> (when published at once)'],
      handle: async ({ params: { id }, body, request, reply }) => {
        const isForm = (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
        const result = await comments.post(id, body, { ip: request.ip });
        if (isForm) {
          // Back to the article's own page (never to a Referer, which the poster controls).
          const path = (await articlePath(id)) ?? '/';
          return reply.redirect(`${path}#comment-${result.status === 'approved' ? 'published' : 'pending'}`, 303);
        }
        if (result.status === 'approved') return reply.code(201).send({ status: 'approved', id: result.id, message: 'মন্তব্য প্রকাশিত হয়েছে' });
        // A honeypot catch looks exactly like a normal submission, so robots learn nothing.
        return reply.code(202).send({ status: 'pending', message: 'মন্তব্যটি মডারেশনের অপেক্ষায় আছে' });
      },
    }),
    readerEndpoint({
      method: 'POST',
      path: '/api/v1/articles/:id/views',
      summary: 'Counts a page view (the beacon; answered before routing when well-formed)',
      access: 'public',
      params: idParams,
      status: 204,
      handle: async ({ params: { id }, request, reply }) => {
        views.record(id, request.ip, request.headers['user-agent']);
        return reply.code(204).header('cache-control', 'no-store').send();
      },
    }),
  ];
}

export type { PopularWindow };
