import { resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
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
import { registerPublicApi } from './api/public-api.routes.ts';

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
}

export interface App {
  server: FastifyInstance;
  cache: PageCache;
  articles: ArticleService;
  auth: AuthService;
  events: SiteEvents;
  scheduler: Scheduler;
}

/** Builds the whole HTTP application, ready but not listening (tests use `server.inject`). */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database, clock } = deps;
  const { db } = database;
  const assets = createAssets();
  const mediaDir = resolve(config.mediaDir);
  const settings = new SettingsService(db, clock, { siteName: config.siteName, hijriOffset: config.hijriOffset, timeZone: config.timeZone });
  await settings.load();
  const reader = new ContentReader(db, clock);
  const pages = new ReaderPages(reader, db, clock, () => ({ ...settings.get(), siteUrl: config.siteUrl, cssHref: assets.cssHref }));
  const server = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    trustProxy: true,
    bodyLimit: 2 * 1_048_576, // bytes: a long article's document JSON fits; images go through multipart
    routerOptions: { maxParamLength: 500 },
    // A URL that cannot be decoded gets the same Bengali 400 page as any other bad request.
    frameworkErrors: (error, request, reply) => {
      void respondWithError(request, reply, pages, 400, 'BAD_REQUEST', error.message);
    },
  });
  const cache = new PageCache({ ttlMs: config.pageCacheTtl * 1000, maxBytes: config.pageCacheBytes });
  const events = new SiteEvents({
    db,
    pollMs: deps.pollMs,
    onTags: (tags) => {
      if (tags.includes('settings')) void settings.load().then(() => cache.clear());
      else cache.invalidate(tags);
    },
    log: (error) => server.log.warn({ err: error }, 'reading site events failed'),
  });
  const onChange = (tags: string[]) => events.publish(tags);
  const articles = new ArticleService({ db, clock, onChange });
  const auth = new AuthService(db, clock);
  const scheduler = new Scheduler(articles, deps.pollMs ?? 1000, (error) => server.log.error({ err: error }, 'scheduled publishing failed'));

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
  registerPublicApi(server, { reader, siteUrl: config.siteUrl });
  registerAdminApp(server, { distDir: resolve(findProjectRoot(import.meta.dirname), 'dist', 'admin') });
  registerSiteRoutes(server, { pages, reader, cache, clock, mediaDir, siteName: () => settings.get().siteName, siteUrl: config.siteUrl, timeZone: () => settings.get().timeZone });

  await events.start();
  if (deps.scheduler !== false) scheduler.start();
  server.addHook('onClose', async () => {
    scheduler.stop();
    events.stop();
  });
  await server.ready();
  return { server, cache, articles, auth, events, scheduler };
}
