/// <reference lib="dom" />
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { DIALECTS } from '../helpers/databases.ts';
import { browserUnavailable, useSiteInBrowser } from '../helpers/browser.ts';
import { seedArticle } from '../../src/demo/demo-articles-seed.ts';
import { readArticles } from '../helpers/views.ts';

const skip = browserUnavailable();
const SCREENSHOTS = 'test-results/screenshots';

for (const dialect of DIALECTS) {
  describe(`a reader opens the seed article on a phone (${dialect})`, { skip }, () => {
    const site = useSiteInBrowser(dialect);
    const external: string[] = [];
    // As on the seed page, readers have read something: জনপ্রিয় is a list of its own, not সর্বশেষ again.
    before(() => readArticles(site.app, [251042, 251075]));

    test('at 360×800 the page shows what the seed page showed, without sideways scrolling', async () => {
      const context = await site.browser.newContext({ viewport: { width: 360, height: 800 }, deviceScaleFactor: 2, locale: 'bn-BD' });
      const page = await context.newPage();
      page.on('request', (r) => {
        if (!r.url().startsWith(site.origin) && !r.url().startsWith('data:')) external.push(r.url());
      });
      const consoleErrors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      const response = await page.goto(`${site.origin}/world/asia/251042`, { waitUntil: 'networkidle' });
      assert.equal(response?.status(), 200);

      const h1 = page.locator('h1');
      assert.equal((await h1.innerText()).trim(), 'মেকংয়ের তীরে ভাসমান পাঠাগার');
      assert.ok(await h1.isVisible());
      const text = await page.locator('body').innerText();
      for (const s of ['প্রকাশ ডেস্ক', 'প্রকাশ : ১৩ সেপ্টেম্বর ২০২৩, ০৪:৫৭ পিএম', 'অনলাইন সংস্করণ', 'ছবি : সংগৃহীত', 'মন্তব্য করুন', 'সর্বশেষ', 'জনপ্রিয়']) {
        assert.ok(text.includes(s), `a reader should see: ${s}`);
      }
      for (const p of seedArticle.body.split('\n\n')) assert.ok(text.includes(p), `paragraph missing: ${p.slice(0, 30)}`);

      // The lead image really loaded and fits the screen.
      const img = page.locator('figure img').first();
      const natural = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, box: el.getBoundingClientRect().width }));
      assert.ok(natural.w > 0, 'the lead image loaded');
      assert.ok(natural.box <= 360);

      // No horizontal scrolling at 360 px.
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= 360, `page is ${scrollWidth}px wide`);

      // The self-hosted Bengali font is in use.
      await page.evaluate(() => document.fonts.ready);
      const fontLoaded = await page.evaluate(() => [...document.fonts].some((f) => /Noto Sans Bengali/i.test(f.family) && f.status === 'loaded'));
      assert.ok(fontLoaded, 'Noto Sans Bengali is loaded from the site');

      // The tabs switch without JavaScript: the জনপ্রিয় tab can be chosen and shows twenty entries.
      await page.getByText('জনপ্রিয়', { exact: true }).first().click();
      const visibleNumbers = await page.locator('text=২০').count();
      assert.ok(visibleNumbers >= 1);

      assert.deepEqual(external, [], 'no request leaves the site');
      assert.deepEqual(consoleErrors, [], 'no console errors (CSP violations included)');
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOTS}/seed-article-360-${dialect}.png`, fullPage: true });
      await context.close();
    });
  });
}
