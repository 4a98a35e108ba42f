import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.ts';
import { buildApp, type App } from '../../src/app.ts';
import { fixedClock, type Clock } from '../../src/lib/clock.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { before, after } from 'node:test';
import type { DialectName } from '../../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { noSignal, type EventSignal } from '../../src/content/events/event-signal.ts';
import { checkAnswersAgainstDocument } from './openapi-check.ts';

/** The instant the HTTP tests live at: Friday 27 November 2026, 12:00 in Dhaka. */
export const TEST_NOW = '2026-11-27T06:00:00Z';

/** An in-process app over a test database, with the demo portal seeded at TEST_NOW. */
export async function buildTestApp(
  t: TestDatabase,
  clock: Clock = fixedClock(TEST_NOW),
  options: { scheduler?: boolean; config?: Record<string, unknown>; seed?: boolean; signal?: EventSignal; pollMs?: number; webhookTimeoutMs?: number } = {},
): Promise<App> {
  const mediaDir = join(t.dir, 'media');
  if (options.seed !== false) {
    const report = await seedDemo({ db: t.db, mediaDir, clock });
    if (report.failed.length) throw new Error(`demo seed failed: ${JSON.stringify(report.failed)}`);
  }
  const config = loadConfig({
    env: {},
    file: false, // whatever prokash.config.json the working directory holds, tests do not read it
    // As if behind a proxy: tests speak for many readers through X-Forwarded-For.
    // The content API's rate limits are far above what any suite sends (test/content-api.test.ts sets its own).
    overrides: {
      databaseUrl: t.url,
      mediaDir,
      siteUrl: 'http://prokash.test',
      logLevel: 'silent',
      trustProxy: true,
      apiRateLimit: 1_000_000,
      apiTokenRateLimit: 1_000_000,
      ...options.config,
    },
  });
  // No wake-ups between apps and no polling unless a test asks: tests read the log when they choose.
  const app = await buildApp({
    config,
    database: t,
    clock,
    logger: false,
    scheduler: options.scheduler ?? false,
    timers: false,
    signal: options.signal ?? noSignal,
    pollMs: options.pollMs ?? 0,
    // Every answer of a declared endpoint is held to its declared shape.
    checkAnswers: true,
    webhookTimeoutMs: options.webhookTimeoutMs,
  });
  // …and every answer under /api/ a test receives, to the OpenAPI document the app serves.
  checkAnswersAgainstDocument(app.server);
  return app;
}

/** What `useTestApp` gives a suite: the database, the app, and a GET shortcut. */
export interface TestAppContext {
  t: TestDatabase;
  app: App;
  get(url: string, headers?: Record<string, string>): Promise<import('fastify').LightMyRequestResponse>;
}

/**
 * For a describe block: a fresh database of the dialect with the demo seeded and an app over it,
 * made before the tests and closed after them. Read the fields inside tests, not at definition.
 */
export function useTestApp(dialect: DialectName, clock?: Clock): TestAppContext {
  const context = {} as TestAppContext;
  // The same object as after() sees it: its fields stay unset if before() failed partway.
  const made: Partial<TestAppContext> = context;
  before(async () => {
    context.t = await createTestDatabase(dialect);
    context.app = await buildTestApp(context.t, clock);
    context.get = (url, headers = {}) => context.app.server.inject({ method: 'GET', url, headers });
  });
  after(async () => {
    await made.app?.server.close();
    await made.t?.destroy();
  });
  return context;
}
