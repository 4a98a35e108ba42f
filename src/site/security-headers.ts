import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** No inline scripts or styles, nothing loaded from elsewhere: every page is self-contained. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

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

/** Sent with every response: by the hook below, the fast paths and the answers to malformed requests. */
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

/** The security headers for this request (with Strict-Transport-Security when it came over HTTPS). */
export function securityHeadersFor(req: IncomingMessage, trustProxy: boolean): Readonly<Record<string, string>> {
  return cameOverHttps(req, trustProxy) ? HTTPS_SECURITY_HEADERS : SECURITY_HEADERS;
}

export function registerSecurityHeaders(app: FastifyInstance, trustProxy: boolean): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(securityHeadersFor(request.raw, trustProxy));
    return payload;
  });
}

/**
 * For answers written straight to node:http (the fast paths): `base` with the security headers
 * as flat lists made once, and a picker that chooses one per request without allocating.
 */
export function precomposedSecurityHeaders(base: Readonly<Record<string, string>>, trustProxy: boolean): (req: IncomingMessage) => readonly string[] {
  const flat = (headers: Readonly<Record<string, string>>) => Object.entries({ ...base, ...headers }).flat();
  const plain = flat(SECURITY_HEADERS);
  const https = flat(HTTPS_SECURITY_HEADERS);
  return (req) => (cameOverHttps(req, trustProxy) ? https : plain);
}
