/// <reference lib="dom" />
// An editor schedules an article about a minute ahead in the newsroom app; it appears on the site
// at that time, with no restart and no further action. Real clock, real scheduler, real browser.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { buildTestApp } from '../helpers/app.ts';
import { browserUnavailable, launchChromium } from '../helpers/browser.ts';
import { ensureAdminBuild, fillSchedule, signIn } from '../helpers/newsroom-browser.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { utcToLocalInput } from '../../src/newsroom/client/zoned-input.ts';
import type { App } from '../../src/app.ts';

const skip = browserUnavailable();
const SCREENSHOTS = 'test-results/screenshots';
const EDITOR = { name: 'সম্পাদক', email: 'editor@prokash.test', password: 'editor-password-1' };

interface Site {
  dialect: string;
  t: TestDatabase;
  app: App;
  origin: string;
}

describe('scheduling in the newsroom app', { skip }, () => {
  const sites: Site[] = [];
  // Unset until before() makes them, and still unset in after() if before() failed partway.
  let browser: Browser | undefined;

  before(async () => {
    ensureAdminBuild();
    for (const dialect of DIALECTS) {
      const t = await createTestDatabase(dialect);
      const app = await buildTestApp(t, systemClock, { scheduler: true });
      await app.server.listen({ port: 0, host: '127.0.0.1' });
      const origin = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
      const setup = await app.server.inject({ method: 'POST', url: '/api/admin/setup', payload: EDITOR });
      assert.equal(setup.statusCode, 201);
      sites.push({ dialect, t, app, origin });
    }
    browser = await launchChromium();
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    for (const s of sites) {
      await s.app.server.close();
      await s.t.destroy();
    }
  });

  // The dialects wait for their minute side by side, so the test costs one minute, not two.
  test('an article scheduled a minute ahead appears on time without a restart', { timeout: 240_000 }, async () => {
    await Promise.all(sites.map((site) => scheduleAndWatch(browser!, site)));
  });
});

async function scheduleAndWatch(browser: Browser, site: Site): Promise<void> {
  const headline = `নির্ধারিত সময়ের খবর (${site.dialect})`;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await signIn(page, site.origin, EDITOR);
    await page.getByRole('link', { name: 'নতুন প্রতিবেদন' }).first().click();
    await page.getByLabel('শিরোনাম', { exact: true }).fill(headline);
    await page.getByLabel('বিভাগ').selectOption({ label: 'জাতীয়' });
    const desk = page.locator('.byline-picker select');
    await desk.locator('option').nth(1).waitFor({ state: 'attached' });
    await desk.selectOption({ index: 1 });
    await page.locator('.body-editor').click();
    await page.keyboard.type('এক মিনিট পরে প্রকাশের জন্য নির্ধারিত।');
    // The picker has minute precision: the first whole minute at least a minute from now.
    const at = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
    await fillSchedule(page, utcToLocalInput(at.toISOString(), 'Asia/Dhaka'));
    await page.getByRole('button', { name: 'নির্ধারণ করুন' }).click();
    await page.locator('.screen-head .badge', { hasText: 'নির্ধারিত' }).waitFor();
    const row = await site.t.db.selectFrom('articles').select(['id', 'scheduled_at']).where('headline', '=', headline).executeTakeFirstOrThrow();
    assert.equal(row.scheduled_at, at.toISOString(), 'scheduled for the chosen minute (Asia/Dhaka wall clock)');
    const url = `${site.origin}/national/${row.id}`;
    assert.equal((await page.goto(url))?.status(), 404, 'not on the site before its time');

    let seenAt = 0;
    while (Date.now() < at.getTime() + 20_000) {
      const response = await page.goto(url);
      if (response?.status() === 200) {
        seenAt = Date.now();
        break;
      }
      await page.waitForTimeout(500);
    }
    assert.ok(seenAt, 'the article appeared');
    assert.ok(seenAt >= at.getTime(), 'not before its time');
    assert.ok(seenAt - at.getTime() < 5_000, `on time (${seenAt - at.getTime()} ms late)`);
    assert.equal((await page.locator('h1').innerText()).trim(), headline);
    await page.goto(`${site.origin}/`);
    assert.equal((await page.locator('.tabs__panel--latest .numbered__link').first().innerText()).trim(), headline, 'first in সর্বশেষ');
  } catch (error) {
    await page.screenshot({ path: `${SCREENSHOTS}/newsroom-schedule-failure-${site.dialect}.png`, fullPage: true });
    throw error;
  } finally {
    await page.close();
  }
}
