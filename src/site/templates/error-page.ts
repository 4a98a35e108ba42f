import { toBengaliDigits } from '../../bangla/digits.ts';
import { html } from '../../lib/html.ts';
import type { ErrorPageVM, SiteVM } from '../view-model.ts';
import { renderDocument } from './layout.ts';

/** An error page: the status in Bengali digits, the message, and ways back into the site. */
export function renderErrorPage(site: SiteVM, page: ErrorPageVM): string {
  const main = html`<main id="main" class="container error-page">
  <p class="error-page__status">${toBengaliDigits(page.status)}</p>
  <h1 class="error-page__title">${page.title}</h1>
  <p class="error-page__message">${page.message}</p>
  <ul class="error-page__links">
    <li><a class="button" href="/">প্রচ্ছদে ফিরে যান</a></li>
    <li><a class="button button--quiet" href="/latest">সর্বশেষ খবর</a></li>
  </ul>
</main>`;
  return renderDocument(site, {
    title: page.title,
    description: page.message,
    canonical: '',
    styles: 'error',
    bodyClass: 'page-error',
    noindex: true,
    main,
  });
}
