/// <reference lib="dom" />
// Issue 16, "checked with third-party tools": axe-core (WCAG 2.1 A and AA) on every newsroom screen
// and every kind of reader page in Chromium, and the W3C Nu HTML Checker (vnu.jar) on every kind
// of reader page's HTML. One database, one server, one browser; each page is visited once. Review
// screenshots (each newsroom screen at 1280 px, the article at 360 px) go to test-results/screenshots.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { TestDatabase } from '../helpers/databases.ts';
import { AdminClient } from '../helpers/admin-client.ts';
import { browserUnavailable } from '../helpers/browser.ts';
import { requestsSettled, signIn, newsroomInBrowser, closeNewsroomInBrowser, SCREENSHOTS } from '../helpers/newsroom-browser.ts';
import { axeViolations, formatViolations, type AxeViolation } from '../helpers/axe.ts';
import { javaUnavailable, runVnu, formatVnuMessages, type VnuMessage } from '../helpers/vnu.ts';

// CSS properties site.css uses that the Nu HTML Checker's CSS validator does not know yet:
// scroll-initial-target (CSS Scroll Snap Module Level 2; Chromium 133 and later) scrolls the
// section menu to the current section on a phone.
const NEWER_CSS_PROPERTIES = ['scroll-initial-target'];
import type { App } from '../../src/app.ts';

const skip = browserUnavailable();
const OWNER = { name: 'সম্পাদক মালিক', email: 'owner@prokash.test', password: 'owner-password-1' };
const ARTICLE = 251042; // the seed article: lead image, tags, a desk byline
const ARTICLE_PATH = `/world/asia/${ARTICLE}`;
const APPROVED = { name: 'পাঠক রহিমা', body: 'তথ্যবহুল প্রতিবেদন, ধন্যবাদ প্রকাশকে।' };
const PENDING = { name: 'পাঠক করিম', body: 'আরও বিস্তারিত জানতে চাই।' };
const ADDED_WORDS = 'পিয়ংইয়ং থেকে';

describe('third-party checks: axe on every screen and page, the Nu HTML Checker on reader pages (sqlite)', { skip }, () => {
  // Unset until before() makes them, and still unset in after() if before() failed partway.
  let t: TestDatabase | undefined;
  let app: App | undefined;
  let browser: Browser | undefined;
  let origin: string;
  const setupViolations: AxeViolation[] = [];
  /** Every kind of reader page: its name and path, found in the demo content. */
  const readerPages: Array<{ name: string; path: string; status: number }> = [];

  before(async () => {
    ({ t, app, origin, browser } = await newsroomInBrowser('sqlite'));

    // The first-run screen exists only until the owner is made.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'bn-BD' });
    const page = await context.newPage();
    await page.goto(`${origin}/admin`);
    await page.getByRole('button', { name: 'অ্যাকাউন্ট তৈরি করুন' }).waitFor();
    setupViolations.push(...(await axeViolations(page, 'newsroom: setup')));
    await page.screenshot({ path: `${SCREENSHOTS}/review-newsroom-setup-1280.png`, fullPage: true });
    await context.close();

    const server = app.server;
    const owner = await AdminClient.setup(server, OWNER.name, OWNER.email, OWNER.password);
    // One approved comment shows on the article; one pending waits in the moderation queue.
    for (const comment of [APPROVED, PENDING]) {
      const posted = await server.inject({ method: 'POST', url: `/api/v1/articles/${ARTICLE}/comments`, payload: comment });
      assert.equal(posted.statusCode, 202, posted.body);
    }
    const queue = await owner.call<{ items: Array<{ id: number; body: string }> }>('GET', '/api/admin/comments', undefined, 200);
    const approved = queue.items.find((c) => c.body === APPROVED.body);
    assert.ok(approved, 'the comment waits for moderation');
    await owner.call('POST', `/api/admin/comments/${approved.id}/approve`, undefined, 200);

    const db = t.db;
    const articleHtml = (await server.inject({ method: 'GET', url: ARTICLE_PATH })).body;
    assert.ok(articleHtml.includes(APPROVED.body) && articleHtml.includes('<picture'), 'the article shows its lead picture and a comment');
    const tag = /href="(\/topic\/[^"]+)"/.exec(articleHtml)?.[1];
    const desk = /href="(\/author\/[^"]+)"/.exec(articleHtml)?.[1];
    assert.ok(tag && desk, 'the article links a tag and its byline');
    const correspondent = await db.selectFrom('people').select('slug').where('kind', '=', 'correspondent').orderBy('id').executeTakeFirstOrThrow();
    const district = await db.selectFrom('districts').select('slug').orderBy('id').executeTakeFirstOrThrow();
    const print = await db
      .selectFrom('articles')
      .select('published_at')
      .where('edition', '=', 'print')
      .where('status', '=', 'published')
      .orderBy('published_at', 'desc')
      .executeTakeFirstOrThrow();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Dhaka' }).format(new Date(print.published_at!)).replaceAll('-', '/');
    const archive = (await server.inject({ method: 'GET', url: `/archive/${day}` })).body;
    assert.ok(archive.includes('id="print-edition"'), 'the archive day shows a print edition');
    readerPages.push(
      { name: 'home', path: '/', status: 200 },
      { name: 'article with lead image and comments', path: ARTICLE_PATH, status: 200 },
      { name: 'section', path: '/world', status: 200 },
      { name: 'sub-section', path: '/world/asia', status: 200 },
      { name: 'tag', path: tag, status: 200 },
      { name: 'desk byline', path: desk, status: 200 },
      { name: 'correspondent', path: `/author/${encodeURIComponent(correspondent.slug)}`, status: 200 },
      { name: 'district', path: `/district/${encodeURIComponent(district.slug)}`, status: 200 },
      { name: 'latest', path: '/latest', status: 200 },
      { name: 'popular', path: '/popular', status: 200 },
      { name: 'search with results', path: `/search?q=${encodeURIComponent('মেকং')}`, status: 200 },
      { name: 'search with no results', path: `/search?q=${encodeURIComponent('অজানাশব্দকখগ')}`, status: 200 },
      { name: 'search form', path: '/search', status: 200 },
      { name: 'date archive with the print edition', path: `/archive/${day}`, status: 200 },
      { name: 'not found', path: '/no-such-page', status: 404 },
      { name: 'bad request', path: '/world?page=abc', status: 400 },
    );
  });
  after(async () => {
    await closeNewsroomInBrowser({ t, app, browser });
  });

  test('axe finds no WCAG 2.1 A/AA violation on any newsroom screen', { timeout: 120_000 }, async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'bn-BD' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => void d.accept());
    const settled = requestsSettled(page);
    const violations: AxeViolation[] = [...setupViolations];
    const check = async (name: string) => {
      violations.push(...(await axeViolations(page, `newsroom: ${name}`)));
      await page.screenshot({ path: `${SCREENSHOTS}/review-newsroom-${name}-1280.png`, fullPage: true });
    };
    /** Opens an app path by a full load and waits until the screen has its data. */
    const go = async (path: string) => {
      await page.goto(`${origin}/admin${path}`);
      await page.locator('#main h1').first().waitFor();
      await settled();
    };

    await page.goto(`${origin}/admin`);
    await page.getByRole('button', { name: 'সাইন ইন করুন' }).waitFor();
    await check('sign-in');
    await signIn(page, origin, OWNER);

    // Every screen the navigation offers the owner (a screen added later is checked without a change here).
    const links = page.locator('header nav a');
    const count = await links.count();
    assert.ok(count >= 10, `the owner sees every screen: ${(await links.allInnerTexts()).join(', ')}`);
    for (let i = 0; i < count; i++) {
      const path = new URL((await links.nth(i).getAttribute('href'))!, origin).pathname.replace(/^\/admin/, '') || '/';
      await links.nth(i).click();
      await page.waitForURL(`${origin}/admin${path === '/' ? '/' : path}`);
      await page.locator('#main h1').first().waitFor();
      await settled();
      await check(path === '/' ? 'desk' : path.slice(1).replaceAll('/', '-'));
    }

    // The editor with a whole article in it; then two words added to its first paragraph, saved.
    await go(`/articles/${ARTICLE}`);
    await page.locator('.body-editor p').first().waitFor();
    await check('article-editor');
    const paragraph = (await page.locator('.body-editor p').first().innerText()).trim();
    await page.locator('.body-editor p').first().click();
    // The caret to the end of the paragraph (End would go to the end of its first line).
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('.body-editor p')!);
      range.collapse(false);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await page.keyboard.type(` ${ADDED_WORDS}`);
    await page.getByRole('button', { name: 'সংরক্ষণ', exact: true }).click();
    await page.getByText('সংরক্ষিত হয়েছে।').waitFor();

    // The revisions compared: the one paragraph changed, with only the words added marked.
    await page.getByRole('link', { name: 'সংস্করণসমূহ' }).click();
    await page.getByRole('button', { name: 'তুলনা করুন' }).click();
    const changed = page.locator('.diff-row');
    await changed.first().waitFor();
    await check('revisions');
    assert.equal(await changed.count(), 1);
    assert.match(await changed.locator('h3').innerText(), /^মূল লেখা, অনুচ্ছেদ [০-৯]+$/);
    assert.deepEqual(
      (await changed.locator('ins').allInnerTexts()).map((s) => s.trim()),
      [ADDED_WORDS],
    );
    assert.equal(await changed.locator('del').count(), 0, 'nothing was taken out');
    const [older, newer] = await changed.locator('.diff-side').allInnerTexts();
    assert.ok(older?.includes(paragraph) && newer?.includes(`${paragraph} ${ADDED_WORDS}`), 'each side shows the whole paragraph');

    await context.close();
    assert.deepEqual(problems, [], 'no script errors');
    assert.equal(violations.length, 0, `axe found:\n${formatViolations(violations)}`);
  });

  test('axe finds no WCAG 2.1 A/AA violation on any kind of reader page', { timeout: 120_000 }, async () => {
    const violations: AxeViolation[] = [];
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'bn-BD' });
    const page = await context.newPage();
    for (const { name, path, status } of readerPages) {
      // Server-rendered: complete at the load event (the one script is deferred).
      const response = await page.goto(origin + path);
      assert.equal(response?.status(), status, path);
      violations.push(...(await axeViolations(page, `${name} (${path})`)));
    }
    await context.close();

    // The article on a phone: what a reader sees first (and its menu and tabs at that width).
    const phone = await browser!.newContext({ viewport: { width: 360, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'bn-BD' });
    const small = await phone.newPage();
    await small.goto(origin + ARTICLE_PATH);
    violations.push(...(await axeViolations(small, `article at 360 px (${ARTICLE_PATH})`)));
    await small.screenshot({ path: `${SCREENSHOTS}/review-article-360.png`, fullPage: true });
    await phone.close();
    assert.equal(violations.length, 0, `axe found:\n${formatViolations(violations)}`);
  });

  test('the Nu HTML Checker finds no error in any kind of reader page', { timeout: 120_000 }, async (context) => {
    const missing = javaUnavailable();
    if (missing) {
      context.skip(missing);
      return;
    }
    const dir = await mkdtemp(join(tmpdir(), 'prokash-vnu-'));
    try {
      const files = new Map<string, string>();
      for (const [i, { name, path, status }] of readerPages.entries()) {
        const response = await fetch(origin + path);
        assert.equal(response.status, status, path);
        const file = join(dir, `page-${i}.html`);
        await writeFile(file, await response.text());
        files.set(`file:${file}`, `${name} (${path})`);
      }
      // A page known to be wrong goes with them: the checker must find its error, or it checked nothing.
      const control = join(dir, 'control.html');
      await writeFile(control, '<!doctype html><html lang="bn"><head><title>ভুল</title></head><body><p><div></p></body></html>');
      const all = await runVnu([...[...files.keys()].map((f) => f.slice('file:'.length)), control]);
      assert.ok(
        all.some((m) => m.url === `file:${control}` && m.type === 'error'),
        "the checker finds the control page's error",
      );
      const named = all.filter((m) => m.url !== `file:${control}`).map((m) => ({ ...m, page: files.get(m.url ?? '') ?? m.url ?? '' }));
      const warnings = named.filter((m) => m.type === 'info');
      if (warnings.length) console.log(`The Nu HTML Checker warns (not failing):\n${formatVnuMessages(warnings)}`);
      // The pages' own stylesheets are checked with them (they are in the page). A property newer
      // than the checker's CSS validator is no error of ours, and only the one named here passes.
      const tooNew = (m: VnuMessage) => NEWER_CSS_PROPERTIES.some((p) => m.message === `CSS: “${p}”: Property “${p}” doesn't exist.`);
      const errors = named.filter((m) => m.type !== 'info' && !tooNew(m));
      assert.equal(errors.length, 0, `The Nu HTML Checker found:\n${formatVnuMessages(errors)}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
