import { randomBytes } from 'node:crypto';
import type { Config } from '../config/config-schema.ts';
import type { Role } from '../db/schema.ts';
import { openMigratedDatabase } from '../runtime.ts';
import { systemClock } from '../lib/clock.ts';
import { AuthService } from '../newsroom/auth.service.ts';
import { isRole } from '../content/permissions.ts';
import { AppError } from '../lib/errors.ts';

/**
 * `prokash user add --email E --role R [--name N]`: the password comes from PROKASH_PASSWORD,
 * or a random one is made and printed once (scripts should set the variable).
 */
export async function runUserAdd(config: Config, options: { email?: string; role?: string; name?: string }, env: NodeJS.ProcessEnv): Promise<number> {
  if (!options.email || !options.role) return fail('user add needs --email and --role');
  if (!isRole(options.role)) return fail(`--role must be one of reporter, sub-editor, editor, admin`);
  const database = await openMigratedDatabase(config);
  try {
    const password = env.PROKASH_PASSWORD || randomBytes(12).toString('base64url');
    const auth = new AuthService(database.db, systemClock);
    const user = await auth.createUser({ email: options.email, role: options.role, name: options.name ?? options.email.split('@')[0]!, password }, null);
    console.log(`Added ${user.role} ${user.email} (id ${user.id}).`);
    if (!env.PROKASH_PASSWORD) console.log(`Password: ${password}`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) return fail(error.message);
    throw error;
  } finally {
    await database.close();
  }
}

/** `prokash token create --role R [--name N]` or `--scope read` (a partner's token for the content API): prints the secret once. */
export async function runTokenCreate(config: Config, options: { role?: string; name?: string; scope?: string }): Promise<number> {
  const read = options.scope === 'read';
  if (options.scope !== undefined && !read && options.scope !== 'newsroom') return fail('--scope is newsroom (the default) or read');
  if (read && options.role) return fail('a read token (--scope read) takes no --role: it reads the content API only');
  if (!read && (!options.role || !isRole(options.role))) return fail('token create needs --role reporter|sub-editor|editor|admin, or --scope read');
  const role = read ? 'reporter' : (options.role as Role); // a read token's role is never used
  const database = await openMigratedDatabase(config);
  try {
    const auth = new AuthService(database.db, systemClock);
    const { id, secret } = await auth.createToken(options.name ?? `cli-${read ? 'read' : role}`, role, null, read ? 'read' : 'newsroom');
    console.error(
      `Token ${id} (${read ? 'read scope: the content API only' : role}) created. Send it as "Authorization: Bearer <token>"; it is shown only now:`,
    );
    console.log(secret);
    return 0;
  } finally {
    await database.close();
  }
}

function fail(message: string): number {
  console.error(`prokash: ${message}`);
  return 2;
}
