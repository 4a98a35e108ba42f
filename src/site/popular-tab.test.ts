import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RankingWindow } from '../engage/views/popular-lists.ts';
import { choosePopularTab, repeatsLatest } from './popular-tab.ts';

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

/** The ranking in memory per window, and a fetch that returns every id as a public article. */
function ranking(lists: Partial<Record<RankingWindow, number[]>>) {
  const fetched: number[][] = [];
  const ids = (window: RankingWindow) => lists[window] ?? [];
  const fetch = (some: readonly number[]) => (fetched.push([...some]), Promise.resolve(some.map((id) => ({ id }))));
  return { ids, fetch, fetched };
}

describe('which window the জনপ্রিয় tab shows', () => {
  const cases: Array<{ name: string; lists: Partial<Record<RankingWindow, number[]>>; window?: RankingWindow; label?: string; href?: string; count?: number }> =
    [
      {
        name: 'a busy day: the day',
        lists: { '24h': range(1, 8), '7d': range(1, 30) },
        window: '24h',
        label: 'গত ২৪ ঘণ্টায় সবচেয়ে পঠিত',
        href: '/popular',
        count: 8,
      },
      {
        name: 'a quiet day: the week',
        lists: { '24h': [1, 2], '7d': range(1, 12) },
        window: '7d',
        label: 'এই সপ্তাহে সবচেয়ে পঠিত',
        href: '/popular?window=7d',
        count: 12,
      },
      {
        name: 'a quiet week: the month, with no page of its own',
        lists: { '7d': [3], '30d': range(1, 9) },
        window: '30d',
        label: 'এই মাসে সবচেয়ে পঠিত',
        href: '',
        count: 9,
      },
      { name: 'too few anywhere: the window with the most', lists: { '24h': [1], '7d': [1, 2, 3], '30d': [1, 2] }, window: '7d', count: 3 },
      { name: 'a wider window adding nothing: the narrower', lists: { '24h': [1, 2], '7d': [1, 2], '30d': [1, 2] }, window: '24h', count: 2 },
      { name: 'nothing read: no tab', lists: {} },
    ];
  for (const c of cases) {
    it(c.name, async () => {
      const { ids, fetch } = ranking(c.lists);
      const chosen = await choosePopularTab(ids, fetch);
      assert.equal(chosen?.window, c.window);
      if (c.label !== undefined) assert.equal(chosen?.label, c.label);
      if (c.href !== undefined) assert.equal(chosen?.href, c.href);
      assert.equal(chosen?.articles.length, c.count);
    });
  }

  it('reads the articles of a window only when it could show more than the ones before it', async () => {
    const { ids, fetch, fetched } = ranking({ '24h': range(1, 6), '7d': range(1, 40), '30d': range(1, 50) });
    await choosePopularTab(ids, fetch);
    assert.equal(fetched.length, 1, 'the day had enough');
    const quiet = ranking({ '24h': [1, 2], '7d': [1, 2], '30d': [1, 2, 3] });
    await choosePopularTab(quiet.ids, quiet.fetch);
    assert.deepEqual(
      quiet.fetched,
      [
        [1, 2],
        [1, 2, 3],
      ],
      'the week, no longer than the day, is not read',
    );
  });

  it('counts only the articles readers can see (an unpublished one drops out)', async () => {
    const chosen = await choosePopularTab(
      (w) => (w === '24h' ? range(1, 5) : w === '7d' ? range(1, 9) : []),
      (some) => Promise.resolve(some.filter((id) => id !== 3).map((id) => ({ id }))),
    );
    assert.ok(chosen);
    assert.equal(chosen.window, '7d', 'four public of the day are too few');
    assert.equal(chosen.articles.length, 8);
  });
});

describe('a জনপ্রিয় list that is সর্বশেষ over again', () => {
  const list = (...ids: number[]) => ids.map((id) => ({ id }));
  const cases: Array<[string, number[], number[], boolean]> = [
    ['the same articles in the same order', [5, 4, 3], [5, 4, 3], true],
    ['the latest ones as far as it goes', [5, 4], [5, 4, 3, 2], true],
    ['another order', [4, 5, 3], [5, 4, 3], false],
    ['an older article among them', [5, 1], [5, 4, 3], false],
    ['longer than সর্বশেষ', [5, 4, 3], [5, 4], false],
  ];
  for (const [name, popular, latest, repeats] of cases) it(name, () => assert.equal(repeatsLatest(list(...popular), list(...latest)), repeats));
});
