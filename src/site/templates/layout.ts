import { html, raw, type SafeHtml } from '../../lib/html.ts';
import type { SiteVM } from '../view-model.ts';
import type { PageStyle } from '../page-styles.ts';
import { renderFooter } from './footer.ts';
import { renderHeader } from './header.ts';
import { jsonLdScript } from '../head/json-ld.ts';
import { pageSocialMeta, type MetaTag } from '../head/social-meta.ts';

export interface DocumentOptions {
  /** Page title without the site name; empty for the home page. */
  title: string;
  description: string;
  /** Absolute canonical URL, or empty when the page does not know its own URL. */
  canonical: string;
  /** Extra class on <body>, e.g. "page-article". */
  bodyClass: string;
  /** Which stylesheet the page carries: only the rules its kind of page uses. */
  styles: PageStyle;
  /** Error and search pages ask not to be indexed. */
  noindex?: boolean;
  /** Open Graph and Twitter tags; pages that do not give them get the site's generic card. */
  social?: MetaTag[];
  /** Structured data (schema.org objects), each in its own JSON-LD script element. */
  jsonLd?: Array<Record<string, unknown>>;
  main: SafeHtml;
}

/** Wraps a page's main content in the complete HTML document (head, header, footer). */
export function renderDocument(site: SiteVM, options: DocumentOptions): string {
  const fullTitle = options.title ? `${options.title} | ${site.name}` : site.name;
  const social = options.noindex
    ? []
    : (options.social ?? pageSocialMeta(site, { title: fullTitle, description: options.description || site.name, url: options.canonical }));
  const doc = html`<!doctype html>
<html lang="bn">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${options.description || site.name}">
${options.canonical ? html`<link rel="canonical" href="${options.canonical}">` : ''}
<meta name="robots" content="${options.noindex ? 'noindex' : 'max-image-preview:large'}">
${social.map(
  (tag) => html`<meta ${tag.attr}="${tag.key}" content="${tag.content}">
`,
)}<style>${raw(site.assets.styles[options.styles])}</style>
${site.assets.js ? html`<script src="${site.assets.js}" defer></script>` : ''}
${site.feeds.map(
  (feed) => html`<link rel="alternate" type="application/rss+xml" title="${feed.name}" href="${feed.href}">
`,
)}${(options.jsonLd ?? []).map(
    (data) => html`${jsonLdScript(data)}
`,
  )}</head>
<body class="${options.bodyClass}">
${renderHeader(site)}
${options.main}
${renderFooter(site)}
</body>
</html>
`;
  return doc.value;
}
