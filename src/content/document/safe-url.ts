/**
 * Which URLs a body may point at. The tests are on the exact string we store and emit, not on a
 * normalised form, so what is checked is what the browser gets.
 */

// Browsers drop tabs and newlines inside URLs and read `\` as `/`, so `/\tevil.com` or
// `/\evil.com` would become the protocol-relative `//evil.com`. Refuse them outright.
// eslint-disable-next-line no-control-regex -- the C0 controls are among the characters it refuses
const UNSAFE_URL_CHARACTER = /[\u0000-\u0020\u007f\\]/;

/** True for a path on this site: `/` followed by anything but a second slash. */
export function isSitePath(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !UNSAFE_URL_CHARACTER.test(url);
}

/** True for an absolute http: or https: URL with a host and no user name or password. */
export function isHttpUrl(url: string): boolean {
  if (!/^https?:\/\/[^/?#]/i.test(url) || UNSAFE_URL_CHARACTER.test(url)) return false;
  const parsed = parseUrl(url);
  // Credentials in a link are a phishing device (`https://bank.example@evil.example/`).
  return parsed !== null && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/** True for a link target a body may carry: http(s), mailto: or a site path. */
export function isSafeLinkHref(href: string): boolean {
  if (isSitePath(href) || isHttpUrl(href)) return true;
  return /^mailto:./i.test(href) && !UNSAFE_URL_CHARACTER.test(href);
}

/** True for an image source a body may carry: a site path or an http(s) URL. */
export function isSafeImageSrc(src: string): boolean {
  return isSitePath(src) || isHttpUrl(src);
}

/** `new URL` without the throw (`URL.parse` needs Node 22). */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
