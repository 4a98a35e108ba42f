import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatHouseDateTime } from '../bangla/date-format.ts';
import type { PreviewLinks } from '../content/articles/preview-link.ts';
import { AppError, ERRORS } from '../lib/errors.ts';
import type { Clock } from '../lib/clock.ts';
import { sendCompressedHtml } from '../cache/send-page.ts';
import type { ReaderPages } from './reader-pages.ts';

export interface PreviewRouteDeps {
  pages: ReaderPages;
  links: PreviewLinks;
  clock: Clock;
  /** Current value: the newsroom can change it at run time. */
  timeZone: () => string;
}

/** Every answer of /preview, the refusals included: for the person holding the link only. */
const PRIVATE = { 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' };

/**
 * GET /preview/{id}?t={token}: an article of any status as its page will look, for anyone holding a
 * signed link the newsroom made (`POST /api/admin/articles/{id}/preview-link`), no account needed.
 * Never cached, by the page cache or anyone else, and never indexed. A forged or mangled link is
 * 403, an expired one 410, each a Bengali page saying what to do; a deleted article is 404.
 */
export function registerPreviewRoute(app: FastifyInstance, deps: PreviewRouteDeps): void {
  app.get<{ Params: { id: string } }>('/preview/:id', async (request, reply) => {
    reply.headers(PRIVATE);
    const id = /^\d{1,10}$/.test(request.params.id) ? Number(request.params.id) : undefined;
    if (id === undefined) return refuse(request, reply, deps, 404);
    const check = deps.links.check(id, (request.query as Record<string, unknown>).t, deps.clock.now());
    if (!check.ok && check.reason === 'expired') return refuse(request, reply, deps, 410, check.expiresAt);
    if (!check.ok) return refuse(request, reply, deps, 403);
    const html = await deps.pages.preview(id, check.expiresAt);
    if (html === undefined) return refuse(request, reply, deps, 404);
    return sendCompressedHtml(request, reply.code(200), html);
  });
}

/** The refusal as a Bengali page (the site's error page, with words for a preview link). */
async function refuse(request: FastifyRequest, reply: FastifyReply, deps: PreviewRouteDeps, status: 403 | 404 | 410, expiredAt?: Date) {
  const error =
    status === 403
      ? new AppError('PREVIEW_LINK_INVALID')
      : status === 410
        ? new AppError('PREVIEW_LINK_EXPIRED')
        : new AppError('NOT_FOUND', 'no such article');
  const words = {
    403: { title: 'প্রিভিউ লিংকটি ঠিক নেই', message: ERRORS.PREVIEW_LINK_INVALID.bn },
    404: { title: 'প্রতিবেদনটি পাওয়া যায়নি', message: 'প্রতিবেদনটি মুছে ফেলা হয়েছে, অথবা ঠিকানাটি ভুল।' },
    410: {
      title: 'প্রিভিউ লিংকের মেয়াদ শেষ',
      message: `${expiredAt ? `এই লিংকটি ${formatHouseDateTime(expiredAt, deps.timeZone())} পর্যন্ত খোলা যেত। ` : ''}${ERRORS.PREVIEW_LINK_EXPIRED.bn}`,
    },
  }[status];
  reply.code(error.statusCode).headers(PRIVATE);
  return sendCompressedHtml(request, reply, await deps.pages.error(error.statusCode, words.title, words.message));
}
