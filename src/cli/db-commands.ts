import { resolve } from 'node:path';
import type { Config } from '../config/config-schema.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { ensurePlaces } from '../content/places/place.repository.ts';
import { openMigratedDatabase } from '../runtime.ts';
import { systemClock } from '../lib/clock.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { createIndexer } from '../search/search-module.ts';
import { openWriter } from './open-writer.ts';

export async function runMigrate(config: Config): Promise<number> {
  const database = await openDatabase(config.databaseUrl);
  try {
    const ran = await migrateToLatest(database);
    await ensurePlaces(database.db);
    console.log(ran.length ? `Applied: ${ran.join(', ')}` : 'Database is up to date.');
    return 0;
  } finally {
    await database.close();
  }
}

export async function runSeed(config: Config): Promise<number> {
  const database = await openMigratedDatabase(config);
  const { writer, close } = await openWriter(database);
  try {
    const report = await seedDemo({ db: database.db, mediaDir: resolve(config.mediaDir), clock: systemClock, writer });
    await (await createIndexer(database)).indexIds(report.changedIds); // search: the demo is findable at once
    console.log(`Demo content: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged.`);
    for (const f of report.failed) console.error(`line ${f.line}: ${f.error}`);
    return report.failed.length ? 1 : 0;
  } finally {
    await close();
    await database.close();
  }
}
