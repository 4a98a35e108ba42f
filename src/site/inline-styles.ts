/**
 * Each kind of reader page's stylesheet, cut from site.css by page-styles.ts, as the text a page
 * writes into its <head> in a <style> element, and the Content-Security-Policy sources that allow
 * exactly these texts and no other inline style (their SHA-256). Read once, when first imported.
 *
 * Inlined rather than linked: a linked stylesheet blocks the first paint until its own request
 * comes back, a round trip after the HTML (150 ms and more on a phone's 4G), and most of a news
 * site's readers arrive on one page from a share or a search with nothing cached. The sheets are
 * 2.7–4.3 KB in brotli (docs/benchmarks.md, "The stylesheet in the page"), less than one card's
 * picture, so a reader who goes on to more pages pays that much a page instead of a request.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findProjectRoot } from '../lib/project-root.ts';
import { PAGE_STYLE_NAMES, PAGE_STYLES, selectParts, type PageStyle } from './page-styles.ts';

/** Each kind of page's stylesheet, as written between its `<style>` and `</style>`. */
export type InlineStyles = Readonly<Record<PageStyle, string>>;

/** The stylesheets of site.css by kind of page, and each one's CSP hash source (`'sha256-…'`). */
export function pageStylesheets(source: string): { styles: InlineStyles; sources: readonly string[] } {
  const styles = Object.fromEntries(PAGE_STYLE_NAMES.map((name) => [name, selectParts(source, new Set(PAGE_STYLES[name])) + '\n'])) as Record<
    PageStyle,
    string
  >;
  for (const [name, css] of Object.entries(styles)) {
    // The text ends the element wherever it says </style: site.css must never say it.
    if (/<\/style/i.test(css)) throw new Error(`site.css: the ${name} stylesheet contains "</style", which would end its <style> element`);
  }
  return { styles, sources: [...new Set(Object.values(styles).map(styleHashSource))] };
}

/** The CSP source that allows an inline <style> whose text is exactly `css`. */
export function styleHashSource(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

// Read from src/ even when this file runs from dist/: tsc copies no CSS.
const SITE_CSS = join(findProjectRoot(dirname(fileURLToPath(import.meta.url))), 'src/site/assets/site.css');
const loaded = pageStylesheets(readFileSync(SITE_CSS, 'utf8'));

/** The stylesheet each kind of reader page inlines. */
export const INLINE_STYLES: InlineStyles = loaded.styles;

/** `'sha256-…'` for each of INLINE_STYLES, for the `style-src` directive. */
export const INLINE_STYLE_SOURCES: readonly string[] = loaded.sources;
