import { z } from 'zod';
import { idParams } from '../lib/parse-input.ts';
import type { CommentService } from '../engage/comments/comment.service.ts';
import { commentSettingsSchema } from '../engage/comments/comment-settings.ts';
import { adminEndpoint } from './newsroom-endpoint.ts';
import { decidedAnswer, pageOf, queuedCommentAnswer } from './answers.ts';

const queueQuery = z.object({
  status: z.enum(['pending', 'approved', 'rejected', 'spam']).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.coerce.number().int().positive().optional(),
});
const decisionBody = z.object({ ids: z.array(z.number().int().positive()).min(1).max(200), action: z.enum(['approve', 'reject', 'spam']) }).strict();
/** A decision that shows or hides an approved comment: that article's page (comments.changed). */
const DECISION_INVALIDATES = ['article:<each article whose approved comments changed>'];

/** The moderation queue, decisions on comments and the comment settings (sub-editor and above; the service checks). */
export function moderationEndpoints({ comments }: { comments: CommentService }) {
  return [...queueEndpoints(comments), ...settingsEndpoints(comments)];
}

function queueEndpoints(comments: CommentService) {
  return [
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/comments',
      summary: 'The moderation queue (pending comments by default), newest first',
      response: pageOf(queuedCommentAnswer, z.number().int().nullable()),
      access: 'signed-in',
      query: queueQuery,
      handle: async ({ actor, query: q }) => {
        const items = await comments.queue(actor, { status: q.status, limit: q.limit, before: q.cursor });
        return { items, nextCursor: items.length === q.limit ? (items.at(-1)?.id ?? null) : null };
      },
    }),
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/comments/decide',
      summary: 'Approves, rejects or marks as spam several comments at once',
      response: decidedAnswer,
      access: 'signed-in',
      body: decisionBody,
      invalidates: DECISION_INVALIDATES,
      handle: async ({ actor, body }) => ({ decided: await comments.decide(actor, body.ids, body.action) }),
    }),
    ...(['approve', 'reject', 'spam'] as const).map((action) =>
      adminEndpoint({
        method: 'POST',
        path: `/api/admin/comments/:id/${action}`,
        summary: action === 'spam' ? 'Marks a comment as spam' : `${action === 'approve' ? 'Approves' : 'Rejects'} a comment`,
        response: decidedAnswer,
        access: 'signed-in',
        params: idParams,
        invalidates: DECISION_INVALIDATES,
        handle: async ({ actor, params }) => ({ decided: await comments.decide(actor, [params.id], action) }),
      }),
    ),
  ];
}

function settingsEndpoints(comments: CommentService) {
  return [
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/comments/settings',
      summary: 'The comment settings',
      response: commentSettingsSchema,
      access: 'signed-in',
      handle: ({ actor }) => comments.settings(actor),
    }),
    adminEndpoint({
      method: 'PUT',
      path: '/api/admin/comments/settings',
      summary: 'Saves the comment settings',
      response: commentSettingsSchema,
      access: 'signed-in',
      body: commentSettingsSchema,
      handle: ({ actor, body }) => comments.saveSettings(actor, body),
    }),
  ];
}
