import { toBengaliDigits } from '../../bangla/digits.ts';
import { html, raw, type SafeHtml } from '../../lib/html.ts';
import { fragmentEnd, fragmentStart } from '../../cache/page-cache.ts';
import type { ArticleCardVM, ListsVM } from '../view-model.ts';
import { renderEmpty } from './card.ts';

const MAX_ENTRIES = 20;

/**
 * The সর্বশেষ / জনপ্রিয় tabs. They switch without JavaScript: two radio inputs (a native,
 * keyboard-operable group: Tab to reach, arrow keys to switch) and CSS that shows the panel
 * after the checked one. Without CSS both lists simply show one after the other.
 */
export function renderListsTabs(lists: ListsVM): SafeHtml {
  // The markers let the page cache splice in the current lists when it serves a cached page.
  return html`${raw(fragmentStart('lists'))}${renderListsTabsInner(lists)}${raw(fragmentEnd('lists'))}`;
}

/**
 * The tabs alone, as the shared `lists` fragment holds them. Without a জনপ্রিয় list (nothing read
 * yet, or only সর্বশেষ over again) সর্বশেষ stands alone: never two tabs showing the same list.
 */
export function renderListsTabsInner(lists: ListsVM): SafeHtml {
  if (lists.popular.length === 0) return renderLatestAlone(lists.latest);
  const more = lists.popularHref ?? '/popular';
  return html`<section class="tabs" aria-label="সর্বশেষ ও জনপ্রিয় খবর">
  <input class="tabs__radio tabs__radio--latest visually-hidden" type="radio" name="lists-tab" id="tab-latest" checked>
  <label class="tabs__label" for="tab-latest">সর্বশেষ</label>
  <input class="tabs__radio tabs__radio--popular visually-hidden" type="radio" name="lists-tab" id="tab-popular">
  <label class="tabs__label" for="tab-popular">জনপ্রিয়</label>
  <div class="tabs__panel tabs__panel--latest">
    <h2 class="visually-hidden">সর্বশেষ</h2>
    ${renderNumberedList(lists.latest)}
    <a class="tabs__more" href="/latest">সব খবর</a>
  </div>
  <div class="tabs__panel tabs__panel--popular">
    <h2 class="visually-hidden">জনপ্রিয়</h2>
    ${lists.popularLabel ? html`<p class="tabs__note">${lists.popularLabel}</p>` : ''}
    ${renderNumberedList(lists.popular)}
    ${more ? html`<a class="tabs__more" href="${more}">আরও জনপ্রিয় খবর</a>` : ''}
  </div>
</section>`;
}

function renderLatestAlone(latest: ArticleCardVM[]): SafeHtml {
  return html`<section class="tabs tabs--alone" aria-labelledby="lists-title">
  <h2 class="tabs__label" id="lists-title">সর্বশেষ</h2>
  <div class="tabs__panel tabs__panel--latest">
    ${renderNumberedList(latest)}
    <a class="tabs__more" href="/latest">সব খবর</a>
  </div>
</section>`;
}

// The numbers are text in the DOM (not CSS counters), so they are Bengali digits for every
// reader, copy-paste and screen reader alike.
function renderNumberedList(cards: ArticleCardVM[]): SafeHtml {
  if (cards.length === 0) return renderEmpty();
  return html`<ol class="numbered">
${cards.slice(0, MAX_ENTRIES).map(
  (
    card,
    i,
  ) => html`<li class="numbered__item"><span class="numbered__n">${toBengaliDigits(i + 1)}</span><a class="numbered__link" href="${card.href}">${listTitle(card)}</a></li>
`,
)}</ol>`;
}

/** "kicker / headline" as lists show it, or the bare headline. */
export function listTitle(card: Pick<ArticleCardVM, 'kicker' | 'headline'>): string {
  return card.kicker ? `${card.kicker} / ${card.headline}` : card.headline;
}
