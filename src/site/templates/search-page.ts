import { html, type SafeHtml } from '../../lib/html.ts';
import type { ArticleCardVM, LinkVM, ListsVM, PaginationVM, SiteVM } from '../view-model.ts';
import { renderCard } from './card.ts';
import { renderDocument } from './layout.ts';
import { renderListsTabs } from './lists-tabs.ts';
import { renderPagination } from './pagination.ts';
import { renderShell } from './page-shell.ts';
import { genitive } from '../../bangla/genitive.ts';

// Results a phone's first screen shows under the search form: their pictures load at once.
const FIRST_SCREEN_RESULTS = 3;

/** A piece of a result's snippet; `mark` pieces are the words that matched. */
export interface SnippetPartVM {
  text: string;
  mark: boolean;
}

export interface SearchPageVM {
  /** The query as typed (shown back in the box). */
  query: string;
  /** Filter values as typed back: a section path and YYYY-MM-DD days. */
  section: string;
  from: string;
  to: string;
  /** The order of the results; kept by the form for the next query. */
  sort: 'relevance' | 'newest';
  /** The orders to switch to, when there is more than one result. */
  sortLinks: Array<LinkVM & { current: boolean }>;
  /** Sections for the filter, with their paths as values. */
  sections: Array<LinkVM & { path: string }>;
  /** The line over the results ("“পুতিন” — ১২টি খবর"), or a notice. */
  heading: string;
  /** Help for an empty, too long or unreadable query, or for no results; empty when results show. */
  help: { title: string; lines: string[] } | null;
  results: Array<{ card: ArticleCardVM; snippet: SnippetPartVM[] }>;
  pagination: PaginationVM;
  lists: ListsVM;
}

/** /search: the query form with filters, the results as cards with highlighted snippets, help when needed. */
export function renderSearchPage(site: SiteVM, page: SearchPageVM): string {
  const main = html`<header class="page-head page-head--search">
  <h1 class="page-head__title">খুঁজুন</h1>
</header>
${renderForm(page)}
${page.heading ? html`<p class="search-summary" role="status">${page.heading}</p>` : ''}
${page.sortLinks.length ? renderSortLinks(page.sortLinks) : ''}
${page.help ? renderHelp(page.help) : ''}
${
  page.results.length
    ? html`<ol class="search-results">
${page.results.map(
  (r, i) => html`<li class="search-result">
${renderCard(r.card, { level: 2, load: i < FIRST_SCREEN_RESULTS ? 'eager' : 'lazy' })}
${r.snippet.length ? html`<p class="search-result__snippet">${renderSnippet(r.snippet)}</p>` : ''}
</li>`,
)}
</ol>`
    : ''
}
${renderPagination(page.pagination)}`;
  return renderDocument(site, {
    title: page.query ? `“${page.query}” খুঁজে পাওয়া খবর` : 'খুঁজুন',
    description: `${genitive(site.name)} খবর খুঁজুন`,
    canonical: '',
    styles: 'search',
    bodyClass: 'page-search',
    noindex: true, // result pages are endless and thin: search engines should not keep them
    main: renderShell({ main, side: renderListsTabs(page.lists) }),
  });
}

function renderForm(page: SearchPageVM): SafeHtml {
  return html`<form class="search-page-form" action="/search" method="get" role="search" aria-label="খোঁজ বদলান">
  <label class="search-page-form__label" for="search-q">কী খুঁজছেন?</label>
  <div class="search-page-form__row">
    <input class="search-form__input search-page-form__input" id="search-q" type="search" name="q" value="${page.query}" maxlength="200" placeholder="যেমন: পুতিন, ঢাকার যানজট, putin">
    <button class="search-form__button" type="submit">খুঁজুন</button>
    ${page.sort === 'newest' ? html`<input type="hidden" name="sort" value="newest">` : ''}
  </div>
  <details class="search-page-form__filters"${page.section || page.from || page.to ? html` open` : ''}>
    <summary>বিভাগ ও তারিখ</summary>
    <label for="search-section">বিভাগ</label>
    <select id="search-section" name="section">
      <option value="">সব বিভাগ</option>
      ${page.sections.map((s) => html`<option value="${s.path}"${s.path === page.section ? html` selected` : ''}>${s.name}</option>`)}
    </select>
    <label for="search-from">যে তারিখ থেকে</label>
    <input id="search-from" type="date" name="from" value="${page.from}">
    <label for="search-to">যে তারিখ পর্যন্ত</label>
    <input id="search-to" type="date" name="to" value="${page.to}">
  </details>
</form>`;
}

function renderSortLinks(links: SearchPageVM['sortLinks']): SafeHtml {
  return html`<nav class="search-sort" aria-label="ফলাফল সাজানো">
  ${links.map((l) => (l.current ? html`<span class="search-sort__current" aria-current="true">${l.name}</span>` : html`<a href="${l.href}">${l.name}</a>`))}
</nav>`;
}

function renderHelp(help: { title: string; lines: string[] }): SafeHtml {
  return html`<section class="search-help">
  <h2 class="search-help__title">${help.title}</h2>
  <ul>${help.lines.map((line) => html`<li>${line}</li>`)}</ul>
</section>`;
}

// Each piece is escaped; only the <mark> around matched words is ours.
function renderSnippet(parts: SnippetPartVM[]): SafeHtml[] {
  return parts.map((p) => (p.mark ? html`<mark>${p.text}</mark>` : html`${p.text}`));
}
