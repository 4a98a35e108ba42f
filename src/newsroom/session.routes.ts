import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../lib/errors.ts';
import { AUTH_LIMITS, csrfTokenFor, type AuthService } from './auth.service.ts';
import { clearSessionCookie, setSessionCookie } from './admin-auth.ts';
import { publicUser } from './user.repository.ts';
import { adminEndpoint } from './newsroom-endpoint.ts';
import { sessionAnswer } from './answers.ts';

const email = z.string().trim().max(200).pipe(z.email());
const setupBody = z.object({ name: z.string().trim().min(1).max(120), email, password: z.string().max(500) }).strict();
const loginBody = z.object({ email: z.string().max(200), password: z.string().max(500) }).strict();
const maxAge = Math.floor(AUTH_LIMITS.sessionMaxMs / 1000);

/** First-run setup and sign-in/out. */
export function sessionEndpoints(auth: AuthService) {
  return [...setupEndpoints(auth), ...signInEndpoints(auth)];
}

function setupEndpoints(auth: AuthService) {
  return [
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/setup',
      summary: 'Whether the first user (the owner) is still to be created',
      response: z.object({ needed: z.boolean() }),
      access: 'public',
      handle: async () => ({ needed: await auth.setupNeeded() }),
    }),
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/setup',
      summary: 'Creates the owner (once) and signs them in',
      response: sessionAnswer,
      access: 'public',
      body: setupBody,
      status: 201,
      handle: async ({ body, request, reply }) => {
        const user = await auth.setupOwner(body);
        const session = await auth.openSession(user, meta(request));
        setSessionCookie(request, reply, session.token, maxAge);
        return reply.code(201).send({ user: publicUser(user), csrfToken: session.csrfToken });
      },
    }),
  ];
}

function signInEndpoints(auth: AuthService) {
  return [
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/session',
      summary: 'Signs in: sets the session cookie and answers the CSRF token',
      response: sessionAnswer,
      access: 'public',
      body: loginBody,
      handle: async ({ body, request, reply }) => {
        const session = await auth.login(body.email, body.password, meta(request));
        setSessionCookie(request, reply, session.token, maxAge);
        return reply.send({ user: publicUser(session.user), csrfToken: session.csrfToken });
      },
    }),
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/session',
      summary: 'Who is signed in (a bearer token answers its role only)',
      response: sessionAnswer,
      access: 'public',
      handle: async ({ request }) => currentSession(request),
    }),
    adminEndpoint({
      method: 'DELETE',
      path: '/api/admin/session',
      summary: 'Signs out',
      access: 'public',
      status: 204,
      handle: async ({ request, reply }) => {
        if (request.sessionToken) await auth.closeSession(request.sessionToken);
        clearSessionCookie(reply);
        return reply.code(204).send();
      },
    }),
  ];
}

/** The signed-in user and their CSRF token; a bearer token's caller has a role and no session. */
function currentSession(request: FastifyRequest) {
  if (!request.sessionUser || !request.sessionToken) {
    if (request.actor) return { user: null, role: request.actor.role, csrfToken: null };
    throw new AppError('UNAUTHENTICATED', 'not signed in');
  }
  return { user: publicUser(request.sessionUser), csrfToken: csrfTokenFor(request.sessionToken) };
}

function meta(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' };
}
