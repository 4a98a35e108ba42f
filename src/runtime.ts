import type { Config } from './config/config-schema.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle, type OpenDatabaseOptions } from './db/database.ts';
import { ensurePlaces } from './content/places/place.repository.ts';

/**
 * Opens the configured database, runs pending migrations and writes the fixed place table.
 * `serving`: then reopens it with the serving limits (statement and connection timeouts), which
 * migrations must not have.
 */
export async function openMigratedDatabase(config: Config, options: { serving?: boolean } = {}): Promise<DatabaseHandle> {
  const database = await openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database);
    await ensurePlaces(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  if (!options.serving) return database;
  await database.close();
  return openDatabase(config.databaseUrl, servingDatabaseOptions(config));
}

/** What a serving process opens its database with: timeouts, and a name that shows whose connections they are. */
export function servingDatabaseOptions(config: Config): OpenDatabaseOptions {
  return {
    statementTimeoutMs: config.databaseStatementTimeout,
    connectTimeoutMs: config.databaseConnectTimeout,
    applicationName: `prokash:${process.pid}`,
  };
}
