import type { Config } from './config/config-schema.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db/database.ts';
import { ensurePlaces } from './content/places/place.repository.ts';

/** Opens the configured database, runs pending migrations and writes the fixed place table. */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle> {
  const database = await openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database);
    await ensurePlaces(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
