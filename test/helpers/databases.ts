import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle, type DialectName } from '../../src/db/database.ts';
import { ensurePlaces } from '../../src/content/places/place.repository.ts';

/** PostgreSQL URL for the test suite; CI sets it, so both dialects run on every CI run. */
export const POSTGRES_URL = process.env.PROKASH_TEST_POSTGRES_URL ?? '';

export const DIALECTS: DialectName[] = POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase extends DatabaseHandle {
  /** The DATABASE_URL for child processes (PostgreSQL's names the test's schema with `?schema=`). */
  url: string;
  /** A folder owned by this test (media, files). */
  dir: string;
  destroy(): Promise<void>;
}

/** A fresh, migrated database of the given dialect, isolated from every other test. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'prokash-test-'));
  let handle: DatabaseHandle;
  let url: string;
  let schema = '';
  if (dialect === 'sqlite') {
    url = `sqlite:${join(dir, 'test.db')}`;
    handle = await openDatabase(url);
  } else {
    schema = `t_${randomBytes(6).toString('hex')}`;
    url = withSchema(POSTGRES_URL, schema);
    handle = await openDatabase(POSTGRES_URL, { pgSchema: schema, pgPoolSize: 4 });
  }
  await migrateWhileOthersDrop(handle, schema);
  await ensurePlaces(handle.db);
  return {
    ...handle,
    url,
    dir,
    async destroy() {
      await handle.close();
      if (schema) await dropSchema(schema);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Kysely's migrator reads every table of every schema (`pg_get_serial_sequence` on each column):
 * when another test file drops its own schema at that moment, the read fails naming that schema
 * (or one of its tables).
 * Only tests share a database with schemas coming and going, so only they try again.
 */
async function migrateWhileOthersDrop(handle: DatabaseHandle, ours: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(handle);
      return;
    } catch (error) {
      // `schema "t_…" does not exist`, or `relation "t_….comments" does not exist` when the schema
      // went between listing its tables and reading one.
      const other = /(?:schema|relation) "(t_[0-9a-f]{12})(?:\.\w+)?" does not exist/.exec(String(error))?.[1];
      if (attempt >= 3 || other === undefined || other === ours) throw error;
    }
  }
}

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
