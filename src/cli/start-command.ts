import { resolve } from 'node:path';
import type { Config } from '../config/config-schema.ts';
import { openMigratedDatabase } from '../runtime.ts';
import { systemClock } from '../content/clock.ts';
import { buildApp } from '../app.ts';
import { isEmpty, seedDemo } from '../demo/seed-demo.ts';

/** `prokash start`: migrate, seed the demo into an empty database, serve until a signal. */
export async function runStart(config: Config): Promise<number> {
  const database = await openMigratedDatabase(config);
  if (config.demo && (await isEmpty(database.db))) {
    const report = await seedDemo({ db: database.db, mediaDir: resolve(config.mediaDir), clock: systemClock });
    console.log(`Seeded the demo portal: ${report.created} articles.`);
  }
  const { server } = await buildApp({ config, database, clock: systemClock });
  const close = async (signal: string) => {
    server.log.info({ signal }, 'shutting down');
    await server.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await server.listen({ port: config.port, host: config.host });
  console.log(`${config.siteName} is serving ${config.siteUrl} (database ${database.label})`);
  return -1; // keep running
}
