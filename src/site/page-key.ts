import { toAsciiDigits } from '../bangla/digits.ts';

/** Deepest page a list serves; beyond it an archive day is the way in. */
export const MAX_PAGE = 500;

const POPULAR_WINDOWS: ReadonlySet<string> = new Set(['6h', '24h', '7d']);
// An article URL ends in its id (ASCII digits); so does an archive day. Neither reads parameters.
const NO_PARAMETERS = /\/\d+$/;

/**
 * The page cache key of a reader URL: its path, plus `page` (beyond the first) and `window`
 * (other than 24h), the only parameters reader pages read; any other parameter (a tracking
 * `fbclid`, say) shares the page. Undefined when `page` or `window` is malformed (the route
 * answers 400) and for WordPress's `/?p=ID` and `/?page_id=ID` (an old link the route redirects,
 * never the home page). The routes and the fast path both key pages with this function.
 */
export function pageKey(url: string): string | undefined {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const path = url.slice(0, q);
  if (NO_PARAMETERS.test(path)) return path;
  const params = new URLSearchParams(url.slice(q + 1));
  if (path === '/' && (params.has('p') || params.has('page_id'))) return undefined;
  let key = path;
  const page = params.get('page');
  if (page !== null) {
    const n = parsePage(page);
    if (n === undefined) return undefined;
    if (n > 1) key += `?page=${n}`;
  }
  const window = params.get('window');
  if (window !== null) {
    if (!POPULAR_WINDOWS.has(window)) return undefined;
    if (window !== '24h') key += `${key.includes('?') ? '&' : '?'}window=${window}`;
  }
  return key;
}

/** A list page number, ASCII or Bengali digits, 1 to MAX_PAGE; undefined otherwise. */
export function parsePage(value: string): number | undefined {
  const text = toAsciiDigits(value);
  if (!/^\d{1,4}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= MAX_PAGE ? n : undefined;
}
