/// <reference lib="dom" />
// পুরোনো লিংক in a real browser: an editor finds an imported old link by search, sees an old link
// readers missed, turns it into a redirect with the article's number typed in Bengali digits, and
// deletes one; the reader site follows at once; axe finds nothing against WCAG 2.1 AA.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { DIALECTS, type TestDatabase } from '../helpers/databases.ts';
import { browserUnavailable } from '../helpers/browser.ts';
import { AdminClient } from '../helpers/admin-client.ts';
import { signIn, newsroomInBrowser, closeNewsroomInBrowser } from '../helpers/newsroom-browser.ts';
import { axeViolations, formatViolations } from '../helpers/axe.ts';
import { setRedirects } from '../../src/content/redirects/redirect.repository.ts';
import type { App } from '../../src/app.ts';

const skip = browserUnavailable();
const OWNER = { name: 'সম্পাদক মালিক', email: 'owner@prokash.test', password: 'owner-password-1' };
const SEED = '/world/asia/251042';
const IMPORTED = '/2023/09/13/পুতিন-কিম-বৈঠক';
const MISSED = '/2023/09/14/kim-putin-summit';
const TEMPORARY = '/archives/999';

for (const dialect of DIALECTS) {
  describe(`old links in the newsroom, in a browser (${dialect})`, { skip }, () => {
    let t: TestDatabase | undefined;
    let app: App | undefined;
    let browser: Browser | undefined;
    let origin: string;

    before(async () => {
      ({ t, app, origin, browser } = await newsroomInBrowser(dialect));
      await AdminClient.setup(app.server, OWNER.name, OWNER.email, OWNER.password);
      await app.writer.write((trx, emit) =>
        setRedirects(
          trx,
          [
            { path: IMPORTED, articleId: 251042 },
            { path: TEMPORARY, articleId: 251042 },
          ],
          'wordpress',
          '2026-11-27T06:00:00.000Z',
          emit,
        ),
      );
      // A reader asks for an old link nobody redirected yet.
      assert.equal((await fetch(`${origin}${MISSED}/`, { redirect: 'manual' })).status, 404);
    });
    after(async () => {
      await closeNewsroomInBrowser({ t, app, browser });
    });

    test('search, fix a missed link, delete one; axe finds nothing', { timeout: 90_000 }, async () => {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'bn-BD' });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 40[14]/.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('dialog', (dialog) => void dialog.accept());
      const rows = page.locator('.redirects-table tbody tr');
      try {
        await signIn(page, origin, OWNER);
        await page.getByRole('link', { name: 'পুরোনো লিংক' }).click();
        await page.getByRole('heading', { name: 'পুরোনো লিংক', level: 1 }).waitFor();
        await rows.first().waitFor();
        assert.equal(await rows.count(), 2);

        await page.getByLabel('লিংকের অংশ দিয়ে খুঁজুন').fill('পুতিন');
        await page.getByRole('button', { name: 'খুঁজুন' }).click();
        await page.waitForFunction(() => document.querySelectorAll('.redirects-table tbody tr').length === 1);
        assert.match(await rows.first().innerText(), /পুতিন-কিম-বৈঠক/);
        assert.match(await rows.first().innerText(), /ওয়ার্ডপ্রেস/);

        const missed = page.locator('.missed-table tbody tr', { hasText: MISSED });
        await missed.waitFor();
        assert.match(await missed.innerText(), /\t১\t/, 'hits in Bengali digits');
        const violations = await axeViolations(page, 'পুরোনো লিংক');
        assert.deepEqual(violations, [], formatViolations(violations));

        await missed.getByRole('button', { name: /এই লিংক যোগ করুন/ }).click();
        assert.equal(await page.getByLabel('পুরোনো লিংক', { exact: true }).inputValue(), MISSED);
        await page.getByLabel('প্রতিবেদনের নম্বর বা নতুন লিংক').fill('২৫১০৪২');
        await page.getByRole('button', { name: 'লিংক যোগ করুন', exact: true }).click();
        await page.getByText('লিংক যোগ হয়েছে।').waitFor();
        await page.locator('.missed-table tbody tr', { hasText: MISSED }).waitFor({ state: 'detached' });
        const fixed = await fetch(`${origin}${MISSED}/`, { redirect: 'manual' });
        assert.equal(fixed.status, 301);
        assert.equal(fixed.headers.get('location'), SEED);

        await page.getByLabel('লিংকের অংশ দিয়ে খুঁজুন').fill('');
        await page.getByRole('button', { name: 'খুঁজুন' }).click();
        await page.waitForFunction(() => document.querySelectorAll('.redirects-table tbody tr').length === 3);
        await page.getByRole('button', { name: `মুছুন: ${TEMPORARY}` }).click();
        await page.waitForFunction(() => document.querySelectorAll('.redirects-table tbody tr').length === 2);
        assert.equal((await fetch(`${origin}${TEMPORARY}`, { redirect: 'manual' })).status, 404);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  });
}
