import { POPULAR_FALLBACK_MIN, type RankingWindow } from '../engage/views/popular-lists.ts';

/** A window the জনপ্রিয় tab can show, how it names it, and where the rest of it is ('' when nowhere). */
export interface PopularTabWindow {
  window: RankingWindow;
  label: string;
  href: string;
}

/** Narrowest first: a quiet site widens the tab's window until enough articles were read in it. */
export const POPULAR_TAB_WINDOWS: readonly PopularTabWindow[] = [
  { window: '24h', label: 'গত ২৪ ঘণ্টায় সবচেয়ে পঠিত', href: '/popular' },
  { window: '7d', label: 'এই সপ্তাহে সবচেয়ে পঠিত', href: '/popular?window=7d' },
  // The month is only ranked as this fallback (popular-lists.ts): it has no page of its own.
  { window: '30d', label: 'এই মাসে সবচেয়ে পঠিত', href: '' },
];

/**
 * What the জনপ্রিয় tab shows: the narrowest window with at least POPULAR_FALLBACK_MIN read
 * articles, else the one with the most (the narrower on a tie); undefined when nothing was read.
 * `ids` is the ranking in memory; `fetch` reads the public articles of some ids, in their order,
 * and is called only for a window that could show more than the ones before it.
 */
export async function choosePopularTab<T>(
  ids: (window: RankingWindow) => readonly number[],
  fetch: (ids: readonly number[]) => Promise<T[]>,
): Promise<(PopularTabWindow & { articles: T[] }) | undefined> {
  let best: (PopularTabWindow & { articles: T[] }) | undefined;
  for (const option of POPULAR_TAB_WINDOWS) {
    const ranked = ids(option.window);
    if (ranked.length === 0 || (best && ranked.length <= best.articles.length)) continue;
    const articles = await fetch(ranked);
    if (!best || articles.length > best.articles.length) best = { ...option, articles };
    if (best.articles.length >= POPULAR_FALLBACK_MIN) break;
  }
  return best?.articles.length ? best : undefined;
}

/** True when the popular list is the latest one over again (the same articles in the same order, as far as it goes). */
export function repeatsLatest(popular: readonly { id: number }[], latest: readonly { id: number }[]): boolean {
  return popular.length <= latest.length && popular.every((a, i) => a.id === latest[i]!.id);
}
