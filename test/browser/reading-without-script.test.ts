/// <reference lib="dom" />
// Issue 14: no script needed to read. With JavaScript off, every kind of reader page is complete
// (headline, body, lists, navigation, paging, the search form as a plain GET form, comments to read
// and to send); with it on, the one script is small, deferred, and moves nothing on the page.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { DIALECTS } from '../helpers/databases.ts';
import { browserUnavailable, useSiteInBrowser } from '../helpers/browser.ts';
import { readArticles } from '../helpers/views.ts';

const skip = browserUnavailable();
const ARTICLE = '/world/asia/251042';
const BENGALI = /[\u0980-\u09FF]{2}/;
const MAX_SCRIPT_BYTES = 4 * 1024; // reader.js as sent (gzip over plain HTTP): 2.6 KB today

const texts = (page: Page, selector: string) => page.locator(selector).allInnerTexts();

/** Asserts the selector matches at least `min` visible elements with Bengali text. */
async function visibleBengali(page: Page, selector: string, min = 1): Promise<void> {
  const all = page.locator(selector);
  const count = await all.count();
  let shown = 0;
  for (let i = 0; i < count; i++) if ((await all.nth(i).isVisible()) && BENGALI.test(await all.nth(i).innerText())) shown++;
  assert.ok(shown >= min, `${page.url()}: ${shown} visible ${selector} with Bengali text, wanted ${min}`);
}

for (const dialect of DIALECTS) {
  describe(`reader pages are complete with JavaScript off (${dialect})`, { skip }, () => {
    const site = useSiteInBrowser(dialect);
    let context: BrowserContext;
    let page: Page;

    before(async () => {
      await readArticles(site.app, [251042, 251075]); // so জনপ্রিয় has a list of its own to switch to
      context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 }, locale: 'bn-BD' });
      page = await context.newPage();
    });
    after(() => context.close());

    test('the article: headline, byline, body, related stories, tags and the comments', async () => {
      const response = await page.goto(site.origin + ARTICLE);
      assert.equal(response?.status(), 200);
      assert.equal(await page.evaluate(() => document.querySelectorAll('script[src]').length > 0), true, 'the script is linked, only not run');
      await visibleBengali(page, 'h1');
      await visibleBengali(page, '.article__byline');
      await visibleBengali(page, '.article__body p', 2);
      await visibleBengali(page, '.related .card__title a');
      await visibleBengali(page, '.tags__list a');
      await visibleBengali(page, '.tabs__panel--latest .numbered__link', 5);
      // Comments: the count and the form are there; the form posts as a plain form.
      await visibleBengali(page, '.comments__count');
      const form = page.locator('form.comment-form').first();
      assert.equal(await form.getAttribute('method'), 'post');
      assert.match((await form.getAttribute('action')) ?? '', /^\/api\/v1\/articles\/251042\/comments$/);
    });

    test('a comment sent without script lands back on the article with a notice saying what happened', async () => {
      await page.goto(site.origin + ARTICLE);
      const form = page.locator('form.comment-form').first();
      await form.locator('input[name="name"]').fill('পাঠক');
      await form.locator('textarea[name="body"]').fill('লেখাটি পড়ে ভালো লাগল।');
      await Promise.all([page.waitForURL(/#comment-(pending|published)$/), form.locator('button[type="submit"]').click()]);
      assert.equal(new URL(page.url()).pathname, ARTICLE);
      const notice = page.locator(`#${new URL(page.url()).hash.slice(1)}`);
      assert.ok(await notice.isVisible(), 'the notice the form was sent to is shown (:target)');
      assert.match(await notice.innerText(), /ধন্যবাদ/);
    });

    test('the home page: lead story, section blocks and the সর্বশেষ / জনপ্রিয় tabs switch without script', async () => {
      assert.equal((await page.goto(site.origin + '/'))?.status(), 200);
      await visibleBengali(page, '.lead-story .card__title a');
      await visibleBengali(page, '.section-block .card__title a', 4);
      assert.ok(await page.locator('.tabs__panel--latest').isVisible());
      assert.ok(!(await page.locator('.tabs__panel--popular').isVisible()));
      await page.locator('label[for="tab-popular"]').click();
      assert.ok(await page.locator('.tabs__panel--popular').isVisible(), 'the জনপ্রিয় tab opens');
      assert.ok(!(await page.locator('.tabs__panel--latest').isVisible()));
    });

    test('navigation: the section strip and the all-sections menu work without script', async () => {
      await page.goto(site.origin + '/');
      const menu = page.locator('details.all-sections');
      assert.equal(await menu.evaluate((d) => (d as HTMLDetailsElement).open), false);
      await page.locator('.all-sections__toggle').click();
      assert.equal(await menu.evaluate((d) => (d as HTMLDetailsElement).open), true, 'the menu opens');
      const link = page.locator('.all-sections__panel a').first();
      assert.ok(await link.isVisible());
      const href = (await link.getAttribute('href'))!;
      await Promise.all([page.waitForURL(site.origin + href), link.click()]);
      await visibleBengali(page, 'h1');
      const strip = page.locator('.site-nav__list a').nth(1);
      const stripHref = (await strip.getAttribute('href'))!;
      await Promise.all([page.waitForURL(site.origin + stripHref), strip.click()]);
      await visibleBengali(page, 'h1');
    });

    test('section, tag and person pages list their stories; paging follows plain links', async () => {
      assert.equal((await page.goto(site.origin + '/world'))?.status(), 200);
      await visibleBengali(page, 'h1');
      await visibleBengali(page, '.card-grid--list .card__title a', 3);
      await page.goto(site.origin + ARTICLE);
      const tag = (await page.getAttribute('.tags__list a', 'href'))!;
      const person = (await page.getAttribute('.article__byline a[href^="/author/"]', 'href'))!;
      for (const path of [tag, person]) {
        assert.equal((await page.goto(site.origin + path))?.status(), 200, path);
        await visibleBengali(page, 'h1');
        await visibleBengali(page, '.card__title a');
      }
      await page.goto(site.origin + '/latest');
      const first = await texts(page, '.card__title a');
      const next = page.locator('.pagination__link[rel="next"]');
      await Promise.all([page.waitForURL(/\/latest\?page=2$/), next.click()]);
      const second = await texts(page, '.card__title a');
      assert.ok(second.length > 0 && second.every((t) => !first.includes(t)), 'page 2 shows other stories');
      await visibleBengali(page, '.pagination__link[rel="prev"]');
    });

    test('the search form is a plain GET form, in the header and on the search page', async () => {
      await page.goto(site.origin + ARTICLE);
      await page.locator('#site-search').fill('মেকং');
      await Promise.all([page.waitForURL(/\/search\?q=/), page.locator('.search-form__button').click()]);
      assert.equal(new URL(page.url()).searchParams.get('q'), 'মেকং');
      await visibleBengali(page, '.search-result a', 1);
      await visibleBengali(page, '.search-summary');
      // The search page's own form searches again.
      const input = page.locator('form.search-page-form input[name="q"]');
      assert.equal(await input.inputValue(), 'মেকং');
      await input.fill('নির্বাচন');
      await Promise.all([page.waitForURL(/q=%E0%A6%A8/), page.locator('form.search-page-form button[type="submit"]').click()]);
      assert.equal(new URL(page.url()).searchParams.get('q'), 'নির্বাচন');
      await visibleBengali(page, 'h1');
    });

    test('a missing page says so in Bengali, with ways back into the site', async () => {
      const response = await page.goto(site.origin + '/no/such/page');
      assert.equal(response?.status(), 404);
      assert.equal((await page.locator('h1').innerText()).trim(), 'পাতাটি পাওয়া যায়নি');
      const links = await page.locator('.error-page__links a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(links, ['/', '/latest']);
      await visibleBengali(page, '.site-nav__list a', 3);
    });
  });

  describe(`the reader script is small, deferred and moves nothing (${dialect})`, { skip }, () => {
    const site = useSiteInBrowser(dialect);

    const boxes = (page: Page) =>
      page.evaluate(() =>
        ['h1', 'main p', '.site-nav', '.tabs', 'form.comment-form', '.site-footer', '#site-search']
          .map((s) => document.querySelector(s))
          .map((e) => (e ? JSON.stringify(e.getBoundingClientRect()) : 'none')),
      );

    for (const path of [ARTICLE, '/', `/search?q=${encodeURIComponent('মেকং')}`]) {
      test(`${path}: the script is deferred and small, and running it moves nothing`, async () => {
        const context = await site.browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'bn-BD' });
        const page = await context.newPage();
        let scriptBytes = 0;
        page.on('response', (r) => {
          if (r.request().resourceType() === 'script') scriptBytes += Number(r.headers()['content-length'] ?? 0); // as sent, compressed
        });
        // The page first as it is before its script runs (the script's request aborted) …
        await page.route('**/assets/reader.*.js', (route) => route.abort());
        await page.goto(site.origin + path, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const scripts = await page.evaluate(() =>
          Array.from(document.scripts)
            .filter((s) => s.src)
            .map((s) => ({ src: s.getAttribute('src') ?? '', deferred: s.defer || s.async || s.type === 'module', inHead: s.parentElement === document.head })),
        );
        assert.ok(scripts.length > 0 && scripts.every((s) => s.deferred && s.inHead), JSON.stringify(scripts));
        const before = await boxes(page);
        // … then the same page once the script has run on it: the same page load, so the same fonts.
        await page.unrouteAll();
        for (const s of scripts) await page.addScriptTag({ url: s.src });
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        assert.equal(await page.getAttribute('#site-search', 'role'), 'combobox', 'the script ran');
        assert.deepEqual(await boxes(page), before, 'the script moved something');
        assert.ok(scriptBytes > 0 && scriptBytes <= MAX_SCRIPT_BYTES, `${scriptBytes} bytes of script`);
        await context.close();
      });
    }
  });
}
