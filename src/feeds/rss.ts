import { cdata, formatRfc822, xmlSafe, xmlText } from './xml.ts';

export interface FeedChannel {
  title: string;
  /** Absolute URL of the page the feed stands for (home or section front). */
  link: string;
  description: string;
  /** Absolute URL of the feed itself, for <atom:link rel="self">. */
  selfUrl: string;
  /** Shown as the feed's image by readers that support one. */
  imageUrl: string;
  timeZone: string;
}

/** One item, already resolved to absolute URLs and plain values. */
export interface RssItem {
  url: string;
  title: string;
  summary: string;
  /** The body as our serializer renders it; goes whole into content:encoded. */
  bodyHtml: string;
  publishedAt: Date;
  /** Byline names, one dc:creator each. */
  creators: string[];
  /** Section first, then tags. */
  categories: string[];
  image: RssImage | null;
}

export interface RssImage {
  url: string;
  type: string;
  /** File size in bytes; the enclosure is left out when it is not known. */
  length: number | null;
  width: number;
  height: number;
  caption: string;
  credit: string;
}

/** Feed readers and aggregators commonly reject feeds of 2 MB or more. */
export const RSS_MAX_BYTES = 2_000_000;

const NAMESPACES = [
  'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
  'xmlns:atom="http://www.w3.org/2005/Atom"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:media="http://search.yahoo.com/mrss/"',
].join(' ');

/**
 * RSS 2.0 with the full body in content:encoded. GUIDs are the canonical URLs, which never
 * change. Items are taken from `items` only while the document stays under `maxBytes`: the
 * size is measured as each item is written, and the source is not read past the last item kept.
 */
export async function renderRss(channel: FeedChannel, items: AsyncIterable<RssItem>, maxBytes = RSS_MAX_BYTES): Promise<string> {
  const parts: string[] = [];
  const tail = '</channel>\n</rss>\n';
  let size = Buffer.byteLength(tail);
  let head: string | undefined;
  for await (const item of items) {
    // The channel's build date is the newest item's date, so an unchanged feed is byte-identical.
    head ??= channelHead(channel, item.publishedAt);
    if (!parts.length) size += Buffer.byteLength(head);
    const text = renderItem(item, channel.timeZone);
    const bytes = Buffer.byteLength(text);
    if (size + bytes > maxBytes) break;
    parts.push(text);
    size += bytes;
  }
  return (parts.length ? head! : channelHead(channel, undefined)) + parts.join('') + tail;
}

function channelHead(channel: FeedChannel, newest: Date | undefined): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0" ${NAMESPACES}>`,
    '<channel>',
    `<title>${xmlText(xmlSafe(channel.title))}</title>`,
    `<link>${xmlText(channel.link)}</link>`,
    `<description>${xmlText(xmlSafe(channel.description))}</description>`,
    '<language>bn</language>',
    ...(newest ? [`<lastBuildDate>${formatRfc822(newest, channel.timeZone)}</lastBuildDate>`] : []),
    `<atom:link href="${xmlText(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    `<image><url>${xmlText(channel.imageUrl)}</url><title>${xmlText(xmlSafe(channel.title))}</title><link>${xmlText(channel.link)}</link></image>`,
    '',
  ].join('\n');
}

function renderItem(item: RssItem, timeZone: string): string {
  const text = (s: string) => xmlText(xmlSafe(s));
  return [
    '<item>',
    `<title>${text(item.title)}</title>`,
    `<link>${xmlText(item.url)}</link>`,
    `<guid isPermaLink="true">${xmlText(item.url)}</guid>`,
    `<pubDate>${formatRfc822(item.publishedAt, timeZone)}</pubDate>`,
    ...item.creators.map((name) => `<dc:creator>${text(name)}</dc:creator>`),
    ...item.categories.map((name) => `<category>${text(name)}</category>`),
    ...(item.summary ? [`<description>${text(item.summary)}</description>`] : []),
    `<content:encoded>${cdata(item.bodyHtml)}</content:encoded>`,
    ...(item.image ? renderImage(item.image) : []),
    '</item>',
    '',
  ].join('\n');
}

function renderImage(image: RssImage): string[] {
  const url = xmlText(image.url);
  const enclosure = image.length === null ? [] : [`<enclosure url="${url}" length="${image.length}" type="${xmlText(image.type)}"/>`];
  const description = image.caption ? `<media:description>${xmlText(xmlSafe(image.caption))}</media:description>` : '';
  const credit = image.credit ? `<media:credit>${xmlText(xmlSafe(image.credit))}</media:credit>` : '';
  return [
    ...enclosure,
    `<media:content url="${url}" type="${xmlText(image.type)}" medium="image" width="${image.width}" height="${image.height}">${description}${credit}</media:content>`,
  ];
}
