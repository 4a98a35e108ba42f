import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { before, after } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import type { DialectName } from '../../src/db/database.ts';
import { buildTestApp } from './app.ts';
import type { App } from '../../src/app.ts';
import type { Clock } from '../../src/lib/clock.ts';

export const CHROMIUM = process.env.PROKASH_TEST_CHROMIUM ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or undefined when they can. In CI a missing browser is a failure. */
export function browserUnavailable(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs Debian's chromium`);
  return `Chromium not found at ${CHROMIUM} (apt-get install chromium)`;
}

/** Debian's Chromium, headless, with no network chatter of its own; `env` replaces its environment (FONTCONFIG_FILE, say). */
export function launchChromium(env?: Record<string, string>): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    ...(env ? { env } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The reader site on a test database, listening on 127.0.0.1, and a Chromium to read it with. */
export interface SiteInBrowser {
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  readonly browser: Browser;
  /** The app serving it (to count views, approve comments …). */
  readonly app: App;
}

/**
 * Registers before/after hooks in the calling suite: a test database of `dialect` with the demo
 * content, the app listening on a free port and a Chromium; all closed afterwards, also when
 * before() failed partway. Read the fields inside tests and later hooks. `clock` and `config`
 * go to the app (a clock the test moves, `pageCacheTtl: 0` to render every page afresh).
 */
export function useSiteInBrowser(dialect: DialectName, options: { clock?: Clock; config?: Record<string, unknown> } = {}): SiteInBrowser {
  let t: TestDatabase | undefined;
  let app: App | undefined;
  let browser: Browser | undefined;
  let origin: string | undefined;
  before(async () => {
    t = await createTestDatabase(dialect);
    app = await buildTestApp(t, options.clock, { config: options.config });
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.server.close();
    await t?.destroy();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The site is not up: use it inside tests and hooks registered after useSiteInBrowser');
    return value;
  };
  return {
    get origin() {
      return ready(origin);
    },
    get browser() {
      return ready(browser);
    },
    get app() {
      return ready(app);
    },
  };
}
