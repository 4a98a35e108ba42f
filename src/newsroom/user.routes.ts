import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Role, TokenScope } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import type { AuthService } from './auth.service.ts';
import { assertCan, ROLES, type Actor } from '../content/permissions.ts';
import { idParams } from '../lib/parse-input.ts';
import { findUserById, listUsers, publicUser } from './user.repository.ts';
import { audit } from '../content/audit.ts';
import { adminEndpoint } from './newsroom-endpoint.ts';
import { listOf, newTokenAnswer, tokenAnswer, userAnswer, type TokenView } from './answers.ts';

const role = z.enum(ROLES as [string, ...string[]]).transform((r) => r as (typeof ROLES)[number]);
const createBody = z
  .object({ name: z.string().trim().min(1).max(120), email: z.string().trim().max(200).pipe(z.email()), role, password: z.string().max(500) })
  .strict();
const patchBody = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    role: role.optional(),
    disabled: z.boolean().optional(),
    locale: z.enum(['bn', 'en']).optional(),
  })
  .strict();
const passwordBody = z.object({ password: z.string().max(500) }).strict();
// A newsroom token acts with a role; a partner's token (scope read) has none: it reads the content API only.
const tokenBody = z
  .object({ name: z.string().trim().min(1).max(80), role: role.optional(), scope: z.enum(['newsroom', 'read']).default('newsroom') })
  .strict()
  .refine((b) => (b.scope === 'read') === (b.role === undefined), {
    path: ['role'],
    error: 'a newsroom token needs a role; a read token (scope "read") takes none',
  });

interface UserRouteDeps {
  db: Kysely<Database>;
  auth: AuthService;
  clock: Clock;
}

/** Users and API tokens: admins only, except that anyone may change their own language. */
export function userEndpoints(deps: UserRouteDeps) {
  return [...accountEndpoints(deps), ...accountChangeEndpoints(deps), ...tokenEndpoints(deps)];
}

function accountEndpoints(deps: UserRouteDeps) {
  const { db, auth } = deps;
  return [
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/users',
      summary: 'Every user',
      response: listOf(userAnswer),
      access: { can: 'user.manage' },
      handle: async () => ({ items: (await listUsers(db)).map(publicUser) }),
    }),
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/users',
      summary: 'Creates a user',
      response: z.object({ user: userAnswer }),
      access: { can: 'user.manage' },
      body: createBody,
      status: 201,
      handle: async ({ actor, body }) => ({ user: publicUser(await auth.createUser(body, actor)) }),
    }),
  ];
}

function accountChangeEndpoints(deps: UserRouteDeps) {
  return [
    adminEndpoint({
      method: 'PATCH',
      path: '/api/admin/users/:id',
      summary: "Changes a user's name, role, language or access (anyone may change their own language)",
      response: z.object({ user: userAnswer }),
      access: 'signed-in',
      params: idParams,
      body: patchBody,
      handle: ({ actor, params, body }) => patchUser(deps, actor, params.id, body),
    }),
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/users/:id/password',
      summary: "Sets a user's password",
      access: { can: 'user.manage' },
      params: idParams,
      body: passwordBody,
      status: 204,
      handle: async ({ actor, params, body }) => {
        await deps.auth.resetPassword(params.id, body.password, actor);
      },
    }),
  ];
}

/** PATCH /api/admin/users/:id: a user may not change their own role nor disable themselves. */
async function patchUser(deps: UserRouteDeps, actor: Actor, id: number, body: z.output<typeof patchBody>) {
  const { db } = deps;
  const now = () => deps.clock.now().toISOString();
  const onlyOwnLocale = actor.userId === id && Object.keys(body).every((k) => k === 'locale');
  if (!onlyOwnLocale) assertCan(actor, 'user.manage');
  const before = await findUserById(db, id);
  if (!before) throw new AppError('NOT_FOUND', 'user not found');
  if (actor.userId === id && ((body.role !== undefined && body.role !== before.role) || body.disabled)) {
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
}

/** Every API token, without its secret. */
async function listTokens(db: Kysely<Database>): Promise<{ items: TokenView[] }> {
  const rows = await db.selectFrom('api_tokens').select(['id', 'name', 'role', 'scope', 'created_at', 'last_used_at']).orderBy('id').limit(1000).execute();
  return { items: rows.map((r) => tokenView(r.id, r.name, r.role, r.scope, r.created_at, r.last_used_at)) };
}

function tokenView(id: number, name: string, role: Role, scope: TokenScope, createdAt: string, lastUsedAt: string | null): TokenView {
  return { id, name, scope, role: scope === 'read' ? null : role, createdAt, lastUsedAt };
}

function tokenEndpoints(deps: UserRouteDeps) {
  const { db, auth } = deps;
  const now = () => deps.clock.now().toISOString();
  return [
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/tokens',
      summary: 'Every API token (never its secret)',
      response: listOf(tokenAnswer),
      access: { can: 'token.manage' },
      handle: () => listTokens(db),
    }),
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/tokens',
      summary: 'Creates an API token; its secret is shown this once',
      response: newTokenAnswer,
      access: { can: 'token.manage' },
      body: tokenBody,
      status: 201,
      handle: async ({ actor, body }) => {
        const role = body.role ?? 'reporter'; // stored for a read token too, and never used
        const { id, secret } = await auth.createToken(body.name, role, actor, body.scope);
        return { token: tokenView(id, body.name, role, body.scope, now(), null), secret };
      },
    }),
    adminEndpoint({
      method: 'DELETE',
      path: '/api/admin/tokens/:id',
      summary: 'Revokes an API token',
      access: { can: 'token.manage' },
      params: idParams,
      status: 204,
      handle: async ({ actor, params: { id } }) => {
        const result = await db.deleteFrom('api_tokens').where('id', '=', id).executeTakeFirst();
        if (!Number(result.numDeletedRows)) throw new AppError('NOT_FOUND', 'token not found');
        await audit(db, { userId: actor.userId, action: 'token.revoke', targetType: 'token', targetId: id, at: now() });
      },
    }),
  ];
}
