import { resolve } from 'node:path';
import { createServer } from 'node:http';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import type { Config } from './config/config-schema.ts';
import type { DatabaseHandle } from './db/database.ts';
import type { Clock } from './content/clock.ts';
import { ContentReader } from './content/content-reader.ts';
import { ArticleService } from './content/articles/article.service.ts';
import { SettingsService } from './content/settings/settings.service.ts';
import { Scheduler } from './content/scheduler.ts';
import { registerMediaRoutes } from './content/media/media.routes.ts';
import { IMAGE_LIMITS } from './content/media/image.repository.ts';
import { PageCache } from './cache/page-cache.ts';
import { SiteEvents } from './cache/site-events.ts';
import { createAssets } from './site/assets.ts';
import { ReaderPages } from './site/reader-pages.ts';
import { SharedFragments } from './site/shared-fragments.ts';
import { registerSiteRoutes } from './site/site.routes.ts';
import { registerErrorHandlers, respondWithError } from './site/error-handlers.ts';
import { registerSecurityHeaders } from './site/security-headers.ts';
import { AuthService } from './newsroom/auth.service.ts';
import { registerAdminAuth } from './newsroom/admin-auth.ts';
import { registerSessionRoutes } from './newsroom/session.routes.ts';
import { registerArticleRoutes } from './newsroom/article.routes.ts';
import { registerManageRoutes } from './newsroom/manage.routes.ts';
import { registerUserRoutes } from './newsroom/user.routes.ts';
import { registerHomeRoutes } from './newsroom/home.routes.ts';
import { registerAdminApp } from './newsroom/admin-app.ts';
import { findProjectRoot } from './site/assets.ts';
// search: the index, its indexer and the search routes
import { createSearchModule, type SearchModule } from './search/search-module.ts';
import { registerSearchRoutes } from './search/search.routes.ts';
import { registerFeedRoutes } from './feeds/feed.routes.ts';
import { registerPublicApi } from './api/public-api.routes.ts';
import { CommentService } from './engage/comments/comment.service.ts';
import { ViewCounter } from './engage/views/view-counter.ts';
import { PopularLists } from './engage/views/popular-lists.ts';
import { registerEngageRoutes } from './engage/engage.routes.ts';
import { createBeaconFastPath } from './engage/views/beacon-fast-path.ts';
import { getOrCreateSecret } from './content/settings/secrets.ts';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  /** Log through pino as configured; tests pass false. */
  logger?: boolean;
  /** Publish scheduled articles from this process (on by default). */
  scheduler?: boolean;
  /** How often scheduled articles and other processes' changes are checked (ms). */
  pollMs?: number;
  /** Start the view-flush and popular-list timers (tests drive them by hand). */
  timers?: boolean;
}

export interface App {
  server: FastifyInstance;
  cache: PageCache;
  articles: ArticleService;
  auth: AuthService;
  events: SiteEvents;
  scheduler: Scheduler;
  search: SearchModule;
  comments: CommentService;
  views: ViewCounter;
  popular: PopularLists;
}

// search: at start, index what changed while no server ran (seed, imports) up to this many
// articles before serving; any more continue in the background (`prokash reindex` is faster).
// Before serving, the catch-up re-indexes up to 2,000 articles or reads up to 20,000 rows (tens
// of milliseconds when the index is current); the rest continues in the background.
const SEARCH_CATCH_UP_AT_START = { changes: 2000, scanned: 20_000 };

/** Builds the whole HTTP application, ready but not listening (tests use `server.inject`). */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database, clock } = deps;
  const { db } = database;
  const assets = createAssets();
  const mediaDir = resolve(config.mediaDir);
  const secret = await getOrCreateSecret(db, 'engage', clock.now().toISOString());
  const settings = new SettingsService(db, clock, { siteName: config.siteName, hijriOffset: config.hijriOffset, timeZone: config.timeZone });
  await settings.load();
  const reader = new ContentReader(db, clock);
  const cache = new PageCache({ ttlMs: config.pageCacheTtl * 1000, maxBytes: config.pageCacheBytes });
  const popular = new PopularLists(db, clock, () => (fragments.invalidate(), cache.invalidate(['popular'])), (error) => server.log.warn({ err: error }, 'popular lists failed'));
  const pages = new ReaderPages({
    reader,
    db,
    clock,
    settings: () => ({ ...settings.get(), siteUrl: config.siteUrl, cssHref: assets.cssHref, jsHref: assets.jsHref }),
    popularIds: (w) => popular.ids(w),
    comments: (id) => comments.approved(id),
  });
  // At most 30 s old, and rebuilt at once after any publish: every page shows current lists.
  const fragments = new SharedFragments({ lists: () => pages.listsFragmentHtml(), breaking: () => pages.breakingFragmentHtml() }, 30_000);
  const server = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    // One log line per request would cost more than serving a cached page; a proxy or CDN keeps
    // access logs, and errors are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1_048_576, // bytes: a long article's document JSON fits; images go through multipart
    routerOptions: { maxParamLength: 500 },
    // The view beacon is answered before Fastify sees the request (see beacon-fast-path.ts).
    serverFactory: (handler) => {
      const beacon = createBeaconFastPath(() => views, config.trustProxy);
      return createServer((req, res) => {
        if (!beacon(req, res)) handler(req, res);
      });
    },
    // A URL that cannot be decoded gets the same Bengali 400 page as any other bad request.
    frameworkErrors: (error, request, reply) => {
      void respondWithError(request, reply, pages, 400, 'BAD_REQUEST', error.message);
    },
  });
  // search: built before the event bus so that every change (here or in another process) reaches the indexer.
  const search = await createSearchModule({
    database,
    reader,
    clock,
    timeZone: () => settings.get().timeZone,
    log: (error) => server.log.warn({ err: error }, 'search indexing failed'),
  });
  const events = new SiteEvents({
    db,
    pollMs: deps.pollMs,
    onTags: (tags) => {
      search.indexer.onTags(tags); // search: article:ID tags reindex that article
      if (tags.includes('lists') || tags.includes('nav')) fragments.invalidate();
      if (tags.includes('settings')) void settings.load().then(() => cache.clear());
      else cache.invalidate(tags);
    },
    log: (error) => server.log.warn({ err: error }, 'reading site events failed'),
  });
  const onChange = (tags: string[]) => events.publish(tags);
  const articles = new ArticleService({ db, clock, onChange });
  const auth = new AuthService(db, clock);
  const scheduler = new Scheduler(articles, deps.pollMs ?? 1000, (error) => server.log.error({ err: error }, 'scheduled publishing failed'));
  // engage: comments, view counting and popular lists
  const comments = new CommentService({ db, clock, secret, onChange });
  const views = new ViewCounter(db, clock, secret, (error) => server.log.warn({ err: error }, 'flushing views failed'));

  await server.register(cookie);
  await server.register(multipart, { limits: { fileSize: IMAGE_LIMITS.bytes, files: 1 } });
  registerSecurityHeaders(server);
  registerErrorHandlers(server, pages);
  registerAdminAuth(server, auth);
  assets.routes(server);
  server.get('/healthz', async () => ({ ok: true }));
  // Browsers ask for it on every site; the pages name no icon yet, so answer quickly and cacheably.
  server.get('/favicon.ico', async (_req, reply) => reply.code(204).header('cache-control', 'public, max-age=86400').send());
  registerSessionRoutes(server, auth);
  registerArticleRoutes(server, { articles, preview: async (id) => (await pages.article(id, undefined, { preview: true }))?.html });
  registerManageRoutes(server, { db, clock, settings, onChange });
  registerUserRoutes(server, { db, auth, clock });
  registerHomeRoutes(server, { db, clock, onChange });
  registerMediaRoutes(server, { db, clock, mediaDir });
  registerPublicApi(server, { reader, siteUrl: config.siteUrl, popular: (w, limit) => pages.popular(undefined, w, limit) });
  registerEngageRoutes(server, {
    comments,
    views,
    popular,
    articlePath: async (id) => {
      const at = await reader.articleLocation(id);
      return at && `/${at.sectionPath}/${id}`;
    },
  });
  registerAdminApp(server, { distDir: resolve(findProjectRoot(import.meta.dirname), 'dist', 'admin') });
  // Feeds, sitemaps, robots.txt (feeds/): cached with the tag `lists`, which every publish invalidates.
  registerFeedRoutes(server, { db, reader, cache, clock, mediaDir, siteName: () => settings.get().siteName, siteUrl: config.siteUrl, timeZone: () => settings.get().timeZone });
  registerSearchRoutes(server, { service: search.service, pages, clock, settings: () => ({ ...settings.get(), siteUrl: config.siteUrl, cssHref: assets.cssHref, jsHref: assets.jsHref }) }); // search
  registerSiteRoutes(server, { pages, fragments, reader, cache, clock, mediaDir, siteName: () => settings.get().siteName, siteUrl: config.siteUrl, timeZone: () => settings.get().timeZone });

  await events.start();
  // search: catch up with changes made while no server ran; the rest in the background.
  const caughtUp = await search.indexer.catchUp(SEARCH_CATCH_UP_AT_START).catch((error) => {
    server.log.error({ err: error }, 'search catch-up failed'); // search is degraded, the site still serves
    return { indexed: 0, removed: 0, more: false };
  });
  if (caughtUp.more) {
    if (caughtUp.indexed + caughtUp.removed >= SEARCH_CATCH_UP_AT_START.changes) {
      server.log.warn('the search index is far behind: indexing in the background (prokash reindex is faster)');
    } else server.log.info('search catch-up continues in the background');
    void search.indexer.catchUp().catch((error) => server.log.error({ err: error }, 'search catch-up failed'));
  }
  if (deps.scheduler !== false) scheduler.start();
  await popular.recompute().catch((error) => server.log.warn({ err: error }, 'popular lists failed'));
  if (deps.timers !== false) {
    views.start();
    popular.start(config.popularRefresh * 1000);
  }
  server.addHook('onClose', async () => {
    await views.stop(); // nothing counted is lost at shutdown
    popular.stop();
    scheduler.stop();
    events.stop();
    search.indexer.stop(); // search
  });
  await server.ready();
  return { server, cache, articles, auth, events, scheduler, search, comments, views, popular };
}
