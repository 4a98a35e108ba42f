/// <reference lib="dom" />
// The article editor with the keyboard alone, in English, and its photo credits (issue 16, points 4,
// 6 and 9, and "the editor fully usable with the keyboard"): the first field has the focus after
// sign-in; the headline is two key presses from the top; every toolbar button is reached with Tab
// and the arrow keys and works with Enter and Space; every focus is visible; refusals read in English
// for someone who chose English, at the field at fault; a credit typed with its own prefix shows once.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DIALECTS, type TestDatabase } from '../helpers/databases.ts';
import { browserUnavailable } from '../helpers/browser.ts';
import { AdminClient } from '../helpers/admin-client.ts';
import { axeViolations, formatViolations } from '../helpers/axe.ts';
import { fillSchedule, signIn, newsroomInBrowser, closeNewsroomInBrowser, SCREENSHOTS } from '../helpers/newsroom-browser.ts';
import type { App } from '../../src/app.ts';

const skip = browserUnavailable();
const OWNER = { name: 'সম্পাদক', email: 'owner@prokash.test', password: 'owner-password-1' };
const BENGALI = /[\u0980-\u09FF]/u;

/** What has the focus: its tag, name, label text and class, enough to tell the fields apart. */
function focused(page: Page): Promise<{ tag: string; name: string; label: string; className: string; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? '',
      name: el?.getAttribute('name') ?? '',
      label: el?.getAttribute('aria-label') ?? '',
      className: typeof el?.className === 'string' ? el.className : '',
      text: el?.innerText.trim() ?? '',
    };
  });
}

/** Whether the focused element shows that it has the focus: an outline or a ring of at least 2 px. */
function focusShows(page: Page): Promise<{ visible: boolean; what: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const ring = style.boxShadow !== 'none' && /\d+px/.test(style.boxShadow);
    return { visible: outline || ring, what: `${el.tagName}.${el.className} "${el.getAttribute('aria-label') ?? el.innerText.slice(0, 30)}"` };
  });
}

for (const dialect of DIALECTS) {
  describe(`the editor with the keyboard, in English, and its credits (${dialect})`, { skip }, () => {
    let t: TestDatabase | undefined;
    let app: App | undefined;
    let browser: Browser | undefined;
    let origin: string;
    let admin: AdminClient;
    let articleId: number;
    let imageId: number;

    before(async () => {
      ({ t, app, origin, browser } = await newsroomInBrowser(dialect));
      admin = await AdminClient.setup(app.server, OWNER.name, OWNER.email, OWNER.password);
      const section = await t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow();
      const desk = await t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow();
      const image = (await admin.call('GET', '/api/admin/media?limit=1', undefined, 200)).items[0];
      imageId = image.id;
      // The library's credit, typed with its own prefix as photographers' captions often come.
      await admin.call('PATCH', `/api/admin/media/${imageId}`, { caption: 'নদীর পাড়ে সকাল।', credit: 'ছবি : প্রকাশ' }, 200);
      const { article } = await admin.call(
        'POST',
        '/api/admin/articles',
        {
          sectionId: section.id,
          headline: 'কিবোর্ডে লেখা খবর',
          byline: { kind: 'desk', personIds: [desk.id] },
          imageId,
          body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'প্রথম অনুচ্ছেদ।' }] }] },
        },
        201,
      );
      articleId = article.id;
    });
    after(async () => {
      await closeNewsroomInBrowser({ t, app, browser });
    });

    async function open(name: string, options: { signIn?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; done: () => Promise<void> }> {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      if (options.signIn !== false) await signIn(page, origin, OWNER);
      return {
        context,
        page,
        done: async () => {
          await page.screenshot({ path: `${SCREENSHOTS}/newsroom-keyboard-${name}-${dialect}.png` }).catch(() => undefined);
          await context.close();
          assert.deepEqual(problems, [], 'no script errors');
        },
      };
    }

    /** Focus at the very top of the page, as after loading it. */
    async function fromTheTop(page: Page): Promise<void> {
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        document.body.tabIndex = -1;
        document.body.focus();
        document.body.removeAttribute('tabindex');
      });
    }

    test('sign-in with the keyboard: the first field has the focus, before and after', { timeout: 60_000 }, async () => {
      const { page, done } = await open('sign-in', { signIn: false });
      // The sign-in screen starts in its first field.
      await page.goto(`${origin}/admin`);
      await page.getByLabel('ইমেইল').waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'email', undefined, { timeout: 5_000 });
      await page.keyboard.type(OWNER.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(OWNER.password);
      await page.keyboard.press('Enter');
      await page.locator('.desk-grid').waitFor();
      // The desk has no field: its heading has the focus, not the page.
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1', undefined, { timeout: 5_000 });

      // Signing in on the editor's address lands in its first field, the headline.
      await page.getByRole('button', { name: 'সাইন আউট' }).click();
      await page.goto(`${origin}/admin/articles/new`);
      await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'email', undefined, { timeout: 5_000 });
      await page.keyboard.type(OWNER.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(OWNER.password);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'headline', undefined, { timeout: 5_000 });
      await done();
    });

    test('from the top of the editor: the headline in two key presses; every focus visible', { timeout: 90_000 }, async (context) => {
      const { page, done } = await open('top');
      await page.goto(`${origin}/admin/articles/${articleId}`);
      await page.getByLabel('শিরোনাম', { exact: true }).waitFor();

      // Tab alone, counted, for the record: how far the headline is without the skip link.
      await fromTheTop(page);
      let tabs = 0;
      while ((await focused(page)).name !== 'headline') {
        assert.ok(++tabs <= 60, 'the headline is reached by Tab at all');
        await page.keyboard.press('Tab');
      }
      context.diagnostic(`Tab alone reaches the headline after ${tabs} presses`);

      // With the skip link: Tab, Enter.
      await fromTheTop(page);
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).text, 'শিরোনামে যান', 'the first Tab stop is the skip link');
      assert.ok(await page.locator('.skip-link').isVisible(), 'the skip link is seen when focused');
      await page.keyboard.press('Enter');
      assert.equal((await focused(page)).name, 'headline', 'Tab and Enter: the caret is in the headline');

      // Every Tab stop from the top to the end of the editor's fields shows its focus.
      await fromTheTop(page);
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if ((await focused(page)).tag === 'BODY') break; // past the last Tab stop
        const shows = await focusShows(page);
        assert.ok(shows.visible, `the focus is visible on ${shows.what} (Tab ${i + 1})`);
      }
      await done();
    });

    test('every toolbar button: reached with Tab and the arrow keys, worked with Enter and Space', { timeout: 120_000 }, async () => {
      const { page, done } = await open('toolbar');
      await page.goto(`${origin}/admin/articles/${articleId}`);
      const body = page.locator('.body-editor');
      await body.waitFor();
      const toolbar = page.getByRole('toolbar');
      const names = await toolbar.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
      assert.ok(names.length >= 15, `the toolbar's buttons: ${names.join(', ')}`);

      // From the summary, Tab enters the toolbar once, at its first button; the next Tab leaves it for the body.
      await page.getByLabel('সারসংক্ষেপ').focus();
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).label, names[0], 'Tab enters the toolbar at its first button');
      assert.ok((await focusShows(page)).visible, 'the button shows its focus');
      // The arrow keys visit every enabled button, in order, and wrap; Home and End go to the ends.
      const enabled = await toolbar
        .getByRole('button')
        .evaluateAll((buttons) => buttons.filter((b) => !(b as HTMLButtonElement).disabled).map((b) => b.getAttribute('aria-label') ?? ''));
      const visited = [(await focused(page)).label];
      for (let i = 1; i < enabled.length; i++) {
        await page.keyboard.press('ArrowRight');
        visited.push((await focused(page)).label);
        assert.ok((await focusShows(page)).visible, `the focus shows on ${visited.at(-1)}`);
      }
      assert.deepEqual(visited, enabled);
      await page.keyboard.press('ArrowRight');
      assert.equal((await focused(page)).label, enabled[0], 'ArrowRight wraps to the first');
      await page.keyboard.press('ArrowLeft');
      assert.equal((await focused(page)).label, enabled.at(-1), 'ArrowLeft wraps to the last');
      await page.keyboard.press('Home');
      assert.equal((await focused(page)).label, enabled[0]);
      await page.keyboard.press('End');
      assert.equal((await focused(page)).label, enabled.at(-1));
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).className.includes('ProseMirror'), true, 'one Tab leaves the toolbar for the body');
      // Shift+Tab comes back to the button used last; Escape returns to the text.
      await page.keyboard.press('Shift+Tab');
      assert.equal((await focused(page)).label, enabled.at(-1), 'back at the button used last');
      await page.keyboard.press('Escape');
      // The editor takes the focus on the next frame.
      await page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'), undefined, { timeout: 3_000 });

      type Options = { caret?: boolean; here?: boolean };
      /**
       * Back in the body (its first block, or where the caret is when `here`; the block's text selected
       * unless `caret`), Alt+F10 to
       * the toolbar, the arrow keys to the button showing `shows`, and `key` pressed on it.
       */
      const press = async (shows: string, key: 'Enter' | ' ', options: Options = {}) => {
        if (options.here) await page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'), undefined, { timeout: 3_000 });
        else {
          await body.locator(':scope > :not(.ProseMirror-widget)').first().click();
          await page.keyboard.press('End');
        }
        if (!options.caret) {
          await page.keyboard.press('Shift+Home');
          // The editor learns of a selection made with keys on the browser's next selectionchange event;
          // a test faster than a person waits for it (Tiptap hangs itself on its element as `editor`).
          await page.waitForFunction(
            () => {
              const editor = (document.querySelector('.ProseMirror') as unknown as { editor?: { state: { selection: { empty: boolean } } } }).editor;
              return editor !== undefined && !editor.state.selection.empty;
            },
            undefined,
            { timeout: 3_000 },
          );
        }
        // Alt+F10, as in other editors: in a list Shift+Tab lifts the item out of the list instead.
        await page.keyboard.press('Alt+F10');
        assert.ok(await page.evaluate(() => document.activeElement?.closest('[role="toolbar"]') !== null), 'Alt+F10 from the body is in the toolbar');
        await page.keyboard.press('Home');
        for (let i = 0; i < 30 && (await focused(page)).text !== shows; i++) await page.keyboard.press('ArrowRight');
        assert.equal((await focused(page)).text, shows, `the arrow keys reach ${shows}`);
        await page.keyboard.press(key);
      };
      const count = (selector: string) => page.locator(`.body-editor ${selector}`).count();
      const visible: string[] = [];
      const pressedOn = async (shows: string, key: 'Enter' | ' ', options: Options = {}) => {
        visible.push(shows);
        await press(shows, key, options);
      };

      await pressedOn('B', 'Enter');
      assert.equal(await count('strong'), 1, `B with Enter makes the selection bold: ${await body.innerHTML()}`);
      await pressedOn('I', ' ');
      assert.equal(await count('em'), 1, `I with Space makes it italic: ${await body.innerHTML()}`);
      // Each block button with Enter, and back with it (or with ¶) by Space.
      for (const [shows, selector, back] of [
        ['H2', 'h2', '¶'],
        ['H3', 'h3', '¶'],
        ['H4', 'h4', '¶'],
        ['❝', 'blockquote', '❝'],
        ['•≡', 'ul', '•≡'],
        ['১≡', 'ol', '১≡'],
      ] as const) {
        await pressedOn(shows, 'Enter');
        assert.equal(await count(selector), 1, `${shows} with Enter`);
        await pressedOn(back, ' ');
        assert.equal(await count(selector), 0, `${back} with Space undoes ${shows}: ${await body.innerHTML()}`);
      }
      await pressedOn('—', 'Enter', { caret: true });
      assert.equal(await count('hr'), 1, 'the rule');
      await pressedOn('↶', 'Enter', { caret: true });
      assert.equal(await count('hr'), 0, 'undo');
      await pressedOn('↷', ' ', { caret: true });
      assert.equal(await count('hr'), 1, 'redo');

      // The link: a form whose field has the caret; Enter applies it.
      await body.locator(':scope > :not(.ProseMirror-widget)').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Avgvi †mvbvi evsjv');
      await pressedOn('লিংক', 'Enter', { here: true });
      await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.placeholder === 'https://', undefined, { timeout: 3_000 });
      await page.keyboard.type('/world/asia');
      await page.keyboard.press('Enter');
      assert.equal(await count('a[href="/world/asia"]'), 1, 'the link is made');
      // Bijoy → Unicode on the selection.
      await pressedOn('বিজয়→ইউনিকোড', 'Enter', { here: true });
      await page.waitForFunction(() => document.querySelector('.body-editor')?.textContent.includes('আমার সোনার বাংলা'), undefined, { timeout: 3_000 });
      // The embed form: Escape-free, its Cancel reached with Tab.
      await pressedOn('এমবেড', ' ', { caret: true });
      await page.waitForFunction(() => document.activeElement?.closest('.toolbar-form') !== null, undefined, { timeout: 3_000 });
      await page.keyboard.type('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
      await page.keyboard.press('Enter');
      await page.locator('.body-editor .body-embed-youtube').waitFor({ timeout: 3_000 });
      // A form left with Escape: closed, and the caret back in the text.
      await pressedOn('লিংক', ' ', { caret: true });
      await page.waitForFunction(() => document.activeElement?.closest('.toolbar-form') !== null, undefined, { timeout: 3_000 });
      await page.keyboard.press('Escape');
      await page.locator('.toolbar-form').waitFor({ state: 'detached', timeout: 3_000 });
      await page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'), undefined, { timeout: 3_000 });
      // The library: a dialog, closed with Escape.
      await pressedOn('ছবি', 'Enter', { caret: true });
      await page.locator('dialog[open]').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('dialog[open]').waitFor({ state: 'detached', timeout: 3_000 });

      // Every button was reached and used.
      const shown = await toolbar.getByRole('button').allInnerTexts();
      assert.deepEqual(
        shown.filter((text) => !visible.includes(text)),
        [],
        'no button left untried',
      );
      await done();
    });

    test('refusals in English for someone who chose English: the field marked, described and focused', { timeout: 120_000 }, async () => {
      const { page, done } = await open('english');
      const localeSaved = () => page.waitForResponse((r) => r.url().includes('/api/admin/users/') && r.request().method() === 'PATCH');
      await Promise.all([localeSaved(), page.getByRole('button', { name: 'English' }).click()]);
      try {
        await page.getByRole('link', { name: 'New article' }).first().click();
        const headline = page.getByLabel('Headline', { exact: true });
        const errorBox = page.locator('.error-box');
        const describedText = async (field: ReturnType<Page['getByLabel']>) => {
          const ids = (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
          return (await Promise.all(ids.map((id) => page.locator(`#${id}`).innerText()))).join(' ');
        };

        // An over-long headline.
        await headline.fill('ক'.repeat(301));
        await page.getByLabel('Summary').click();
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'headline', undefined, { timeout: 5_000 });
        assert.equal(await headline.getAttribute('aria-invalid'), 'true');
        assert.equal(await describedText(headline), 'At most 300 characters.');
        assert.doesNotMatch(await errorBox.innerText(), BENGALI, `in English: ${await errorBox.innerText()}`);
        let violations = await axeViolations(page, 'editor refusing a headline, in English');
        assert.equal(violations.length, 0, formatViolations(violations));

        // No section: publishing points at the section.
        await headline.fill('A story without a section');
        const desk = page.locator('.byline-picker select');
        await desk.locator('option').nth(1).waitFor({ state: 'attached' });
        await desk.selectOption({ index: 1 });
        await page.locator('.body-editor').click();
        await page.keyboard.type('Some text.');
        await page.getByRole('button', { name: 'Publish' }).click();
        const section = page.getByLabel('Section');
        await page.waitForFunction(() => document.activeElement?.getAttribute('data-field') === 'sectionId', undefined, { timeout: 5_000 });
        assert.equal(await section.getAttribute('aria-invalid'), 'true');
        assert.equal(await describedText(section), 'Fill in this field.');
        assert.equal(await headline.getAttribute('aria-invalid'), null, 'the headline is no longer marked');
        const box = await errorBox.innerText();
        assert.doesNotMatch(box, BENGALI, `in English: ${box}`);
        assert.match(box, /Section/, `the box names the field: ${box}`);

        // A schedule in the past points at the time.
        await section.selectOption({ index: 1 });
        await fillSchedule(page, '2020-01-01T10:00');
        await page.getByRole('button', { name: 'Schedule', exact: true }).click();
        await page.waitForFunction(() => document.activeElement?.matches('.when-day input'), undefined, { timeout: 5_000 });
        const day = page.locator('.schedule .when-day input');
        assert.equal(await day.getAttribute('aria-invalid'), 'true');
        assert.equal(await page.locator('.schedule .when [aria-invalid="true"]').count(), 6);
        assert.equal(await page.locator('#field-error-at').innerText(), 'The publication time must be later than now.');
        assert.doesNotMatch(await errorBox.innerText(), BENGALI, `in English: ${await errorBox.innerText()}`);
        violations = await axeViolations(page, 'editor refusing a schedule, in English');
        assert.equal(violations.length, 0, formatViolations(violations));
      } finally {
        await Promise.all([localeSaved(), page.getByRole('button', { name: 'বাংলা' }).click()]);
      }
      await done();
    });

    test('a credit typed with its own prefix shows once in the photo panel, the library and the body', { timeout: 90_000 }, async () => {
      const { page, done } = await open('credits');
      await page.goto(`${origin}/admin/articles/${articleId}`);
      const lead = page.locator('.lead-image figcaption');
      assert.equal(await lead.innerText(), 'নদীর পাড়ে সকাল। — ছবি : প্রকাশ');
      // The article's own credit goes in its field as typed (the page prints it once-prefixed; the
      // panel's figure stays the library's photo with its own credit, newsroom-screens holds that).
      const credit = page.locator('.lead-image').getByLabel('এই প্রতিবেদনে ক্রেডিট');
      await credit.fill('Photo: AFP');
      assert.equal(await credit.inputValue(), 'Photo: AFP');
      assert.equal(await lead.innerText(), 'নদীর পাড়ে সকাল। — ছবি : প্রকাশ');

      // A photo put in the body from the library, with the keyboard.
      await page.locator('.body-editor p').last().click();
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Home');
      for (let i = 0; i < 30 && (await focused(page)).text !== 'ছবি'; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      const tile = page.locator('dialog .media-tile').first();
      await tile.waitFor();
      assert.equal(await tile.locator('.media-credit').innerText(), 'ছবি : প্রকাশ', 'the library shows the credit once');
      await tile.focus();
      await page.keyboard.press('Enter');
      const figure = page.locator('.body-editor figure figcaption');
      await figure.waitFor();
      assert.equal(await figure.innerText(), 'নদীর পাড়ে সকাল। — ছবি : প্রকাশ');
      await page.locator('.body-editor figure img').click();
      await page.locator('.image-panel').getByLabel('ক্রেডিট').fill('ছবিঃ রয়টার্স');
      assert.equal(await figure.innerText(), 'নদীর পাড়ে সকাল। — ছবি : রয়টার্স');

      // The media library screen.
      await page.getByRole('button', { name: 'সংরক্ষণ', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'সংরক্ষিত হয়েছে।' }).waitFor();
      await page.getByRole('navigation').getByRole('link', { name: 'ছবি', exact: true }).click();
      await page.locator('.media-credit').first().waitFor();
      const credits = await page.locator('.media-credit').allInnerTexts();
      assert.ok(credits.includes('ছবি : প্রকাশ'), credits.join(' | '));
      for (const c of credits) assert.doesNotMatch(c, /ছবি\s*(?::|ঃ)\s*ছবি/u);
      await done();
    });
  });
}
