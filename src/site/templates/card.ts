import { html, type SafeHtml } from '../../lib/html.ts';
import type { ArticleCardVM } from '../view-model.ts';
import { renderImg } from './image.ts';

export type CardVariant = 'lead' | 'standard';

export interface CardOptions {
  variant?: CardVariant;
  eager?: boolean;
  /** Heading level of the headline: 2 under a page <h1>, 3 under a block <h2>. */
  level?: 2 | 3;
  showSummary?: boolean;
}

const EMPTY_LINE = 'এখনো কোনো খবর নেই।';

const SIZES: Record<CardVariant, string> = {
  lead: '(min-width: 1000px) 760px, 100vw',
  standard: '(min-width: 1000px) 260px, (min-width: 600px) 33vw, 120px',
};

/** One article in a list: image, kicker, headline link, relative time. */
export function renderCard(card: ArticleCardVM, options: CardOptions = {}): SafeHtml {
  const variant = options.variant ?? 'standard';
  const level = options.level ?? 3;
  const showSummary = (options.showSummary ?? variant === 'lead') && card.summary !== '';
  // The image link repeats the headline link, so it is kept out of the tab order and from
  // screen readers; the headline is the one link that counts.
  const media = card.image
    ? html`<a class="card__media" href="${card.href}" tabindex="-1" aria-hidden="true">${renderImg(card.image, {
        sizes: SIZES[variant],
        eager: options.eager ?? false,
        className: 'card__img',
      })}</a>`
    : '';
  const headline = html`<a href="${card.href}">${card.headline}</a>`;
  return html`<article class="card card--${variant}${card.image ? '' : ' card--text'}${card.breaking ? ' card--breaking' : ''}">
  ${media}
  <div class="card__body">
    ${card.kicker ? html`<p class="card__kicker">${card.kicker}</p>` : ''}
    ${level === 2 ? html`<h2 class="card__title">${headline}</h2>` : html`<h3 class="card__title">${headline}</h3>`}
    ${showSummary ? html`<p class="card__summary">${card.summary}</p>` : ''}
    <time class="card__time" datetime="${card.publishedIso}" title="${card.publishedLabel}">${card.relativeLabel || card.publishedLabel}</time>
  </div>
</article>`;
}

export interface CardListOptions extends Omit<CardOptions, 'eager' | 'variant'> {
  /** Load the first image eagerly: it is above the fold on list pages. */
  eagerFirst?: boolean;
  className?: string;
}

/** A grid of cards, or the empty-state line when there is nothing to show. */
export function renderCardList(cards: ArticleCardVM[], options: CardListOptions = {}): SafeHtml {
  if (cards.length === 0) return renderEmpty();
  const { eagerFirst = false, className = 'card-grid', ...cardOptions } = options;
  return html`<div class="${className}">
${cards.map((card, i) => renderCard(card, { ...cardOptions, eager: eagerFirst && i === 0 }))}
</div>`;
}

/** The Bengali "nothing here yet" line. */
export function renderEmpty(): SafeHtml {
  return html`<p class="empty">${EMPTY_LINE}</p>`;
}
