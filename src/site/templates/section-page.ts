import { html } from '../../lib/html.ts';
import type { SectionPageVM, SiteVM } from '../view-model.ts';
import { renderBreadcrumbs } from './breadcrumbs.ts';
import { renderCardList } from './card.ts';
import { renderDocument } from './layout.ts';
import { renderListsTabs } from './lists-tabs.ts';
import { renderPagination } from './pagination.ts';
import { renderShell } from './page-shell.ts';
import { genitive } from '../../bangla/genitive.ts';

/** A section front: breadcrumbs, title, sub-section links, cards, pagination, RSS link. */
export function renderSectionPage(site: SiteVM, page: SectionPageVM): string {
  const main = html`${renderBreadcrumbs(page.breadcrumbs)}
<header class="page-head">
  <h1 class="page-head__title">${page.title}</h1>
  <a class="feed-link" href="${page.feedHref}">RSS</a>
</header>
${
  page.children.length
    ? html`<nav class="subsections" aria-label="${page.title}: উপবিভাগ">
  <ul>${page.children.map((child) => html`<li><a href="${child.href}">${child.name}</a></li>`)}</ul>
</nav>`
    : ''
}
${renderCardList(page.articles, { level: 2, eagerFirst: page.pagination.page <= 1, className: 'card-grid card-grid--list' })}
${renderPagination(page.pagination)}`;
  return renderDocument(site, {
    title: page.pagination.page > 1 ? `${page.title} (${page.pagination.pageLabel})` : page.title,
    description: `${page.title}: ${genitive(site.name)} সর্বশেষ খবর`,
    canonical: page.canonicalUrl,
    styles: 'section',
    bodyClass: 'page-section',
    main: renderShell({ main, side: renderListsTabs(page.lists) }),
  });
}
