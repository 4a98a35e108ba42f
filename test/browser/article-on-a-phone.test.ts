/// <reference lib="dom" />
// Issue 16 on a phone, with JavaScript off: the section strip is one row that scrolls inside itself
// (point 15); after the story come related stories, then one short list, the rest a tap away
// (point 13); an approved comment is there on the reader's next visit (point 9).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { DIALECTS } from '../helpers/databases.ts';
import { browserUnavailable, useSiteInBrowser } from '../helpers/browser.ts';
import { AdminClient } from '../helpers/admin-client.ts';

const skip = browserUnavailable();
const ARTICLE = '/world/asia/251042';
const SCREEN = 800; // px: the phone's viewport height
// What follows the story up to the footer: related stories, tags, the comment form, five headlines.
// About 1,600 px on the demo article (2,585 px before issue 16: comments, 20 headlines, then related).
const MAX_AFTER_STORY = 2.75 * SCREEN;
const MAX_LIST_ITEMS_ON_A_PHONE = 5;

/** The strip's geometry and the page's width, measured in the page. */
function strip(page: Page) {
  // No inner named functions: the bundler's name helper does not exist in the page.
  return page.evaluate(() => {
    const list = document.querySelector('.site-nav__list')!;
    const items = Array.from(list.querySelectorAll(':scope > li'));
    const box = list.getBoundingClientRect();
    const current = list.querySelector('a[aria-current]');
    const at = current?.getBoundingClientRect();
    return {
      listHeight: box.height,
      itemHeight: items[0]!.getBoundingClientRect().height,
      rows: new Set(items.map((li) => Math.round(li.getBoundingClientRect().top))).size,
      scrolls: list.scrollWidth > list.clientWidth,
      overflowX: getComputedStyle(list).overflowX,
      hint: getComputedStyle(list).backgroundImage,
      pageWidth: document.documentElement.scrollWidth,
      current: current ? { href: current.getAttribute('href'), value: current.getAttribute('aria-current') } : null,
      currentShown: at ? at.left >= box.left - 1 && at.right <= box.right + 1 : false,
    };
  });
}

for (const dialect of DIALECTS) {
  describe(`the article on a phone (${dialect})`, { skip }, () => {
    const site = useSiteInBrowser(dialect);
    let context: BrowserContext;
    let page: Page;

    before(async () => {
      context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: SCREEN }, locale: 'bn-BD' });
      page = await context.newPage();
    });
    after(() => context.close());

    test('the section strip is one row that scrolls inside itself, with the reader’s section in view', async () => {
      for (const width of [360, 320]) {
        await page.setViewportSize({ width, height: SCREEN });
        for (const path of [ARTICLE, '/world', '/']) {
          await page.goto(site.origin + path);
          const s = await strip(page);
          assert.equal(s.rows, 1, `${path} at ${width} px: the strip wraps to ${s.rows} rows`);
          assert.ok(Math.abs(s.listHeight - s.itemHeight) <= 1, `${path} at ${width} px: strip ${s.listHeight} px high, an item ${s.itemHeight} px`);
          assert.ok(s.scrolls && s.overflowX === 'auto', `${path} at ${width} px: the strip scrolls itself`);
          assert.match(s.hint, /linear-gradient/, 'an edge shows there is more');
          assert.ok(s.pageWidth <= width, `${path} at ${width} px: the page is ${s.pageWidth} px wide`);
          if (path === '/') assert.equal(s.current, null);
          else {
            assert.deepEqual(s.current, { href: '/world', value: path === '/world' ? 'page' : 'true' }, path);
            assert.ok(s.currentShown, `${path} at ${width} px: আন্তর্জাতিক is scrolled into the strip's view`);
          }
        }
      }
      await page.setViewportSize({ width: 360, height: SCREEN });
    });

    test('the header’s date link takes the header’s colour, not a link colour', async () => {
      await page.goto(site.origin + ARTICLE);
      const colours = await page.evaluate(() => ({
        link: getComputedStyle(document.querySelector('.site-header__date a')!).color,
        header: getComputedStyle(document.querySelector('.site-header__top')!).color,
      }));
      assert.equal(colours.link, colours.header);
    });

    test('after the story: related stories first, then five headlines, the rest a tap away', async () => {
      await page.goto(site.origin + ARTICLE);
      const m = await page.evaluate(() => {
        // The story's end, and where each part after it starts (no inner named functions: see above).
        const [story, related, comments, lists, footer] = ['article.article', '.related', '.comment-area', '.tabs', '.site-footer'].map((s, i) => {
          const box = document.querySelector(s)!.getBoundingClientRect();
          return (i === 0 ? box.bottom : box.top) + scrollY;
        }) as [number, number, number, number, number];
        const shown = Array.from(document.querySelectorAll('.numbered__item')).filter((li) => li.getBoundingClientRect().height > 0);
        return {
          story,
          related,
          comments,
          lists,
          footer,
          height: document.documentElement.scrollHeight,
          listItems: shown.length,
          more: Array.from(document.querySelectorAll<HTMLAnchorElement>('.related__more a, .tabs__more'))
            .filter((a) => a.getBoundingClientRect().height > 0)
            .map((a) => [a.getAttribute('href'), a.textContent.trim()]),
        };
      });
      console.log(`article at 360×${SCREEN}: page ${Math.round(m.height)} px, ${Math.round(m.footer - m.story)} px from the story's end to the footer`);
      assert.ok(m.related < m.comments && m.comments < m.lists, 'related stories, then comments, then the lists');
      assert.ok(m.footer - m.story <= MAX_AFTER_STORY, `${Math.round(m.footer - m.story)} px after the story (at most ${MAX_AFTER_STORY})`);
      assert.ok(m.listItems <= MAX_LIST_ITEMS_ON_A_PHONE && m.listItems > 0, `${m.listItems} headlines in the lists`);
      assert.deepEqual(m.more, [
        ['/world/asia', 'এশিয়ার আরও খবর'],
        ['/latest', 'সব খবর'],
      ]);

      // A wide screen still has the whole list in its sidebar.
      await page.setViewportSize({ width: 1280, height: SCREEN });
      const wide = await page.evaluate(
        () => Array.from(document.querySelectorAll('.tabs__panel--latest .numbered__item')).filter((li) => li.getBoundingClientRect().height > 0).length,
      );
      assert.equal(wide, 20);
      await page.setViewportSize({ width: 360, height: SCREEN });
    });

    test('a comment approved after the reader’s visit is there on the next visit (no stale copy from the browser’s cache)', async () => {
      await page.goto(site.origin + ARTICLE);
      const body = 'পরের বার খুলতেই মন্তব্যটি দেখা গেল।';
      const posted = await site.app.server.inject({
        method: 'POST',
        url: '/api/v1/articles/251042/comments',
        payload: { name: 'পাঠক', body },
        headers: { 'x-forwarded-for': '203.0.113.77' },
      });
      assert.equal(posted.statusCode, 202);
      const editor = await AdminClient.setup(site.app.server, 'সম্পাদক', 'editor@prokash.test', 'editor-password-1');
      const queue = await editor.call('GET', '/api/admin/comments?status=pending', undefined, 200);
      await editor.call('POST', `/api/admin/comments/${queue.items[0].id}/approve`, undefined, 200);
      await page.goto(site.origin + '/world');
      await page.goto(site.origin + ARTICLE); // a plain visit, as from a link: the browser may use its cache
      assert.ok(await page.getByText(body).isVisible(), 'the approved comment is shown');
    });
  });
}
