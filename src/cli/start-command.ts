import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Config } from '../config/config-schema.ts';
import { openMigratedDatabase } from '../runtime.ts';
import { systemClock } from '../lib/clock.ts';
import { buildApp } from '../app.ts';
import { isEmpty, seedDemo } from '../demo/seed-demo.ts';
import { createIndexer } from '../search/search-module.ts';
import { runClusterPrimary } from './cluster-primary.ts';

/** `prokash start`: migrate, seed the demo into an empty database, serve until a signal. */
export async function runStart(config: Config): Promise<number> {
  const workers = config.workers === 'auto' ? availableParallelism() : config.workers;
  if (cluster.isWorker) return serve(config);
  await prepare(config, workers > 1);
  if (workers > 1) return runClusterPrimary(config, workers);
  return serve(config);
}

/** Once per start, before anything serves: migrations, the demo, the search index's catch-up. */
async function prepare(config: Config, forWorkers: boolean): Promise<void> {
  const database = await openMigratedDatabase(config);
  try {
    if (config.demo && (await isEmpty(database.db))) {
      const report = await seedDemo({ db: database.db, mediaDir: resolve(config.mediaDir), clock: systemClock });
      console.log(`Seeded the demo portal: ${report.created} articles.`);
    }
    // Workers would each scan for what is missing; the primary does it once before they start.
    if (forWorkers) await (await createIndexer(database)).catchUp({ changes: 2000, scanned: 20_000 });
  } finally {
    await database.close();
  }
}

/** One serving process: alone, or a cluster worker. */
async function serve(config: Config): Promise<number> {
  const database = await openMigratedDatabase(config, { serving: true });
  const { server } = await buildApp({ config, database, clock: systemClock });
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, 'shutting down');
    await server.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  // A worker whose primary is gone (killed outright) stops too, instead of serving on alone.
  if (cluster.isWorker) process.once('disconnect', () => void close('disconnect'));
  await server.listen({ port: config.port, host: config.host });
  if (cluster.isWorker) process.send?.({ prokash: 'serving' });
  else console.log(`${config.siteName} is serving ${config.siteUrl} (database ${database.label})`);
  return -1; // keep running
}
