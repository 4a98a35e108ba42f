import type { Kysely } from 'kysely';
import type { Database, Role, UserTable } from '../db/schema.ts';
import { nextId } from '../content/ids.ts';

export type User = UserTable;

/** A user as the API shows it: never the password hash. */
export interface PublicUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  locale: 'bn' | 'en';
  disabled: boolean;
  createdAt: string;
}

export function publicUser(u: User): PublicUser {
  return { id: u.id, name: u.name, email: u.email, role: u.role, locale: u.locale, disabled: u.disabled === 1, createdAt: u.created_at };
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(
  db: Kysely<Database>,
  input: { email: string; name: string; role: Role; passwordHash: string; locale?: 'bn' | 'en' },
  now: string,
): Promise<User> {
  const user: User = {
    id: await nextId(db, 'users'),
    email: normalizeEmail(input.email),
    name: input.name.trim(),
    role: input.role,
    password_hash: input.passwordHash,
    locale: input.locale ?? 'bn',
    disabled: 0,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('users').values(user).execute();
  return user;
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  return db.selectFrom('users').selectAll().orderBy('id').limit(1000).execute();
}
