import { ARTICLE_EVENT_TYPES, CONTENT_EVENT_TYPES, isArticleEvent, type LoggedEvent } from './content/events/content-event.ts';
import type { Subscriber } from './content/events/subscriber.ts';
import type { ReferenceData } from './content/reference-data.ts';
import type { CardMemory } from './content/articles/card-memory.ts';
import type { SettingsService } from './content/settings/settings.service.ts';
import type { RouteMap } from './cache/route-map.ts';
import type { RedirectMap } from './cache/redirect-map.ts';
import type { PageCache } from './cache/page-cache.ts';
import { invalidationFor } from './cache/page-invalidation.ts';
import type { SharedFragments } from './site/shared-fragments.ts';
import type { PopularLists } from './engage/views/popular-lists.ts';
import type { SearchIndexer } from './search/search-indexer.ts';
import type { SuggestService } from './search/suggest.service.ts';
import type { Webhooks } from './webhooks/webhook-module.ts';
import { WEBHOOK_SOURCE_TYPES } from './webhooks/webhook-events.ts';

/** The search index's subscriber: its cursor in event_cursors is the index's version (search.routes.ts). */
export const SEARCH_INDEX_SUBSCRIBER = 'search-index';

export interface SubscriberDeps {
  reference: ReferenceData;
  settings: SettingsService;
  routes: RouteMap;
  redirects: RedirectMap;
  popular: PopularLists;
  /** Card rows and images kept by the content reader. */
  cards: CardMemory;
  cache: PageCache;
  fragments: SharedFragments;
  search: SearchIndexer;
  suggest: SuggestService;
  webhooks: Pick<Webhooks, 'outbox' | 'sender'>;
}

/**
 * Everything that follows the content events, in the order each batch is applied: the state
 * pages are built from first (sections, settings, article locations, the popular lists), then
 * the pages themselves, so a page rendered after an invalidation sees the new state; the search
 * index and the webhooks' outbox follow in lanes of their own (shared: run by the lease holder).
 * Live pages will be declared here too.
 */
export function siteSubscribers(deps: SubscriberDeps): Subscriber[] {
  return [
    {
      name: 'site-state',
      scope: 'process',
      types: ['section.changed', 'settings.changed'],
      async apply(events) {
        if (events.some((e) => e.type === 'section.changed')) await deps.reference.reloadSections();
        if (events.some((e) => e.type === 'settings.changed')) await deps.settings.load();
      },
      async resync() {
        await deps.reference.reloadSections();
        await deps.settings.load();
      },
    },
    {
      name: 'routes',
      scope: 'process',
      types: ARTICLE_EVENT_TYPES,
      apply(events) {
        for (const event of events) if (isArticleEvent(event)) deps.routes.apply(event.payload);
      },
      resync: () => deps.routes.load(),
    },
    {
      name: 'redirects',
      scope: 'process',
      types: ['redirects.changed'],
      apply(events) {
        for (const event of events) if (event.type === 'redirects.changed') deps.redirects.apply(event.payload);
      },
      resync: () => deps.redirects.load(),
    },
    {
      name: 'popular',
      scope: 'process',
      types: ['popular.changed'],
      apply: () => deps.popular.load(),
      resync: () => deps.popular.load(),
    },
    {
      // Before the pages: a page rendered after an event reads the article's row afresh.
      name: 'cards',
      scope: 'process',
      types: [...ARTICLE_EVENT_TYPES, 'image.changed'],
      apply(events) {
        const articles: number[] = [];
        const images: number[] = [];
        for (const event of events) {
          if (isArticleEvent(event)) articles.push(event.payload.id);
          else if (event.type === 'image.changed') images.push(event.payload.id);
        }
        if (articles.length) deps.cards.forgetArticles(articles);
        if (images.length) deps.cards.forgetImages(images);
      },
      resync: () => deps.cards.clear(),
    },
    {
      // Suggestions while typing: names and recent headlines, in this process's memory.
      name: 'suggest',
      scope: 'process',
      types: [...ARTICLE_EVENT_TYPES, 'person.changed'],
      apply: (events) => deps.suggest.apply(events),
      resync: () => deps.suggest.load(),
    },
    {
      name: 'pages',
      scope: 'process',
      types: CONTENT_EVENT_TYPES,
      apply(events) {
        const ctx = { tree: deps.reference.tree, timeZone: deps.settings.get().timeZone };
        for (const event of events) {
          const change = invalidationFor(event, ctx);
          if (change.everything) deps.cache.clear();
          else deps.cache.invalidate(change.tags);
          if (change.fragments.length) deps.fragments.invalidate(change.fragments);
        }
      },
      resync() {
        deps.cache.clear();
        deps.fragments.invalidate();
      },
    },
    {
      name: SEARCH_INDEX_SUBSCRIBER,
      scope: 'shared',
      types: [...ARTICLE_EVENT_TYPES, 'person.changed'],
      async apply(events) {
        await deps.search.indexChanges(changedIds(events));
      },
      async resync() {
        await deps.search.catchUp();
      },
    },
    {
      // One delivery row per (event, endpoint), made once; the sender posts it (webhooks/README.md).
      // Events pruned before it saw them (a week without a lease holder) cannot be sent any more.
      name: 'webhooks',
      scope: 'shared',
      types: WEBHOOK_SOURCE_TYPES,
      async apply(events) {
        if (await deps.webhooks.outbox.add(events)) deps.webhooks.sender.wake();
      },
      resync() {},
    },
  ];
}

function changedIds(events: readonly LoggedEvent[]) {
  const articleIds = new Set<number>();
  const importedIds = new Set<number>();
  const personIds = new Set<number>();
  for (const event of events) {
    if (event.type === 'article.imported') importedIds.add(event.payload.id);
    else if (isArticleEvent(event)) articleIds.add(event.payload.id);
    else if (event.type === 'person.changed') personIds.add(event.payload.id);
  }
  return { articleIds: [...articleIds], importedIds: [...importedIds], personIds: [...personIds] };
}
