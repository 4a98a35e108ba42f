// Issue 16, point 10: on a new or quiet site জনপ্রিয় widens its window (a day, a week, a month) and
// says which, and is left out rather than repeat সর্বশেষ: never two tabs with one list.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/databases.ts';
import { TEST_NOW, useTestApp } from './helpers/app.ts';

const ARTICLE = '/world/asia/251042';
const HOUR = 3600_000;

/** The headlines of one tab panel on a page, in order (none when the panel is not there). */
function panel(html: string, name: 'latest' | 'popular'): { titles: string[]; html: string } {
  const start = html.search(new RegExp(`class="[^"]*\\btabs__panel--${name}\\b`)); // the element, not the stylesheet's rule
  if (start < 0) return { titles: [], html: '' };
  const part = html.slice(start, html.indexOf('</div>', start));
  return { titles: [...part.matchAll(/class="numbered__link"[^>]*>([^<]+)</g)].map((m) => m[1]!), html: part };
}

for (const dialect of DIALECTS) {
  describe(`the জনপ্রিয় tab on a quiet site (${dialect})`, () => {
    const ctx = useTestApp(dialect);
    let latest: Array<{ id: number; headline: string; kicker: string }> = [];
    let older: Array<{ id: number; headline: string; kicker: string }> = [];
    const title = (a: { headline: string; kicker: string }) => (a.kicker ? `${a.kicker} / ${a.headline}` : a.headline);

    /** Counted views `hoursAgo` before the test's now, then a recomputation as the site's timer does it. */
    async function read(views: Array<[id: number, count: number]>, hoursAgo: number): Promise<void> {
      const hour = new Date(Date.parse(TEST_NOW) - hoursAgo * HOUR).toISOString().slice(0, 13);
      for (const [article_id, count] of views) await ctx.t.db.insertInto('view_counts').values({ article_id, hour, views: count }).execute();
      await ctx.app.popular.recompute();
    }
    const page = async () => (await ctx.get(ARTICLE)).body;

    before(async () => {
      const all = (await ctx.get('/api/v1/articles?limit=50')).json().items as Array<{ id: number; headline: string; kicker: string }>;
      latest = all.slice(0, 20);
      older = all.slice(20);
      assert.ok(older.length >= 14, `the demo has ${all.length} articles`);
    });

    test('nothing read yet: সর্বশেষ alone, no জনপ্রিয় tab repeating it', async () => {
      const html = await page();
      assert.ok(html.includes('class="tabs tabs--alone"'));
      assert.ok(!html.includes('id="tab-popular"'), 'no second tab');
      assert.deepEqual(panel(html, 'latest').titles, latest.map(title));
    });

    test('read only weeks ago: the month’s most read, said so, with no page to link to', async () => {
      await read(
        [
          [older[0]!.id, 9],
          [older[1]!.id, 7],
          [older[2]!.id, 4],
        ],
        20 * 24,
      );
      assert.deepEqual(ctx.app.popular.ids('24h'), []);
      assert.deepEqual(ctx.app.popular.ids('7d'), []);
      assert.deepEqual(ctx.app.popular.ids('30d'), [older[0]!.id, older[1]!.id, older[2]!.id]);
      const popular = panel(await page(), 'popular');
      assert.match(popular.html, /<p class="tabs__note">এই মাসে সবচেয়ে পঠিত<\/p>/);
      assert.deepEqual(popular.titles, older.slice(0, 3).map(title));
      assert.ok(!popular.html.includes('tabs__more'), 'no /popular page counts a month');
    });

    test('read this week: the week’s most read, said so, linking to the week’s page; the month is no longer ranked', async () => {
      await read(
        older.slice(3, 9).map((a, i) => [a.id, 50 - i]),
        3 * 24,
      );
      assert.equal(ctx.app.popular.ids('7d').length, 6);
      assert.deepEqual(ctx.app.popular.ids('30d'), [], 'the week has enough: the month is not summed');
      const popular = panel(await page(), 'popular');
      assert.match(popular.html, /<p class="tabs__note">এই সপ্তাহে সবচেয়ে পঠিত<\/p>/);
      assert.deepEqual(popular.titles, older.slice(3, 9).map(title));
      assert.match(popular.html, /<a class="tabs__more" href="\/popular\?window=7d">/);
      const week = (await ctx.get('/popular?window=7d')).body;
      assert.ok(week.includes(older[3]!.headline) && week.includes('গত ৭ দিনে সবচেয়ে বেশি পড়া খবর'));
    });

    test('enough read today: the day’s most read', async () => {
      await read(
        older.slice(9, 14).map((a, i) => [a.id, 100 - i]),
        2,
      );
      const popular = panel(await page(), 'popular');
      assert.match(popular.html, /<p class="tabs__note">গত ২৪ ঘণ্টায় সবচেয়ে পঠিত<\/p>/);
      assert.deepEqual(popular.titles, older.slice(9, 14).map(title));
      assert.match(popular.html, /<a class="tabs__more" href="\/popular">/);
    });

    test('the most read are the latest, in their order: সর্বশেষ alone again', async () => {
      await ctx.t.db.deleteFrom('view_counts').execute();
      await read(
        [
          [latest[0]!.id, 30],
          [latest[1]!.id, 20],
          [latest[2]!.id, 10],
        ],
        1,
      );
      assert.deepEqual(ctx.app.popular.ids('24h'), [latest[0]!.id, latest[1]!.id, latest[2]!.id]);
      const html = await page();
      assert.ok(html.includes('class="tabs tabs--alone"'), 'জনপ্রিয় would be সর্বশেষ over again');
      assert.ok(!html.includes('id="tab-popular"'));
      // In another order it is a list of its own.
      await read([[latest[2]!.id, 25]], 2);
      assert.deepEqual(panel(await page(), 'popular').titles, [latest[2]!, latest[0]!, latest[1]!].map(title));
    });
  });
}
