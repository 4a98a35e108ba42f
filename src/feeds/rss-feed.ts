import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleFull, ArticleSummary } from '../content/content-reader.ts';
import type { SectionNode, SectionTree } from '../content/sections/section-tree.ts';
import { renderDocumentHtml } from '../content/document/index.ts';
import { bylineLabel } from '../content/people/byline-label.ts';
import type { FeedContext, FeedDocument } from './feed-context.ts';
import { PUBLISHER_LOGO_PATH } from './publisher-logo.ts';
import { renderRss, type RssImage, type RssItem } from './rss.ts';
import { imageTypeOf } from './xml.ts';
import { genitive } from '../bangla/genitive.ts';

/** Newest articles offered per feed; the 2 MB limit may cut the feed shorter. */
export const FEED_SIZE = 50;

/** The site feed (no section) or a section's feed, which includes its sub-sections. */
export async function buildRssFeed(ctx: FeedContext, tree: SectionTree, section?: SectionNode): Promise<FeedDocument> {
  const filter = section ? { sectionIds: tree.subtreeIds(section) } : {};
  const summaries = await ctx.reader.list(tree, filter, { limit: FEED_SIZE });
  const people = new Set<number>();
  const path = section ? `/${section.path}` : '';
  const name = ctx.siteName();
  const body = await renderRss(
    {
      title: section ? `${section.name} | ${name}` : name,
      link: `${ctx.siteUrl}${path || '/'}`,
      description: section ? `${name}: ${genitive(section.name)} সর্বশেষ খবর` : `${name}: সর্বশেষ খবর`,
      selfUrl: `${ctx.siteUrl}${path}/rss.xml`,
      imageUrl: `${ctx.siteUrl}${PUBLISHER_LOGO_PATH}`,
      timeZone: ctx.timeZone(),
    },
    feedItems(ctx, tree, summaries, people),
  );
  // The list it is (`latest`, or the section's), every item shown, and every person named.
  const tags = [section ? `section:${section.id}` : 'latest', ...summaries.map((a) => `card:${a.id}`), ...[...people].map((id) => `byline:${id}`)];
  return { body, tags };
}

// Full articles are loaded one at a time as the renderer asks, so a feed cut short by its size
// limit never loads the rest, and at most one long body is held at once.
async function* feedItems(ctx: FeedContext, tree: SectionTree, summaries: readonly ArticleSummary[], people: Set<number>): AsyncGenerator<RssItem> {
  for (const summary of summaries) {
    const article = await ctx.reader.article(tree, summary.id);
    if (!article) continue;
    for (const p of article.people) people.add(p.id);
    yield await toRssItem(ctx, article, ctx.districtNames());
  }
}

async function toRssItem(ctx: FeedContext, a: ArticleFull, districts: ReadonlyMap<number, string>): Promise<RssItem> {
  return {
    url: `${ctx.siteUrl}/${a.section.path}/${a.id}`,
    title: a.kicker ? `${a.kicker} / ${a.headline}` : a.headline,
    summary: a.summary,
    bodyHtml: renderDocumentHtml(a.body),
    publishedAt: new Date(a.publishedAt),
    creators: a.people.map((p) => bylineLabel(p, districts)),
    // A tag named as the section is one category, not two.
    categories: [...new Set([a.section.name, ...a.tags.map((t) => t.name)])],
    image: a.image ? await rssImage(ctx, a.image) : null,
  };
}

async function rssImage(ctx: FeedContext, image: NonNullable<ArticleFull['image']>): Promise<RssImage> {
  // The enclosure must state the exact byte size of the file served at that URL.
  const file = join(ctx.mediaDir, image.src.replace(/^\/media\//, ''));
  const info = await stat(file).catch(() => undefined);
  return {
    url: `${ctx.siteUrl}${image.src}`,
    type: imageTypeOf(image.src),
    length: info?.isFile() ? info.size : null,
    width: image.width,
    height: image.height,
    caption: image.caption,
    credit: image.credit,
  };
}
