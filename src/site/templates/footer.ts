import { html, type SafeHtml } from '../../lib/html.ts';
import type { SiteVM } from '../view-model.ts';

/** Site footer: every section with its sub-sections, the feeds, and the copyright line. */
export function renderFooter(site: SiteVM): SafeHtml {
  return html`<footer class="site-footer">
  <div class="container">
    <a class="site-footer__name" href="/">${site.name}</a>
    <nav class="site-footer__sections" aria-label="সব বিভাগ">
      <ul>
        ${site.nav.map(
          (item) => html`<li>
          <a class="site-footer__section" href="${item.href}">${item.name}</a>
          ${
            item.children.length
              ? html`<ul class="site-footer__children">${item.children.map((child) => html`<li><a href="${child.href}">${child.name}</a></li>`)}</ul>`
              : ''
          }
        </li>`,
        )}
      </ul>
    </nav>
    ${
      site.feeds.length
        ? html`<nav class="site-footer__feeds" aria-label="ফিড">
      <ul>${site.feeds.map((feed) => html`<li><a href="${feed.href}">${feed.name}</a></li>`)}</ul>
    </nav>`
        : ''
    }
    <p class="site-footer__copyright">© ${site.name}</p>
  </div>
</footer>`;
}
