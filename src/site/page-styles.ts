/**
 * One stylesheet per kind of reader page, cut from site.css: each page ships only the parts it
 * uses. site.css names its parts with marker comments (`/* @part article *\/`, at the top level or
 * inside an `@media` block); a rule belongs to the last part named before it.
 */

/** The parts of site.css each kind of page uses. `print` is what a printed page needs. */
export const PAGE_STYLES = {
  home: ['base', 'shell', 'blocks', 'cards', 'images', 'grids', 'home', 'print'],
  article: ['base', 'shell', 'blocks', 'cards', 'images', 'grids', 'pills', 'breadcrumbs', 'article', 'print'],
  section: ['base', 'shell', 'cards', 'images', 'list', 'pills', 'breadcrumbs', 'section', 'print'],
  /** Tag, author, district, সর্বশেষ and জনপ্রিয় pages. */
  list: ['base', 'shell', 'cards', 'images', 'list', 'print'],
  archive: ['base', 'shell', 'blocks', 'cards', 'images', 'list', 'archive', 'print'],
  search: ['base', 'shell', 'cards', 'images', 'list', 'search', 'print'],
  error: ['base', 'error', 'print'],
} as const satisfies Record<string, readonly string[]>;

export type PageStyle = keyof typeof PAGE_STYLES;

export const PAGE_STYLE_NAMES = Object.keys(PAGE_STYLES) as PageStyle[];

const MARKER = /^\/\*\s*@part\s+([a-z-]+)\s*\*\/$/;

/** The rules of `css` that belong to one of `parts`, comments dropped, in their order. */
export function selectParts(css: string, parts: ReadonlySet<string>, initial = 'base'): string {
  const out: string[] = [];
  let part = initial;
  for (const item of topLevelItems(css)) {
    if (item.startsWith('/*')) {
      const marker = MARKER.exec(item);
      if (marker) part = marker[1]!;
      continue;
    }
    const open = item.indexOf('{');
    const body = item.slice(open + 1, -1);
    if (item.startsWith('@media') && /\/\*\s*@part\s/.test(body)) {
      // A media block holding rules of several parts keeps only the ones asked for.
      const inner = selectParts(body, parts, part);
      if (inner) out.push(`${item.slice(0, open).trim()} {\n${inner}\n}`);
    } else if (parts.has(part)) out.push(item);
  }
  return out.join('\n');
}

/** Every part name site.css gives, in order of first appearance. */
export function partNames(css: string): string[] {
  return [...new Set([...css.matchAll(/\/\*\s*@part\s+([a-z-]+)\s*\*\//g)].map((m) => m[1]!))];
}

/** The top-level comments, rules and at-blocks of a stylesheet, trimmed, indentation removed. */
function topLevelItems(css: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) throw new Error('site.css: a comment is not closed');
      if (depth === 0 && start < 0) items.push(css.slice(i, end + 2));
      i = end + 1;
    } else if (c === "'" || c === '"') {
      const end = css.indexOf(c, i + 1);
      if (end < 0) throw new Error('site.css: a string is not closed');
      if (start < 0) start = i;
      i = end;
    } else if (c === '{') {
      if (start < 0) start = i;
      depth++;
    } else if (c === '}') {
      if (--depth < 0) throw new Error('site.css: a } closes nothing');
      if (depth === 0) {
        items.push(tidy(css.slice(start, i + 1)));
        start = -1;
      }
    } else if (start < 0 && !/\s/.test(c)) start = i;
  }
  if (depth !== 0 || start >= 0) throw new Error('site.css: a block is not closed');
  return items;
}

// Indentation and the comments inside a rule carry nothing for the browser.
function tidy(item: string): string {
  return item
    .replace(/\/\*(?!\s*@part\s)[\s\S]*?\*\//g, '')
    .replace(/\n\s*\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
    .trim();
}
