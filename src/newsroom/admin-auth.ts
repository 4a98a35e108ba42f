import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.ts';
import type { User } from './user.repository.ts';
import type { Actor } from '../content/permissions.ts';
import { csrfTokenMatches, type AuthService } from './auth.service.ts';

export const SESSION_COOKIE = 'prokash_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling the admin API, when anyone is signed in. */
    actor: Actor | null;
    sessionUser: User | null;
    sessionToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller of every /api/admin request from a bearer token or the session cookie,
 * and refuses a state-changing cookie request without the session's CSRF token.
 */
export function registerAdminAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/admin/')) return;
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const actor = match ? await auth.tokenActor(match[1]!) : undefined;
      if (!actor) throw new AppError('UNAUTHENTICATED', 'the bearer token is not valid');
      request.actor = actor;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const user = await auth.sessionUser(token);
    if (!user) return;
    request.sessionUser = user;
    request.sessionToken = token;
    request.actor = { role: user.role, userId: user.id, name: user.name };
    if (!SAFE_METHODS.has(request.method)) {
      const given = request.headers['x-csrf-token'];
      if (typeof given !== 'string' || !csrfTokenMatches(token, given)) {
        throw new AppError('CSRF_FAILED', 'missing or wrong x-csrf-token header');
      }
    }
  });
}

/** The caller, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return request.actor;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
