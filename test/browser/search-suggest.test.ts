/// <reference lib="dom" />
// The search box in a real browser: suggestions while typing, chosen with the keyboard; answers to
// older text ignored; nothing moves; and with JavaScript off the same form searches as before.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { DIALECTS } from '../helpers/databases.ts';
import { browserUnavailable, useSiteInBrowser } from '../helpers/browser.ts';

const skip = browserUnavailable();
const SCREENSHOTS = 'test-results/screenshots';
const SEED = { path: '/world/asia/251042', headline: 'মেকংয়ের তীরে ভাসমান পাঠাগার' };

for (const dialect of DIALECTS) {
  describe(`the search box suggests while a reader types (${dialect})`, { skip }, () => {
    const site = useSiteInBrowser(dialect);

    const open = async (options: { javaScriptEnabled?: boolean; width?: number } = {}) => {
      const context = await site.browser.newContext({
        viewport: { width: options.width ?? 1280, height: 800 },
        locale: 'bn-BD',
        javaScriptEnabled: options.javaScriptEnabled ?? true,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${site.origin}/`, { waitUntil: 'networkidle' });
      return { page, errors, close: () => context.close() };
    };
    const box = (page: Page) => page.locator('#site-search');
    const optionNames = (page: Page) => page.locator('#site-search-list [role="option"]').allInnerTexts();

    test('typing mek offers মেকং; arrow keys choose the headline and Enter opens it, with nothing moving', async () => {
      const { page, errors, close } = await open();
      const input = box(page);
      assert.equal(await input.getAttribute('role'), 'combobox');
      assert.equal(await input.getAttribute('aria-expanded'), 'false');
      assert.equal(await input.getAttribute('aria-controls'), 'site-search-list');
      const brandBefore = await page.locator('.site-name').boundingBox();

      await input.click();
      // The list is read once the answer for the whole word is in: an answer for "me" may draw a
      // list first, in another order, and be replaced under the arrow keys.
      const answered = page.waitForResponse((r) => /\/api\/v1\/suggest\?q=mek(&|$)/.test(r.url()));
      await page.keyboard.type('mek', { delay: 60 });
      await answered;
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const list = page.locator('#site-search-list');
      await list.getByRole('option', { name: SEED.headline }).waitFor();
      assert.equal(await input.getAttribute('aria-expanded'), 'true');
      assert.equal(await list.getAttribute('role'), 'listbox');
      const names = await optionNames(page);
      assert.ok(names.includes('মেকং নদী'), names.join(' | '));
      assert.equal(await list.evaluate((el) => getComputedStyle(el).position), 'absolute');
      assert.deepEqual(await page.locator('.site-name').boundingBox(), brandBefore, 'the list moves nothing');

      // Down to the seed headline; the box names the active option, which alone is selected.
      const target = names.indexOf(SEED.headline);
      for (let i = 0; i <= target; i++) await page.keyboard.press('ArrowDown');
      const activeId = await input.getAttribute('aria-activedescendant');
      assert.ok(activeId);
      const active = page.locator(`[id="${activeId}"]`);
      assert.equal(await active.innerText(), SEED.headline);
      assert.equal(await active.getAttribute('aria-selected'), 'true');
      assert.equal(await list.locator('[aria-selected="true"]').count(), 1);
      await Promise.all([page.waitForURL(`${site.origin}${SEED.path}`), page.keyboard.press('Enter')]);
      assert.equal((await page.locator('h1').innerText()).trim(), SEED.headline);
      assert.deepEqual(errors, [], 'no console errors (CSP violations included)');
      await close();
    });

    test('Escape closes the list and Enter then searches; an answer to older text never shows', async () => {
      const { page, errors, close } = await open({ width: 360 });
      const input = box(page);
      // The answer for the first letter comes late, after the answer for the whole word.
      await page.route(/\/api\/v1\/suggest\?q=%E0%A6%A2$/, async (route) => {
        await new Promise((r) => setTimeout(r, 700));
        await route.continue().catch(() => undefined); // aborted by the page meanwhile
      });
      await input.click();
      await page.keyboard.type('ঢ');
      await page.waitForTimeout(250); // past the debounce: the slow request is on its way
      await page.keyboard.type('াকা');
      const list = page.locator('#site-search-list');
      await list.locator('[role="option"]').first().waitFor();
      const shown = await optionNames(page);
      await page.waitForTimeout(900); // the late answer has arrived (or was aborted)
      assert.deepEqual(await optionNames(page), shown, 'the list still answers ঢাকা');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling on a phone');
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOTS}/search-suggest-360-${dialect}.png` });

      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      assert.ok(await list.isHidden());
      assert.equal(await input.getAttribute('aria-expanded'), 'false');
      assert.equal(await input.getAttribute('aria-activedescendant'), null);
      await Promise.all([page.waitForURL(/\/search\?q=/), page.keyboard.press('Enter')]);
      assert.equal(new URL(page.url()).searchParams.get('q'), 'ঢাকা');
      assert.deepEqual(errors, []);
      await close();
    });

    test('with JavaScript off the box is the plain form: Enter searches at /search', async () => {
      const { page, close } = await open({ javaScriptEnabled: false });
      const input = box(page);
      assert.equal(await input.getAttribute('role'), null);
      assert.equal(await page.locator('#site-search-list').count(), 0);
      await input.fill('মেকং');
      await Promise.all([page.waitForURL(/\/search\?q=/), input.press('Enter')]);
      assert.equal(new URL(page.url()).pathname, '/search');
      assert.equal(new URL(page.url()).searchParams.get('q'), 'মেকং');
      assert.ok(await page.locator(`a[href="${SEED.path}"]`).first().isVisible(), 'the results list the seed article');
      await close();
    });
  });
}
