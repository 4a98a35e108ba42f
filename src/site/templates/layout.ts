import { html, type SafeHtml } from '../../lib/html.ts';
import type { SiteVM } from '../view-model.ts';
import { renderFooter } from './footer.ts';
import { renderHeader } from './header.ts';

export interface DocumentOptions {
  /** Page title without the site name; empty for the home page. */
  title: string;
  description: string;
  /** Absolute canonical URL, or empty when the page does not know its own URL. */
  canonical: string;
  /** Extra class on <body>, e.g. "page-article". */
  bodyClass: string;
  /** Error and search pages ask not to be indexed. */
  noindex?: boolean;
  main: SafeHtml;
}

/** Wraps a page's main content in the complete HTML document (head, header, footer). */
export function renderDocument(site: SiteVM, options: DocumentOptions): string {
  const fullTitle = options.title ? `${options.title} | ${site.name}` : site.name;
  const feed = site.feeds[0];
  const doc = html`<!doctype html>
<html lang="bn">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${options.description || site.name}">
${options.canonical ? html`<link rel="canonical" href="${options.canonical}">` : ''}
${options.noindex ? html`<meta name="robots" content="noindex">` : ''}
<link rel="stylesheet" href="${site.assets.css}">
${feed ? html`<link rel="alternate" type="application/rss+xml" title="${feed.name}" href="${feed.href}">` : ''}
</head>
<body class="${options.bodyClass}">
${renderHeader(site)}
${options.main}
${renderFooter(site)}
</body>
</html>
`;
  return doc.value;
}
