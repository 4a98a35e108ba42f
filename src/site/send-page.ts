import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage } from '../cache/page-cache.ts';

/** Browsers revalidate after a short while; shared caches (a CDN) may serve stale while refreshing. */
export const PAGE_CACHE_CONTROL = 'public, max-age=30, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400';

export type PageEncoding = 'br' | 'gzip' | 'identity';

/** The encoding to send: brotli or gzip when the client takes it and the page has it. */
export function pickEncoding(page: CachedPage, acceptEncoding: string | undefined): PageEncoding {
  if (!acceptEncoding) return 'identity';
  if (page.br && /\bbr\b/.test(acceptEncoding)) return 'br';
  if (page.gzip && /\bgzip\b/.test(acceptEncoding)) return 'gzip';
  return 'identity';
}

/** The body bytes of one encoding. */
export function pageBody(page: CachedPage, encoding: PageEncoding): Buffer {
  return encoding === 'br' ? page.br! : encoding === 'gzip' ? page.gzip! : page.body;
}

/**
 * A page's response headers (without the security headers every response carries), made once per
 * page and encoding: the Fastify path and the fast path send exactly these.
 */
export function pageHeaders(page: CachedPage, encoding: PageEncoding | '304', cacheControl = PAGE_CACHE_CONTROL): Record<string, string | number> {
  const key = cacheControl === PAGE_CACHE_CONTROL ? encoding : undefined;
  const made = key && page.headers?.[key];
  if (made) return made;
  const headers: Record<string, string | number> = {
    'content-type': page.contentType,
    etag: page.etag,
    vary: 'Accept-Encoding',
    'cache-control': page.status === 200 ? cacheControl : 'no-store',
    // What a CDN purges by: the page's own tags, not the many `card:` tags of what it lists.
    'surrogate-key': page.tags.filter((t) => !t.startsWith('card:')).join(' '),
  };
  if (encoding === 'br' || encoding === 'gzip') headers['content-encoding'] = encoding;
  if (encoding !== '304') headers['content-length'] = pageBody(page, encoding).length;
  if (key) (page.headers ??= {})[key] = headers;
  return headers;
}

/** True when an If-None-Match header names this ETag. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header === etag) return true;
  return header === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** Sends a cached page: 304 on a matching ETag, brotli or gzip when the client takes them. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage, cacheControl = PAGE_CACHE_CONTROL) {
  if (page.status === 200 && matchesEtag(request.headers['if-none-match'], page.etag)) {
    return reply.code(304).headers(pageHeaders(page, '304', cacheControl)).send();
  }
  const encoding = pickEncoding(page, request.headers['accept-encoding']);
  return reply.code(page.status).headers(pageHeaders(page, encoding, cacheControl)).send(pageBody(page, encoding));
}
