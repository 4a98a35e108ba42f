import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config/config-schema.ts';
import type { DatabaseHandle } from './db/database.ts';
import type { Clock } from './content/clock.ts';
import { ContentReader } from './content/content-reader.ts';
import { PageCache } from './cache/page-cache.ts';
import { createAssets } from './site/assets.ts';
import { ReaderPages } from './site/reader-pages.ts';
import { registerSiteRoutes } from './site/site.routes.ts';
import { registerErrorHandlers, respondWithError } from './site/error-handlers.ts';
import { registerSecurityHeaders } from './site/security-headers.ts';
import { resolve } from 'node:path';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  /** Log through pino as configured; tests pass false. */
  logger?: boolean;
}

export interface App {
  server: FastifyInstance;
  cache: PageCache;
}

/** Builds the whole HTTP application, ready but not listening (tests use `server.inject`). */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database, clock } = deps;
  const assets = createAssets();
  const reader = new ContentReader(database.db, clock);
  const mediaDir = resolve(config.mediaDir);
  const pages = new ReaderPages(reader, database.db, clock, {
    siteName: config.siteName,
    siteUrl: config.siteUrl,
    timeZone: config.timeZone,
    hijriOffset: config.hijriOffset,
    cssHref: assets.cssHref,
  });
  const server = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    trustProxy: true,
    bodyLimit: 1_048_576, // bytes
    routerOptions: { maxParamLength: 500 },
    // A URL that cannot be decoded gets the same Bengali 400 page as any other bad request.
    frameworkErrors: (error, request, reply) => {
      void respondWithError(request, reply, pages, 400, 'BAD_REQUEST', error.message);
    },
  });
  const cache = new PageCache({ ttlMs: config.pageCacheTtl * 1000, maxBytes: config.pageCacheBytes });
  registerSecurityHeaders(server);
  registerErrorHandlers(server, pages);
  assets.routes(server);
  server.get('/healthz', async () => ({ ok: true }));
  // Browsers ask for it on every site; the pages name no icon yet, so answer quickly and cacheably.
  server.get('/favicon.ico', async (_req, reply) => reply.code(204).header('cache-control', 'public, max-age=86400').send());
  registerSiteRoutes(server, {
    pages,
    reader,
    cache,
    clock,
    mediaDir,
    siteName: config.siteName,
    siteUrl: config.siteUrl,
    timeZone: config.timeZone,
  });
  await server.ready();
  return { server, cache };
}
