import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, sql, type LogEvent, type MigrationProvider } from 'kysely';
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
  /**
   * PostgreSQL, for serving: the server cancels any statement running longer (ms; a lock wait
   * counts), and a query the server does not answer within this plus a grace (it stalls, or the
   * network does) loses its connection, which the pool then replaces. 0 or absent: no limit
   * (migrations, imports and reindexing run long statements on purpose).
   */
  statementTimeoutMs?: number;
  /** PostgreSQL: the longest wait for a connection, a new one or a free one of the pool (ms; 0 or absent: no limit). */
  connectTimeoutMs?: number;
  /** PostgreSQL: the application_name its connections show in pg_stat_activity. */
  applicationName?: string;
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
  const statementTimeout = options.statementTimeoutMs ?? 0;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolSize ?? 10,
    ...(statementTimeout > 0 ? { statement_timeout: statementTimeout } : {}),
    ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}),
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
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
  // The pool listens only while a connection is idle: one lost while lent out (mid-query, or
  // between a transaction's queries) fails its queries, and then emits 'error', which would end
  // the process. Every connection gets a listener of its own; the pool drops it when returned.
  pool.on('connect', (client) => {
    client.on('error', (error) => options.onError?.(error));
    if (statementTimeout > 0) answerWithin(client, statementTimeout + STALL_GRACE_MS);
  });
  const stats = { queries: 0 };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: counter(stats, options.onQuery) });
  return { db, dialect: 'postgres', label: url.replace(/:[^:@/]*@/, ':***@'), schema, url, stats, close: () => db.destroy() };
}

// Past the statement timeout, how long the server may take to say it cancelled the statement.
const STALL_GRACE_MS = 2000;

/**
 * Makes the client's promised queries fail once the server has not answered for `limitMs`: the
 * connection is then closed (not merely given up on, as pg's query_timeout does, which would lend
 * out a connection still inside the old statement or transaction), so its queries fail at once and
 * the pool replaces it. For a server that stalls without cancelling (paused, or the network).
 */
function answerWithin(client: pg.PoolClient, limitMs: number): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const guarded = (...args: unknown[]): unknown => {
    const result = query(...args);
    if (!(result instanceof Promise)) return result; // callback and submittable forms: not ours (Kysely uses promises)
    let stalled = false;
    // Closing the socket fails the query once pg has marked the client broken, so the pool,
    // when the query's caller hands the client back, drops it instead of lending it again.
    const timer = setTimeout(() => {
      stalled = true;
      (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    }, limitMs);
    return result.then(
      (value: unknown) => {
        clearTimeout(timer);
        return value;
      },
      (error: unknown) => {
        clearTimeout(timer);
        throw stalled ? new Error(`The database answered nothing for ${limitMs} ms; its connection was closed`, { cause: error }) : error;
      },
    );
  };
  client.query = guarded as typeof client.query;
}

const counter = (stats: { queries: number }, onQuery?: (event: LogEvent) => void) => (event: LogEvent) => {
  stats.queries++;
  onQuery?.(event);
};

/** True when the database answers a trivial query within `timeoutMs` (health checks). */
export async function databaseAnswers(db: Kysely<Database>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const answered = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Runs every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(handle: Pick<DatabaseHandle, 'db' | 'schema'>): Promise<string[]> {
  const { db } = handle;
  // Kysely looks for its bookkeeping tables in every schema; name ours so that databases
  // living side by side in one PostgreSQL (tests, tenants) do not see each other's.
  const migrator = new Migrator({ db, provider, ...(handle.schema ? { migrationTableSchema: handle.schema } : {}) });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    // Kysely reads the tables of every schema before it starts (`pg_get_serial_sequence` on each
    // column): another schema dropped at that moment (a test's, a tenant's) fails the read, naming
    // it. Nothing of ours was done; reading again is safe.
    const other = /(?:schema|relation) "([^".]+)(?:\.[^"]+)?" does not exist/.exec(thrownText(error))?.[1];
    if (failed || attempt >= 3 || other === undefined || other === handle.schema) {
      const where = failed ? ` in ${failed.migrationName}` : '';
      throw new Error(`Migration failed${where}: ${thrownText(error)}`);
    }
  }
}

/** What was thrown, as text: its message when it has one (an Error does), else the value itself. */
function thrownText(thrown: unknown): string {
  const message: unknown = typeof thrown === 'object' && thrown !== null && 'message' in thrown ? thrown.message : undefined;
  return String(message ?? thrown);
}
