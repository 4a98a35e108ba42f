import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { INLINE_STYLE_SOURCES } from './inline-styles.ts';

/** The policy, with `styleSrc` as its style-src sources. */
function contentSecurityPolicy(styleSrc: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src ${styleSrc}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * For HTML: no inline scripts, no style but the site's own stylesheets (each kind of page carries
 * its own in a <style> element, allowed by its SHA-256; no other inline style, no style
 * attribute), nothing loaded from elsewhere: every page is self-contained.
 */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy(INLINE_STYLE_SOURCES.join(' '));

/**
 * For every other answer (pictures, fonts, the script, feeds, JSON, redirects): the same policy
 * without the stylesheets' hashes, which only a page uses: 400 bytes less on every picture.
 */
export const RESOURCE_CONTENT_SECURITY_POLICY = contentSecurityPolicy("'self'");

/**
 * Powerful browser features no page of the site uses, denied to it and to anything it embeds;
 * browsing-topics opts readers out of interest-based advertising cohorts. (interest-cohort, its
 * withdrawn predecessor, is left out: Chrome logs every unknown feature as a console error.)
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
].join(', ');

/** A year; sent only on answers to HTTPS requests (a browser ignores it over HTTP anyway). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/**
 * Sent with every HTML page: by the hook below, the fast paths and the answers to malformed
 * requests. Other answers get RESOURCE_SECURITY_HEADERS, the same but for the CSP's style hashes.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': PERMISSIONS_POLICY,
});

/** The same, for a request that came over HTTPS. */
export const HTTPS_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...SECURITY_HEADERS,
  'strict-transport-security': STRICT_TRANSPORT_SECURITY,
});

/** Sent with every answer that is not an HTML page. */
export const RESOURCE_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...SECURITY_HEADERS,
  'content-security-policy': RESOURCE_CONTENT_SECURITY_POLICY,
});

/** The same, for a request that came over HTTPS. */
export const HTTPS_RESOURCE_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...HTTPS_SECURITY_HEADERS,
  'content-security-policy': RESOURCE_CONTENT_SECURITY_POLICY,
});

/**
 * True when the reader's request came over HTTPS: to this server directly (TLS), or to a trusted
 * proxy in front, as its X-Forwarded-Proto says (its first value: the proxy nearest the reader).
 * Without `trustProxy` the header is ignored, since anyone could send it.
 */
export function cameOverHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean } | null)?.encrypted === true) return true;
  if (!trustProxy) return false;
  const proto = req.headers['x-forwarded-proto'];
  return proto !== undefined && FIRST_IS_HTTPS.test(Array.isArray(proto) ? (proto[0] ?? '') : proto);
}

const FIRST_IS_HTTPS = /^\s*https\s*(?:,|$)/i;

/**
 * The security headers for this request (with Strict-Transport-Security when it came over HTTPS),
 * for an HTML page unless `page` is false.
 */
export function securityHeadersFor(req: IncomingMessage, trustProxy: boolean, page = true): Readonly<Record<string, string>> {
  if (cameOverHttps(req, trustProxy)) return page ? HTTPS_SECURITY_HEADERS : HTTPS_RESOURCE_SECURITY_HEADERS;
  return page ? SECURITY_HEADERS : RESOURCE_SECURITY_HEADERS;
}

/**
 * Whether an answer may be an HTML page, whose policy must allow the stylesheets: not when it has
 * no body (204) or its content type says it is something else. A 304 keeps the page's policy: the
 * browser takes its headers into the page it holds.
 */
export function mayBeHtml(status: number, contentType: string | number | string[] | undefined): boolean {
  if (status === 204) return false;
  if (contentType === undefined) return true;
  return /^\s*text\/html\b/i.test(Array.isArray(contentType) ? (contentType[0] ?? '') : String(contentType));
}

export function registerSecurityHeaders(app: FastifyInstance, trustProxy: boolean): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(securityHeadersFor(request.raw, trustProxy, mayBeHtml(reply.statusCode, reply.getHeader('content-type'))));
    return payload;
  });
}

/**
 * For answers written straight to node:http (the fast paths): `base` with the security headers
 * (a page's when `page`) as flat lists made once, and a picker that chooses one per request
 * without allocating.
 */
export function precomposedSecurityHeaders(
  base: Readonly<Record<string, string>>,
  trustProxy: boolean,
  page: boolean,
): (req: IncomingMessage) => readonly string[] {
  const flat = (headers: Readonly<Record<string, string>>) => Object.entries({ ...base, ...headers }).flat();
  const plain = flat(page ? SECURITY_HEADERS : RESOURCE_SECURITY_HEADERS);
  const https = flat(page ? HTTPS_SECURITY_HEADERS : HTTPS_RESOURCE_SECURITY_HEADERS);
  return (req) => (cameOverHttps(req, trustProxy) ? https : plain);
}
