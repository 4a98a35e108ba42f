import { fragmentEnd, fragmentStart } from '../../cache/page-cache.ts';
import { html, raw, type SafeHtml } from '../../lib/html.ts';
import type { LinkVM, NavItemVM, SiteVM } from '../view-model.ts';

/** Site header: date line, search, site name, section nav with an all-sections panel, ticker. */
export function renderHeader(site: SiteVM): SafeHtml {
  return html`<a class="skip-link" href="#main">মূল লেখায় যান</a>
<header class="site-header">
  <div class="site-header__top container">
    <p class="site-header__date"><a href="${site.todayHref}" title="আজকের আর্কাইভ ও প্রিন্ট সংস্করণ">${site.todayLabel}</a></p>
    ${renderSearchForm()}
  </div>
  <div class="site-header__brand container">
    <a class="site-name" href="/">${site.name}</a>
  </div>
  ${renderNav(site.nav)}
  ${raw(fragmentStart('breaking'))}${renderTicker(site.breaking)}${raw(fragmentEnd('breaking'))}
</header>`;
}

function renderSearchForm(): SafeHtml {
  return html`<form class="search-form" action="/search" method="get" role="search" aria-label="সাইটে খুঁজুন">
      <label class="visually-hidden" for="site-search">খুঁজুন</label>
      <input class="search-form__input" id="site-search" type="search" name="q" placeholder="খবর খুঁজুন" required>
      <button class="search-form__button" type="submit">খুঁজুন</button>
    </form>`;
}

// Top-level sections sit in a strip that scrolls inside itself on phones; sub-sections are
// reached through a <details> panel, which opens without JavaScript and by keyboard.
function renderNav(nav: NavItemVM[]): SafeHtml {
  const hasChildren = nav.some((item) => item.children.length > 0);
  return html`<nav class="site-nav" aria-label="বিভাগ">
    <div class="container site-nav__inner">
      <ul class="site-nav__list">
        <li><a href="/">প্রচ্ছদ</a></li>
        ${nav.map((item) => html`<li><a href="${item.href}"${item.current ? html` aria-current="${item.current}"` : ''}>${item.name}</a></li>`)}
      </ul>
      ${hasChildren ? renderAllSections(nav) : ''}
    </div>
  </nav>`;
}

function renderAllSections(nav: NavItemVM[]): SafeHtml {
  return html`<details class="all-sections">
        <summary class="all-sections__toggle">সব বিভাগ</summary>
        <ul class="all-sections__panel">
          ${nav.map(
            (item) => html`<li class="all-sections__group">
            <a class="all-sections__parent" href="${item.href}">${item.name}</a>
            ${
              item.children.length
                ? html`<ul class="all-sections__children">${item.children.map((child) => html`<li><a href="${child.href}">${child.name}</a></li>`)}</ul>`
                : ''
            }
          </li>`,
          )}
        </ul>
      </details>`;
}

// The ticker scrolls with a CSS animation only; it pauses on hover and focus, and stands
// still (wrapping instead) for readers who ask for reduced motion.
/** The breaking ticker alone, as the shared `breaking` fragment holds it (empty when nothing is breaking). */
export function renderTicker(breaking: LinkVM[]): SafeHtml | string {
  if (breaking.length === 0) return '';
  return html`<section class="ticker" aria-label="ব্রেকিং">
    <div class="container ticker__inner">
      <strong class="ticker__label">ব্রেকিং</strong>
      <div class="ticker__viewport">
        <ul class="ticker__track">
          ${breaking.map((item) => html`<li class="ticker__item"><a href="${item.href}">${item.name}</a></li>`)}
        </ul>
      </div>
    </div>
  </section>`;
}
