import { html, type SafeHtml } from '../../lib/html.ts';
import type { ArticleCardVM, HomeVM, LinkVM, SiteVM } from '../view-model.ts';
import { renderCard, renderCardList, renderEmpty } from './card.ts';
import { renderDocument } from './layout.ts';
import { listTitle, renderListsTabs } from './lists-tabs.ts';
import { toBengaliDigits } from '../../bangla/digits.ts';
import { renderShell } from './page-shell.ts';
import { websiteJsonLd } from '../head/json-ld.ts';

const SECTION_BLOCK_SIZE = 6;

/** The home page: lead story, top stories, the tabs, then one block per section. */
export function renderHomePage(site: SiteVM, home: HomeVM): string {
  const main = html`<h1 class="visually-hidden">${site.name}</h1>
${home.lead ? renderLead(home.lead) : ''}
${
  home.top.length
    ? html`<section class="top-stories" aria-label="প্রধান খবর">
  ${renderCardList(home.top, { level: 2, eagerFirst: 2, className: 'card-grid card-grid--top' })}
</section>`
    : home.lead
      ? ''
      : renderEmpty()
}`;
  const after = html`${renderMostRead(home.mostRead)}${home.sections.map((block) => renderSectionBlock(block.section, block.articles))}`;
  return renderDocument(site, {
    title: '',
    description: `${site.name}: সর্বশেষ খবর, ${home.sections.map((b) => b.section.name).join(', ')}`,
    canonical: `${site.origin}/`,
    styles: 'home',
    bodyClass: 'page-home',
    jsonLd: [websiteJsonLd(site)],
    main: renderShell({ main, side: renderListsTabs(home.lists), after }),
  });
}

// Numbered in Bengali like the tabs; shown only once readers' views have been counted.
function renderMostRead(cards: ArticleCardVM[]): SafeHtml | string {
  if (cards.length === 0) return '';
  return html`<section class="most-read" aria-labelledby="most-read-title">
  <h2 class="block-title" id="most-read-title">আজ সবচেয়ে বেশি পড়া</h2>
  <ol class="numbered">${cards.map(
    (card, i) =>
      html`<li class="numbered__item"><span class="numbered__n">${toBengaliDigits(i + 1)}</span><a class="numbered__link" href="${card.href}">${listTitle(card)}</a></li>`,
  )}</ol>
</section>`;
}

function renderLead(lead: ArticleCardVM): SafeHtml {
  return html`<section class="lead-story" aria-label="প্রধান শিরোনাম">
  ${renderCard(lead, { variant: 'lead', load: 'priority', level: 2 })}
</section>`;
}

// Blocks with nothing in them are skipped: an empty section on the home page is noise.
function renderSectionBlock(section: LinkVM, articles: ArticleCardVM[]): SafeHtml | string {
  if (articles.length === 0) return '';
  return html`<section class="section-block">
  <h2 class="block-title"><a href="${section.href}">${section.name}</a></h2>
  ${renderCardList(articles.slice(0, SECTION_BLOCK_SIZE), { level: 3, className: 'card-grid card-grid--block' })}
  <a class="more-link" href="${section.href}">${section.name}: আরও খবর</a>
</section>`;
}
