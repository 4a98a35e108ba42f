import { randomBytes } from 'node:crypto';
import type { Config } from '../config/config-schema.ts';
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

/** `prokash token create --role R [--name N]`: prints the secret once. */
export async function runTokenCreate(config: Config, options: { role?: string; name?: string }): Promise<number> {
  if (!options.role || !isRole(options.role)) return fail('token create needs --role reporter|sub-editor|editor|admin');
  const database = await openMigratedDatabase(config);
  try {
    const auth = new AuthService(database.db, systemClock);
    const { id, secret } = await auth.createToken(options.name ?? `cli-${options.role}`, options.role, null);
    console.error(`Token ${id} (${options.role}) created. Send it as "Authorization: Bearer <token>"; it is shown only now:`);
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
