// The reader-site templates: each function returns a complete HTML document as a string.
export { renderArticlePage } from './article-page.ts';
export { renderArchivePage } from './archive-page.ts';
export { renderErrorPage } from './error-page.ts';
export { renderHomePage } from './home-page.ts';
export { renderListPage } from './list-page.ts';
export { renderSectionPage } from './section-page.ts';
export { renderListsTabsInner } from './lists-tabs.ts';
export { renderTicker } from './header.ts';
