import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.ts';
import type { Clock } from '../lib/clock.ts';
import { RateLimiter } from './rate-limiter.ts';

export interface ContentApiGuardOptions {
  /** Origins allowed to read from a browser (`*`: any). */
  corsOrigins: readonly string[];
  /** Requests per minute for a caller without a token, by address (0: no limit). */
  anonymousLimit: number;
  /** Requests per minute for each API token (0: no limit). */
  tokenLimit: number;
  clock: Clock;
  /** The token with this secret (any scope: a newsroom token may read the content API too), or undefined. */
  token: (secret: string) => Promise<{ id: number } | undefined>;
}

const CONTENT = '/api/v1/';
const READS = new Set(['GET', 'HEAD']);
/** What a script on another origin may read of an answer besides the simple headers. */
const EXPOSED = 'ETag, Link, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy';
// A token is looked up at most once a minute per process: one query per partner, not per request.
// A revoked token may so read on for up to a minute.
const TOKEN_CACHE_MS = 60_000;
const TOKEN_CACHE_MAX = 10_000;

const isContent = (path: string) => path.startsWith(CONTENT);
const isDocs = (path: string) => path === '/api/docs' || path.startsWith('/api/docs/');

/**
 * What the public content API (`/api/v1`) does around every endpoint: CORS (the allowed origins,
 * preflights answered), per-caller rate limits (by token, else by address) with RateLimit headers
 * and 429 + Retry-After, and ETags with 304 on If-None-Match for every successful read.
 */
export function registerContentApiGuard(app: FastifyInstance, options: ContentApiGuardOptions): void {
  const limit = rateLimit(options);
  const anyOrigin = options.corsOrigins.includes('*');
  const allowed = new Set(options.corsOrigins);

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?', 1)[0]!;
    if (!isContent(path) && !isDocs(path)) return;
    const origin = request.headers.origin;
    if (anyOrigin) reply.header('access-control-allow-origin', '*');
    else {
      reply.header('vary', 'Origin');
      if (origin && allowed.has(origin)) reply.header('access-control-allow-origin', origin);
    }
    if (anyOrigin || (origin && allowed.has(origin))) reply.header('access-control-expose-headers', EXPOSED);
    if (request.method === 'OPTIONS') return preflight(reply);
    if (!isContent(path) || !READS.has(request.method)) return;
    await limit(request, reply);
  });

  registerEtags(app);
}

/** Every successful read carries an ETag of its body; a client holding it gets 304 and no body. */
function registerEtags(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!READS.has(request.method) || reply.statusCode !== 200 || !isContent(request.url)) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = `W/"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag);
    const match = request.headers['if-none-match'];
    if (match && (match.trim() === '*' || match.split(',').some((t) => t.trim() === etag || `W/${t.trim()}` === etag))) {
      reply.code(304);
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
}

/** Counts a content API read against its caller's limit (its token's, else its address's): RateLimit headers, 429 over it. */
function rateLimit(options: ContentApiGuardOptions) {
  const limiter = new RateLimiter(60_000);
  const tokens = new Map<string, { id: number | undefined; until: number }>();
  const lookUp = async (secret: string): Promise<number | undefined> => {
    const key = createHash('sha256').update(secret).digest('base64url');
    const now = options.clock.now().getTime();
    const cached = tokens.get(key);
    if (cached && cached.until > now) return cached.id;
    const id = (await options.token(secret))?.id;
    if (tokens.size >= TOKEN_CACHE_MAX) tokens.clear();
    tokens.set(key, { id, until: now + TOKEN_CACHE_MS });
    return id;
  };
  return async function limit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const authorization = request.headers.authorization;
    let key = `ip:${request.ip}`;
    let max = options.anonymousLimit;
    if (authorization) {
      const secret = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const id = secret ? await lookUp(secret) : undefined;
      if (id === undefined) throw new AppError('UNAUTHENTICATED', 'the bearer token is not valid (leave the Authorization header out to read without one)');
      key = `token:${id}`;
      max = options.tokenLimit;
    }
    if (max === 0) return;
    const taken = limiter.take(key, max, options.clock.now().getTime());
    reply.header('ratelimit-limit', String(max));
    reply.header('ratelimit-remaining', String(taken.remaining));
    reply.header('ratelimit-reset', String(taken.resetSeconds));
    reply.header('ratelimit-policy', `${max};w=60`);
    if (!taken.allowed) {
      throw new AppError(
        'API_RATE_LIMITED',
        `at most ${max} requests a minute ${key.startsWith('token:') ? 'for this token' : 'from one address without a token'}`,
        {
          retryAfterSeconds: taken.resetSeconds,
        },
      );
    }
  };
}

/** A CORS preflight: answered here (204) for an allowed origin, reads only; nothing else gets the allow headers. */
function preflight(reply: FastifyReply): FastifyReply {
  if (reply.hasHeader('access-control-allow-origin')) {
    reply
      .header('access-control-allow-methods', 'GET, HEAD')
      .header('access-control-allow-headers', 'Authorization, If-None-Match')
      .header('access-control-max-age', '86400');
  }
  return reply.code(204).header('cache-control', 'public, max-age=86400').send();
}
