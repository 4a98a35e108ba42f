import { escapeHtml } from '../lib/html.ts';
import { renderDocumentHtml } from '../content/document/index.ts';
import type { ArticleFull } from '../content/content-reader.ts';

export interface FeedChannel {
  title: string;
  link: string;
  description: string;
  selfUrl: string;
}

const xml = escapeHtml;

/** RSS 2.0 with the full body in content:encoded. GUIDs are the canonical URLs, which never change. */
export function renderRss(channel: FeedChannel, items: readonly ArticleFull[], origin: string): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xml(channel.title)}</title>`,
    `<link>${xml(channel.link)}</link>`,
    `<description>${xml(channel.description)}</description>`,
    '<language>bn</language>',
    `<atom:link href="${xml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ];
  for (const a of items) {
    const url = `${origin}/${a.section.path}/${a.id}`;
    const title = a.kicker ? `${a.kicker} / ${a.headline}` : a.headline;
    out.push(
      '<item>',
      `<title>${xml(title)}</title>`,
      `<link>${xml(url)}</link>`,
      `<guid isPermaLink="true">${xml(url)}</guid>`,
      `<pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate>`,
      `<category>${xml(a.section.name)}</category>`,
      ...(a.summary ? [`<description>${xml(a.summary)}</description>`] : []),
      `<content:encoded><![CDATA[${renderDocumentHtml(a.body).replaceAll(']]>', ']]]]><![CDATA[>')}]]></content:encoded>`,
      '</item>',
    );
  }
  out.push('</channel>', '</rss>');
  return out.join('\n');
}
