import { SqliteAdapter, type Kysely, type RawBuilder, type Simplify } from 'kysely';
import * as postgres from 'kysely/helpers/postgres';
import * as sqlite from 'kysely/helpers/sqlite';

/** Nested rows as JSON inside one query: the one thing here that each dialect spells its own way. */
export interface JsonHelpers {
  /** A subquery's rows as a JSON array (`[]` when none). */
  arrayFrom<O>(expr: Parameters<typeof sqlite.jsonArrayFrom<O>>[0]): RawBuilder<Simplify<O>[]>;
}

const sqliteJson: JsonHelpers = { arrayFrom: (expr) => sqlite.jsonArrayFrom(expr) as never };
const postgresJson: JsonHelpers = { arrayFrom: (expr) => postgres.jsonArrayFrom(expr) as never };

/** The helpers for this database's dialect. */
export function jsonHelpers(db: Pick<Kysely<unknown>, 'getExecutor'>): JsonHelpers {
  return db.getExecutor().adapter instanceof SqliteAdapter ? sqliteJson : postgresJson;
}

/**
 * A JSON column as the driver hands it back: text on SQLite, already parsed on PostgreSQL (Kysely
 * types it as parsed, `T`).
 */
export function parseJsonColumn<T>(value: T | string): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
