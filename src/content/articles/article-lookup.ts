import { toAsciiDigits } from '../../bangla/digits.ts';

/** The largest article id the tables hold (a 32-bit signed integer on both dialects). */
const MAX_ARTICLE_ID = 2_147_483_647;

/**
 * The article id a newsroom search names, or undefined when it names none (and is headline text):
 * a number in either script (`251042`, `২৫১০৪২`, `#251042`), or a pasted link whose path carries
 * the id — a reader URL (`https://site/world/asia/251042`, with or without its slug), the
 * newsroom's own (`/admin/articles/251042`) or the preview's. The last all-digit path segment
 * is the id, so a slug after it does not matter.
 */
export function articleIdIn(text: string): number | undefined {
  const trimmed = toAsciiDigits(text.trim());
  const number = /^#?(\d{1,10})$/.exec(trimmed);
  if (number) return validId(number[1]!);
  const path = linkPath(trimmed);
  if (path === undefined) return undefined;
  const segments = path.split('/').filter(Boolean);
  for (let i = segments.length - 1; i >= 0; i--) {
    if (/^\d{1,10}$/.test(segments[i]!)) return validId(segments[i]!);
  }
  return undefined;
}

/** The path of a pasted link: `http(s)://host/path`, `host.tld/path` or `/path`; query and fragment dropped. */
function linkPath(text: string): string | undefined {
  if (/\s/.test(text)) return undefined;
  let path: string;
  if (/^https?:\/\//i.test(text)) {
    try {
      path = new URL(text).pathname;
    } catch {
      return undefined;
    }
  } else if (text.startsWith('/')) path = text;
  else {
    // A link copied without its scheme: a host name with a dot, then a path.
    const m = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(\/.*)$/i.exec(text);
    if (!m) return undefined;
    path = m[1]!;
  }
  return path.replace(/[?#].*$/, '');
}

function validId(digits: string): number | undefined {
  const id = Number(digits);
  return id >= 1 && id <= MAX_ARTICLE_ID ? id : undefined;
}
