/**
 * Old links (a site's URLs before it moved to Prokash) in one normal form, so that every way a
 * browser, a search engine or an old export writes the same link finds the same redirect:
 * `https://old.example/2025/11/02/%E0%A6%AC…/`, `/2025/11/02/%e0%a6%ac…` and `/2025/11/02/ব…` are
 * one path. The form: the path only (scheme and host dropped), every percent-escape decoded to its
 * character (escapes that are not UTF-8 are kept, upper-cased), Unicode NFC, ASCII letters in lower
 * case, no trailing slash, no `index.php/` prefix; the query is dropped except WordPress's post and
 * page parameters, kept as `/?p=ID` and `/?page_id=ID`.
 */

/** Longest old path kept (characters, after normalising); longer ones are not links anyone kept. */
export const MAX_OLD_PATH = 500;

const QUERY_KEYS = ['p', 'page_id'] as const;

/** The normal form of an old link, or undefined when it is not a path on a site (empty, too long, a control character). */
export function normalizeOldPath(link: string): string | undefined {
  let text = link.trim();
  if (!text) return undefined;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(text);
  if (scheme) text = text.slice(scheme[0].length);
  else if (text.startsWith('//')) text = text.replace(/^\/\/[^/?#]*/, '');
  const hash = text.indexOf('#');
  if (hash >= 0) text = text.slice(0, hash);
  const q = text.indexOf('?');
  const rawPath = q >= 0 ? text.slice(0, q) : text;
  const query = q >= 0 ? text.slice(q + 1) : '';
  // ASCII case folds before decoding, so a kept (undecodable) escape is upper-cased after.
  const folded = rawPath.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  let path = decodeEscapes(folded.startsWith('/') ? folded : `/${folded}`)
    .normalize('NFC')
    .replace(/\/{2,}/g, '/');
  path = path.replace(/^\/index\.php(?=\/|$)/, '') || '/';
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (path === '/' && query) {
    const params = new URLSearchParams(query);
    for (const key of QUERY_KEYS) {
      const value = params.get(key)?.trim();
      if (value && /^\d{1,10}$/.test(value)) return `/?${key}=${Number(value)}`;
    }
  }
  // eslint-disable-next-line no-control-regex
  if (path === '/' || path.length > MAX_OLD_PATH || /[\u0000-\u001f\u007f]/.test(path)) return undefined;
  return path;
}

/** Decodes every escape that is UTF-8; a stray `%` or a broken sequence stays, its escapes upper-cased. */
function decodeEscapes(path: string): string {
  return path.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.toUpperCase();
    }
  });
}

/**
 * Whether a path that answered 404 looks like a link of the site before the move (a WordPress
 * date permalink, `?p=`, `/archives/N`, an upload), so the newsroom is shown it as a link to
 * redirect. Takes the normal form.
 */
export function looksLikeOldLink(path: string): boolean {
  return isDateShaped(path) || /^\/\?(?:p|page_id)=\d+$/.test(path) || /^\/archives\/\d+$/.test(path) || path.startsWith('/wp-content/');
}

/** `/2025/11/02/slug`, `/2025/11/slug`, `/2025/11/02/123` (ASCII or Bengali digits): a date permalink, never an article id. */
export function isDateShaped(path: string): boolean {
  return /^\/(?:[0-9]{4}|[০-৯]{4})\/(?:[0-9]{1,2}|[০-৯]{1,2})(?:\/|$)/.test(path);
}
