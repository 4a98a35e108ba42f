/// <reference lib="dom" />
// Issue 16, points 5 and 8, in a real browser (SQLite; test/preview-link.test.ts and
// test/people-manage.test.ts cover both dialects): an editor makes a preview link of a draft and
// copies it; a colleague with no session opens it in a fresh browser and sees the draft marked as
// one, with no comment form and no view counted. The editor's people screen lists desks first, then
// each kind in Bengali alphabetical order with its details, and takes a new correspondent.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import type { TestDatabase } from '../helpers/databases.ts';
import { AdminClient } from '../helpers/admin-client.ts';
import { browserUnavailable } from '../helpers/browser.ts';
import { signIn, newsroomInBrowser, closeNewsroomInBrowser, SCREENSHOTS } from '../helpers/newsroom-browser.ts';
import type { App } from '../../src/app.ts';

const skip = browserUnavailable();
const OWNER = { name: 'সম্পাদক মালিক', email: 'owner@prokash.test', password: 'owner-password-1' };
const EDITOR = { name: 'বার্তা সম্পাদক', email: 'editor@prokash.test', password: 'editor-password-1' };
const HEADLINE = 'বর্ষার সবজি হাটে নৌকার সারি';
const SITE_URL = 'http://prokash.test'; // the test app's public address (buildTestApp)

describe('preview links and the people screen in a browser (sqlite)', { skip }, () => {
  // Unset until before() makes them, and still unset in after() if before() failed partway.
  let t: TestDatabase | undefined;
  let app: App | undefined;
  let browser: Browser | undefined;
  let origin: string;
  let articleId: number;

  before(async () => {
    ({ t, app, origin, browser } = await newsroomInBrowser('sqlite'));
    const owner = await AdminClient.setup(app.server, OWNER.name, OWNER.email, OWNER.password);
    await owner.call('POST', '/api/admin/users', { ...EDITOR, role: 'editor' }, 201);
    const editor = await AdminClient.login(app.server, EDITOR.email, EDITOR.password);
    const sectionId = (await t.db.selectFrom('sections').select('id').where('path', '=', 'country').executeTakeFirstOrThrow()).id;
    const deskId = (await t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow()).id;
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ভোর থেকেই খালের ঘাটে সবজি বোঝাই নৌকা ভিড়তে শুরু করে।' }] }] };
    articleId = (
      await editor.call('POST', '/api/admin/articles', { sectionId, headline: HEADLINE, body, byline: { kind: 'desk', personIds: [deskId] }, tags: [] }, 201)
    ).article.id;
  });
  after(async () => {
    await closeNewsroomInBrowser({ t, app, browser });
  });

  /** A page that records console errors, failed scripts and every request it makes. */
  const watch = async (context: BrowserContext) => {
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      // GET /session answers 401 when signed out: that is how the app learns to show sign-in.
      if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    return { page, problems, requests };
  };

  test(
    'an editor makes a preview link and copies it; a colleague without a session opens it: a draft, no comment form, no view counted',
    { timeout: 60_000 },
    async () => {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'bn-BD' });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      const { page, problems } = await watch(context);
      try {
        await signIn(page, origin, EDITOR);
        await page.goto(`${origin}/admin/articles/${articleId}`);
        await page.getByLabel('শোল্ডার').waitFor();
        await page.getByRole('button', { name: 'প্রিভিউ লিংক' }).click();
        const field = page.getByLabel('প্রিভিউ লিংক (অ্যাকাউন্ট ছাড়াই খোলা যায়)');
        await field.waitFor();
        const url = await field.inputValue();
        assert.match(url, new RegExp(`^${SITE_URL}/preview/${articleId}\\?t=\\d+\\.[A-Za-z0-9_-]{43}$`));
        // The expiry is said in the house format: the app's clock is TEST_NOW, 12:00 in Dhaka.
        assert.ok(
          (await page.locator('.preview-link .hint').innerText()).includes('লিংকটি ৪৮ ঘণ্টা, ২৯ নভেম্বর ২০২৬, ১২:০০ পিএম পর্যন্ত কাজ করবে।'),
          await page.locator('.preview-link').innerText(),
        );
        await page.getByRole('button', { name: 'লিংক কপি করুন' }).click();
        await page.getByRole('button', { name: 'কপি হয়েছে' }).waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);

        // A colleague: another browser context, no cookie, the link as sent (this test's server is not prokash.test).
        const colleague = await browser!.newContext({ viewport: { width: 390, height: 844 }, locale: 'bn-BD' });
        try {
          const seen = await watch(colleague);
          const guest = seen.page;
          const answer = await guest.goto(url.replace(SITE_URL, origin), { waitUntil: 'networkidle' });
          assert.ok(answer);
          assert.equal(answer.status(), 200);
          assert.equal(answer.headers()['x-robots-tag'], 'noindex');
          assert.equal(answer.headers()['cache-control'], 'private, no-store');
          const banner = guest.locator('.preview-banner');
          assert.ok(await banner.isVisible());
          assert.equal((await banner.locator('.preview-banner__title').innerText()).trim(), 'খসড়া — প্রকাশিত নয়');
          assert.equal((await guest.locator('h1').innerText()).trim(), HEADLINE);
          assert.ok((await guest.locator('.article__dates').innerText()).includes('প্রকাশের সময় এখনো ঠিক হয়নি'));
          assert.equal(await guest.locator('form.comment-form').count(), 0, 'no comment form');
          assert.ok(await guest.getByText('প্রিভিউতে মন্তব্য করা যায় না').isVisible());
          assert.equal(await guest.locator('meta[name="robots"]').getAttribute('content'), 'noindex');
          assert.deepEqual(
            seen.requests.filter((r) => /\/views\b|\/comments\b/.test(r)),
            [],
            'no view beacon, nothing about comments',
          );
          assert.deepEqual(seen.problems, [], 'no console errors (CSP violations included)');
          await guest.screenshot({ path: `${SCREENSHOTS}/preview-link-390.png`, fullPage: true });

          // The same link with one character changed: a Bengali page, 403.
          const forged = url.replace(SITE_URL, origin).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
          const refused = await guest.goto(forged);
          assert.equal(refused?.status(), 403);
          assert.ok((await guest.locator('body').innerText()).includes('প্রিভিউ লিংকটি ঠিক নেই'));
        } finally {
          await colleague.close();
        }
        assert.deepEqual(problems, []);
      } catch (error) {
        await page.screenshot({ path: `${SCREENSHOTS}/preview-link-failure.png`, fullPage: true }).catch(() => undefined);
        throw error;
      } finally {
        await context.close();
      }
    },
  );

  test('the people screen: desks first, each kind in Bengali order with its details; an editor adds a correspondent', { timeout: 60_000 }, async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'bn-BD' });
    const { page, problems } = await watch(context);
    try {
      await signIn(page, origin, EDITOR);
      await page.getByRole('link', { name: 'লেখক ও প্রতিনিধি' }).click();
      const table = page.locator('table.people-table');
      await table.locator('tbody th[scope="row"]').first().waitFor();

      // The editor adds a correspondent whose name sorts first of its kind (অ comes before আ).
      const form = page.locator('form.person-form');
      await form.getByLabel('নাম', { exact: true }).fill('অমিত রায়');
      await form.getByLabel(/^ধরন/).selectOption('correspondent');
      await form.getByLabel('পদবি (যেমন নিজস্ব প্রতিবেদক)').fill('প্রতিনিধি');
      await form.getByLabel('স্থান (উপজেলা বা শহর)').fill('চান্দিনা');
      await form.getByLabel(/^জেলা/).selectOption({ label: 'কুমিল্লা' });
      await form.getByRole('button', { name: 'যোগ করুন' }).click();
      await page.getByText('"অমিত রায়" যোগ হয়েছে।').waitFor();
      assert.equal(await form.getByLabel('নাম', { exact: true }).inputValue(), '', 'the add form is empty again');
      const added = table.locator('tr', { has: page.locator('th', { hasText: 'অমিত রায়' }) });
      await added.waitFor();

      const groups = (await table.locator('tr.group-row').allInnerTexts()).map((s) => s.trim());
      assert.deepEqual(groups, ['ডেস্ক', 'প্রতিবেদকেরা', 'জেলা ও উপজেলা প্রতিনিধিরা', 'সংবাদ সংস্থা']);
      const names = async (kind: string) => (await table.locator(`tr[data-kind="${kind}"] th`).allInnerTexts()).map((s) => s.trim());
      assert.deepEqual(await names('desk'), ['আন্তর্জাতিক ডেস্ক', 'খেলা ডেস্ক', 'প্রকাশ ডেস্ক', 'বিনোদন ডেস্ক']);
      assert.deepEqual(await names('agency'), ['বাসস', 'রয়টার্স']);
      const correspondents = await names('correspondent');
      assert.equal(correspondents[0], 'অমিত রায়');
      const named = ['আবুল কালাম আজাদ', 'জাহিদুল ইসলাম', 'মোস্তফা কামাল', 'রফিকুল ইসলাম', 'সুমন চন্দ্র দাস', 'হাসিবুল হাসান'];
      assert.deepEqual(
        correspondents.filter((n) => named.includes(n)),
        named,
      );
      // The details: title, place and district, and the published articles in Bengali digits.
      const cells = (await added.locator('td').allInnerTexts()).map((s) => s.trim());
      assert.deepEqual(cells.slice(0, 4), ['প্রতিনিধি', 'চান্দিনা, কুমিল্লা', '০', 'চান্দিনা (কুমিল্লা) প্রতিনিধি']);
      const desk = table.locator('tr', { has: page.locator('th', { hasText: 'প্রকাশ ডেস্ক' }) });
      assert.match((await desk.locator('td.number').innerText()).trim(), /^[১-৯][০-৯]*$/, 'the demo desk has published articles');

      await page.screenshot({ path: `${SCREENSHOTS}/newsroom-people-1280.png`, fullPage: true });
      assert.deepEqual(problems, []);
    } catch (error) {
      await page.screenshot({ path: `${SCREENSHOTS}/newsroom-people-failure.png`, fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
