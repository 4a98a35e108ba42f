/// <reference lib="dom" />
// With every request for the site's web font aborted (a reader whose font download failed, or one
// on a device whose own Bengali font the stylesheet names), the article page still draws Bengali
// with a real font and shapes its conjuncts: no tofu. Screenshots go to test-results/screenshots.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { DIALECTS } from '../helpers/databases.ts';
import { browserUnavailable, useSiteInBrowser } from '../helpers/browser.ts';

const skip = browserUnavailable();
const SCREENSHOTS = 'test-results/screenshots';
const ARTICLE = '/world/asia/251042';

// A conjunct drawn by a Bengali font that shapes is narrower than its consonants side by side;
// drawn as tofu (one box per code point, the virama included) or unshaped, it is wider.
const CONJUNCTS = [
  { text: 'ক্ষ', parts: ['ক', 'ষ'] },
  { text: 'ন্ত্র', parts: ['ন', 'ত', 'র'] },
  { text: 'র্য', parts: ['র', 'য'] },
] as const;

/** Widths of each string drawn in the article body's font, from spans added to the page. */
function widths(page: Page, strings: string[]): Promise<number[]> {
  return page.evaluate((list) => {
    const host = document.querySelector('article p') ?? document.body;
    return list.map((s) => {
      const span = document.createElement('span');
      span.textContent = s;
      span.style.whiteSpace = 'nowrap';
      host.append(span);
      const w = span.getBoundingClientRect().width;
      span.remove();
      return w;
    });
  }, strings);
}

/** The fonts Chromium drew a node's text with (CDP CSS.getPlatformFontsForNode). */
async function fontsOf(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => `${f.familyName}${f.isCustomFont ? ' (web font)' : ''}`);
}

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

        for (const c of CONJUNCTS) {
          const [whole = 0, ...parts] = await widths(page, [c.text, ...c.parts]);
          const sum = parts.reduce((a, b) => a + b, 0);
          assert.ok(whole > 0 && whole < sum, `${c.text} is ${whole.toFixed(1)} px wide, its consonants ${sum.toFixed(1)} px: not shaped`);
        }
        const fonts = await fontsOf(page, 'h1');
        assert.ok(fonts.length > 0 && fonts.every((f) => !/last ?resort/i.test(f)), `h1 drawn with ${fonts.join(', ')}`);
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
