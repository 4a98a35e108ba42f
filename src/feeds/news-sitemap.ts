import type { ArticleSummary } from '../content/content-reader.ts';
import type { SectionTree } from '../content/sections/section-tree.ts';
import { formatIsoOffset } from '../bangla/zoned-date.ts';
import type { FeedContext, FeedDocument } from './feed-context.ts';
import { xmlSafe, xmlText } from './xml.ts';

/** Google News reads only articles published in the last two days… */
export const NEWS_WINDOW_MS = 48 * 3600 * 1000;
/** …and at most 1,000 of them per sitemap. */
export const NEWS_MAX_ENTRIES = 1000;

const HEAD = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"' +
    ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' +
    ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">',
].join('\n');

/** The Google News sitemap: the newest first, within the window and the entry limit. */
export async function buildNewsSitemap(ctx: FeedContext, tree: SectionTree): Promise<FeedDocument> {
  const from = new Date(ctx.clock.now().getTime() - NEWS_WINDOW_MS).toISOString();
  const articles = await ctx.reader.list(tree, { from }, { limit: NEWS_MAX_ENTRIES });
  const publication = `<news:publication><news:name>${xmlText(xmlSafe(ctx.siteName()))}</news:name><news:language>bn</news:language></news:publication>`;
  const timeZone = ctx.timeZone();
  const entries = articles.map((a) => newsEntry(ctx.siteUrl, a, publication, timeZone));
  return { body: `${HEAD}\n${entries.join('')}</urlset>\n`, tags: ['latest', ...articles.map((a) => `card:${a.id}`)] };
}

function newsEntry(origin: string, a: ArticleSummary, publication: string, timeZone: string): string {
  const image = a.image ? `<image:image><image:loc>${xmlText(origin + a.image.src)}</image:loc></image:image>\n` : '';
  return [
    '<url>',
    `<loc>${xmlText(`${origin}/${a.section.path}/${a.id}`)}</loc>`,
    '<news:news>',
    publication,
    `<news:publication_date>${formatIsoOffset(new Date(a.publishedAt), timeZone)}</news:publication_date>`,
    `<news:title>${xmlText(xmlSafe(a.headline))}</news:title>`,
    '</news:news>',
    `${image}</url>`,
    '',
  ].join('\n');
}
