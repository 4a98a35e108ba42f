import { html, type SafeHtml } from '../../lib/html.ts';
import type { PaginationVM } from '../view-model.ts';

/** আগের পাতা / পরের পাতা links around the current page label; nothing when there is one page. */
export function renderPagination(pagination: PaginationVM): SafeHtml | string {
  if (!pagination.prevHref && !pagination.nextHref) return '';
  return html`<nav class="pagination" aria-label="পাতা">
  ${pagination.prevHref ? html`<a class="pagination__link" rel="prev" href="${pagination.prevHref}">আগের পাতা</a>` : ''}
  <span class="pagination__current" aria-current="page">${pagination.pageLabel}</span>
  ${pagination.nextHref ? html`<a class="pagination__link" rel="next" href="${pagination.nextHref}">পরের পাতা</a>` : ''}
</nav>`;
}
