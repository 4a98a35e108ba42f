import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role, TokenScope } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { nextId } from '../content/ids.ts';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords.ts';
import { countUsers, findUserByEmail, findUserById, insertUser, normalizeEmail, type User } from './user.repository.ts';
import type { Actor } from '../content/permissions.ts';
import { audit } from '../content/audit.ts';

/** Session and throttle limits. */
export const AUTH_LIMITS = {
  sessionIdleMs: 12 * 60 * 60 * 1000, // a session ends after 12 h without use
  sessionMaxMs: 14 * 24 * 60 * 60 * 1000, // and after 14 days in any case
  touchEveryMs: 60 * 1000, // last-seen is written at most once a minute
  failureWindowMs: 15 * 60 * 1000, // failures older than this are forgotten
  slowAfter: 5, // failures per account before each try is delayed
  refuseAfter: 10, // failures per account before tries are refused for a while
  refuseAfterIp: 50, // failures per address (many accounts) before refusal
  maxDelayMs: 4000,
  passwordMin: 10,
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface SessionInfo {
  user: User;
  token: string;
  csrfToken: string;
}

/** Accounts, sign-in with throttling, sessions and API tokens. */
export class AuthService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    /** Delays a throttled sign-in; tests pass a recorder instead of waiting. */
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async setupNeeded(): Promise<boolean> {
    return (await countUsers(this.db)) === 0;
  }

  /** Creates the first user, an admin. Refused once any user exists. */
  async setupOwner(input: { name: string; email: string; password: string }): Promise<User> {
    checkPassword(input.password);
    const now = this.clock.now().toISOString();
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction().execute(async (trx) => {
      if ((await countUsers(trx)) > 0) throw new AppError('CONFLICT', 'the site already has users; sign in instead');
      const user = await insertUser(trx, { ...input, role: 'admin', passwordHash }, now);
      await audit(trx, { userId: user.id, action: 'user.setup', targetType: 'user', targetId: user.id, at: now });
      return user;
    });
  }

  /** Adds a user (admin action, or the CLI). */
  async createUser(input: { name: string; email: string; password: string; role: Role }, actor: Actor | null): Promise<User> {
    checkPassword(input.password);
    const now = this.clock.now().toISOString();
    if (await findUserByEmail(this.db, input.email)) throw new AppError('CONFLICT', 'a user with this email exists');
    const user = await insertUser(this.db, { ...input, passwordHash: await hashPassword(input.password) }, now);
    await audit(this.db, {
      userId: actor?.userId ?? null,
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      details: { role: input.role },
      at: now,
    });
    return user;
  }

  /**
   * Checks an email and password and opens a session. Failures are counted per account and per
   * address; past the limits each try waits longer, then tries are refused for a while. The answer
   * is the same for an unknown email and a wrong password.
   */
  async login(email: string, password: string, meta: { ip: string; userAgent: string }): Promise<SessionInfo> {
    const keys = [`acct:${sha256(normalizeEmail(email))}`, `ip:${sha256(meta.ip)}`];
    const attempt = randomBytes(12).toString('base64url');
    await this.throttle(keys, attempt);
    const user = await findUserByEmail(this.db, email);
    const ok = await verifyPassword(password, user?.password_hash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !ok || user.disabled) {
      // The attempt's rows, written before the check, stay: they are this failure.
      await this.forgetOldFailures();
      throw new AppError('BAD_CREDENTIALS', 'email or password is wrong');
    }
    await this.db
      .deleteFrom('login_failures')
      .where((eb) => eb.or([eb('key', '=', keys[0]!), eb('attempt', '=', attempt)]))
      .execute();
    return this.openSession(user, meta);
  }

  async openSession(user: User, meta: { ip: string; userAgent: string }): Promise<SessionInfo> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: sha256(token),
        user_id: user.id,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + AUTH_LIMITS.sessionMaxMs).toISOString(),
        ip: sha256(meta.ip).slice(0, 16),
        user_agent: meta.userAgent.slice(0, 200),
      })
      .execute();
    return { user, token, csrfToken: csrfTokenFor(token) };
  }

  /** The user of a live session, or undefined (expired, idle too long, or a disabled user). */
  async sessionUser(token: string): Promise<User | undefined> {
    const hash = sha256(token);
    const session = await this.db.selectFrom('sessions').selectAll().where('token_hash', '=', hash).executeTakeFirst();
    if (!session) return undefined;
    const now = this.clock.now();
    const idleFor = now.getTime() - Date.parse(session.last_seen_at);
    if (now.toISOString() >= session.expires_at || idleFor >= AUTH_LIMITS.sessionIdleMs) {
      await this.db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
      return undefined;
    }
    const user = await findUserById(this.db, session.user_id);
    if (!user || user.disabled) return undefined;
    if (idleFor >= AUTH_LIMITS.touchEveryMs) {
      await this.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', hash).execute();
    }
    return user;
  }

  async closeSession(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
  }

  /** Sets a new password (admin reset) and ends every session of that user. */
  async resetPassword(userId: number, password: string, actor: Actor): Promise<void> {
    checkPassword(password);
    const now = this.clock.now().toISOString();
    const hash = await hashPassword(password);
    const result = await this.db.updateTable('users').set({ password_hash: hash, updated_at: now }).where('id', '=', userId).executeTakeFirst();
    if (!result.numUpdatedRows) throw new AppError('NOT_FOUND', 'user not found');
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await audit(this.db, { userId: actor.userId, action: 'user.password-reset', targetType: 'user', targetId: userId, at: now });
  }

  /** Makes an API token; the secret is returned once and only its hash is kept. */
  async createToken(name: string, role: Role, actor: Actor | null, scope: TokenScope = 'newsroom'): Promise<{ id: number; secret: string }> {
    const secret = `pk_${randomBytes(24).toString('base64url')}`;
    const now = this.clock.now().toISOString();
    const id = await nextId(this.db, 'api_tokens');
    await this.db
      .insertInto('api_tokens')
      .values({ id, token_hash: sha256(secret), name, role, scope, created_by: actor?.userId ?? null, created_at: now, last_used_at: null })
      .execute();
    await audit(this.db, { userId: actor?.userId ?? null, action: 'token.create', targetType: 'token', targetId: id, details: { role, name, scope }, at: now });
    return { id, secret };
  }

  /**
   * The newsroom actor behind a bearer token, or undefined when no token has that secret. A
   * partner's token (`read` scope) is refused here with 403: it reads the content API only.
   */
  async tokenActor(secret: string): Promise<Actor | undefined> {
    const token = await this.token(secret);
    if (!token) return undefined;
    if (token.scope !== 'newsroom')
      throw new AppError('FORBIDDEN', 'this token has the read scope: it reads the content API (/api/v1) and nothing of the newsroom');
    return { role: token.role, userId: null, name: `token:${token.name}` };
  }

  /** The token with this secret (any scope), noting when it was last used (at most once a minute), or undefined. */
  async token(secret: string): Promise<{ id: number; name: string; role: Role; scope: TokenScope } | undefined> {
    if (!secret.startsWith('pk_')) return undefined;
    const row = await this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', sha256(secret)).executeTakeFirst();
    if (!row) return undefined;
    const now = this.clock.now().toISOString();
    if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > AUTH_LIMITS.touchEveryMs) {
      await this.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
    }
    return { id: row.id, name: row.name, role: row.role, scope: row.scope };
  }

  /**
   * Records the attempt as a failure first, then counts the failures including it: of attempts
   * racing in parallel, the k-th to be written sees at least k, so no more than the limit get
   * past, however many arrive at once (counting first and recording after let all of them through).
   * A refused attempt takes its rows back, so refusals do not prolong the wait.
   */
  private async throttle(keys: string[], attempt: string): Promise<void> {
    const now = this.clock.now();
    await this.db
      .insertInto('login_failures')
      .values(keys.map((key) => ({ key, at: now.toISOString(), attempt })))
      .execute();
    const since = new Date(now.getTime() - AUTH_LIMITS.failureWindowMs).toISOString();
    const [account = 0, address = 0] = await Promise.all(keys.map((key) => this.failures(key, since)));
    if (account > AUTH_LIMITS.refuseAfter || address > AUTH_LIMITS.refuseAfterIp) {
      await this.db.deleteFrom('login_failures').where('attempt', '=', attempt).execute();
      throw new AppError('RATE_LIMITED', 'too many failed sign-ins; wait a few minutes and try again', {
        retryAfterSeconds: Math.ceil(AUTH_LIMITS.failureWindowMs / 1000 / 3),
      });
    }
    const over = account - AUTH_LIMITS.slowAfter; // failures before this one, past the free ones
    if (over > 0) await this.sleep(Math.min(AUTH_LIMITS.maxDelayMs, 250 * 2 ** (over - 1)));
  }

  private async failures(key: string, since: string): Promise<number> {
    const row = await this.db
      .selectFrom('login_failures')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('key', '=', key)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // Forget old failures as we go; the table stays small without a separate job.
  private async forgetOldFailures(): Promise<void> {
    const oldest = new Date(this.clock.now().getTime() - 24 * 3600 * 1000).toISOString();
    await this.db.deleteFrom('login_failures').where('at', '<', oldest).execute();
  }
}

/** The CSRF token of a session: derived from the session token, so it needs no storage. */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('prokash-csrf').digest('base64url');
}

export function csrfTokenMatches(sessionToken: string, given: string): boolean {
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function checkPassword(password: string): void {
  if ([...password].length < AUTH_LIMITS.passwordMin) {
    throw new AppError('INVALID_INPUT', `password must have at least ${AUTH_LIMITS.passwordMin} characters`);
  }
}
