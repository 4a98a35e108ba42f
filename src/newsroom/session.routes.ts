import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../lib/errors.ts';
import { AUTH_LIMITS, csrfTokenFor, type AuthService } from './auth.service.ts';
import { clearSessionCookie, setSessionCookie } from './admin-auth.ts';
import { parseInput } from '../lib/parse-input.ts';
import { publicUser } from './user.repository.ts';

const email = z.string().trim().max(200).pipe(z.email());
const setupBody = z.object({ name: z.string().trim().min(1).max(120), email, password: z.string().max(500) }).strict();
const loginBody = z.object({ email: z.string().max(200), password: z.string().max(500) }).strict();
const maxAge = Math.floor(AUTH_LIMITS.sessionMaxMs / 1000);

/** First-run setup and sign-in/out. */
export function registerSessionRoutes(app: FastifyInstance, auth: AuthService): void {
  app.get('/api/admin/setup', async () => ({ needed: await auth.setupNeeded() }));

  app.post('/api/admin/setup', async (request, reply) => {
    const body = parseInput(setupBody, request.body);
    const user = await auth.setupOwner(body);
    const session = await auth.openSession(user, meta(request));
    setSessionCookie(request, reply, session.token, maxAge);
    return reply.code(201).send({ user: publicUser(user), csrfToken: session.csrfToken });
  });

  app.post('/api/admin/session', async (request, reply) => {
    const body = parseInput(loginBody, request.body);
    const session = await auth.login(body.email, body.password, meta(request));
    setSessionCookie(request, reply, session.token, maxAge);
    return { user: publicUser(session.user), csrfToken: session.csrfToken };
  });

  app.get('/api/admin/session', async (request) => {
    if (!request.sessionUser || !request.sessionToken) {
      if (request.actor) return { user: null, role: request.actor.role, csrfToken: null };
      throw new AppError('UNAUTHENTICATED', 'not signed in');
    }
    return { user: publicUser(request.sessionUser), csrfToken: csrfTokenFor(request.sessionToken) };
  });

  app.delete('/api/admin/session', async (request, reply) => {
    if (request.sessionToken) await auth.closeSession(request.sessionToken);
    clearSessionCookie(reply);
    return reply.code(204).send();
  });
}

function meta(request: { ip: string; headers: Record<string, unknown> }) {
  return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') };
}
