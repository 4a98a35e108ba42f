import { html, type SafeHtml } from '../../lib/html.ts';
import type { LinkVM } from '../view-model.ts';

/** প্রচ্ছদ › section › sub-section. The view model holds the section trail; home is added here. */
export function renderBreadcrumbs(trail: LinkVM[]): SafeHtml {
  const items: LinkVM[] = [{ name: 'প্রচ্ছদ', href: '/' }, ...trail];
  return html`<nav class="breadcrumbs" aria-label="অবস্থান">
  <ol>${items.map((item) => html`<li><a href="${item.href}">${item.name}</a></li>`)}</ol>
</nav>`;
}
