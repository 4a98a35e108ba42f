/// <reference lib="dom" />
// Points 4, 11 and 12 of issue 16 as a reader meets them in Chromium: a photo credit typed with its
// own prefix is printed once; card times are relative only within a day and the house date after
// (what the page shows once its script has run, with the browser's own clock years ahead, not
// only the server's HTML); phrases built from names take the Bengali genitive, and the Google News
// follow link appears only when the newsroom gave the publication's page there.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { DIALECTS } from '../helpers/databases.ts';
import { TEST_NOW } from '../helpers/app.ts';
import { browserUnavailable, useSiteInBrowser } from '../helpers/browser.ts';
import { AdminClient } from '../helpers/admin-client.ts';
import { axeViolations, formatViolations } from '../helpers/axe.ts';
import { SCREENSHOTS } from '../helpers/newsroom-browser.ts';
import { fixedClock } from '../../src/lib/clock.ts';

const skip = browserUnavailable();
const MINUTE = 60_000;
const at = (msFromNow: number) => new Date(Date.parse(TEST_NOW) + msFromNow).toISOString();
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
/** `১৩ সেপ্টেম্বর ২০২৩, ০৪:৫৭ পিএম`: the house date, Bengali digits only. */
const HOUSE_DATE = /^[০-৯]{1,2} \p{Script=Bengali}+ [০-৯]{4}, [০-৯]{2}:[০-৯]{2} (এএম|পিএম)$/u;
const RECENT = /^(এইমাত্র|[০-৯]+ (মিনিট|ঘণ্টা) আগে)$/u;

interface CardTime {
  iso: string;
  title: string;
  text: string;
  headline: string;
}

for (const dialect of DIALECTS) {
  describe(`the reader site's wording, times and credits in a browser (${dialect})`, { skip }, () => {
    const clock = fixedClock(TEST_NOW);
    // Every page rendered afresh, so a page read after the clock moved is a page of that moment.
    const site = useSiteInBrowser(dialect, { clock, config: { pageCacheTtl: 0 } });
    let admin: AdminClient;
    let asia: number;
    let football: number;
    let deskId: number;
    let library: { id: number; url: string; width: number; height: number };
    const ids: Record<string, number> = {};

    before(async () => {
      await mkdir(SCREENSHOTS, { recursive: true });
      admin = await AdminClient.setup(site.app.server, 'সম্পাদক', 'editor@prokash.test', 'editor-password-1');
      const sections: Array<{ id: number; path: string }> = (await admin.call('GET', '/api/admin/sections', undefined, 200)).items;
      asia = sections.find((s) => s.path === 'world/asia')!.id;
      football = sections.find((s) => s.path === 'sports/football')!.id;
      const people: Array<{ id: number; slug: string }> = (await admin.call('GET', '/api/admin/people?kind=desk', undefined, 200)).items;
      deskId = people.find((p) => p.slug === 'prokash-desk')!.id;
      library = (await admin.call('GET', '/api/admin/media?limit=1', undefined, 200)).items[0];
      assert.ok(library, 'the demo has a library image');
      // Published 3 hours and 5 minutes before the test's now, through the newsroom's API.
      for (const [name, ago] of [
        ['hours', 3 * 60],
        ['minutes', 5],
      ] as const) {
        clock.set(at(-ago * MINUTE));
        ids[name] = await publish({ sectionId: asia, headline: `সময়ের পরীক্ষা: ${name}` });
      }
      clock.set(TEST_NOW);
    });

    async function publish(extra: Record<string, unknown>): Promise<number> {
      const input = { byline: { kind: 'desk', personIds: [deskId] }, body: { type: 'doc', content: [paragraph('প্রথম অনুচ্ছেদ।')] }, ...extra };
      const { article } = await admin.call('POST', '/api/admin/articles', input, 201);
      await admin.call('POST', `/api/admin/articles/${article.id}/publish`, undefined, 200);
      return article.id;
    }

    /** A reader's page; `future` runs the browser's own clock from that instant (any script's "now"). */
    async function open(path: string, options: { width?: number; future?: string } = {}): Promise<{ page: Page; done: () => Promise<void> }> {
      const context = await site.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, locale: 'bn-BD' });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      if (options.future) await page.clock.install({ time: new Date(options.future) });
      const response = await page.goto(`${site.origin}${path}`);
      assert.equal(response?.status(), 200, path);
      await page.waitForLoadState('load');
      return {
        page,
        done: async () => {
          await context.close();
          assert.deepEqual(problems, [], `no script errors on ${path}`);
        },
      };
    }

    /** The text a reader sees in elements, with what CSS adds before and after each one and its descendants. */
    function seenText(page: Page, selector: string): Promise<string[]> {
      // No named inner functions: the test's compiler would wrap them in a helper the page lacks.
      return page.locator(selector).evaluateAll((elements) =>
        elements.map((root) => {
          let seen = '';
          const stack: Array<Node | string> = [root];
          while (stack.length) {
            const node = stack.pop()!;
            if (typeof node === 'string') seen += node;
            else if (node.nodeType === Node.TEXT_NODE) seen += node.textContent ?? '';
            else if (node instanceof Element) {
              const [before, after] = (['::before', '::after'] as const).map((which) => {
                const content = getComputedStyle(node, which).content;
                return content && content !== 'none' && content !== 'normal' ? content.replace(/^"|"$/g, '') : '';
              });
              stack.push(after!, ...[...node.childNodes].reverse(), before!);
            }
          }
          return seen.replace(/\s+/g, ' ').trim();
        }),
      );
    }

    async function cardTimes(page: Page): Promise<CardTime[]> {
      return page.locator('time.card__time').evaluateAll((times) =>
        times.map((time) => {
          const card = time.closest('article, li, .card') ?? time.parentElement!;
          const heading = card.querySelector('.card__title');
          return {
            iso: time.getAttribute('datetime') ?? '',
            title: time.getAttribute('title') ?? '',
            text: (time as HTMLElement).innerText.trim(),
            headline: (heading as HTMLElement | null)?.innerText.trim() ?? '',
          };
        }),
      );
    }

    /** Every card within a day of `now` is timed relatively, every older one by its house date. */
    function assertTimesFollowTheRule(times: CardTime[], now: string, where: string): void {
      assert.ok(times.length > 0, `${where} shows timed cards`);
      for (const time of times) {
        const age = Math.abs(Date.parse(now) - Date.parse(time.iso));
        if (age < 24 * 60 * MINUTE) assert.match(time.text, RECENT, `${where}: "${time.headline}" (${time.iso}) is timed relatively`);
        else {
          assert.equal(time.text, time.title, `${where}: "${time.headline}" (${time.iso}) shows its house date`);
          assert.match(time.text, HOUSE_DATE, `${where}: "${time.headline}"`);
        }
      }
    }

    test('point 4: a credit typed with its own prefix is printed once, in the lead and in body photos', async () => {
      const credited = (src: string, credit: string, caption: string) => ({
        type: 'image',
        attrs: { src, alt: caption, caption, credit, width: library.width, height: library.height },
      });
      const id = await publish({
        sectionId: asia,
        headline: 'ছবির কৃতিত্ব একবারই',
        imageId: library.id,
        imageCaption: 'নদীর পাড়ে সকালের আলো।',
        imageCredit: 'ছবি : প্রকাশ',
        body: {
          type: 'doc',
          content: [
            paragraph('প্রথম অনুচ্ছেদ।'),
            credited(library.url, 'ছবি: প্রকাশ', 'দ্বিতীয় ছবি।'),
            paragraph('দ্বিতীয় অনুচ্ছেদ।'),
            credited(library.url, 'Photo: AFP', 'তৃতীয় ছবি।'),
            credited(library.url, 'ছবিঃ রয়টার্স', 'চতুর্থ ছবি।'),
          ],
        },
      });
      const { page, done } = await open(`/world/asia/${id}`, { width: 360 });
      assert.deepEqual(await seenText(page, '.article__figure figcaption'), ['নদীর পাড়ে সকালের আলো। ছবি : প্রকাশ']);
      assert.deepEqual(await seenText(page, 'figure.body-image figcaption'), ['দ্বিতীয় ছবি। ছবি : প্রকাশ', 'তৃতীয় ছবি। ছবি : AFP', 'চতুর্থ ছবি। ছবি : রয়টার্স']);
      const article = (await seenText(page, 'article'))[0]!;
      assert.doesNotMatch(article, /ছবি\s*(?::|ঃ)\s*ছবি|Photo\s*:/iu, 'no credit carries two prefixes');
      // The caption is where a reader sees it: on screen, under the photo.
      const caption = await page.locator('.article__figure figcaption').boundingBox();
      const photo = await page.locator('.article__figure img').boundingBox();
      assert.ok(caption && photo && caption.y >= photo.y + photo.height - 1 && caption.height > 0, 'the caption is shown under the photo');
      const violations = await axeViolations(page, 'article with credits');
      assert.equal(violations.length, 0, formatViolations(violations));
      await page.screenshot({ path: `${SCREENSHOTS}/reader-credits-360-${dialect}.png`, fullPage: true });
      await done();
    });

    test('point 11: "৫ মিনিট আগে" and "৩ ঘণ্টা আগে" within a day, the house date after it — on the home, a section and the সর্বশেষ list', async () => {
      // The browser's own clock three years on: a script that timed cards from it would say "… দিন আগে".
      const future = '2029-11-27T06:00:00Z';
      // Where each of the two articles is listed (the সর্বশেষ list has twenty a page, newest first).
      const listed: Record<string, Array<'hours' | 'minutes'>> = {
        '/': [],
        '/world/asia': ['hours', 'minutes'],
        '/latest': ['minutes'],
        '/latest?page=2': ['hours'],
      };
      const shown = { hours: '৩ ঘণ্টা আগে', minutes: '৫ মিনিট আগে' };
      const byHeadline = (times: CardTime[], name: string) => times.find((time) => time.headline.includes(`সময়ের পরীক্ষা: ${name}`))?.text;
      for (const [path, names] of Object.entries(listed)) {
        const { page, done } = await open(path, { future });
        // Whatever the page's script does after it loads and as minutes pass.
        await page.clock.runFor(10 * MINUTE);
        const times = await cardTimes(page);
        assertTimesFollowTheRule(times, TEST_NOW, path);
        for (const name of names) assert.equal(byHeadline(times, name), shown[name], `${path}: the article published ${shown[name]}`);
        if (path === '/')
          assert.ok(
            times.some((time) => RECENT.test(time.text) && time.text !== 'এইমাত্র'),
            'the home page times its recent cards',
          );
        if (path === '/world/asia')
          assert.ok(
            times.some((time) => time.text === '১৩ সেপ্টেম্বর ২০২৩, ০৪:৫৭ পিএম'),
            'the 2023 article carries its house date',
          );
        const text = await page.locator('body').innerText();
        assert.doesNotMatch(text, /[০-৯0-9]+ দিন (আগে|পরে)/, `${path}: no time counted in days`);
        await done();
      }

      // Two days later the same articles carry their dates (Asia/Dhaka), not "২ দিন আগে".
      const later = at(2 * 24 * 60 * MINUTE);
      clock.set(later);
      try {
        const dated = { hours: '২৭ নভেম্বর ২০২৬, ০৯:০০ এএম', minutes: '২৭ নভেম্বর ২০২৬, ১১:৫৫ এএম' };
        for (const [path, names] of Object.entries(listed)) {
          const { page, done } = await open(path, { future });
          await page.clock.runFor(10 * MINUTE);
          const times = await cardTimes(page);
          assertTimesFollowTheRule(times, later, `${path} two days on`);
          for (const name of names) assert.equal(byHeadline(times, name), dated[name], `${path} two days on`);
          assert.doesNotMatch(await page.locator('body').innerText(), /[০-৯0-9]+ দিন (আগে|পরে)/, `${path}: no time counted in days`);
          await done();
        }
      } finally {
        clock.set(TEST_NOW);
      }
    });

    test('point 12: genitives built from names in the page, its head and its feeds; Google News only when configured', async () => {
      const footballId = await publish({ sectionId: football, headline: 'ফুটবলের খবর' });
      const asiaId = ids.minutes!;
      const headOf = (page: Page) =>
        page.evaluate(() => ({
          title: document.title,
          description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
          feeds: [...document.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')].map((l) => l.getAttribute('title')),
        }));
      const footerFeeds = (page: Page) => page.locator('.site-footer__feeds a').allInnerTexts();
      const followLine = async (page: Page) => (await seenText(page, '.follow-line'))[0];
      const noSplitGenitive = /প্রকাশ এর|প্রকাশ-এর|এশিয়া-এর|এশিয়া এর|ফুটবল-এর|-এর ফিড/;

      // An article of a section whose name ends in a vowel (এশিয়া → এশিয়ার) on a site whose name ends in a consonant (প্রকাশ → প্রকাশের).
      {
        const { page, done } = await open(`/world/asia/${asiaId}`);
        assert.equal(await followLine(page), 'প্রকাশের সর্বশেষ খবর পেতে RSS ফিড অনুসরণ করুন · এশিয়ার ফিড');
        assert.deepEqual(await footerFeeds(page), ['RSS', 'এশিয়ার ফিড']);
        assert.deepEqual((await headOf(page)).feeds, ['RSS', 'এশিয়ার ফিড']);
        assert.equal((await seenText(page, '.related__more'))[0], 'এশিয়ার আরও খবর →');
        // No Google News page is configured: no link says or goes there.
        assert.equal(await page.locator('a[href*="news.google"]').count(), 0);
        assert.doesNotMatch(await page.locator('body').innerText(), /Google News/);
        assert.doesNotMatch(await page.locator('body').innerText(), noSplitGenitive);
        // The section's feed, followed from the page as a reader would, describes itself so too.
        const [feed] = await Promise.all([
          page.waitForEvent('response', (r) => r.url().endsWith('/world/asia/rss.xml')),
          page.locator('.follow-line a', { hasText: 'এশিয়ার ফিড' }).click(),
        ]);
        const xml = await feed.text();
        assert.ok(xml.includes('<description>প্রকাশ: এশিয়ার সর্বশেষ খবর</description>'), xml.slice(0, 600));
        assert.doesNotMatch(xml, noSplitGenitive);
        await done();
      }
      // A section whose name ends in a consonant: ফুটবল → ফুটবলের.
      {
        const { page, done } = await open(`/sports/football/${footballId}`);
        assert.equal(await followLine(page), 'প্রকাশের সর্বশেষ খবর পেতে RSS ফিড অনুসরণ করুন · ফুটবলের ফিড');
        assert.deepEqual(await footerFeeds(page), ['RSS', 'ফুটবলের ফিড']);
        assert.equal((await seenText(page, '.related__more'))[0], 'ফুটবলের আরও খবর →');
        await done();
      }
      // The section front's head.
      {
        const { page, done } = await open('/world/asia');
        const head = await headOf(page);
        assert.equal(head.title, 'এশিয়া | প্রকাশ');
        assert.equal(head.description, 'এশিয়া: প্রকাশের সর্বশেষ খবর');
        // A section front offers its own feed, as its articles do: in the head and the footer.
        assert.deepEqual(head.feeds, ['RSS', 'এশিয়ার ফিড']);
        assert.deepEqual(await footerFeeds(page), ['RSS', 'এশিয়ার ফিড']);
        const violations = await axeViolations(page, 'section page');
        assert.equal(violations.length, 0, formatViolations(violations));
        await done();
      }

      // The newsroom names the site (ending in a vowel) and gives its Google News page.
      const googleNewsUrl = 'https://news.google.com/publications/CAAqBwgKMKHL9QowkqbaAg';
      const settings = { siteName: 'দৈনিক পরীক্ষা', hijriOffset: 0, timeZone: 'Asia/Dhaka' };
      await admin.call('PUT', '/api/admin/settings', { ...settings, googleNewsUrl }, 200);
      try {
        {
          const { page, done } = await open(`/world/asia/${asiaId}`);
          assert.equal(await followLine(page), 'দৈনিক পরীক্ষার সর্বশেষ খবর পেতে Google News-এ অনুসরণ করুন · এশিয়ার ফিড');
          const links = page.locator('a', { hasText: 'Google News' });
          assert.equal(await links.count(), 1);
          assert.equal(await links.getAttribute('href'), googleNewsUrl);
          assert.ok(await links.isVisible(), 'the Google News link is shown');
          await done();
        }
        {
          const { page, done } = await open('/world/asia');
          assert.equal((await headOf(page)).description, 'এশিয়া: দৈনিক পরীক্ষার সর্বশেষ খবর');
          await done();
        }
        // Taken away again: the link goes with it.
        await admin.call('PUT', '/api/admin/settings', { ...settings, googleNewsUrl: '' }, 200);
        {
          const { page, done } = await open(`/world/asia/${asiaId}`);
          assert.equal(await page.locator('a[href*="news.google"]').count(), 0);
          assert.equal(await followLine(page), 'দৈনিক পরীক্ষার সর্বশেষ খবর পেতে RSS ফিড অনুসরণ করুন · এশিয়ার ফিড');
          await done();
        }
      } finally {
        await admin.call('PUT', '/api/admin/settings', { siteName: 'প্রকাশ', hijriOffset: 0, timeZone: 'Asia/Dhaka', googleNewsUrl: '' }, 200);
      }
    });
  });
}
