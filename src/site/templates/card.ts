import { html, type SafeHtml } from '../../lib/html.ts';
import type { ArticleCardVM } from '../view-model.ts';
import { renderImg, type ImgLoad } from './image.ts';

export type CardVariant = 'lead' | 'standard';

export interface CardOptions {
  variant?: CardVariant;
  /** How its picture loads (image.ts); lazy unless the card is on the first screen. */
  load?: ImgLoad;
  /** How wide its picture is shown (`sizes`); by default a lead card's, or a phone list's thumbnail. */
  sizes?: string;
  /** Heading level of the headline: 2 under a page <h1>, 3 under a block <h2>. */
  level?: 2 | 3;
  showSummary?: boolean;
}

const EMPTY_LINE = 'এখনো কোনো খবর নেই।';

// How wide each card's picture is drawn, by site.css: the container is at most 75rem with 1rem of
// padding, the sidebar 20rem with a 2.5rem gap from 1000 px, so the main column is 100vw - 32px
// below 1000 px, 100vw - 392px up to 1200 px and 808px above. On phones every card but the lead
// shows a 7.5rem thumbnail. A sizes value that matches the drawn width lets a 360 px phone at
// 2× take the 320 px or 720 px file, not the largest.
const THUMB = '120px';
const SIZES: Record<string, string> = {
  lead: '(min-width: 1200px) 473px, (min-width: 1000px) calc(60vw - 247px), calc(100vw - 32px)', // 3fr of 5, gap 1.25rem
  top: `(min-width: 1200px) 256px, (min-width: 1000px) calc(33.3vw - 144px), (min-width: 600px) calc(50vw - 26px), ${THUMB}`,
  compact: `(min-width: 1200px) 256px, (min-width: 1000px) calc(33.3vw - 144px), (min-width: 600px) calc(50vw - 26px), ${THUMB}`,
  related: `(min-width: 1200px) 187px, (min-width: 1000px) calc(25vw - 113px), (min-width: 600px) calc(50vw - 26px), ${THUMB}`,
  block: `(min-width: 1000px) 112px, (min-width: 600px) calc(50vw - 26px), ${THUMB}`,
  'block-first': `(min-width: 1200px) 392px, (min-width: 1000px) calc(50vw - 208px), (min-width: 600px) calc(50vw - 26px), ${THUMB}`,
  list: `(min-width: 600px) 208px, ${THUMB}`,
  standard: THUMB,
};

// Cards on a phone's first screen (360×800): their pictures load at once, the rest lazily.
const FIRST_SCREEN_CARDS = 4;

/** One article in a list: image, kicker, headline link, relative time. */
export function renderCard(card: ArticleCardVM, options: CardOptions = {}): SafeHtml {
  const variant = options.variant ?? 'standard';
  const level = options.level ?? 3;
  const showSummary = (options.showSummary ?? variant === 'lead') && card.summary !== '';
  // The image link repeats the headline link, so it is kept out of the tab order and from
  // screen readers; the headline is the one link that counts.
  const media = card.image
    ? html`<a class="card__media" href="${card.href}" tabindex="-1" aria-hidden="true">${renderImg(card.image, {
        sizes: options.sizes ?? SIZES[variant]!,
        load: options.load ?? 'lazy',
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

export interface CardListOptions extends Omit<CardOptions, 'load' | 'variant' | 'sizes'> {
  /** Load the first cards' images at once (true: as many as a phone's first screen holds, or this many). */
  eagerFirst?: boolean | number;
  className?: string;
}

/** A grid of cards, or the empty-state line when there is nothing to show. */
export function renderCardList(cards: ArticleCardVM[], options: CardListOptions = {}): SafeHtml {
  if (cards.length === 0) return renderEmpty();
  const { eagerFirst = false, className = 'card-grid', ...cardOptions } = options;
  const eager = eagerFirst === true ? FIRST_SCREEN_CARDS : Number(eagerFirst);
  const grid = /card-grid--([a-z]+)/.exec(className)?.[1] ?? 'standard';
  const sizes = (i: number) => SIZES[grid === 'block' && i === 0 ? 'block-first' : grid] ?? SIZES.standard;
  return html`<div class="${className}">
${cards.map((card, i) => renderCard(card, { ...cardOptions, sizes: sizes(i), load: i < eager ? 'eager' : 'lazy' }))}
</div>`;
}

/** The Bengali "nothing here yet" line. */
export function renderEmpty(): SafeHtml {
  return html`<p class="empty">${EMPTY_LINE}</p>`;
}
