/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

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
