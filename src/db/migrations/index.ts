import type { Migration } from 'kysely';
import * as initial from './2026-11-27-0001-initial.ts';
import * as newsroom from './2026-11-27-0002-newsroom.ts';
import * as search from './2026-11-27-0003-search.ts';
import * as engage from './2026-11-27-0004-engage.ts';
import * as searchHash from './2026-11-27-0005-search-hash.ts';
import * as sitemapMonths from './2026-11-27-0006-sitemap-months.ts';
import * as searchState from './2026-11-27-0007-search-state.ts';
import * as contentEvents from './2026-12-05-0008-content-events.ts';
import * as searchFeatures from './2026-12-05-0009-search-features.ts';
import * as uploaderAndAttempts from './2026-12-05-0010-uploader-and-attempts.ts';
import * as articleList from './2026-12-06-0011-article-list.ts';
import * as webhooks from './2026-12-06-0012-webhooks.ts';
import * as redirects from './2026-12-06-0013-redirects.ts';
import * as tokenScopes from './2026-12-06-0014-token-scopes.ts';
import * as prefixIndexes from './2026-12-06-0015-prefix-indexes.ts';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026-11-27-0001-initial': initial,
  '2026-11-27-0002-newsroom': newsroom,
  '2026-11-27-0003-search': search,
  '2026-11-27-0004-engage': engage,
  '2026-11-27-0005-search-hash': searchHash,
  '2026-11-27-0006-sitemap-months': sitemapMonths,
  '2026-11-27-0007-search-state': searchState,
  '2026-12-05-0008-content-events': contentEvents,
  '2026-12-05-0009-search-features': searchFeatures,
  '2026-12-05-0010-uploader-and-attempts': uploaderAndAttempts,
  '2026-12-06-0011-article-list': articleList,
  '2026-12-06-0012-webhooks': webhooks,
  '2026-12-06-0013-redirects': redirects,
  '2026-12-06-0014-token-scopes': tokenScopes,
  '2026-12-06-0015-prefix-indexes': prefixIndexes,
};
