import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CachedPage, Fragment, PageCache } from '../cache/page-cache.ts';
import { matchesEtag, pageBody, pageHeaders, pickEncoding, type PageEncoding } from '../cache/send-page.ts';
import { pageKey } from './page-key.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

const headersMade = new WeakMap<CachedPage, Partial<Record<PageEncoding | '304', string[]>>>();

/**
 * Answers a request for a page the cache holds, fresh and composed with the current fragments,
 * before the framework sees it: from memory, with no database query and no per-request work
 * beyond a map lookup, the ETag check and the encoding choice. Everything else (a miss, a stale
 * fragment, any other method or path) returns false and goes through Fastify's routes, which
 * render, recompose or redirect. Both paths send the same headers (pageHeaders).
 */
export function createPageFastPath(cache: PageCache, fragments: () => Record<string, Fragment> | undefined) {
  return function servePage(req: IncomingMessage, res: ServerResponse): boolean {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return false;
    const key = pageKey(req.url);
    if (key === undefined) return false;
    const page = cache.peek(key, fragments());
    if (!page || page.status !== 200) return false;
    if (matchesEtag(req.headers['if-none-match'], page.etag)) {
      res.writeHead(304, headersFor(page, '304'));
      res.end();
      return true;
    }
    const encoding = pickEncoding(page, req.headers['accept-encoding']);
    const body = pageBody(page, encoding);
    if (!body) return false; // the first client to ask for this form: it is made on the full path
    res.writeHead(200, headersFor(page, encoding));
    if (req.method === 'HEAD') res.end();
    else res.end(body);
    return true;
  };
}

/** The response headers as node:http's flat list (name, value, …), which it writes with the least work. */
function headersFor(page: CachedPage, encoding: PageEncoding | '304'): string[] {
  let made = headersMade.get(page);
  if (!made) headersMade.set(page, (made = {}));
  return (made[encoding] ??= Object.entries({ ...pageHeaders(page, encoding), ...SECURITY_HEADERS }).flatMap(([name, value]) => [name, String(value)]));
}
