import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, type LogEvent, type MigrationProvider } from 'kysely';
import { ProkashSqliteDialect } from './sqlite/sqlite-dialect.ts';
import type { Database } from './schema.ts';
import { migrations } from './migrations/index.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The URL it was opened with, for logs (password removed). */
  label: string;
  /** The PostgreSQL schema it works in, when not the default. */
  schema?: string;
  /** PostgreSQL: the connection URL without `?schema=`, for connections of its own (LISTEN). */
  url?: string;
  /**
   * SQLite only: the better-sqlite3 handle under `db`, for hot paths that run prepared statements
   * (the search index's writes). Use it only inside `db.connection().execute(…)`, which keeps
   * every Kysely query and transaction off the connection meanwhile.
   */
  native?: SQLite.Database;
  /** Queries run through `db` since the database was opened (tests prove warm pages run none). */
  readonly stats: { queries: number };
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL schema to use (tests isolate themselves this way); created when missing. */
  pgSchema?: string;
  /** Maximum pool size on PostgreSQL. */
  pgPoolSize?: number;
  /** Told of a failure outside any query (a pooled PostgreSQL connection lost while idle). */
  onError?: (error: Error) => void;
  /** Told of every query with its SQL, parameters and duration (tests read plans; benchmarks time). */
  onQuery?: (event: LogEvent) => void;
}

/** Opens `sqlite:<path>` or `postgres://…` with Kysely. Does not migrate. */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length), options);
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options);
  throw new Error(`Unsupported DATABASE_URL "${url}": use sqlite:<path> or postgres://…`);
}

function openSqlite(path: string, options: OpenDatabaseOptions): DatabaseHandle {
  const file = path === ':memory:' || path === '' ? ':memory:' : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Several processes may share the file; wait for the writer instead of failing at once.
  sqlite.pragma('busy_timeout = 5000');
  const stats = { queries: 0 };
  const db = new Kysely<Database>({ dialect: new ProkashSqliteDialect(sqlite), log: counter(stats, options.onQuery) });
  return { db, dialect: 'sqlite', label: `sqlite:${file}`, native: sqlite, stats, close: () => db.destroy() };
}

async function openPostgres(rawUrl: string, options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  // `?schema=name` selects a schema (several sites, or tests, can share one PostgreSQL database).
  const parsed = new URL(rawUrl);
  const schema = options.pgSchema ?? (parsed.searchParams.get('schema') || undefined);
  parsed.searchParams.delete('schema');
  const url = parsed.toString();
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Bad schema name ${schema}`);
  if (schema) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    // COUNT(*) and other int8 values come back as strings by default; they fit in a JS number here.
    types: {
      getTypeParser: (oid, format): ((value: string) => unknown) =>
        oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : (pg.types.getTypeParser(oid, format) as (value: string) => unknown),
    },
  });
  // A pooled connection that the server closes while idle (a restart, a failover, a proxy's idle
  // timeout) is dropped from the pool and replaced on the next query; without a listener the
  // error would end the process.
  pool.on('error', (error) => options.onError?.(error));
  const stats = { queries: 0 };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: counter(stats, options.onQuery) });
  return { db, dialect: 'postgres', label: url.replace(/:[^:@/]*@/, ':***@'), schema, url, stats, close: () => db.destroy() };
}

const counter = (stats: { queries: number }, onQuery?: (event: LogEvent) => void) => (event: LogEvent) => {
  stats.queries++;
  onQuery?.(event);
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Runs every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(handle: Pick<DatabaseHandle, 'db' | 'schema'>): Promise<string[]> {
  const { db } = handle;
  // Kysely looks for its bookkeeping tables in every schema; name ours so that databases
  // living side by side in one PostgreSQL (tests, tenants) do not see each other's.
  const migrator = new Migrator({ db, provider, ...(handle.schema ? { migrationTableSchema: handle.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const where = failed ? ` in ${failed.migrationName}` : '';
    throw new Error(`Migration failed${where}: ${thrownText(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** What was thrown, as text: its message when it has one (an Error does), else the value itself. */
function thrownText(thrown: unknown): string {
  const message: unknown = typeof thrown === 'object' && thrown !== null && 'message' in thrown ? thrown.message : undefined;
  return String(message ?? thrown);
}
