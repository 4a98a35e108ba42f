import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import type { AuthService } from './auth.service.ts';
import { assertCan, ROLES } from '../content/permissions.ts';
import { requireActor } from './admin-auth.ts';
import { idParams, parseInput } from '../lib/parse-input.ts';
import { findUserById, listUsers, publicUser } from './user.repository.ts';
import { audit } from '../content/audit.ts';

const role = z.enum(ROLES as [string, ...string[]]).transform((r) => r as (typeof ROLES)[number]);
const createBody = z.object({ name: z.string().trim().min(1).max(120), email: z.string().trim().max(200).pipe(z.email()), role, password: z.string().max(500) }).strict();
const patchBody = z.object({ name: z.string().trim().min(1).max(120).optional(), role: role.optional(), disabled: z.boolean().optional(), locale: z.enum(['bn', 'en']).optional() }).strict();
const passwordBody = z.object({ password: z.string().max(500) }).strict();
const tokenBody = z.object({ name: z.string().trim().min(1).max(80), role }).strict();

/** Users and API tokens: admins only, except that anyone may change their own language. */
export function registerUserRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; auth: AuthService; clock: Clock }): void {
  const { db, auth } = deps;
  const now = () => deps.clock.now().toISOString();

  app.get('/api/admin/users', async (request) => {
    assertCan(requireActor(request), 'user.manage');
    return { items: (await listUsers(db)).map(publicUser) };
  });

  app.post('/api/admin/users', async (request, reply) => {
    const actor = requireActor(request);
    assertCan(actor, 'user.manage');
    const user = await auth.createUser(parseInput(createBody, request.body), actor);
    return reply.code(201).send({ user: publicUser(user) });
  });

  app.patch('/api/admin/users/:id', async (request) => {
    const actor = requireActor(request);
    const { id } = parseInput(idParams, request.params);
    const body = parseInput(patchBody, request.body);
    const onlyOwnLocale = actor.userId === id && Object.keys(body).every((k) => k === 'locale');
    if (!onlyOwnLocale) assertCan(actor, 'user.manage');
    const before = await findUserById(db, id);
    if (!before) throw new AppError('NOT_FOUND', 'user not found');
    if (actor.userId === id && (body.role !== undefined && body.role !== before.role || body.disabled)) {
      throw new AppError('FORBIDDEN', 'you cannot change your own role or disable yourself');
    }
    const { disabled, ...rest } = body;
    await db
      .updateTable('users')
      .set({ ...rest, ...(disabled !== undefined ? { disabled: disabled ? 1 : 0 } : {}), updated_at: now() })
      .where('id', '=', id)
      .execute();
    if (disabled) await db.deleteFrom('sessions').where('user_id', '=', id).execute();
    if (body.role && body.role !== before.role) {
      await audit(db, { userId: actor.userId, action: 'user.role', targetType: 'user', targetId: id, details: { from: before.role, to: body.role }, at: now() });
    }
    if (disabled !== undefined && (disabled ? 1 : 0) !== before.disabled) {
      await audit(db, { userId: actor.userId, action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: id, at: now() });
    }
    return { user: publicUser((await findUserById(db, id))!) };
  });

  app.post('/api/admin/users/:id/password', async (request, reply) => {
    const actor = requireActor(request);
    assertCan(actor, 'user.manage');
    const { id } = parseInput(idParams, request.params);
    await auth.resetPassword(id, parseInput(passwordBody, request.body).password, actor);
    return reply.code(204).send();
  });

  app.get('/api/admin/tokens', async (request) => {
    assertCan(requireActor(request), 'token.manage');
    const rows = await db.selectFrom('api_tokens').select(['id', 'name', 'role', 'created_at', 'last_used_at']).orderBy('id').execute();
    return { items: rows.map((r) => ({ id: r.id, name: r.name, role: r.role, createdAt: r.created_at, lastUsedAt: r.last_used_at })) };
  });

  app.post('/api/admin/tokens', async (request, reply) => {
    const actor = requireActor(request);
    assertCan(actor, 'token.manage');
    const body = parseInput(tokenBody, request.body);
    const { id, secret } = await auth.createToken(body.name, body.role, actor);
    return reply.code(201).send({ token: { id, name: body.name, role: body.role, createdAt: now(), lastUsedAt: null }, secret });
  });

  app.delete('/api/admin/tokens/:id', async (request, reply) => {
    const actor = requireActor(request);
    assertCan(actor, 'token.manage');
    const { id } = parseInput(idParams, request.params);
    const result = await db.deleteFrom('api_tokens').where('id', '=', id).executeTakeFirst();
    if (!Number(result.numDeletedRows)) throw new AppError('NOT_FOUND', 'token not found');
    await audit(db, { userId: actor.userId, action: 'token.revoke', targetType: 'token', targetId: id, at: now() });
    return reply.code(204).send();
  });
}
