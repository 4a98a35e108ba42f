import { AppError } from './lib/errors.ts';
import { dirname, join, resolve } from 'node:path';
import { createServer, type Server } from 'node:http';
import cluster from 'node:cluster';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import type { Config } from './config/config-schema.ts';
import { databaseAnswers, type DatabaseHandle } from './db/database.ts';
import { databaseTrouble } from './db/database-errors.ts';
import { notifySignal } from './content/events/notify-signal.ts';
import type { Clock } from './lib/clock.ts';
import { ContentReader, type ArticleSummary } from './content/content-reader.ts';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { PopularWindow } from './engage/views/popular-lists.ts';
import { ReferenceData } from './content/reference-data.ts';
import { ArticleService } from './content/articles/article.service.ts';
import { CardMemory } from './content/articles/card-memory.ts';
import { SettingsService } from './content/settings/settings.service.ts';
import { Scheduler } from './content/scheduler.ts';
import { ContentWriter } from './content/events/content-writer.ts';
import { EventDispatcher } from './content/events/event-dispatcher.ts';
import { eventCursors, pruneEvents } from './content/events/event-log.ts';
import { noSignal, type EventSignal } from './content/events/event-signal.ts';
import { clusterSignal } from './content/events/cluster-signal.ts';
import { Lease, processIdentity } from './content/jobs/lease.ts';
import { SiteJobs, type SiteJob } from './content/jobs/site-jobs.ts';
import { IMAGE_LIMITS } from './content/media/image.repository.ts';
import { PageCache } from './cache/page-cache.ts';
import { RouteMap } from './cache/route-map.ts';
import { RedirectMap } from './cache/redirect-map.ts';
import { MissedLinks } from './content/redirects/missed-links.ts';
import { redirectEndpoints } from './newsroom/redirect.routes.ts';
import { createAssets } from './site/assets.ts';
import { findProjectRoot } from './lib/project-root.ts';
import { staticAssetsMade } from './lib/static-asset.ts';
import { ReaderPages, type SiteSettings } from './site/reader-pages.ts';
import { registerSiteRoutes } from './site/site.routes.ts';
import { createPageFastPath } from './site/page-fast-path.ts';
import { refuseUndecodableQueries, registerErrorHandlers, respondWithError } from './site/error-handlers.ts';
import { precomposedSecurityHeaders, registerSecurityHeaders, securityHeadersFor } from './site/security-headers.ts';
import { clientErrorHandler } from './site/client-errors.ts';
import { AuthService } from './newsroom/auth.service.ts';
import { registerAdminAuth } from './newsroom/admin-auth.ts';
import { manageEndpoints } from './newsroom/manage.routes.ts';
import { homeEndpoints } from './newsroom/home.routes.ts';
import { registerEndpoints } from './lib/endpoint.ts';
import { mediaEndpoints } from './newsroom/media.routes.ts';
import { sessionEndpoints } from './newsroom/session.routes.ts';
import { articleEndpoints } from './newsroom/article.routes.ts';
import { userEndpoints } from './newsroom/user.routes.ts';
import { healthEndpoints } from './newsroom/health.routes.ts';
import { publicApiEndpoints } from './api/public-api.routes.ts';
import { apiDocsEndpoints } from './api/api-docs.ts';
import { registerContentApiGuard } from './api/content-api-guard.ts';
import { buildOpenApi } from './api/openapi.ts';
import { engageEndpoints, registerFormBodies } from './engage/engage.routes.ts';
import { moderationEndpoints } from './newsroom/moderation.routes.ts';
import { authorizeAdmin } from './newsroom/newsroom-endpoint.ts';
import { registerAdminApp } from './newsroom/admin-app.ts';
import { createSearchModule, type SearchModule } from './search/search-module.ts';
import { registerSearchRoutes, searchApiEndpoint, type HeldAnswers, type SearchAnswer } from './site/search.routes.ts';
import { AnswerMemo } from './cache/answer-memo.ts';
import { registerPreviewRoute } from './site/preview.routes.ts';
import { PreviewLinks } from './content/articles/preview-link.ts';
import { registerFeedRoutes } from './feeds/feed.routes.ts';
import { MonthSitemapFiles } from './feeds/month-sitemap-files.ts';
import { CommentService } from './engage/comments/comment.service.ts';
import { ViewCounter } from './engage/views/view-counter.ts';
import { PopularLists } from './engage/views/popular-lists.ts';
import { createBeaconFastPath } from './engage/views/beacon-fast-path.ts';
import { getOrCreateSecret } from './content/settings/secrets.ts';
import { siteSubscribers, SEARCH_INDEX_SUBSCRIBER } from './subscribers.ts';
import { createWebhooks, type Webhooks } from './webhooks/webhook-module.ts';
import { webhookEndpoints } from './newsroom/webhook.routes.ts';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  /** Log through pino as configured; tests pass false. */
  logger?: boolean;
  /** Run the site's once-only jobs (scheduled publishing, popular lists, pruning the event log) while holding the lease. */
  scheduler?: boolean;
  /** How often the event log is read when nobody announced anything (ms; 0: only when woken). */
  pollMs?: number;
  /** Start the view-flush timer (tests drive it by hand). */
  timers?: boolean;
  /** How other processes are told of this one's writes; by default NOTIFY on PostgreSQL, the cluster primary in a cluster worker. */
  signal?: EventSignal;
  /** Hold every answer of a declared endpoint to its declared shape (tests). */
  checkAnswers?: boolean;
  /** How long a webhook receiver has to answer (ms; 10 s). */
  webhookTimeoutMs?: number;
}

export interface App {
  server: FastifyInstance;
  cache: PageCache;
  /** Search pages already made (search.routes.ts), apart from the page cache. */
  searchCache: PageCache;
  routes: RouteMap;
  redirects: RedirectMap;
  missedLinks: MissedLinks;
  articles: ArticleService;
  auth: AuthService;
  /** The event log's dispatcher: `drain()` reads what other processes wrote; `settle()` waits until all is applied. */
  events: EventDispatcher;
  writer: ContentWriter;
  scheduler: Scheduler;
  jobs: SiteJobs;
  search: SearchModule;
  comments: CommentService;
  views: ViewCounter;
  popular: PopularLists;
  pages: ReaderPages;
  webhooks: Webhooks;
  /** Every route Fastify registered (method, URL), in order: the test that every /api route is documented reads it. */
  registeredRoutes: ReadonlyArray<{ method: string; url: string }>;
}

// search: at start, index what changed while no server ran (seed, imports) up to this many
// articles before serving; any more continue in the background (`prokash reindex` is faster).
// Before serving, the catch-up re-indexes up to 2,000 articles or reads up to 20,000 rows (tens
// of milliseconds when the index is current); the rest continues in the background.
const SEARCH_CATCH_UP_AT_START = { changes: 2000, scanned: 20_000 };
// The event log keeps a week (and at least this many events) for processes catching up.
const EVENT_LOG_KEEP = { ms: 7 * 24 * 3600_000, events: 10_000 };

/** Builds the whole HTTP application, ready but not listening (tests use `server.inject`). */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database, clock } = deps;
  const { db } = database;
  const assets = createAssets();
  const mediaDir = resolve(config.mediaDir);
  const secret = await getOrCreateSecret(db, 'engage', clock.now().toISOString());
  const previewLinks = new PreviewLinks(await getOrCreateSecret(db, 'preview', clock.now().toISOString()));
  const settings = new SettingsService(db, clock, { siteName: config.siteName, hijriOffset: config.hijriOffset, timeZone: config.timeZone, googleNewsUrl: '' });
  const reference = new ReferenceData(db);
  const routes = new RouteMap(db, reference, clock);
  const redirects = new RedirectMap(db);
  const cards = new CardMemory();
  const reader = new ContentReader(db, clock, reference, cards);
  // While the database cannot answer, a page whose time ran out is served as it was (not a 503).
  const cache = new PageCache({
    ttlMs: config.pageCacheTtl * 1000,
    maxBytes: config.pageCacheBytes,
    staleOnError: (error) => databaseTrouble(error) !== undefined,
  });
  // Search pages, each kept until the search index moves on (search.routes.ts); none while the
  // page cache is off, so a server without it runs every search.
  const searchCache = new PageCache({ ttlMs: config.pageCacheTtl * 1000, maxBytes: config.searchCacheBytes });
  // …and the JSON API's answers by the same key, in about the same memory (an answer ~16 KB).
  const cursors = eventCursors(db, () => clock.now().toISOString());
  const searchHeld = {
    answers: new AnswerMemo<SearchAnswer>(Math.floor(config.searchCacheBytes / 16_384), config.pageCacheTtl * 1000),
    indexVersion: async () => (await cursors.read(SEARCH_INDEX_SUBSCRIBER)) ?? 0,
  };
  const siteSettings = () => ({ ...settings.get(), siteUrl: config.siteUrl, styles: assets.styles, jsHref: assets.jsHref });
  const log = (message: string) => (error: unknown, subject?: string) => server.log.warn({ err: error, subject }, message);

  const signal = deps.signal ?? defaultSignal(database, log('event signal failed'));
  let dispatcher: EventDispatcher | undefined;
  const writer = new ContentWriter({
    db,
    clock,
    // Other processes are woken; this one applies its own write before the writer is answered.
    announce: (lastId) => (signal.announce(lastId), dispatcher?.drain()),
  });
  const popular = new PopularLists(db, clock, writer);
  const comments = new CommentService({ db, clock, secret, writer });
  const pages = new ReaderPages({
    reader,
    reference,
    clock,
    settings: siteSettings,
    popularIds: (w) => popular.ids(w),
    comments: (id) => comments.approved(id),
    log: log('building a shared fragment failed'),
  });
  const pageFastPath = createPageFastPath(cache, () => pages.fragments.current(), config.trustProxy);
  const server = createHttpServer(config, deps, pages, pageFastPath, () => views);
  const webhooks = createWebhooks({
    db,
    clock,
    reader,
    comments: (id) => comments.approved(id),
    siteUrl: config.siteUrl,
    timeoutMs: deps.webhookTimeoutMs,
    log: log('a webhook delivery failed'),
  });
  const registeredRoutes: Array<{ method: string; url: string }> = [];
  server.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) registeredRoutes.push({ method, url: route.url });
  });
  const search = await createSearchModule({ database, reader, clock, timeZone: () => settings.get().timeZone, log: log('search indexing failed') });
  dispatcher = new EventDispatcher({
    db,
    pollMs: deps.pollMs,
    subscribers: siteSubscribers({
      reference,
      settings,
      routes,
      redirects,
      popular,
      cards,
      cache,
      fragments: pages.fragments,
      search: search.indexer,
      suggest: search.suggest,
      webhooks,
    }),
    log: log('applying content events failed'),
  });
  const events = dispatcher;
  const articles = new ArticleService({ db, clock, writer });
  const auth = new AuthService(db, clock);
  const scheduler = new Scheduler(articles, log('scheduled publishing failed'));
  const views = new ViewCounter(db, clock, secret, log('flushing views failed'), (id) => routes.isPublic(id, clock.now().toISOString()));

  // The log's head first, then the state built from the database: events written in between
  // are applied again, which does no harm.
  await events.start();
  await settings.load();
  await reference.load();
  await routes.load();
  await redirects.load();
  await popular.load();
  // Read in the background: suggestions wait for it, the server's start does not.
  search.suggest.load().catch(log('loading suggestions failed'));
  await signal.listen((lastId) => events.wake(lastId));

  await server.register(cookie);
  await server.register(multipart, { limits: { fileSize: IMAGE_LIMITS.bytes, files: 1 } });
  registerSecurityHeaders(server, config.trustProxy);
  registerErrorHandlers(server, pages, cache);
  refuseUndecodableQueries(server);
  registerAdminAuth(server, auth);
  registerContentApiGuard(server, {
    corsOrigins: config.apiCorsOrigins,
    anonymousLimit: config.apiRateLimit,
    tokenLimit: config.apiTokenRateLimit,
    clock,
    token: (secret) => auth.token(secret),
  });
  const missedLinks = new MissedLinks(db, clock, log('counting missed old links failed'));
  registerPages(server, {
    config,
    db,
    clock,
    mediaDir,
    assets,
    reader,
    cache,
    routes,
    redirects,
    missedLinks,
    pages,
    settings,
    reference,
    search: search.service,
    searchCache,
    searchHeld,
    siteSettings,
    previewLinks,
  });

  await catchUpSearch(server, search);
  const jobs = await startSiteJobs({ config, db, clock, deps, scheduler, popular, events, webhooks, log: log('a site job failed') });
  registerApis(server, {
    config,
    db,
    clock,
    mediaDir,
    auth,
    articles,
    settings,
    writer,
    comments,
    views,
    reader,
    events,
    jobs,
    routes,
    redirects,
    missedLinks,
    cache,
    searchCache,
    searchHeld,
    preview: (id) => pages.preview(id),
    previewLinks,
    popular: (window, limit) => pages.popular(undefined, window, limit),
    suggest: search.suggest,
    search: search.service,
    checkAnswers: deps.checkAnswers,
    webhooks,
  });
  if (deps.timers !== false) views.start();

  server.addHook('onClose', async () => {
    await views.stop(); // nothing counted is lost at shutdown
    await missedLinks.flush().catch(log('counting missed old links failed'));
    await jobs.stop(); // another process takes the jobs at once
    events.stop();
    await signal.close();
  });
  await server.ready();
  await staticAssetsMade(); // compressed on the thread pool while the rest started
  return {
    server,
    cache,
    searchCache,
    routes,
    redirects,
    missedLinks,
    articles,
    auth,
    events,
    writer,
    scheduler,
    jobs,
    search,
    comments,
    views,
    popular,
    pages,
    webhooks,
    registeredRoutes,
  };
}

/** Fastify, behind the two fast paths: the view beacon and cached pages are answered before it sees the request. */
function createHttpServer(
  config: Config,
  deps: AppDeps,
  pages: ReaderPages,
  pageFastPath: ReturnType<typeof createPageFastPath>,
  views: () => ViewCounter,
): FastifyInstance {
  let nodeServer: Server | undefined;
  return Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    // One log line per request would cost more than serving a cached page; a proxy or CDN keeps
    // access logs, and errors are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1_048_576, // bytes: a long article's document JSON fits; images go through multipart
    routerOptions: { maxParamLength: 500 },
    // The view beacon and cached pages are answered before Fastify sees the request.
    serverFactory: (handler) => {
      const beacon = createBeaconFastPath(views, config.trustProxy, precomposedSecurityHeaders({ 'cache-control': 'no-store' }, config.trustProxy, false));
      return (nodeServer = createServer((req, res) => {
        if (!beacon(req, res) && !pageFastPath(req, res)) handler(req, res);
      }));
    },
    // What Node's parser refuses (a raw UTF-8 URL, headers too large, …) answered as the site answers.
    clientErrorHandler: clientErrorHandler(
      () => nodeServer,
      (status, title, message) => pages.error(status, title, message),
    ),
    // A URL that cannot be decoded gets the same Bengali 400 page as any other bad request.
    frameworkErrors: (error, request, reply) => {
      // The onSend hooks do not run here; an API path is answered in JSON, any other with a page.
      reply.headers(securityHeadersFor(request.raw, config.trustProxy, !request.url.startsWith('/api/')));
      void respondWithError(request, reply, pages, new AppError('BAD_REQUEST', error.message));
    },
  });
}

interface PageParts {
  config: Config;
  db: Kysely<Database>;
  clock: Clock;
  mediaDir: string;
  assets: ReturnType<typeof createAssets>;
  reader: ContentReader;
  cache: PageCache;
  routes: RouteMap;
  redirects: RedirectMap;
  missedLinks: MissedLinks;
  pages: ReaderPages;
  settings: SettingsService;
  reference: ReferenceData;
  search: SearchModule['service'];
  searchCache: PageCache;
  searchHeld: HeldAnswers;
  siteSettings: () => SiteSettings;
  previewLinks: PreviewLinks;
}

// For load balancers: this process serves, and its database answers (a trivial query, at most 1 s).
function registerHealthCheck(server: FastifyInstance, db: Kysely<Database>): void {
  server.get('/healthz', async (_request, reply) => {
    const answers = await databaseAnswers(db, 1000);
    return reply
      .code(answers ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ ok: answers, database: answers ? 'ok' : 'unavailable' });
  });
}

/** What browsers load: assets, the newsroom app, feeds, the search page and the reader site. */
function registerPages(server: FastifyInstance, p: PageParts): void {
  const { config, db, clock, mediaDir, assets, reader, cache, routes, pages, settings, reference } = p;
  assets.routes(server);
  registerHealthCheck(server, db);
  // Browsers ask for it on every site; the pages name no icon yet, so answer quickly and cacheably.
  server.get('/favicon.ico', async (_req, reply) => reply.code(204).header('cache-control', 'public, max-age=86400').send());
  registerFormBodies(server);
  registerAdminApp(server, { distDir: resolve(findProjectRoot(import.meta.dirname), 'dist', 'admin') });
  registerFeedRoutes(server, {
    monthFiles: new MonthSitemapFiles(join(cacheDir(config, mediaDir), 'sitemaps')),
    db,
    reader,
    cache,
    clock,
    mediaDir,
    siteName: () => settings.get().siteName,
    siteUrl: config.siteUrl,
    timeZone: () => settings.get().timeZone,
    districtNames: () => reference.districtNames,
  });
  registerSearchRoutes(server, {
    service: p.search,
    pages,
    clock,
    settings: p.siteSettings,
    cache: p.searchCache,
    indexVersion: p.searchHeld.indexVersion,
  });
  registerPreviewRoute(server, { pages, links: p.previewLinks, clock, timeZone: () => settings.get().timeZone });
  const site = { siteName: () => settings.get().siteName, siteUrl: config.siteUrl, timeZone: () => settings.get().timeZone };
  registerSiteRoutes(server, { pages, reader, cache, routes, redirects: p.redirects, missedLinks: p.missedLinks, clock, mediaDir, ...site });
}

/**
 * Search catches up with changes made while no server ran (the demo seed). What the event log
 * holds reaches the index through its subscriber, and imports index what they write, so the
 * rest of the archive is scanned (in the background) only when this first part was behind:
 * at a million articles the whole scan takes seconds and shares the database with requests.
 */
async function catchUpSearch(server: FastifyInstance, search: SearchModule): Promise<void> {
  const caughtUp = await search.indexer.catchUp(SEARCH_CATCH_UP_AT_START).catch((error: unknown) => {
    server.log.error({ err: error }, 'search catch-up failed'); // search is degraded, the site still serves
    return { indexed: 0, removed: 0, more: false };
  });
  if (caughtUp.more && caughtUp.indexed + caughtUp.removed > 0) {
    if (caughtUp.indexed + caughtUp.removed >= SEARCH_CATCH_UP_AT_START.changes) {
      server.log.warn('the search index is far behind: indexing in the background (prokash reindex is faster)');
    } else server.log.info('search catch-up continues in the background');
    void search.indexer.catchUp().catch((error: unknown) => server.log.error({ err: error }, 'search catch-up failed'));
  }
}

/** The jobs one process of the site runs at a time (the lease holder): publishing, popular lists, pruning. */
async function startSiteJobs(p: {
  config: Config;
  db: Kysely<Database>;
  clock: Clock;
  deps: AppDeps;
  scheduler: Scheduler;
  popular: PopularLists;
  events: EventDispatcher;
  webhooks: Webhooks;
  log: (error: unknown) => void;
}): Promise<SiteJobs> {
  const { config, db, clock, deps, scheduler, popular, events } = p;
  const siteJobs: SiteJob[] =
    deps.scheduler === false
      ? []
      : [
          { name: 'publish-due', everyMs: 1000, run: () => scheduler.tick() },
          { name: 'popular-lists', everyMs: config.popularRefresh * 1000, run: () => popular.recompute() },
          {
            name: 'prune-events',
            everyMs: 3600_000,
            run: () => pruneEvents(db, new Date(clock.now().getTime() - EVENT_LOG_KEEP.ms).toISOString(), EVENT_LOG_KEEP.events),
          },
          ...p.webhooks.jobs,
        ];
  const cursors = eventCursors(db, () => clock.now().toISOString());
  const jobs = new SiteJobs({
    lease: new Lease(db, 'site-jobs', processIdentity()),
    jobs: siteJobs,
    // The holder also keeps the shared subscribers (the search index) in step with the log.
    onHeld: (held) => events.setShared(held, cursors),
    log: p.log,
  });
  if (deps.scheduler === false) await jobs.renew();
  else await jobs.start();
  return jobs;
}

interface ApiParts {
  config: Config;
  db: Kysely<Database>;
  clock: Clock;
  mediaDir: string;
  auth: AuthService;
  articles: ArticleService;
  settings: SettingsService;
  writer: ContentWriter;
  comments: CommentService;
  views: ViewCounter;
  reader: ContentReader;
  events: EventDispatcher;
  jobs: SiteJobs;
  routes: RouteMap;
  redirects: RedirectMap;
  missedLinks: MissedLinks;
  cache: PageCache;
  searchCache: PageCache;
  searchHeld: HeldAnswers;
  preview: (id: number) => Promise<string | undefined>;
  previewLinks: PreviewLinks;
  popular: (window: PopularWindow, limit: number) => Promise<ArticleSummary[]>;
  suggest: SearchModule['suggest'];
  search: SearchModule['service'];
  checkAnswers?: boolean;
  webhooks: Webhooks;
}

/** The JSON APIs: every endpoint declared, registered with its access rule, and described at /api/docs. */
function registerApis(server: FastifyInstance, p: ApiParts): void {
  const { db, clock, writer } = p;
  const admin = [
    ...sessionEndpoints(p.auth),
    ...articleEndpoints(previewParts(p)),
    ...userEndpoints({ db, auth: p.auth, clock }),
    ...manageEndpoints({ db, clock, settings: p.settings, writer }),
    ...homeEndpoints({ db, clock, writer }),
    ...redirectEndpoints({ db, clock, writer, missedLinks: p.missedLinks, articlePath: (id) => p.routes.articlePath(id, clock.now().toISOString()) }),
    ...mediaEndpoints({ db, clock, mediaDir: p.mediaDir, writer }),
    ...moderationEndpoints({ comments: p.comments }),
    ...healthEndpoints({ events: p.events, jobs: p.jobs, routes: p.routes, cache: p.cache, searchCache: p.searchCache }),
    ...webhookEndpoints(p.webhooks.service),
  ];
  const articlePath = async (id: number) => {
    const path = p.routes.articlePath(id, clock.now().toISOString());
    return path && `/${path}`;
  };
  const docs = apiDocsEndpoints();
  const timeZone = () => p.settings.get().timeZone;
  const open = [
    ...publicApiEndpoints({ reader: p.reader, siteUrl: p.config.siteUrl, popular: p.popular, suggest: p.suggest, timeZone }),
    searchApiEndpoint(p.search, p.searchHeld),
    ...engageEndpoints({ comments: p.comments, views: p.views, articlePath }),
    ...docs.endpoints,
  ];
  registerEndpoints(server, admin, authorizeAdmin, { checkAnswers: p.checkAnswers });
  registerEndpoints(server, open, () => null, { checkAnswers: p.checkAnswers });
  docs.register(server);
  docs.publish(buildOpenApi(p.config.siteUrl, [...open, ...admin]));
}

const previewParts = (p: ApiParts) => ({
  articles: p.articles,
  preview: p.preview,
  links: p.previewLinks,
  clock: p.clock,
  siteUrl: p.config.siteUrl,
  timeZone: () => p.settings.get().timeZone,
});

/** PostgreSQL: NOTIFY reaches every process and machine. SQLite: a cluster worker hears the primary; a lone process polls. */
function defaultSignal(database: DatabaseHandle, log: (error: unknown) => void): EventSignal {
  if (database.dialect === 'postgres' && database.url) {
    return notifySignal({ url: database.url, schema: database.schema, log, applicationName: `prokash:${process.pid}:listen` });
  }
  if (cluster.isWorker) return clusterSignal();
  return noSignal;
}

/** Files made from the content: `cacheDir`, or a `cache` folder beside the media. */
function cacheDir(config: Config, mediaDir: string): string {
  return config.cacheDir ? resolve(config.cacheDir) : join(dirname(mediaDir), 'cache');
}
