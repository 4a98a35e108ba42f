import { html, type SafeHtml } from '../../lib/html.ts';
import type { ArchivePageVM, SiteVM } from '../view-model.ts';
import { renderCardList } from './card.ts';
import { renderDocument } from './layout.ts';
import { renderListsTabs } from './lists-tabs.ts';
import { renderShell } from './page-shell.ts';
import { genitive } from '../../bangla/genitive.ts';

/** One day's archive: the day in three calendars, its articles, its print edition by page. */
export function renderArchivePage(site: SiteVM, page: ArchivePageVM): string {
  const main = html`<header class="page-head archive-head">
  <p class="page-head__eyebrow">আর্কাইভ</p>
  <h1 class="page-head__title">${page.gregorianLabel}</h1>
  <p class="page-head__subtitle">${page.banglaLabel} · ${page.hijriLabel}</p>
</header>
${renderDayNav(page, 'দিন')}
${renderDatePicker(page.date)}
<section class="archive-day" aria-labelledby="archive-online">
  <h2 class="block-title" id="archive-online">এই দিনের খবর</h2>
  ${renderCardList(page.articles, { level: 3, eagerFirst: true, className: 'card-grid card-grid--list' })}
</section>
${page.printPages.length ? renderPrintEdition(page) : ''}
${renderDayNav(page, 'দিন, পাতার শেষে')}`;
  return renderDocument(site, {
    title: `আর্কাইভ: ${page.gregorianLabel}`,
    description: `${page.gregorianLabel}, ${page.banglaLabel}, ${page.hijriLabel}: ${genitive(site.name)} সব খবর`,
    canonical: `${site.origin}${archivePath(page.date)}`,
    styles: 'archive',
    bodyClass: 'page-archive',
    main: renderShell({ main, side: renderListsTabs(page.lists) }),
  });
}

function renderPrintEdition(page: ArchivePageVM): SafeHtml {
  return html`<section class="print-edition" id="print-edition" aria-labelledby="archive-print">
  <h2 class="block-title" id="archive-print">প্রিন্ট সংস্করণ</h2>
  ${page.printPages.map(
    (printPage) => html`<section class="print-page" id="print-page-${printPage.page}">
    <h3 class="print-page__title">${printPage.pageLabel}</h3>
    ${renderCardList(printPage.articles, { level: 3, className: 'card-grid card-grid--compact' })}
  </section>`,
  )}
</section>`;
}

// Two of these on the page (top and bottom): landmarks with one role need different names.
function renderDayNav(page: ArchivePageVM, label: string): SafeHtml {
  return html`<nav class="pagination day-nav" aria-label="${label}">
  <a class="pagination__link" rel="prev" href="${page.prevDayHref}">আগের দিন</a>
  ${page.nextDayHref ? html`<a class="pagination__link" rel="next" href="${page.nextDayHref}">পরের দিন</a>` : ''}
</nav>`;
}

// A plain GET form: the /archive route turns ?date=yyyy-mm-dd into /archive/yyyy/mm/dd.
function renderDatePicker(date: string): SafeHtml {
  return html`<form class="date-picker" action="/archive" method="get">
  <label class="date-picker__label" for="archive-date">তারিখ বেছে নিন</label>
  <input class="date-picker__input" id="archive-date" type="date" name="date" value="${date}" required>
  <button class="date-picker__button" type="submit">দেখুন</button>
</form>`;
}

/** /archive/yyyy/mm/dd from an ISO day, as the public contract spells it. */
function archivePath(isoDay: string): string {
  return `/archive/${isoDay.replaceAll('-', '/')}`;
}
