/// <reference lib="dom" />
// The article page drawn with the bundled web font itself, at 320, 360 and 1280 px: a Chromium
// that sees no Bengali font on the machine (FONTCONFIG_FILE names a config with Latin fonts only),
// so the stylesheet's local() sources all miss and the woff2 files are what draws the text.
// Checked: the web font was fetched and drew the headline and body; the conjuncts ক্ষ ন্ত্র র্য are
// shaped; no tofu; headline and body lines do not overlap. Screenshots go to test-results/screenshots.
// The control: the same browser with the web font blocked draws the conjuncts unshaped, so the
// machine's own Bengali fonts are really out of reach.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DIALECTS } from '../helpers/databases.ts';
import { browserUnavailable, launchChromium, useSiteInBrowser } from '../helpers/browser.ts';
import { fontsOf, overlappingText, unshapedConjuncts } from '../helpers/bengali-text.ts';

const skip = browserUnavailable();
const SCREENSHOTS = 'test-results/screenshots';
const ARTICLE = '/world/asia/251042';
// Debian's Latin fonts: fonts-dejavu-core and fonts-liberation (Chromium's dependencies).
const LATIN_FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation'];

/** A fontconfig configuration that knows only the Latin font folders. */
function latinOnlyConfig(cacheDir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
${LATIN_FONT_DIRS.map((d) => `  <dir>${d}</dir>`).join('\n')}
  <cachedir>${cacheDir}</cachedir>
</fontconfig>
`;
}

async function openArticle(browser: Browser, origin: string, width: number, blockWebFont: boolean) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 2, locale: 'bn-BD' });
  const page = await context.newPage();
  const fonts: { url: string; status: number }[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/assets/fonts/')) fonts.push({ url: r.url().replace(origin, ''), status: r.status() });
  });
  if (blockWebFont) await page.route('**/assets/fonts/**', (route) => route.abort());
  const response = await page.goto(origin + ARTICLE, { waitUntil: 'load' });
  assert.equal(response?.status(), 200);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { context, page, fonts };
}

/** The faces of `family` the page loaded from the network (FontFace status), by weight. */
function loadedFaces(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.fonts)
      .filter((f) => f.family.replace(/['"]/g, '') === 'Noto Sans Bengali' && f.status === 'loaded')
      .map((f) => `${f.weight} ${f.unicodeRange.slice(0, 12)}`),
  );
}

for (const dialect of DIALECTS) {
  describe(`the article drawn with the bundled web font (${dialect})`, { skip }, () => {
    const site = useSiteInBrowser(dialect);
    let dir: string | undefined;
    let browser: Browser | undefined;

    before(async () => {
      await mkdir(SCREENSHOTS, { recursive: true });
      dir = await mkdtemp(join(tmpdir(), 'prokash-fonts-'));
      const config = join(dir, 'fonts.conf');
      await writeFile(config, latinOnlyConfig(join(dir, 'cache')));
      browser = await launchChromium({ ...(process.env as Record<string, string>), FONTCONFIG_FILE: config });
    });
    after(async () => {
      await browser?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    test('control: with the web font blocked too, this browser has no Bengali font to shape with', async () => {
      const { context, page, fonts } = await openArticle(browser!, site.origin, 360, true);
      assert.equal(fonts.length, 0);
      assert.equal((await unshapedConjuncts(page)).length, 3, 'the machine’s own Bengali fonts are hidden from this browser');
      await context.close();
    });

    for (const width of [320, 360, 1280]) {
      test(`at ${width} px the web font draws the article: conjuncts shaped, no tofu, no overlapping lines`, async () => {
        const { context, page, fonts } = await openArticle(browser!, site.origin, width, false);
        assert.ok(
          fonts.some((f) => /noto-sans-bengali-bengali-400-normal\.woff2$/.test(f.url) && f.status === 200),
          `the Bengali 400 woff2 was fetched: ${JSON.stringify(fonts)}`,
        );
        assert.ok((await loadedFaces(page)).length > 0, 'document.fonts shows a Noto Sans Bengali face loaded');
        for (const selector of ['h1', 'article .article__body p']) {
          const drawn = await fontsOf(page, selector);
          assert.ok(
            drawn.some((f) => f.familyName === 'Noto Sans Bengali' && f.isCustomFont),
            `${selector}: ${JSON.stringify(drawn)}`,
          );
          assert.ok(
            drawn.every((f) => !/last ?resort/i.test(f.familyName)),
            `${selector}: ${JSON.stringify(drawn)}`,
          );
        }
        assert.deepEqual(await unshapedConjuncts(page), []);
        assert.deepEqual(await overlappingText(page), []);

        // For the reviewer: the conjuncts at the top of the body, as the page draws them.
        await page.evaluate(() => {
          const p = document.createElement('p');
          p.textContent = 'যুক্তাক্ষর: ক্ষ ন্ত্র র্য — ক্ষমতা, মন্ত্রণালয়, কার্যালয়';
          document.querySelector('article p')?.before(p);
        });
        await page.screenshot({ path: `${SCREENSHOTS}/article-${width}-web-font-${dialect}.png`, fullPage: width !== 1280 });
        console.log(
          `${width} px, web font: ${fonts.map((f) => f.url.split('/').pop()).join(', ')}; h1 drawn with ${JSON.stringify(await fontsOf(page, 'h1'))}`,
        );
        await context.close();
      });
    }
  });
}
