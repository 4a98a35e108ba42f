import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.ts';
import { buildApp, type App } from '../../src/app.ts';
import { fixedClock, type Clock } from '../../src/content/clock.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import type { TestDatabase } from './databases.ts';

/** The instant the HTTP tests live at: Friday 27 November 2026, 12:00 in Dhaka. */
export const TEST_NOW = '2026-11-27T06:00:00Z';

/** An in-process app over a test database, with the demo portal seeded at TEST_NOW. */
export async function buildTestApp(
  t: TestDatabase,
  clock: Clock = fixedClock(TEST_NOW),
  options: { scheduler?: boolean; config?: Record<string, unknown>; seed?: boolean } = {},
): Promise<App> {
  const mediaDir = join(t.dir, 'media');
  if (options.seed !== false) {
    const report = await seedDemo({ db: t.db, mediaDir, clock });
    if (report.failed.length) throw new Error(`demo seed failed: ${JSON.stringify(report.failed)}`);
  }
  const config = loadConfig({
    env: {},
    file: undefined,
    // As if behind a proxy: tests speak for many readers through X-Forwarded-For.
    overrides: { databaseUrl: t.url, mediaDir, siteUrl: 'http://prokash.test', logLevel: 'silent', trustProxy: true, ...options.config },
  });
  return buildApp({ config, database: t, clock, logger: false, scheduler: options.scheduler ?? false, timers: false });
}
