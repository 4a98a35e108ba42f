import type { EmbedNode } from './document-types.ts';
import { embedProviderOf, youtubeVideoId } from './embed-url.ts';
import { hasClass, textContentOf, type HtmlElement } from './html-tree.ts';
import { urlFromAttribute } from './html-url.ts';
import { parseUrl } from './safe-url.ts';

const FACEBOOK_PLUGIN_HOSTS = new Set(['facebook.com', 'www.facebook.com', 'web.facebook.com']);

/**
 * The embed an HTML element stands for: a provider's iframe, the blockquote and div markup of
 * X's and Facebook's embed codes, or a paragraph holding nothing but a link to a post (how
 * WordPress and others mark an auto-embed). Undefined when it is not one.
 */
export function embedOfElement(element: HtmlElement): EmbedNode | undefined {
  // Our own serializer's click-to-load markup (render-html.ts), so a rendered body imports back.
  if (element.attrs.has('data-embed-url')) return embedOfOwnMarkup(element);
  if (element.name === 'iframe') return embedOfPlayerUrl(urlFromAttribute(element.attrs.get('src')));
  if (hasClass(element, 'twitter-tweet') || hasClass(element, 'twitter-video')) return embedOfTweetQuote(element);
  if (hasClass(element, 'fb-post') || hasClass(element, 'fb-video')) {
    return embedOfPostUrl(urlFromAttribute(element.attrs.get('data-href')), 'facebook');
  }
  if (element.name === 'p' || element.name === 'div') return embedOfLoneLink(element);
  return undefined;
}

function embedOfOwnMarkup(element: HtmlElement): EmbedNode | undefined {
  const provider = element.attrs.get('data-embed-provider');
  const embed = embedOfPostUrl(urlFromAttribute(element.attrs.get('data-embed-url')));
  return embed !== undefined && embed.attrs.provider === provider ? embed : undefined;
}

function embedOfPostUrl(url: string, only?: EmbedNode['attrs']['provider']): EmbedNode | undefined {
  const provider = embedProviderOf(url);
  if (provider === undefined || (only !== undefined && provider !== only)) return undefined;
  return { type: 'embed', attrs: { provider, url } };
}

// Player URLs are turned back into the post's own URL: that is what the reader's link opens,
// and the reader script derives the player URL from it when the reader asks for the player.
function embedOfPlayerUrl(src: string): EmbedNode | undefined {
  const url = parseUrl(src);
  if (url === null) return undefined;
  const video = youtubeVideoId(url);
  if (video !== undefined) {
    const start = url.searchParams.get('start') ?? '';
    const time = /^\d+$/.test(start) ? `&t=${start}s` : '';
    return embedOfPostUrl(`https://www.youtube.com/watch?v=${video}${time}`);
  }
  const tweet = url.hostname === 'platform.twitter.com' ? (url.searchParams.get('id') ?? '') : '';
  if (/^\d{1,20}$/.test(tweet)) return embedOfPostUrl(`https://x.com/i/status/${tweet}`);
  if (/^\/plugins\/(?:post|video)\.php$/.test(url.pathname) && FACEBOOK_PLUGIN_HOSTS.has(url.hostname)) {
    return embedOfPostUrl(url.searchParams.get('href') ?? '', 'facebook');
  }
  return embedOfPostUrl(src);
}

// X's embed code is a blockquote of the post's text ending in a link to the post.
function embedOfTweetQuote(quote: HtmlElement): EmbedNode | undefined {
  const links = findAll(quote, 'a').reverse();
  for (const link of links) {
    const url = parseUrl(urlFromAttribute(link.attrs.get('href')));
    if (url === null) continue;
    const embed = embedOfPostUrl(`${url.origin}${url.pathname}`, 'x'); // drops ?ref_src tracking
    if (embed) return embed;
  }
  return undefined;
}

// Tested on the raw text, these say what its text content (whitespace collapsed and trimmed)
// would: that it is not empty, and that it could be a post's URL. Every paragraph of a body is
// asked whether it is a lone link, so the text of an ordinary one is not rebuilt to say no.
const NOT_BLANK = /[^ \t\n\r\f]/;
const STARTS_AS_URL = /^[ \t\n\r\f]*https?:\/\//i;

function embedOfLoneLink(block: HtmlElement): EmbedNode | undefined {
  const content = block.children.filter((node) => (node.kind === 'text' ? NOT_BLANK.test(node.text) : node.name !== 'br'));
  const [only] = content;
  if (only === undefined || content.length > 1) return undefined;
  if (only.kind === 'text') return STARTS_AS_URL.test(only.text) ? embedOfPostUrl(textContentOf(only)) : undefined;
  if (only.name !== 'a') return undefined;
  const href = urlFromAttribute(only.attrs.get('href'));
  const text = textContentOf(only);
  // A link with its own words is a link; only a bare URL is an embed.
  return text === '' || text === href ? embedOfPostUrl(href) : undefined;
}

function findAll(element: HtmlElement, name: string): HtmlElement[] {
  return element.children.flatMap((node) => {
    if (node.kind === 'text') return [];
    return node.name === name ? [node, ...findAll(node, name)] : findAll(node, name);
  });
}
