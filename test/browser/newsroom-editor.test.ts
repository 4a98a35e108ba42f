/// <reference lib="dom" />
// The article editor in a real browser, as a new user meets it (issue 16): Avro words are finished on
// save and on leaving a field, with a preview of what they become; work is not lost (guard, autosave,
// a copy in the browser, a warning when someone else saved); refusals are in Bengali (English when
// chosen) at the field at fault; the keyboard reaches the headline at once; the schedule is typed in
// the house format with Bengali digits.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DIALECTS, type TestDatabase } from '../helpers/databases.ts';
import { browserUnavailable } from '../helpers/browser.ts';
import { fillSchedule, signIn, newsroomInBrowser, closeNewsroomInBrowser, SCREENSHOTS } from '../helpers/newsroom-browser.ts';
import type { App } from '../../src/app.ts';

const skip = browserUnavailable();
const OWNER = { name: 'সম্পাদক', email: 'owner@prokash.test', password: 'owner-password-1' };
const nfc = (text: string) => text.normalize('NFC');

for (const dialect of DIALECTS) {
  describe(`the article editor in a browser (${dialect})`, { skip }, () => {
    let t: TestDatabase | undefined;
    let app: App | undefined;
    let browser: Browser | undefined;
    let origin: string;

    before(async () => {
      ({ t, app, origin, browser } = await newsroomInBrowser(dialect));
      const setup = await app.server.inject({ method: 'POST', url: '/api/admin/setup', payload: OWNER });
      assert.equal(setup.statusCode, 201);
    });
    after(async () => {
      await closeNewsroomInBrowser({ t, app, browser });
    });

    /** A signed-in page; `clock` installs Playwright's clock so that autosave's ten seconds can be run at once. */
    async function open(name: string, options: { clock?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; done: () => Promise<void> }> {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      if (options.clock) await page.clock.install();
      await signIn(page, origin, OWNER);
      return {
        context,
        page,
        done: async () => {
          await page.screenshot({ path: `${SCREENSHOTS}/newsroom-editor-${name}-${dialect}.png` }).catch(() => undefined);
          await context.close();
          assert.deepEqual(problems, [], 'no script errors');
        },
      };
    }

    async function row(id: number) {
      return t!.db
        .selectFrom('articles')
        .select(['headline', 'kicker', 'summary', 'body', 'revision', 'status'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    }

    function idOf(page: Page): number {
      const m = /\/admin\/articles\/(\d+)/.exec(page.url());
      assert.ok(m, `an article URL: ${page.url()}`);
      return Number(m[1]);
    }

    /** A draft written through the form: headline, section, desk byline and one paragraph, saved. */
    async function newDraft(page: Page, headline: string): Promise<number> {
      await page.getByRole('link', { name: 'নতুন প্রতিবেদন' }).first().click();
      await page.getByLabel('শিরোনাম', { exact: true }).fill(headline);
      await page.getByLabel('বিভাগ').selectOption({ label: 'জাতীয়' });
      const desk = page.locator('.byline-picker select');
      await desk.locator('option').nth(1).waitFor({ state: 'attached' });
      await desk.selectOption({ index: 1 });
      await page.locator('.body-editor').click();
      await page.keyboard.type('প্রথম অনুচ্ছেদ।');
      await page.getByRole('button', { name: 'সংরক্ষণ', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'সংরক্ষিত হয়েছে।' }).waitFor();
      return idOf(page);
    }

    async function avroOn(page: Page): Promise<void> {
      await page.locator('.avro-switch').click();
      await page.locator('.avro-switch.on').waitFor();
    }

    async function previewShows(page: Page, text: string): Promise<void> {
      await page.waitForFunction((want) => document.querySelector('.avro-preview')?.textContent.normalize('NFC') === want, nfc(text), { timeout: 5_000 });
    }

    test('Avro: the last word is shown as it will become, and finished by Save, Ctrl+S and leaving the field', { timeout: 120_000 }, async () => {
      const { page, done } = await open('avro');
      await page.getByRole('link', { name: 'নতুন প্রতিবেদন' }).first().click();
      await avroOn(page);

      // The headline: no space after the last word, then Save.
      await page.getByLabel('শিরোনাম', { exact: true }).click();
      await page.keyboard.type('ami gan gai');
      await previewShows(page, 'গাই');
      await page.getByRole('button', { name: 'সংরক্ষণ', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'সংরক্ষিত হয়েছে।' }).waitFor();
      const id = idOf(page);
      assert.equal(nfc((await row(id)).headline), nfc('আমি গান গাই'));
      assert.equal(await page.locator('.avro-preview').count(), 0, 'no preview once the word is finished');

      // The summary: leaving the field finishes the word, and the field shows it.
      const summary = page.getByLabel('সারসংক্ষেপ');
      await summary.click();
      await page.keyboard.type('amar sOnar bangla');
      await previewShows(page, 'বাংলা');
      await page.keyboard.press('Tab');
      assert.equal(nfc(await summary.inputValue()), nfc('আমার সোনার বাংলা'));

      // The kicker and the body, saved with Ctrl+S while the caret is still in the word.
      await page.getByLabel('শোল্ডার').click();
      await page.keyboard.type('dhaka');
      await page.locator('.body-editor').click();
      assert.equal(nfc(await page.getByLabel('শোল্ডার').inputValue()), nfc('ধাকা'), 'a click elsewhere finishes the word');
      await page.keyboard.type('ami banglay gan gai');
      await previewShows(page, 'গাই');
      await page.keyboard.press('Control+s');
      await page.getByRole('status').filter({ hasText: 'সংরক্ষিত হয়েছে।' }).waitFor();
      const saved = await row(id);
      assert.equal(nfc(saved.summary), nfc('আমার সোনার বাংলা'));
      assert.equal(nfc(saved.kicker), nfc('ধাকা'));
      assert.ok(nfc(saved.body).includes(nfc('আমি বাংলায় গান গাই')), `the body: ${saved.body}`);
      assert.ok(!/gai/.test(saved.body), 'no Roman letters stored');

      // Leaving the body finishes its word too.
      await page.keyboard.type(' bhalobasi');
      await previewShows(page, 'ভালবাসি');
      await page.getByLabel('উপশিরোনাম').click();
      assert.ok(nfc(await page.locator('.body-editor').innerText()).includes(nfc('আমি বাংলায় গান গাই ভালবাসি')), 'the body shows the word in Bengali');
      await done();
    });

    test('refusals in Bengali at the field at fault, marked and focused; in English when chosen', { timeout: 120_000 }, async () => {
      const { page, done } = await open('errors');
      await page.getByRole('link', { name: 'নতুন প্রতিবেদন' }).first().click();
      const headline = page.getByLabel('শিরোনাম', { exact: true });

      // An over-long headline.
      await headline.fill('ক'.repeat(301));
      await page.getByLabel('সারসংক্ষেপ').click();
      await page.getByRole('button', { name: 'সংরক্ষণ', exact: true }).click();
      await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'headline', undefined, { timeout: 5_000 });
      assert.equal(await headline.getAttribute('aria-invalid'), 'true');
      const described = await headline.getAttribute('aria-describedby');
      assert.equal(await page.locator(`#${described}`).innerText(), 'সর্বোচ্চ ৩০০ অক্ষর লেখা যায়।');
      const box = await page.locator('.error-box').innerText();
      assert.doesNotMatch(box, /[A-Za-z]/, `all in Bengali: ${box}`);

      // No section: publishing points at the section.
      await headline.fill('বিভাগ ছাড়া প্রতিবেদন');
      const desk = page.locator('.byline-picker select');
      await desk.locator('option').nth(1).waitFor({ state: 'attached' });
      await desk.selectOption({ index: 1 });
      await page.locator('.body-editor').click();
      await page.keyboard.type('কিছু লেখা।');
      await page.getByRole('button', { name: 'প্রকাশ করুন' }).click();
      const section = page.getByLabel('বিভাগ');
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-field') === 'sectionId', undefined, { timeout: 5_000 });
      assert.equal(await section.getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator(`#${await section.getAttribute('aria-describedby')}`).innerText(), 'এই ঘরটি পূরণ করুন।');
      assert.equal(await headline.getAttribute('aria-invalid'), null, 'the headline is no longer marked');
      assert.doesNotMatch(await page.locator('.error-box').innerText(), /[A-Za-z]/);

      // A schedule in the past points at the time.
      await section.selectOption({ label: 'জাতীয়' });
      await fillSchedule(page, '2020-01-01T10:00');
      await page.getByRole('button', { name: 'নির্ধারণ করুন' }).click();
      // The first of its fields, the day, is focused; every one is marked.
      const when = page.locator('.schedule .when-day input');
      await page.waitForFunction(() => document.activeElement?.matches('.when-day input'), undefined, { timeout: 5_000 });
      assert.equal(await when.getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('.schedule .when [aria-invalid="true"]').count(), 6);
      assert.ok((await when.getAttribute('aria-describedby'))?.split(' ').includes('field-error-at'));
      assert.equal(await page.locator('#field-error-at').innerText(), 'প্রকাশের সময় এখনকার পরে হতে হবে।');
      const scheduleBox = await page.locator('.error-box').innerText();
      assert.doesNotMatch(scheduleBox, /[A-Za-z]/, `all in Bengali: ${scheduleBox}`);

      // The same in English for someone who chose English.
      const localeSaved = () => page.waitForResponse((r) => r.url().includes('/api/admin/users/') && r.request().method() === 'PATCH');
      await Promise.all([localeSaved(), page.getByRole('button', { name: 'English' }).click()]);
      await page.getByRole('button', { name: 'Schedule', exact: true }).click();
      await page.locator('#field-error-at', { hasText: 'The publication time must be later than now.' }).waitFor();
      assert.equal(await when.getAttribute('aria-invalid'), 'true');
      await Promise.all([localeSaved(), page.getByRole('button', { name: 'বাংলা' }).click()]);
      await page.getByRole('button', { name: 'নির্ধারণ করুন' }).waitFor();
      await done();
    });

    test('unsaved work: a guard on leaving, autosave of drafts, none of a live article, a copy after a crash', { timeout: 120_000 }, async () => {
      const { context, page, done } = await open('autosave', { clock: true });
      const id = await newDraft(page, 'স্বয়ংক্রিয় সংরক্ষণের খসড়া');
      const headline = page.getByLabel('শিরোনাম', { exact: true });

      // In-app navigation asks first; refusing keeps the screen and its text.
      await headline.fill('স্বয়ংক্রিয় সংরক্ষণের খসড়া, বদলানো');
      const asked: string[] = [];
      page.once('dialog', (dialog) => {
        asked.push(dialog.message());
        void dialog.dismiss();
      });
      await page.getByRole('link', { name: 'ডেস্ক' }).click();
      assert.equal(asked.length, 1, 'asked before leaving');
      assert.match(asked[0]!, /সংরক্ষণ হয়নি/);
      assert.equal(idOf(page), id, 'still on the article');
      assert.equal(await headline.inputValue(), 'স্বয়ংক্রিয় সংরক্ষণের খসড়া, বদলানো');

      // Ten seconds later the draft is on the server, without a click.
      const before = (await row(id)).revision;
      await page.clock.runFor(10_500);
      await page.getByRole('status').filter({ hasText: 'নিজে থেকে সংরক্ষিত হয়েছে' }).waitFor();
      const autosaved = await row(id);
      assert.equal(autosaved.headline, 'স্বয়ংক্রিয় সংরক্ষণের খসড়া, বদলানো');
      assert.equal(autosaved.revision, before + 1);
      assert.equal(autosaved.status, 'draft');

      // Someone else saves meanwhile: the next autosave warns instead of overwriting.
      const other = await context.newPage();
      await other.goto(`${origin}/admin/articles/${id}`);
      await other.getByLabel('শিরোনাম', { exact: true }).fill('অন্য কারও সংস্করণ');
      await other.getByRole('button', { name: 'সংরক্ষণ', exact: true }).click();
      await other.getByRole('status').filter({ hasText: 'সংরক্ষিত হয়েছে।' }).waitFor();
      await other.close();
      await headline.fill('আমার সংস্করণ');
      await page.clock.runFor(10_500);
      await page.locator('.conflict', { hasText: 'অন্য কেউ এই প্রতিবেদনটি সংরক্ষণ করেছেন' }).waitFor();
      assert.equal((await row(id)).headline, 'অন্য কারও সংস্করণ', 'theirs is not overwritten');
      // Reloading theirs offers mine back from this browser.
      await page.getByRole('button', { name: 'আবার লোড করুন' }).click();
      await page.locator('.local-copy').waitFor();
      assert.equal(await headline.inputValue(), 'অন্য কারও সংস্করণ');
      await page.getByRole('button', { name: 'ফিরিয়ে আনুন' }).click();
      assert.equal(await headline.inputValue(), 'আমার সংস্করণ');
      await page.getByRole('button', { name: 'সংরক্ষণ', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'সংরক্ষিত হয়েছে।' }).waitFor();
      assert.equal((await row(id)).headline, 'আমার সংস্করণ');

      // A published article is not autosaved; the changes are kept in the browser instead.
      await page.getByRole('button', { name: 'প্রকাশ করুন' }).click();
      await page.locator('.screen-head .badge', { hasText: 'প্রকাশিত' }).waitFor();
      const live = await row(id);
      await headline.fill('প্রকাশিত খবরে অসংরক্ষিত বদল');
      await page.getByText('প্রকাশিত বা নির্ধারিত প্রতিবেদন নিজে থেকে সংরক্ষণ হয় না').waitFor();
      await page.clock.runFor(10_500);
      const owner = await t!.db.selectFrom('users').select('id').where('email', '=', OWNER.email).executeTakeFirstOrThrow();
      await page.waitForFunction((key) => localStorage.getItem(key)?.includes('প্রকাশিত খবরে অসংরক্ষিত বদল'), `prokash.copy.${owner.id}.${id}`, {
        timeout: 5_000,
      });
      assert.deepEqual(await row(id), live, 'the live article is unchanged');

      // The tab dies (no beforeunload, no save): the copy is offered when the article is opened again.
      await page.close({ runBeforeUnload: false });
      const again = await context.newPage();
      await again.goto(`${origin}/admin/articles/${id}`);
      await again.locator('.local-copy', { hasText: 'না-সংরক্ষিত কপি' }).waitFor();
      await again.getByRole('button', { name: 'ফিরিয়ে আনুন' }).click();
      assert.equal(await again.getByLabel('শিরোনাম', { exact: true }).inputValue(), 'প্রকাশিত খবরে অসংরক্ষিত বদল');
      // Closing the tab with the changes asks first.
      const kinds: string[] = [];
      again.on('dialog', (dialog) => {
        kinds.push(dialog.type());
        void dialog.accept();
      });
      await again.close({ runBeforeUnload: true });
      await new Promise<void>((resolve) => (again.isClosed() ? resolve() : again.once('close', () => resolve())));
      assert.deepEqual(kinds, ['beforeunload']);
      await done();
    });

    test(
      'the keyboard: focus after sign-in, one Tab to a skip link that lands on the headline; the schedule typed in the house format',
      { timeout: 120_000 },
      async () => {
        const { page, done } = await open('keyboard');
        // After sign-in the focus is on the screen's heading, not lost on the page.
        await page.waitForFunction(() => document.activeElement?.tagName === 'H1', undefined, { timeout: 5_000 });
        assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'ডেস্ক');

        // A new article starts in the headline.
        await page.getByRole('link', { name: 'নতুন প্রতিবেদন' }).first().click();
        await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'headline', undefined, { timeout: 5_000 });
        const id = await newDraft(page, 'কিবোর্ডে সম্পাদনা');

        // An existing article, from the top of the page: Tab, Enter, and the caret is in the headline.
        await page.goto(`${origin}/admin/articles/${id}`);
        await page.getByLabel('শিরোনাম', { exact: true }).waitFor();
        await page.evaluate(() => {
          document.body.tabIndex = -1;
          document.body.focus();
        });
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
        assert.ok(await page.locator('.skip-link').isVisible(), 'the skip link shows when focused');
        assert.equal(await page.locator('.skip-link').innerText(), 'শিরোনামে যান', 'on the editor it says where it goes');
        await page.keyboard.press('Enter');
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'headline');

        // The schedule time is set with the keyboard alone, in fields in the house order that show
        // Bengali digits whatever was typed, and is read out in the house format (Asia/Dhaka).
        await page.getByRole('group', { name: 'প্রকাশের সময় (Asia/Dhaka)' }).getByLabel('দিন').focus();
        const type = async (text: string) => {
          await page.keyboard.press('Control+a');
          await page.keyboard.type(text);
          await page.keyboard.press('Tab');
        };
        await type('13');
        await page.keyboard.press('Home'); // the month: January, then eight down
        for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Tab');
        await type('২০৩০');
        await type('4');
        await type('57');
        await page.keyboard.press('End'); // পিএম
        const when = page.locator('.schedule .when');
        assert.deepEqual(await when.locator('input').evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement).value)), ['১৩', '২০৩০', '০৪', '৫৭']);
        assert.equal(await page.locator('#schedule-shown').innerText(), 'নির্ধারিত সময়: ১৩ সেপ্টেম্বর ২০৩০, ০৪:৫৭ পিএম');
        // A day the month does not have is not a time: nothing to schedule until it is put right.
        await when.getByLabel('দিন').fill('৩১');
        assert.equal(await page.locator('#schedule-shown').count(), 0);
        assert.ok(await page.getByRole('button', { name: 'নির্ধারণ করুন' }).isDisabled());
        await done();
      },
    );
  });
}
