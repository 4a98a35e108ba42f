import { Readable, pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PageCache } from '../cache/page-cache.ts';
import { AppError } from '../lib/errors.ts';
import { matchesEtag, PAGE_CACHE_CONTROL, sendPage } from '../cache/send-page.ts';
import type { FeedContext, FeedDocument } from './feed-context.ts';
import { buildNewsSitemap } from './news-sitemap.ts';
import { openMonthFile, type MonthFiles, type MonthSitemapFiles } from './month-sitemap-files.ts';
import { PUBLISHER_LOGO_PATH, publisherLogoPng } from './publisher-logo.ts';
import { renderRobotsTxt } from './robots.ts';
import { buildRssFeed } from './rss-feed.ts';
import { buildSectionsSitemap, buildSitemapIndex, monthPartStats, monthSitemap, parseMonthSitemapName } from './sitemaps.ts';

export interface FeedRouteDeps extends FeedContext {
  cache: PageCache;
  /** Where month sitemaps are kept compressed between requests. */
  monthFiles: MonthSitemapFiles;
}

const RSS = 'application/rss+xml; charset=utf-8';
const XML = 'application/xml; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';
/** Section paths are at most four slugs deep (SECTION_PATH), so four routes cover every section feed. */
const SECTION_FEED_ROUTES = ['/:s1/rss.xml', '/:s1/:s2/rss.xml', '/:s1/:s2/:s3/rss.xml', '/:s1/:s2/:s3/:s4/rss.xml'];

/**
 * RSS, sitemaps, robots.txt and the publisher logo. Everything but the month sitemaps goes
 * through the page cache with the tag `lists`, which every publish, update and unpublish
 * invalidates on every instance; month sitemaps are written once to compressed files (see
 * month-sitemap-files.ts) and streamed from them, never held whole.
 */
export function registerFeedRoutes(app: FastifyInstance, deps: FeedRouteDeps): void {
  const serve = (req: FastifyRequest, reply: FastifyReply, key: string, type: string, build: () => Promise<FeedDocument | undefined>) =>
    deps.cache
      .getOrRender(key, async () => {
        const doc = await build();
        if (!doc) throw notFound();
        return { status: 200, contentType: type, body: doc.body, tags: doc.tags, cache: true };
      })
      .then((page) => sendPage(req, reply, page, deps.cache));

  app.get('/rss.xml', (req, reply) => serve(req, reply, '/rss.xml', RSS, async () => buildRssFeed(deps, await deps.reader.sections())));
  for (const route of SECTION_FEED_ROUTES) {
    app.get<{ Params: Record<string, string> }>(route, async (req, reply) => {
      const tree = await deps.reader.sections();
      const section = tree.byPathOrUndefined(Object.values(req.params).join('/'));
      if (!section) throw notFound();
      return serve(req, reply, `/${section.path}/rss.xml`, RSS, () => buildRssFeed(deps, tree, section));
    });
  }
  app.get('/sitemap-news.xml', (req, reply) => serve(req, reply, '/sitemap-news.xml', XML, async () => buildNewsSitemap(deps, await deps.reader.sections())));
  app.get('/sitemap.xml', (req, reply) => serve(req, reply, '/sitemap.xml', XML, () => buildSitemapIndex(deps)));
  app.get('/sitemaps/sections.xml', (req, reply) =>
    serve(req, reply, '/sitemaps/sections.xml', XML, async () => buildSectionsSitemap(deps, await deps.reader.sections())),
  );
  app.get<{ Params: { file: string } }>('/sitemaps/:file', (req, reply) => sendMonthSitemap(deps, req, reply, req.params.file));
  app.get('/robots.txt', (req, reply) => serve(req, reply, '/robots.txt', TEXT, async () => ({ body: renderRobotsTxt(deps.siteUrl), tags: ['robots'] })));
  app.get(PUBLISHER_LOGO_PATH, async (_req, reply) =>
    reply
      .header('content-type', 'image/png')
      .header('cache-control', 'public, max-age=86400')
      .send(await publisherLogoPng()),
  );
}

async function sendMonthSitemap(deps: FeedRouteDeps, req: FastifyRequest, reply: FastifyReply, file: string) {
  const month = parseMonthSitemapName(file);
  // Checked before the first byte is sent: after that a 404 can no longer be given.
  const stats = month && (await monthPartStats(deps, month));
  if (!month || !stats || stats.size === 0) throw notFound();
  const tree = await deps.reader.sections();
  reply.header('content-type', XML).header('cache-control', PAGE_CACHE_CONTROL).header('vary', 'Accept-Encoding').header('surrogate-key', 'lists sitemap');
  const content = () => monthSitemap(deps, tree, month);
  const fingerprint = { part: month, count: stats.count, lastmod: stats.lastmod, siteUrl: deps.siteUrl, timeZone: deps.timeZone(), tree };
  const accept = req.headers['accept-encoding'] ?? '';
  for (let attempt = 1; ; attempt++) {
    let files: MonthFiles;
    try {
      files = await deps.monthFiles.files(fingerprint, content);
    } catch (error) {
      // A folder that cannot be written (full disk, read-only): the sitemap is still answered.
      req.log.warn({ err: error }, 'writing a month sitemap file failed; compressing it for this request');
      return sendMonthSitemapStreamed(req, reply, content);
    }
    if (matchesEtag(req.headers['if-none-match'], files.etag)) return reply.header('etag', files.etag).code(304).send();
    const opened = await openMonthFile(files, accept).catch((error: unknown) => {
      // Removed between finding and opening it: another process just wrote a newer one.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt === 3) throw error;
    });
    if (!opened) continue;
    reply.header('etag', files.etag);
    if (opened.encoding) reply.header('content-encoding', opened.encoding).header('content-length', opened.bytes);
    return reply.send(opened.stream);
  }
}

// Streamed, gzip on the fly when the client takes it, a few hundred rows at a time.
function sendMonthSitemapStreamed(req: FastifyRequest, reply: FastifyReply, content: () => AsyncIterable<string>) {
  const source = Readable.from(content());
  if (!/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) return reply.send(source);
  const gzip = createGzip();
  pipeline(source, gzip, (error) => {
    if (error) req.log.error({ err: error }, 'writing a month sitemap failed');
  });
  return reply.header('content-encoding', 'gzip').send(gzip);
}

const notFound = () => new AppError('NOT_FOUND', 'page not found');
