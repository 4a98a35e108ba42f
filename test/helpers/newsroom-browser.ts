/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../src/app.ts';
import type { DialectName } from '../../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { buildTestApp } from './app.ts';
import { launchChromium } from './browser.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `npm install` builds the app (prepare); build it here too when a checkout skipped that. */
export function ensureAdminBuild(): void {
  if (existsSync(`${ROOT}dist/admin/index.html`)) return;
  const result = spawnSync(
    process.execPath,
    [`${ROOT}node_modules/vite/bin/vite.js`, 'build', '--config', 'src/newsroom/client/vite.config.ts', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  assert.equal(result.status, 0, 'the admin app builds');
}

/** Pastes as a person would: a real paste event carrying text/plain, into the focused element. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

export async function signIn(page: Page, origin: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${origin}/admin`);
  await page.getByLabel('ইমেইল').fill(who.email);
  await page.getByLabel('পাসওয়ার্ড').fill(who.password);
  await page.getByRole('button', { name: 'সাইন ইন করুন' }).click();
  await page.locator('.desk-grid').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'সাইন আউট' }).click();
  await page.getByRole('button', { name: 'সাইন ইন করুন' }).waitFor();
}

/**
 * Follows the page's requests from now on; the function returned waits until none has been open for
 * `quietMs` (a screen that loads its data has drawn it), like Playwright's networkidle but usable
 * after an in-app navigation, and shorter.
 */
export function requestsSettled(page: Page, quietMs = 150): () => Promise<void> {
  let open = 0;
  let changedAt = Date.now();
  const change = (delta: number) => {
    open += delta;
    changedAt = Date.now();
  };
  page.on('request', () => change(1));
  page.on('requestfinished', () => change(-1));
  page.on('requestfailed', () => change(-1));
  return async () => {
    const deadline = Date.now() + 10_000;
    while (open > 0 || Date.now() - changedAt < quietMs) {
      assert.ok(Date.now() < deadline, `${open} requests still open after 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
}

/** Sets the editor's schedule fields (day, month, year, hour, minute, AM/PM) to a "YYYY-MM-DDTHH:mm" wall-clock time. */
export async function fillSchedule(page: Page, value: string): Promise<void> {
  const [, year, month, day, hour, minute] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)!.map(Number);
  const when = page.locator('.schedule .when');
  await when.locator('.when-day input').fill(String(day));
  await when.locator('.when-month select').selectOption(String(month));
  await when.locator('.when-year input').fill(String(year));
  await when.locator('.when-hour input').fill(String(hour! % 12 === 0 ? 12 : hour! % 12));
  await when.locator('.when-minute input').fill(String(minute));
  await when.locator('.when-meridiem select').selectOption(hour! >= 12 ? 'pm' : 'am');
}

/** Where browser tests write their screenshots for review (git-ignored). */
export const SCREENSHOTS = 'test-results/screenshots';

export interface NewsroomInBrowser {
  t: TestDatabase;
  app: App;
  /** The server's address on loopback. */
  origin: string;
  browser: Browser;
}

/**
 * What a newsroom browser test stands on: the admin app built, a fresh database, the test app
 * listening on a free port, Chromium, and the screenshot folder. What was made before a failure is
 * closed again before the error is thrown.
 */
export async function newsroomInBrowser(dialect: DialectName): Promise<NewsroomInBrowser> {
  ensureAdminBuild();
  const t = await createTestDatabase(dialect);
  let app: App | undefined;
  try {
    app = await buildTestApp(t);
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
    const browser = await launchChromium();
    await mkdir(SCREENSHOTS, { recursive: true });
    return { t, app, origin, browser };
  } catch (error) {
    await closeNewsroomInBrowser({ t, app });
    throw error;
  }
}

/** Closes what `newsroomInBrowser` made (any part of it may be missing). */
export async function closeNewsroomInBrowser(made: Partial<NewsroomInBrowser>): Promise<void> {
  await made.browser?.close();
  await made.app?.server.close();
  await made.t?.destroy();
}
