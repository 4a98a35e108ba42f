import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage } from '../cache/page-cache.ts';

/** Browsers revalidate after a short while; shared caches (a CDN) may serve stale while refreshing. */
export const PAGE_CACHE_CONTROL = 'public, max-age=30, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400';

/** Sends a cached page: 304 on a matching ETag, brotli or gzip when the client takes them. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage, cacheControl = PAGE_CACHE_CONTROL) {
  reply
    .code(page.status)
    .header('content-type', page.contentType)
    .header('etag', page.etag)
    .header('vary', 'Accept-Encoding')
    .header('cache-control', page.status === 200 ? cacheControl : 'no-store')
    .header('surrogate-key', page.tags.join(' '));
  if (page.status === 200 && matchesEtag(request.headers['if-none-match'], page.etag)) {
    return reply.code(304).send();
  }
  const accept = String(request.headers['accept-encoding'] ?? '');
  if (page.br && /\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(page.br);
  if (page.gzip && /\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.body);
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
