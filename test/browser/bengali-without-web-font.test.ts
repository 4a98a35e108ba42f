/// <reference lib="dom" />
// With every request for the site's web font aborted (a reader whose font download failed, or one
// on a device whose own Bengali font the stylesheet names), the article page still draws Bengali
// with a real font and shapes its conjuncts: no tofu, no overlapping lines. Screenshots go to
// test-results/screenshots (bengali-with-web-font.test.ts: the same with the web font drawing).
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { DIALECTS } from '../helpers/databases.ts';
import { browserUnavailable, useSiteInBrowser } from '../helpers/browser.ts';
import { fontsOf, overlappingText, unshapedConjuncts } from '../helpers/bengali-text.ts';

const skip = browserUnavailable();
const SCREENSHOTS = 'test-results/screenshots';
const ARTICLE = '/world/asia/251042';

for (const dialect of DIALECTS) {
  describe(`Bengali is shaped with the web font blocked (${dialect})`, { skip }, () => {
    const site = useSiteInBrowser(dialect);

    before(async () => {
      await mkdir(SCREENSHOTS, { recursive: true });
    });

    for (const width of [320, 360, 1280]) {
      test(`at ${width} px the article's conjuncts ক্ষ ন্ত্র র্য are shaped, not boxes`, async () => {
        const context = await site.browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 2, locale: 'bn-BD' });
        const page = await context.newPage();
        const aborted: string[] = [];
        await page.route('**/assets/fonts/**', (route) => {
          aborted.push(route.request().url());
          return route.abort();
        });
        const response = await page.goto(site.origin + ARTICLE, { waitUntil: 'networkidle' });
        assert.equal(response?.status(), 200);
        await page.evaluate(() => document.fonts.ready);

        assert.deepEqual(await unshapedConjuncts(page), []);
        const fonts = (await fontsOf(page, 'h1')).map((f) => `${f.familyName}${f.isCustomFont ? ' (web font)' : ''}`);
        assert.ok(fonts.length > 0 && fonts.every((f) => !/last ?resort/i.test(f)), `h1 drawn with ${fonts.join(', ')}`);
        assert.deepEqual(await overlappingText(page), []);
        console.log(`${width} px, web font blocked (${aborted.length} font requests aborted): h1 drawn with ${fonts.join(', ')}`);

        // For the reviewer: the conjuncts at the top of the body, as the page draws them.
        await page.evaluate(() => {
          const p = document.createElement('p');
          p.textContent = 'যুক্তাক্ষর: ক্ষ ন্ত্র র্য — ক্ষমতা, মন্ত্রণালয়, কার্যালয়';
          document.querySelector('article p')?.before(p);
        });
        await page.screenshot({ path: `${SCREENSHOTS}/article-${width}-no-web-font-${dialect}.png`, fullPage: width !== 1280 });
        await context.close();
      });
    }
  });
}
