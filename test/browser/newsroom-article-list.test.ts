/// <reference lib="dom" />
// সব খবর in a real browser: an editor opens the list from the navigation, filters by status and by a
// section with sub-sections (the address keeps the filters, Back undoes one), searches by headline,
// by number and by a pasted reader link, pages forward without losing or repeating an article, and
// opens one in the editor. A screenshot of the list at 1280 px goes to test-results/screenshots.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { DIALECTS, type TestDatabase } from '../helpers/databases.ts';
import { browserUnavailable } from '../helpers/browser.ts';
import { AdminClient } from '../helpers/admin-client.ts';
import { signIn, newsroomInBrowser, closeNewsroomInBrowser, SCREENSHOTS } from '../helpers/newsroom-browser.ts';
import { toAsciiDigits } from '../../src/bangla/digits.ts';
import type { App } from '../../src/app.ts';

const skip = browserUnavailable();
const OWNER = { name: 'সম্পাদক মালিক', email: 'owner@prokash.test', password: 'owner-password-1' };
// Published in এশিয়া by the test (the demo's own articles may change).
const HEADLINE = 'কর্ণফুলীর চরে নতুন পাঠশালা খুলল';
const DRAFTS = 57; // more than one page of 50
const WORLD = ['আন্তর্জাতিক', 'এশিয়া', 'ইউরোপ', 'আমেরিকা'];

interface Row {
  id: number;
  status: string;
  headline: string;
  section: string;
}

/** The list's rows as drawn: number (Bengali digits read back), status badge, headline, section. */
async function rows(page: Page): Promise<Row[]> {
  return page
    .locator('.list-table tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim());
        return { id: 0, idText: cells[5] ?? '', status: tr.querySelector('.badge')?.textContent ?? '', headline: cells[1] ?? '', section: cells[2] ?? '' };
      }),
    )
    .then((found) => found.map(({ idText, ...row }) => ({ ...row, id: Number(toAsciiDigits(idText)) })));
}

for (const dialect of DIALECTS) {
  describe(`the article list in a browser (${dialect})`, { skip }, () => {
    let t: TestDatabase | undefined;
    let app: App | undefined;
    let browser: Browser | undefined;
    let origin: string;
    let owner: AdminClient;
    let articleId = 0;
    const drafts: number[] = [];

    before(async () => {
      ({ t, app, origin, browser } = await newsroomInBrowser(dialect));
      owner = await AdminClient.setup(app.server, OWNER.name, OWNER.email, OWNER.password);
      const sectionId = async (path: string) => (await t!.db.selectFrom('sections').select('id').where('path', '=', path).executeTakeFirstOrThrow()).id;
      const national = await sectionId('national');
      const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'খসড়ার বিবরণ।' }] }] };
      const desk = await t.db.selectFrom('people').select('id').where('kind', '=', 'desk').orderBy('id').executeTakeFirstOrThrow();
      const asia = { sectionId: await sectionId('world/asia'), headline: HEADLINE, body, tags: [], byline: { kind: 'desk', personIds: [desk.id] } };
      articleId = (await owner.call('POST', '/api/admin/articles', asia, 201)).article.id;
      await owner.call('POST', `/api/admin/articles/${articleId}/publish`, undefined, 200);
      for (let i = 1; i <= DRAFTS; i++) {
        const made = await owner.call('POST', '/api/admin/articles', { sectionId: national, headline: `পরীক্ষার খসড়া ${i}`, body, tags: [] }, 201);
        drafts.push(made.article.id);
      }
    });
    after(async () => {
      await closeNewsroomInBrowser({ t, app, browser });
    });

    test('filter, search, page forward and open an article from সব খবর', { timeout: 90_000 }, async () => {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'bn-BD' });
      const page = await context.newPage();
      const problems: string[] = [];
      const external: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (r) => {
        if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) external.push(r.url());
      });
      const list = page.locator('.list-table tbody tr');
      /** Waits for the list the address names to be drawn (the results say which address they answer). */
      const drawn = async () => {
        const search = new URL(page.url()).search;
        await page.locator(`.list-results[aria-busy="false"][data-search="${search}"]`).waitFor();
      };
      const address = () => new URL(page.url());
      // A select's name is its label and its chosen option: matched by how it starts.
      const status = page.getByRole('combobox', { name: /^অবস্থা/ });
      const section = page.getByRole('combobox', { name: /^বিভাগ/ });
      try {
        await signIn(page, origin, OWNER);
        await page.getByRole('link', { name: 'সব খবর' }).click();
        await page.getByRole('heading', { name: 'সব খবর' }).waitFor();
        await drawn();
        assert.equal(address().pathname, '/admin/articles');
        assert.equal(await list.count(), 50, 'a page of fifty, newest change first');
        await page.screenshot({ path: `${SCREENSHOTS}/newsroom-articles-1280${dialect === 'sqlite' ? '' : `-${dialect}`}.png` });

        // Status: published only, listed by publication (the time column and the date labels say so).
        await status.selectOption({ label: 'প্রকাশিত' });
        await page.waitForURL(/status=published/);
        await drawn();
        assert.ok((await rows(page)).every((r) => r.status === 'প্রকাশিত'));
        await page.getByRole('columnheader', { name: 'প্রকাশ', exact: true }).waitFor();
        await page.getByLabel('প্রকাশ: যেদিন থেকে').waitFor();

        // …and a section with sub-sections: আন্তর্জাতিক brings এশিয়া's articles with it.
        await section.selectOption({ label: 'আন্তর্জাতিক' });
        await page.waitForURL(/sectionId=\d+/);
        await drawn();
        const world = await rows(page);
        assert.ok(world.length > 0 && world.every((r) => r.status === 'প্রকাশিত' && WORLD.includes(r.section)), JSON.stringify(world.slice(0, 3)));
        assert.ok(
          world.some((r) => r.id === articleId),
          'the এশিয়া article is in আন্তর্জাতিক',
        );
        const api = await owner.call<{ items: Array<{ id: number }> }>('GET', `/api/admin/articles${address().search}&order=published`, undefined, 200);
        assert.deepEqual(
          world.map((r) => r.id),
          api.items.map((i) => i.id),
          'the rows are the API’s answer for the address, by publication',
        );

        // Back undoes the section; the status stays.
        await page.goBack();
        await page.waitForURL((url) => !url.search.includes('sectionId') && url.search.includes('status=published'));
        await drawn();
        assert.equal(await section.inputValue(), '');
        assert.ok((await rows(page)).some((r) => !WORLD.includes(r.section)));

        // Search by headline, then by number in Bengali digits, then by a pasted reader link.
        await page.getByRole('link', { name: 'সব ফিল্টার মুছুন' }).click();
        await page.waitForURL((url) => url.pathname === '/admin/articles' && url.search === '');
        const search = page.getByLabel('খুঁজুন: শিরোনাম, নম্বর বা লিংক');
        const inBengaliDigits = String(articleId).replace(/\d/g, (d) => String.fromCharCode(0x09e6 + Number(d)));
        for (const typed of ['চরে নতুন পাঠশালা', inBengaliDigits, `${origin}/world/asia/${articleId}`]) {
          await search.fill(typed);
          await search.press('Enter');
          await page.waitForURL((url) => url.searchParams.get('q') === typed);
          await drawn();
          const found = await rows(page);
          assert.deepEqual(
            found.map((r) => [r.id, r.headline]),
            [[articleId, HEADLINE]],
            typed,
          );
        }
        await page.getByRole('link', { name: 'সব ফিল্টার মুছুন' }).click();
        await page.waitForURL((url) => url.search === '');
        assert.equal(await search.inputValue(), '', 'the search box follows the address');

        // Drafts: more than a page. The next page follows the cursor; together they are every draft once.
        await status.selectOption({ label: 'খসড়া' });
        await page.waitForURL(/status=draft/);
        await drawn();
        const first = await rows(page);
        assert.equal(first.length, 50);
        await page.getByRole('link', { name: 'পরের পাতা' }).click();
        await page.waitForURL(/cursor=.*page=2/);
        await drawn();
        await page.getByText('পাতা ২').waitFor();
        const second = await rows(page);
        assert.equal(second.length, DRAFTS - 50);
        assert.equal(await page.getByRole('link', { name: 'পরের পাতা' }).count(), 0, 'no page after the last');
        assert.deepEqual(
          [...first, ...second].map((r) => r.id).sort((a, b) => a - b),
          [...drafts].sort((a, b) => a - b),
          'every draft exactly once across the two pages',
        );

        // Open one from the list: the editor shows it; Back returns to the same page of the list.
        const chosen = second[0]!;
        await page.getByRole('link', { name: chosen.headline }).click();
        await page.waitForURL(new RegExp(`/admin/articles/${chosen.id}$`));
        assert.equal(await page.getByLabel('শিরোনাম', { exact: true }).inputValue(), chosen.headline);
        await page.goBack();
        await page.waitForURL(/status=draft.*cursor=.*page=2/);
        await drawn();
        assert.deepEqual(
          (await rows(page)).map((r) => r.id),
          second.map((r) => r.id),
        );
      } catch (error) {
        await page.screenshot({ path: `${SCREENSHOTS}/newsroom-articles-failure-${dialect}.png`, fullPage: true });
        throw error;
      }
      assert.deepEqual(external, [], 'no request leaves the site');
      assert.deepEqual(problems, [], 'no console errors');
      await context.close();
    });
  });
}
