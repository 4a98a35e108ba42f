import type { EmbedProvider } from './document-types.ts';
import { isHttpUrl, parseUrl } from './safe-url.ts';

/**
 * Recognising the posts and videos a body may embed. Hosts are matched exactly (never by suffix
 * or substring), so `youtube.com.evil.example` or `evil.example/?youtube.com` are not YouTube.
 */

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);
const FACEBOOK_HOSTS = new Set(['facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com']);
const X_HOSTS = new Set(['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_PATH = /^\/(?:embed|shorts|live|v)\/([A-Za-z0-9_-]{11})\/?$/;
const X_STATUS_PATH = /^\/(?:[A-Za-z0-9_]{1,15}|i|i\/web)\/status(?:es)?\/\d{1,20}(?:\/.*)?$/;
// Facebook pages that are not a post: the link shim, log-in, dialogs, and plugin URLs (store
// the post URL; the reader script builds the plugin URL itself).
const FACEBOOK_NON_POSTS = new Set(['l.php', 'login', 'login.php', 'dialog', 'plugins', 'sharer', 'sharer.php']);

/** Which provider `url` is a real post or video URL of, or undefined. */
export function embedProviderOf(url: string): EmbedProvider | undefined {
  if (!isHttpUrl(url)) return undefined;
  const parsed = parseUrl(url);
  if (parsed === null || parsed.port !== '') return undefined;
  if (youtubeVideoId(parsed) !== undefined) return 'youtube';
  if (isFacebookPost(parsed)) return 'facebook';
  if (X_HOSTS.has(parsed.hostname) && X_STATUS_PATH.test(parsed.pathname)) return 'x';
  return undefined;
}

/** The 11-character video id of a YouTube watch, short, live, embed or youtu.be URL. */
export function youtubeVideoId(url: URL): string | undefined {
  if (url.hostname === 'youtu.be') {
    const id = url.pathname.slice(1);
    return YOUTUBE_ID.test(id) ? id : undefined;
  }
  if (!YOUTUBE_HOSTS.has(url.hostname)) return undefined;
  if (url.pathname === '/watch') {
    const id = url.searchParams.get('v') ?? '';
    return YOUTUBE_ID.test(id) ? id : undefined;
  }
  return YOUTUBE_PATH.exec(url.pathname)?.[1];
}

function isFacebookPost(url: URL): boolean {
  if (url.hostname === 'fb.watch') return /^\/[A-Za-z0-9_-]+\/?$/.test(url.pathname);
  if (!FACEBOOK_HOSTS.has(url.hostname)) return false;
  const first = url.pathname.split('/')[1] ?? '';
  return first !== '' && !FACEBOOK_NON_POSTS.has(first);
}
