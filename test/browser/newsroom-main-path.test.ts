/// <reference lib="dom" />
// The newsroom's main path in a real browser: owner setup → a reporter is added → the reporter
// writes an article, pasting Bijoy text that becomes Unicode, and submits → the owner (an admin,
// who may publish) publishes → the article is on its page and first in সর্বশেষ on the home page.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { DIALECTS, type TestDatabase } from '../helpers/databases.ts';
import { browserUnavailable } from '../helpers/browser.ts';
import type { App } from '../../src/app.ts';
import { pasteText, signIn, signOut, newsroomInBrowser, closeNewsroomInBrowser, SCREENSHOTS } from '../helpers/newsroom-browser.ts';

const skip = browserUnavailable();
const BIJOY = 'Avgvi †mvbvi evsjv, Avwg †Zvgvq fv‡jvevwm|';
// Compared canonically (NFC): য় may be stored precomposed (U+09DF) or as য + nukta.
const UNICODE = 'আমার সোনার বাংলা, আমি তোমায় ভালোবাসি।'.normalize('NFC');
const HEADLINE = 'নিউজরুম থেকে প্রথম খবর';
const OWNER = { name: 'সম্পাদক মালিক', email: 'owner@prokash.test', password: 'owner-password-1' };
const REPORTER = { name: 'রিপোর্টার রহিম', email: 'rahim@prokash.test', password: 'reporter-password-1' };

async function bodyText(page: Page): Promise<string> {
  return (await page.locator('.body-editor').innerText()).trim().normalize('NFC');
}

for (const dialect of DIALECTS) {
  describe(`the newsroom main path in a browser (${dialect})`, { skip }, () => {
    // Unset until before() makes them, and still unset in after() if before() failed partway.
    let t: TestDatabase | undefined;
    let app: App | undefined;
    let browser: Browser | undefined;
    let origin: string;

    before(async () => {
      ({ t, app, origin, browser } = await newsroomInBrowser(dialect));
    });
    after(async () => {
      await closeNewsroomInBrowser({ t, app, browser });
    });

    test('setup → reporter files Bijoy text → owner publishes → on the site and first in সর্বশেষ', async () => {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'bn-BD' });
      const page = await context.newPage();
      const problems: string[] = [];
      const external: string[] = [];
      page.on('console', (m) => {
        // GET /session answers 401 when signed out: that is how the app learns to show sign-in.
        if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (r) => {
        if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) external.push(r.url());
      });

      try {
        // First run: the owner's account.
        await page.goto(`${origin}/admin`);
        await page.getByRole('heading', { name: 'প্রথমবার: মালিকের অ্যাকাউন্ট' }).waitFor();
        await page.getByLabel('নাম').fill(OWNER.name);
        await page.getByLabel('ইমেইল').fill(OWNER.email);
        await page.getByLabel('পাসওয়ার্ড').fill(OWNER.password);
        await page.getByRole('button', { name: 'অ্যাকাউন্ট তৈরি করুন' }).click();
        await page.locator('.desk-grid').waitFor();

        // The owner adds a reporter.
        await page.getByRole('link', { name: 'ব্যবহারকারী' }).click();
        const add = page.locator('form.add-user');
        await add.getByLabel('নাম').fill(REPORTER.name);
        await add.getByLabel('ইমেইল').fill(REPORTER.email);
        await add.getByLabel('ভূমিকা').selectOption('reporter');
        await add.getByLabel('পাসওয়ার্ড').fill(REPORTER.password);
        await add.getByRole('button', { name: 'যোগ করুন' }).click();
        await page.getByRole('cell', { name: REPORTER.email }).waitFor();
        await signOut(page);

        // The reporter writes, pasting Bijoy text into the body, and submits.
        await signIn(page, origin, REPORTER);
        assert.equal(await page.getByRole('link', { name: 'ব্যবহারকারী' }).count(), 0, 'a reporter is not offered the users screen');
        await page.getByRole('link', { name: 'নতুন প্রতিবেদন' }).first().click();
        await page.getByLabel('শিরোনাম', { exact: true }).fill(HEADLINE);
        await page.getByLabel('বিভাগ').selectOption({ label: 'জাতীয়' });
        // The desk byline: the first desk the picker offers (publishing needs a byline).
        const desk = page.locator('.byline-picker select');
        await desk.locator('option').nth(1).waitFor({ state: 'attached' });
        await desk.selectOption({ index: 1 });
        await page.locator('.body-editor').click();
        await pasteText(page, BIJOY);
        await page.getByText('বিজয় লেখা ইউনিকোডে রূপান্তর করা হয়েছে').waitFor();
        assert.equal(await bodyText(page), UNICODE);
        // One Ctrl+Z gives back the text as pasted; redo brings the conversion back.
        await page.keyboard.press('Control+z');
        assert.equal(await bodyText(page), BIJOY);
        await page.keyboard.press('Control+Shift+z');
        assert.equal(await bodyText(page), UNICODE);
        assert.equal(await page.getByRole('button', { name: 'প্রকাশ করুন' }).count(), 0, 'a reporter is not offered publish');
        await page.screenshot({ path: `${SCREENSHOTS}/newsroom-reporter-editor-${dialect}.png` });
        await page.getByRole('button', { name: 'সম্পাদনার জন্য জমা দিন' }).click();
        await page.locator('.screen-head .badge', { hasText: 'জমা' }).waitFor();
        await page.getByText('সম্পাদনার জন্য জমা হয়েছে।').waitFor();
        await signOut(page);

        // The owner finds it waiting for review and publishes it.
        await signIn(page, origin, OWNER);
        const waiting = page.locator('section.panel', { has: page.getByRole('heading', { name: /সম্পাদনার অপেক্ষায়/ }) });
        await waiting.getByRole('link', { name: HEADLINE }).click();
        await page.getByRole('button', { name: 'প্রকাশ করুন' }).click();
        await page.locator('.screen-head .badge', { hasText: 'প্রকাশিত' }).waitFor();
        await page.screenshot({ path: `${SCREENSHOTS}/newsroom-published-${dialect}.png` });
        const articleHref = await page.getByRole('link', { name: 'সাইটে দেখুন' }).getAttribute('href');
        assert.ok(articleHref, 'the published article links to its page');

        // Readers see it on its page…
        const response = await page.goto(new URL(articleHref, origin).toString());
        assert.equal(response?.status(), 200);
        assert.equal((await page.locator('h1').innerText()).trim(), HEADLINE);
        assert.ok((await page.locator('body').innerText()).normalize('NFC').includes(UNICODE), 'the body is the converted Unicode text');

        // …and first in সর্বশেষ on the home page.
        await page.goto(`${origin}/`);
        const first = page.locator('.tabs__panel--latest .numbered__link').first();
        assert.equal((await first.innerText()).trim(), HEADLINE);
      } catch (error) {
        // What the screen showed when it failed (an error message from the server, usually).
        await page.screenshot({ path: `${SCREENSHOTS}/newsroom-failure-${dialect}.png`, fullPage: true });
        throw error;
      }
      assert.deepEqual(external, [], 'no request leaves the site');
      assert.deepEqual(problems, [], 'no console errors (CSP violations included)');
      await context.close();
    });
  });
}
