import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CachedPage, Fragment, PageCache } from '../cache/page-cache.ts';
import { matchesEtag, pageBody, pageHeaders, pickEncoding, type PageEncoding } from '../cache/send-page.ts';
import { pageKey } from './page-key.ts';
import { cameOverHttps, HTTPS_SECURITY_HEADERS, SECURITY_HEADERS } from './security-headers.ts';

type MadeHeaders = Partial<Record<PageEncoding | '304', string[]>>;
// Made once per page and form; HTTPS answers (with Strict-Transport-Security) kept apart.
const headersMade = new WeakMap<CachedPage, MadeHeaders>();
const httpsHeadersMade = new WeakMap<CachedPage, MadeHeaders>();

/**
 * Answers a request for a page the cache holds, fresh and composed with the current fragments,
 * before the framework sees it: from memory, with no database query and no per-request work
 * beyond a map lookup, the ETag check and the encoding choice. Everything else (a miss, a stale
 * fragment, any other method or path) returns false and goes through Fastify's routes, which
 * render, recompose or redirect. Both paths send the same headers (pageHeaders).
 */
export function createPageFastPath(cache: PageCache, fragments: () => Record<string, Fragment> | undefined, trustProxy = false) {
  return function servePage(req: IncomingMessage, res: ServerResponse): boolean {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return false;
    const key = pageKey(req.url);
    if (key === undefined) return false;
    const page = cache.peek(key, fragments());
    if (!page || page.status !== 200) return false;
    if (matchesEtag(req.headers['if-none-match'], page.etag)) {
      res.writeHead(304, headersFor(page, '304', cameOverHttps(req, trustProxy)));
      res.end();
      return true;
    }
    const encoding = pickEncoding(page, req.headers['accept-encoding']);
    const body = pageBody(page, encoding);
    if (!body) return false; // the first client to ask for this form: it is made on the full path
    res.writeHead(200, headersFor(page, encoding, cameOverHttps(req, trustProxy)));
    if (req.method === 'HEAD') res.end();
    else res.end(body);
    return true;
  };
}

/** The response headers as node:http's flat list (name, value, …), which it writes with the least work. */
function headersFor(page: CachedPage, encoding: PageEncoding | '304', https: boolean): string[] {
  const store = https ? httpsHeadersMade : headersMade;
  let made = store.get(page);
  if (!made) store.set(page, (made = { br: undefined, gzip: undefined, identity: undefined, '304': undefined }));
  const security = https ? HTTPS_SECURITY_HEADERS : SECURITY_HEADERS;
  return (made[encoding] ??= Object.entries({ ...pageHeaders(page, encoding), ...security }).flatMap(([name, value]) => [name, String(value)]));
}
