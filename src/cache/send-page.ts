import type { FastifyReply, FastifyRequest } from 'fastify';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { identityOf, type CachedPage, type PageCache } from './page-cache.ts';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Browsers revalidate after a short while; shared caches (a CDN) may serve stale while refreshing. */
export const PAGE_CACHE_CONTROL = 'public, max-age=30, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400';

/**
 * For a page that changes by readers' own actions (an article and its comments): the browser asks
 * again on every visit (a 304 when nothing changed), so an approved comment shows on the next load,
 * not up to 30 s later from the browser's cache. No stale-while-revalidate: a browser that honours
 * it for pages would show the old one first. A CDN still keeps it for s-maxage.
 */
export const REVALIDATED_PAGE_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-if-error=86400';

export type PageEncoding = 'br' | 'gzip' | 'identity';

/** The encoding to send: brotli or gzip when the client takes it and the page is worth compressing. */
export function pickEncoding(page: CachedPage, acceptEncoding: string | undefined): PageEncoding {
  if (!acceptEncoding || !page.compressible) return 'identity';
  if (/\bbr\b/.test(acceptEncoding)) return 'br';
  if (/\bgzip\b/.test(acceptEncoding)) return 'gzip';
  return 'identity';
}

/** The body bytes of one encoding, when they are held (the fast path sends only these). */
export function pageBody(page: CachedPage, encoding: PageEncoding): Buffer | undefined {
  return encoding === 'identity' ? page.body : page.encoded[encoding];
}

/**
 * A page's response headers (without the security headers every response carries), made once per
 * page and encoding: the Fastify path and the fast path send exactly these.
 */
export function pageHeaders(page: CachedPage, encoding: PageEncoding | '304', cacheControl?: string): Record<string, string | number> {
  // Made once per encoding with the page's own policy; a caller's other policy is made each time.
  const key = cacheControl === undefined ? encoding : undefined;
  cacheControl ??= page.cacheControl ?? PAGE_CACHE_CONTROL;
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
  if (encoding !== '304') headers['content-length'] = encoding === 'identity' ? page.length : page.encoded[encoding]!.length;
  if (key) (page.headers ??= { br: undefined, gzip: undefined, identity: undefined, '304': undefined })[key] = headers;
  return headers;
}

/**
 * Sends HTML made for one request (a search page), compressed for the client on the thread pool:
 * brotli at a low quality, which costs about as much as gzip and is still smaller.
 */
export async function sendCompressedHtml(request: FastifyRequest, reply: FastifyReply, html: string): Promise<FastifyReply> {
  const body = Buffer.from(html, 'utf8');
  reply.header('content-type', 'text/html; charset=utf-8').header('vary', 'Accept-Encoding');
  const accept = request.headers['accept-encoding'] ?? '';
  if (body.length < 1024) return reply.send(body);
  if (/\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(await brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }));
  if (/\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(await gzipAsync(body, { level: 4 }));
  return reply.send(body);
}

/** True when an If-None-Match header names this ETag. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header === etag) return true;
  return header === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * Sends a cached page: 304 on a matching ETag, brotli or gzip when the client takes them (made now
 * if this is the first client to ask for that form).
 */
export async function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage, cache: PageCache, cacheControl?: string) {
  if (page.status === 200 && matchesEtag(request.headers['if-none-match'], page.etag)) {
    return reply
      .code(304)
      .headers(pageHeaders(page, '304', cacheControl))
      .send();
  }
  const encoding = pickEncoding(page, request.headers['accept-encoding']);
  const body = encoding === 'identity' ? identityOf(page) : await cache.encode(page, encoding);
  return reply
    .code(page.status)
    .headers(pageHeaders(page, encoding, cacheControl))
    .send(body);
}
