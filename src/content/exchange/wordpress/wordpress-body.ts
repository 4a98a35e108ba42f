import { uploadsPathOf, type WordPressSite } from './wordpress-site.ts';

/** Where a body image read from the uploads folder points until the import stores it (never fetched). */
export const UPLOAD_PLACEHOLDER = 'https://uploads.invalid/';

const BLOCK_START = /^<(?:p|div|h[1-6]|ul|ol|li|blockquote|figure|table|pre|hr|iframe)[\s>/]/i;

/**
 * A post's HTML as WordPress would show it, ready for the document model: Gutenberg block
 * comments stripped, paragraphs made from blank lines (wpautop, for the classic editor),
 * `[caption]` made a figure with its caption, `[embed]` and lone URLs left as a paragraph of the
 * URL (an embed where the provider is known, a link otherwise), every other shortcode removed
 * (its enclosed text kept), images under wp-content/uploads pointed at their local file (or
 * dropped, and named in `missing`, when the file is not there), and links to the old site made
 * site-relative, so its old links lead through the redirects.
 */
export function wordpressBodyHtml(content: string, site: WordPressSite, missing: string[]): { html: string; images: Array<{ src: string; path: string }> } {
  const images: Array<{ src: string; path: string }> = [];
  let html = content.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '');
  html = html.replace(/\[caption[^\]]*\]([\s\S]*?)\[\/caption\]/gi, (_all, inner: string) => {
    const img = /(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*<\/a>)?/i.exec(inner);
    if (!img) return inner;
    const caption = inner.replace(img[0], '').trim();
    return `\n\n<figure>${img[0]}<figcaption>${caption}</figcaption></figure>\n\n`;
  });
  html = html.replace(/\[embed[^\]]*\]\s*([^[\s]+)\s*\[\/embed\]/gi, (_all, url: string) => `\n\n<p>${url}</p>\n\n`);
  // Any other shortcode: its tags go, what it encloses stays.
  html = html.replace(/\[\/?[a-z][a-z0-9_-]*(?:\s[^\]]*)?\]/gi, '');
  html = html.replace(/<img\b[^>]*>/gi, (tag) => {
    const src = /\ssrc\s*=\s*(["'])(.*?)\1/i.exec(tag)?.[2] ?? '';
    const relative = uploadsPathOf(src);
    if (relative === undefined) return tag;
    const file = site.uploadFile(relative);
    if (!file) {
      missing.push(relative);
      return '';
    }
    const placeholder = UPLOAD_PLACEHOLDER + encodeURI(relative);
    images.push({ src: placeholder, path: file });
    return tag.replace(/\s(?:src|data-src|srcset|sizes)\s*=\s*(["']).*?\1/gi, '').replace(/^<img/i, `<img src="${placeholder}"`);
  });
  if (site.siteUrl) {
    const escaped = site.siteUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/^https?/, 'https?');
    html = html.replace(new RegExp(`href=(["'])${escaped}(/[^"']*)?\\1`, 'gi'), (_all, q: string, path: string | undefined) => `href=${q}${path ?? '/'}${q}`);
  }
  return { html: autop(html), images };
}

/** wpautop: blank lines part paragraphs, a single line break inside one is a <br>. */
function autop(html: string): string {
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (BLOCK_START.test(part) ? part : `<p>${part.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
}
