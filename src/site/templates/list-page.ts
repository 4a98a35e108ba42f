import { html } from '../../lib/html.ts';
import type { ListPageVM, SiteVM } from '../view-model.ts';
import { renderCardList } from './card.ts';
import { renderDocument } from './layout.ts';
import { renderListsTabs } from './lists-tabs.ts';
import { renderPagination } from './pagination.ts';
import { renderShell } from './page-shell.ts';

/** Tag, author/desk, district, সর্বশেষ and জনপ্রিয় pages: title, subtitle, cards, pagination. */
export function renderListPage(site: SiteVM, page: ListPageVM): string {
  const main = html`<header class="page-head page-head--${page.kind}">
  <h1 class="page-head__title">${page.title}</h1>
  ${page.subtitle ? html`<p class="page-head__subtitle">${page.subtitle}</p>` : ''}
</header>
${renderCardList(page.articles, { level: 2, eagerFirst: page.pagination.page <= 1, className: 'card-grid card-grid--list' })}
${renderPagination(page.pagination)}`;
  return renderDocument(site, {
    title: page.pagination.page > 1 ? `${page.title} (${page.pagination.pageLabel})` : page.title,
    description: page.subtitle ? `${page.title}: ${page.subtitle}` : `${page.title}: ${site.name}`,
    canonical: page.canonicalUrl,
    styles: 'list',
    bodyClass: `page-list page-list--${page.kind}`,
    main: renderShell({ main, side: renderListsTabs(page.lists) }),
  });
}
