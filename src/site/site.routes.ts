import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toAsciiDigits, toBengaliDigits } from '../bangla/digits.ts';
import { isValidCalendarDay, zonedCivilDate } from '../bangla/zoned-date.ts';
import type { PageCache } from '../cache/page-cache.ts';
import type { RouteMap } from '../cache/route-map.ts';
import type { RedirectMap } from '../cache/redirect-map.ts';
import type { MissedLinks } from '../content/redirects/missed-links.ts';
import { isDateShaped, looksLikeOldLink, normalizeOldPath } from '../lib/old-path.ts';
import type { Clock } from '../lib/clock.ts';
import type { ContentReader } from '../content/content-reader.ts';
import { AppError } from '../lib/errors.ts';
import type { ReaderPages, RenderedPage } from './reader-pages.ts';
import { sendPage } from '../cache/send-page.ts';
import { MAX_PAGE, pageKey, parsePage } from './page-key.ts';

export interface SiteRouteDeps {
  pages: ReaderPages;
  reader: ContentReader;
  cache: PageCache;
  /** Where public articles live, in memory. */
  routes: RouteMap;
  /** Old links (the site before it moved here) and the articles they now are, in memory. */
  redirects: RedirectMap;
  /** 404s on old-looking links, counted for the newsroom. */
  missedLinks: MissedLinks;
  clock: Clock;
  mediaDir: string;
  /** Current values: the newsroom can change them at run time. */
  siteName: () => string;
  siteUrl: string;
  timeZone: () => string;
}

const HTML = 'text/html; charset=utf-8';
const MEDIA_PATH = /^\d{4}\/\d{2}\/[0-9a-f]{20}(-\d{2,4})?\.(jpg|png|webp|gif|avif)$/;
const MEDIA_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif' };

/**
 * The reader site: home, fronts, lists, archive, articles and media (feeds: feeds/feed.routes.ts).
 * A page held in the cache is answered before any lookup (most are answered before Fastify, by
 * page-fast-path.ts); sections, districts and article locations resolve from memory, so only a
 * page that must be rendered, or a tag or person page not yet cached, reads the database.
 */
export function registerSiteRoutes(app: FastifyInstance, deps: SiteRouteDeps): void {
  const serve = pageServer(deps);
  registerFrontRoutes(app, deps, serve);
  registerArchiveRoutes(app, deps, serve);
  registerListRoutes(app, deps, serve);
  registerMediaRoute(app, deps);
  registerArticleAndSectionRoutes(app, deps, serve);
}

/** Answers a page from the cache, rendering it first when it is not there (or is stale). */
type Serve = (request: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<RenderedPage | undefined>) => Promise<FastifyReply>;

function pageServer({ pages, cache }: SiteRouteDeps): Serve {
  return async (request, reply, key, render) => {
    const fragments = pages.fragments.current() ?? (await pages.fragments.all());
    const page = await cache.getOrRender(
      key,
      async () => {
        const result = await render();
        if (!result) throw notFoundPage();
        return { status: result.status, contentType: HTML, body: result.html, tags: result.tags, cache: true, cacheControl: result.cacheControl };
      },
      fragments,
    );
    return sendPage(request, reply, page, cache);
  };
}

/** Home, latest and popular. */
function registerFrontRoutes(app: FastifyInstance, deps: SiteRouteDeps, serve: Serve): void {
  const { pages } = deps;
  const oldLink = oldLinkAnswer(deps);
  app.get('/', (req, reply) => {
    // WordPress's `/?p=ID` and `/?page_id=ID`: an old link, never the home page.
    const query = req.query as Record<string, unknown>;
    if (query.p !== undefined || query.page_id !== undefined) return oldLink(req, reply, normalizeOldPath(req.url));
    return serve(req, reply, '/', () => pages.home());
  });

  app.get('/latest', (req, reply) => {
    const page = pageParam(req);
    return serve(req, reply, keyOf(req), () => pages.listPage('latest', 'সর্বশেষ', '', '/latest', {}, page, 'latest'));
  });
  app.get('/popular', (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const window = query.window === undefined ? '24h' : query.window;
    if (window !== '6h' && window !== '24h' && window !== '7d') throw new AppError('BAD_WINDOW', 'সময়সীমা হতে পারে ৬ ঘণ্টা (6h), ২৪ ঘণ্টা (24h) বা ৭ দিন (7d)।');
    return serve(req, reply, window === '24h' ? '/popular' : `/popular?window=${window}`, () => pages.popularPage(window));
  });
}

/** The archive: `?date=` and today redirect to a day's page. */
function registerArchiveRoutes(app: FastifyInstance, deps: SiteRouteDeps, serve: Serve): void {
  const { pages } = deps;
  app.get('/archive', (req, reply) => {
    const date = (req.query as Record<string, unknown>).date;
    if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(toAsciiDigits(date))) {
      return reply.redirect(`/archive/${toAsciiDigits(date).replaceAll('-', '/')}`, 302);
    }
    if (date !== undefined) throw new AppError('BAD_DATE', 'তারিখটি বোঝা যায়নি। যেমন: 2023-09-13');
    const today = zonedCivilDate(deps.clock.now(), deps.timeZone());
    return reply.redirect(`/archive/${today.year}/${pad(today.month)}/${pad(today.day)}`, 302);
  });

  app.get<{ Params: { y: string; m: string; d: string } }>('/archive/:y/:m/:d', (req, reply) => {
    const [y, m, d] = [req.params.y, req.params.m, req.params.d].map((s) => toAsciiDigits(s));
    if (!/^\d{4}$/.test(y!) || !/^\d{1,2}$/.test(m!) || !/^\d{1,2}$/.test(d!)) throw notFoundPage();
    const day = { year: Number(y), month: Number(m), day: Number(d) };
    if (!isValidCalendarDay(day.year, day.month, day.day) || day.year < 1900) throw notFoundPage();
    const today = zonedCivilDate(deps.clock.now(), deps.timeZone());
    if (day.year * 10000 + day.month * 100 + day.day > today.year * 10000 + today.month * 100 + today.day) throw notFoundPage();
    const canonical = `/archive/${day.year}/${pad(day.month)}/${pad(day.day)}`;
    if (req.url !== canonical) return reply.redirect(canonical, 301);
    return serve(req, reply, canonical, () => pages.archive(day));
  });
}

/** Tag, author and district lists. */
function registerListRoutes(app: FastifyInstance, { pages, reader }: SiteRouteDeps, serve: Serve): void {
  // Tags and people are looked up only when their page must be rendered.
  app.get<{ Params: { slug: string } }>('/topic/:slug', (req, reply) => {
    if (!isSlug(req.params.slug)) throw notFoundPage();
    const page = pageParam(req);
    return serve(req, reply, keyOf(req), async () => {
      const tag = await reader.tag(req.params.slug);
      if (!tag) return undefined;
      return pages.listPage('tag', tag.name, 'বিষয়', `/topic/${encodeURIComponent(tag.slug)}`, { tagId: tag.id }, page, `tag:${tag.id}`);
    });
  });

  app.get<{ Params: { slug: string } }>('/author/:slug', (req, reply) => {
    if (!isSlug(req.params.slug)) throw notFoundPage();
    const page = pageParam(req);
    return serve(req, reply, keyOf(req), async () => {
      const person = await reader.person(req.params.slug);
      if (!person) return undefined;
      const base = `/author/${encodeURIComponent(person.slug)}`;
      return pages.listPage('author', person.name, personSubtitle(person), base, { personId: person.id }, page, `person:${person.id}`);
    });
  });

  app.get<{ Params: { slug: string } }>('/district/:slug', async (req, reply) => {
    const district = isSlug(req.params.slug) ? await reader.district(req.params.slug) : undefined;
    if (!district) throw notFoundPage();
    const page = pageParam(req);
    const base = `/district/${district.slug}`;
    const subtitle = district.division ? `${district.division.name} বিভাগ` : '';
    return serve(req, reply, keyOf(req), () =>
      pages.listPage('district', district.name, subtitle, base, { districtId: district.id }, page, `district:${district.id}`),
    );
  });
}

/** Uploaded images and their variants: content-addressed files, cached for a year. */
function registerMediaRoute(app: FastifyInstance, deps: SiteRouteDeps): void {
  app.get<{ Params: { '*': string } }>('/media/*', async (req, reply) => {
    const path = req.params['*'];
    if (!MEDIA_PATH.test(path)) throw notFoundPage();
    const file = join(deps.mediaDir, path);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw notFoundPage();
    return reply
      .header('content-type', MEDIA_TYPES[path.split('.').pop()!] ?? 'application/octet-stream')
      .header('content-length', info.size)
      .header('cache-control', 'public, max-age=31536000, immutable') // content-addressed names never change
      .send(createReadStream(file));
  });
}

/** Everything else: an article (by the id in its path) or a section front. */
function registerArticleAndSectionRoutes(app: FastifyInstance, deps: SiteRouteDeps, serve: Serve): void {
  const { pages, reader } = deps;
  const oldLink = oldLinkAnswer(deps);
  app.get<{ Params: { '*': string } }>('/*', async (req, reply) => {
    const rawPath = req.url.split('?')[0] ?? '/';
    let segments: string[];
    try {
      segments = rawPath
        .split('/')
        .filter(Boolean)
        .map((s) => decodeURIComponent(s));
    } catch {
      throw notFoundPage();
    }
    const idAt = findIdSegment(segments);
    if (idAt >= 0) {
      const id = Number(toAsciiDigits(segments[idAt]!));
      const path = deps.routes.articlePath(id, deps.clock.now().toISOString());
      if (path) {
        const canonical = `/${path}`;
        if (rawPath !== canonical) return reply.redirect(canonical, 301);
        return serve(req, reply, canonical, () => pages.article(id));
      }
    } else {
      const tree = await reader.sections();
      const section = tree.byPathOrUndefined(segments.join('/').toLowerCase());
      if (section) {
        if (rawPath !== `/${section.path}`) return reply.redirect(`/${section.path}${queryOf(req.url)}`, 301);
        const page = pageParam(req);
        return serve(req, reply, keyOf(req), () => pages.section(section, page));
      }
    }
    // Neither an article nor a section: an old link of the site before the move, or nothing.
    return oldLink(req, reply, normalizeOldPath(rawPath));
  });
}

/**
 * Answers an old link from memory: 301 straight to the article's canonical URL (one hop), or 404
 * when there is no redirect or its article is not public (a draft, scheduled, unpublished or
 * deleted). A missed old-looking link is counted for the newsroom.
 */
function oldLinkAnswer(deps: SiteRouteDeps) {
  return async (req: FastifyRequest, reply: FastifyReply, path: string | undefined): Promise<FastifyReply> => {
    const id = path === undefined ? undefined : deps.redirects.articleOf(path);
    if (id === undefined) {
      if (path !== undefined && looksLikeOldLink(path)) deps.missedLinks.record(path);
      throw notFoundPage();
    }
    const canonical = deps.routes.articlePath(id, deps.clock.now().toISOString());
    if (!canonical) throw notFoundPage();
    return reply.redirect(`/${canonical}`, 301);
  };
}

/** The page's cache key; the page parameter was checked before, so the key exists. */
function keyOf(req: FastifyRequest): string {
  return pageKey(req.url) ?? req.url.split('?')[0]!;
}

/**
 * An article id is the last segment, or the one before a readable slug: `/world/asia/251042/slug`.
 * A date-shaped path (`/2025/11/02/some-slug`, an old site's permalink) has none: its day is not
 * an article id.
 */
function findIdSegment(segments: string[]): number {
  if (segments[0] === 'archives' || isDateShaped(`/${segments.join('/')}`)) return -1;
  const isId = (s: string | undefined) => s !== undefined && /^[0-9০-৯]{1,10}$/.test(s);
  if (isId(segments.at(-1))) return segments.length - 1;
  if (segments.length >= 2 && isId(segments.at(-2))) return segments.length - 2;
  return -1;
}

function pageParam(req: FastifyRequest): number {
  const value = (req.query as Record<string, unknown>).page;
  if (value === undefined) return 1;
  const page = typeof value === 'string' ? parsePage(value) : undefined;
  if (page === undefined) throw new AppError('BAD_PAGE', `পাতার নম্বর ১ থেকে ${toBengaliDigits(MAX_PAGE)}-এর মধ্যে হতে হবে।`);
  return page;
}

function personSubtitle(person: { kind: string; title: string; place: string; district: { name: string } | null }): string {
  if (person.title) return person.title;
  if (person.kind === 'correspondent' && person.district) {
    return person.place ? `${person.place} (${person.district.name}) প্রতিনিধি` : `${person.district.name} প্রতিনিধি`;
  }
  return '';
}

/** Slugs are letters, marks, digits and hyphens; anything else (a NUL byte, say) cannot name a page. */
const isSlug = (s: string) => /^[\p{L}\p{M}\p{Nd}-]{1,160}$/u.test(s);
const pad = (n: number) => String(n).padStart(2, '0');
const queryOf = (url: string) => (url.includes('?') ? url.slice(url.indexOf('?')) : '');
const notFoundPage = () => new AppError('NOT_FOUND', 'page not found');
