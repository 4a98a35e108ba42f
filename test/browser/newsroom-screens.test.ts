/// <reference lib="dom" />
// The newsroom's other screens in a real browser (SQLite; the main path covers both dialects):
// an image uploaded in the media library becomes a lead image with its credit overridden for one
// article; two pages save the same article and the second is told to reload (409); a revision is
// compared and restored; the home lead is set; a pending comment is approved in the moderation
// queue and shows on the article page.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestDatabase } from '../helpers/databases.ts';
import { browserUnavailable } from '../helpers/browser.ts';
import { signIn, newsroomInBrowser, closeNewsroomInBrowser, SCREENSHOTS } from '../helpers/newsroom-browser.ts';
import type { App } from '../../src/app.ts';

const skip = browserUnavailable();
const OWNER = { name: 'সম্পাদক মালিক', email: 'owner@prokash.test', password: 'owner-password-1' };
const ARTICLE = 251042; // "মেকংয়ের তীরে ভাসমান পাঠাগার", /world/asia/251042, lead image 10
const HEADLINE = 'মেকংয়ের তীরে ভাসমান পাঠাগার';
const CAPTION = 'বন্দরে কনটেইনার জাহাজ';
const CREDIT = 'ফাইল ছবি';
const OVERRIDE = 'রয়টার্স (এই প্রতিবেদনে)';
const COMMENT = { name: 'পাঠক রহিমা', body: 'তথ্যবহুল প্রতিবেদন, ধন্যবাদ প্রকাশকে।' };

describe('the newsroom screens in a browser (sqlite)', { skip }, () => {
  // Unset until before() makes them, and still unset in after() if before() failed partway.
  let t: TestDatabase | undefined;
  let app: App | undefined;
  let browser: Browser | undefined;
  let origin: string;
  let cookie = '';

  /** The admin API as the owner, for the facts the screens should have stored. */
  const adminGet = async <T>(path: string): Promise<T> => {
    const answer = await app!.server.inject({ method: 'GET', url: `/api/admin${path}`, headers: { cookie } });
    assert.equal(answer.statusCode, 200, answer.body);
    return answer.json<T>();
  };

  before(async () => {
    ({ t, app, origin, browser } = await newsroomInBrowser('sqlite'));
    const setup = await app.server.inject({ method: 'POST', url: '/api/admin/setup', payload: OWNER });
    assert.equal(setup.statusCode, 201);
    cookie = String(setup.headers['set-cookie']).split(';')[0]!;
    const posted = await app.server.inject({ method: 'POST', url: `/api/v1/articles/${ARTICLE}/comments`, payload: COMMENT });
    assert.equal(posted.statusCode, 202, 'pre-moderation holds the comment');
  });
  after(async () => {
    await closeNewsroomInBrowser({ t, app, browser });
  });

  test('media → lead image with credit override, 409 on a stale save, revisions, home lead, moderation', { timeout: 60_000 }, async () => {
    const problems: string[] = [];
    const external: string[] = [];
    const open = async (context: BrowserContext): Promise<Page> => {
      const page = await context.newPage();
      page.on('console', (m) => {
        // Expected answers the app handles: 401 before sign-in, the 409 of the stale save.
        if (m.type() === 'error' && !/status of (401|409)/.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (r) => {
        if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) external.push(r.url());
      });
      page.on('dialog', (d) => void d.accept());
      return page;
    };
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'bn-BD' });
    const page = await open(context);
    const other = await open(context); // the same person in a second tab
    try {
      await signIn(page, origin, OWNER);

      // Media library: upload with caption and credit; it is first in the grid.
      await page.getByRole('link', { name: 'ছবি', exact: true }).click();
      const jpeg = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 20, g: 90, b: 160 } } })
        .jpeg()
        .toBuffer();
      await page.locator('.upload-form input[type=file]').setInputFiles({ name: 'port.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      await page.locator('.upload-form').getByLabel('ক্যাপশন').fill(CAPTION);
      await page.locator('.upload-form').getByLabel('ক্রেডিট').fill(CREDIT);
      await page.locator('.upload-form').getByRole('button', { name: 'আপলোড' }).click();
      await page.locator('.media-tile').first().getByText(CAPTION).waitFor();

      // Both tabs open the article; the first sets the new lead image with its own credit and saves.
      await other.goto(`${origin}/admin/articles/${ARTICLE}`);
      await other.getByLabel('শোল্ডার').waitFor();
      await page.goto(`${origin}/admin/articles/${ARTICLE}`);
      await page.getByRole('button', { name: 'ছবি বদলান' }).click();
      await page.locator('dialog .media-tile', { hasText: CAPTION }).click();
      await page.getByLabel('এই প্রতিবেদনে ক্রেডিট').fill(OVERRIDE);
      await page.getByRole('button', { name: 'সংরক্ষণ', exact: true }).click();
      await page.getByText('সংরক্ষিত হয়েছে।').waitFor();
      assert.equal(await page.locator('.lead-image figcaption').innerText(), `${CAPTION} — ছবি : ${CREDIT}`, 'the library image stays shown after saving');
      const { article: saved } = await adminGet<{ article: { imageId: number; imageCredit: string; revision: number } }>(`/articles/${ARTICLE}`);
      const { items: library } = await adminGet<{ items: Array<{ id: number; caption: string }> }>('/media');
      assert.equal(saved.imageId, library.find((i) => i.caption === CAPTION)?.id);
      assert.equal(saved.imageCredit, OVERRIDE);

      // The second tab saves over it: told, not overwritten, and it can reload the newer version.
      await other.getByLabel('শোল্ডার').fill('পুরোনো পাতা থেকে');
      await other.getByRole('button', { name: 'সংরক্ষণ', exact: true }).click();
      await other.getByText('আপনি খোলার পর অন্য কেউ এই প্রতিবেদনটি সংরক্ষণ করেছেন', { exact: false }).waitFor();
      await other.screenshot({ path: `${SCREENSHOTS}/newsroom-conflict.png` });
      assert.equal((await adminGet<{ article: { kicker: string } }>(`/articles/${ARTICLE}`)).article.kicker, '', 'the stale save changed nothing');
      await other.getByRole('button', { name: 'আবার লোড করুন' }).click();
      await other.locator('.lead-image figcaption', { hasText: CAPTION }).waitFor();
      assert.equal(await other.getByLabel('এই প্রতিবেদনে ক্রেডিট').inputValue(), OVERRIDE);
      assert.equal(await other.getByLabel('শোল্ডার').inputValue(), '');

      // Revisions: the newest two compared show the image change; restoring the first brings back image 10.
      await page.getByRole('link', { name: 'সংস্করণসমূহ' }).click();
      await page.getByRole('button', { name: 'তুলনা করুন' }).click();
      const credit = page.locator('.diff-row', { has: page.getByRole('heading', { name: 'এই প্রতিবেদনে ক্রেডিট' }) });
      assert.equal(await credit.locator('ins').innerText(), OVERRIDE);
      await page.screenshot({ path: `${SCREENSHOTS}/newsroom-revisions.png`, fullPage: true });
      await page.getByRole('row', { name: /^১ / }).getByRole('button', { name: 'ফিরিয়ে আনুন' }).click();
      await page.getByText('১ নম্বর সংস্করণ ফিরিয়ে আনা হয়েছে।').waitFor();
      const restored = (await adminGet<{ article: { imageId: number; imageCredit: string | null; revision: number } }>(`/articles/${ARTICLE}`)).article;
      assert.equal(restored.imageId, 10);
      assert.equal(restored.revision, saved.revision + 1, 'a restore is a new revision');

      // Home page: the article becomes the lead.
      await page.getByRole('link', { name: 'প্রথম পাতা' }).click();
      await page.getByLabel('প্রধান খবর').selectOption({ label: HEADLINE });
      await page.getByRole('button', { name: 'সংরক্ষণ' }).click();
      await page.getByText('সংরক্ষিত হয়েছে।').waitFor();
      assert.equal((await adminGet<{ lead: { id: number } | null }>('/home')).lead?.id, ARTICLE);

      // Moderation: the pending comment, in context, approved; then on the article page.
      await page.getByRole('link', { name: 'মন্তব্য', exact: true }).click();
      const row = page.locator('li.comment', { hasText: COMMENT.body });
      await row.waitFor();
      assert.equal(await row.getByRole('link', { name: HEADLINE }).getAttribute('href'), `/world/asia/${ARTICLE}`);
      assert.match(await page.locator('.bulk-bar').innerText(), /১টি মন্তব্য দেখানো হচ্ছে/, 'counts in Bengali digits');
      await page.screenshot({ path: `${SCREENSHOTS}/newsroom-moderation.png`, fullPage: true });
      await row.getByRole('button', { name: 'অনুমোদন', exact: true }).click();
      await page.getByText('১টি মন্তব্য অনুমোদিত হয়েছে।').waitFor();
      assert.equal(await row.count(), 0, 'the approved comment leaves the pending queue');

      const articlePage = await open(context);
      let text = '';
      for (let i = 0; i < 20 && !text.includes(COMMENT.body); i++) {
        if (i) await articlePage.waitForTimeout(250);
        await articlePage.goto(`${origin}/world/asia/${ARTICLE}`);
        text = await articlePage.locator('body').innerText();
      }
      assert.ok(text.includes(COMMENT.body), 'the approved comment is on the article page');
    } catch (error) {
      await page.screenshot({ path: `${SCREENSHOTS}/newsroom-screens-failure.png`, fullPage: true });
      await other.screenshot({ path: `${SCREENSHOTS}/newsroom-screens-failure-other.png`, fullPage: true });
      throw error;
    }
    assert.deepEqual(external, [], 'no request leaves the site');
    assert.deepEqual(problems, [], 'no console errors (CSP violations included)');
    await context.close();
  });
});
