import { formatIsoOffset, zonedCivilDate, zonedDayRange } from '../bangla/zoned-date.ts';
import type { SectionNode, SectionTree } from '../content/sections/section-tree.ts';
import type { FeedContext, FeedDocument } from './feed-context.ts';
import { cursorAt, oldestPublishedAt, rangeStats, sitemapPage, type KeysetCursor, type PublishedRange, type SitemapRow } from './sitemap.queries.ts';
import { xmlText } from './xml.ts';

/** The sitemap protocol's limit per file; a month with more articles is split into parts. */
export const SITEMAP_MAX_URLS = 50_000;
/** Rows read per query while a month's sitemap is written. */
const PAGE_ROWS = 500;

const URLSET =
  '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n';

/** One child sitemap of articles: a calendar month in the site's zone, and its part when split. */
export interface MonthPart {
  year: number;
  month: number;
  /** 1 for the first (or only) 50,000 articles. */
  part: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `/sitemaps/2023-09.xml`, or `/sitemaps/2023-09-2.xml` for a month's second part. */
export function monthSitemapPath(m: MonthPart): string {
  return `/sitemaps/${m.year}-${pad2(m.month)}${m.part > 1 ? `-${m.part}` : ''}.xml`;
}

/** Reads `2023-09.xml` or `2023-09-2.xml`; undefined for anything else. */
export function parseMonthSitemapName(name: string): MonthPart | undefined {
  const m = /^(\d{4})-(\d{2})(?:-([1-9]\d{0,3}))?\.xml$/.exec(name);
  if (!m) return undefined;
  const [year, month, part] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 1)];
  if (month < 1 || month > 12 || year < 1900) return undefined;
  return { year, month, part };
}

/** The publication range of a month in the site's zone, clipped at now. */
export function monthRange(year: number, month: number, timeZone: string, now: Date): PublishedRange {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    from: zonedDayRange(year, month, 1, timeZone).start.toISOString(),
    to: zonedDayRange(next.year, next.month, 1, timeZone).start.toISOString(),
    now: now.toISOString(),
  };
}

/** The sitemap index: the section fronts' sitemap, then one child per month that has articles, newest first. */
export async function buildSitemapIndex(ctx: FeedContext): Promise<FeedDocument> {
  const now = ctx.clock.now();
  const timeZone = ctx.timeZone();
  const entries: string[] = [];
  let newest: string | null = null;
  for (const month of await monthsWithArticles(ctx, now, timeZone)) {
    newest ??= month.lastmod;
    for (let part = month.parts; part >= 1; part--) {
      entries.push(indexEntry(ctx.siteUrl + monthSitemapPath({ ...month, part }), month.lastmod, timeZone));
    }
  }
  const sections = indexEntry(`${ctx.siteUrl}/sitemaps/sections.xml`, newest, timeZone);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sections}${entries.join('')}</sitemapindex>\n`;
  return { body, tags: ['latest'] };
}

// One aggregate query per calendar month from the oldest article to now: bounded by the number
// of months, never by loading articles.
async function monthsWithArticles(ctx: FeedContext, now: Date, timeZone: string) {
  const oldest = await oldestPublishedAt(ctx.db, now.toISOString());
  if (!oldest) return [];
  const first = zonedCivilDate(new Date(oldest), timeZone);
  let { year, month } = zonedCivilDate(now, timeZone);
  const months: Array<{ year: number; month: number; parts: number; lastmod: string }> = [];
  while (year * 12 + month >= first.year * 12 + first.month) {
    const stats = await rangeStats(ctx.db, monthRange(year, month, timeZone, now));
    if (stats.count > 0 && stats.lastmod) months.push({ year, month, parts: Math.ceil(stats.count / SITEMAP_MAX_URLS), lastmod: stats.lastmod });
    [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
  }
  return months;
}

function indexEntry(loc: string, lastmod: string | null, timeZone: string): string {
  const date = lastmod ? `<lastmod>${formatIsoOffset(new Date(lastmod), timeZone)}</lastmod>` : '';
  return `<sitemap><loc>${xmlText(loc)}</loc>${date}</sitemap>\n`;
}

/**
 * The public articles of a part's month (count and newest change, one aggregate query on an
 * index) and how many of them the part holds; a size of 0 means the part does not exist (404).
 */
export async function monthPartStats(ctx: FeedContext, m: MonthPart): Promise<{ count: number; lastmod: string | null; size: number }> {
  const stats = await rangeStats(ctx.db, monthRange(m.year, m.month, ctx.timeZone(), ctx.clock.now()));
  return { ...stats, size: Math.max(0, Math.min(SITEMAP_MAX_URLS, stats.count - (m.part - 1) * SITEMAP_MAX_URLS)) };
}

/**
 * A month's sitemap as text chunks, one per keyset page of articles, so that a month of any
 * size is written with a few hundred rows in memory at a time.
 */
export async function* monthSitemap(ctx: FeedContext, tree: SectionTree, m: MonthPart): AsyncGenerator<string> {
  const timeZone = ctx.timeZone();
  const range = monthRange(m.year, m.month, timeZone, ctx.clock.now());
  yield URLSET;
  let cursor: KeysetCursor | undefined = await cursorAt(ctx.db, range, (m.part - 1) * SITEMAP_MAX_URLS);
  for (let left = SITEMAP_MAX_URLS; left > 0;) {
    const rows = await sitemapPage(ctx.db, range, cursor, Math.min(PAGE_ROWS, left));
    if (!rows.length) break;
    yield rows.map((r) => urlEntry(ctx.siteUrl, tree, r, timeZone)).join('');
    left -= rows.length;
    const last = rows.at(-1)!;
    cursor = { publishedAt: last.published_at, id: last.id };
    if (rows.length < PAGE_ROWS) break;
  }
  yield '</urlset>\n';
}

function urlEntry(origin: string, tree: SectionTree, row: SitemapRow, timeZone: string): string {
  const section = row.section_id === null ? undefined : tree.byIdOrUndefined(row.section_id);
  if (!section) return '';
  const lastmod = row.updated_at && row.updated_at > row.published_at ? row.updated_at : row.published_at;
  const image = row.image_path ? `<image:image><image:loc>${xmlText(`${origin}/media/${row.image_path}`)}</image:loc></image:image>` : '';
  return `<url><loc>${xmlText(`${origin}/${section.path}/${row.id}`)}</loc><lastmod>${formatIsoOffset(new Date(lastmod), timeZone)}</lastmod>${image}</url>\n`;
}

/** The home page and every section front, each dated by its newest article. */
export async function buildSectionsSitemap(ctx: FeedContext, tree: SectionTree): Promise<FeedDocument> {
  const timeZone = ctx.timeZone();
  const newestIn = async (sectionIds?: number[]) => (await ctx.reader.list(tree, sectionIds ? { sectionIds } : {}, { limit: 1 }))[0]?.publishedAt;
  const entry = (path: string, lastmod: string | undefined) =>
    `<url><loc>${xmlText(ctx.siteUrl + path)}</loc>${lastmod ? `<lastmod>${formatIsoOffset(new Date(lastmod), timeZone)}</lastmod>` : ''}</url>\n`;
  const entries = [entry('/', await newestIn())];
  for (const section of allSections(tree.roots)) entries.push(entry(`/${section.path}`, await newestIn(tree.subtreeIds(section))));
  return { body: `${URLSET}${entries.join('')}</urlset>\n`, tags: ['latest'] };
}

function allSections(nodes: readonly SectionNode[]): SectionNode[] {
  return nodes.flatMap((n) => [n, ...allSections(n.children)]);
}
