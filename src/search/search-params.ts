import { z } from 'zod';
import { toAsciiDigits, toBengaliDigits } from '../bangla/digits.ts';
import { isValidCalendarDay, zonedDayRange } from '../bangla/zoned-date.ts';
import { AppError } from '../lib/errors.ts';
import type { SectionTree } from '../content/sections/section-tree.ts';

/** Deepest results page: the ranked window holds MAX_PAGE × page size matches. */
export const MAX_PAGE = 50;

const text = (max: number) => z.string().max(max, `at most ${max} characters`);

/** The query string of /search and /api/v1/search. Unknown parameters are ignored (trackers add them). */
export const searchQuerySchema = z.object({
  q: z.string().max(4000, 'the query is far too long').optional(),
  section: text(200).optional(),
  from: text(20).optional(),
  to: text(20).optional(),
  page: text(10).optional(),
  sort: text(20).optional(),
});

/** How results are ordered: by relevance (recency breaking near-ties), or newest first. */
export type SearchSort = 'relevance' | 'newest';

export type SearchQueryInput = z.output<typeof searchQuerySchema>;

/** Validated filters, ready for the index. */
export interface SearchFilters {
  section?: { path: string; name: string; ids: number[] };
  /** Inclusive start of the first day and exclusive end of the last, ISO UTC. */
  from?: string;
  to?: string;
  /** The days as typed back to the reader (YYYY-MM-DD). */
  fromDay?: string;
  toDay?: string;
  page: number;
  sort: SearchSort;
}

/** Checks the filters; a bad one is a 400 whose message a reader can act on (Bengali). */
export function parseFilters(input: SearchQueryInput, tree: SectionTree, timeZone: string): SearchFilters {
  const filters: SearchFilters = { page: parsePage(input.page), sort: parseSort(input.sort) };
  const path = input.section
    ?.trim()
    .replace(/^\/+|\/+$/g, '')
    .toLowerCase();
  if (path) {
    const node = tree.byPathOrUndefined(path);
    if (!node) throw new AppError('SEARCH_BAD_SECTION', `"${path}" নামে কোনো বিভাগ নেই। বিভাগের ঠিকানা লিখুন, যেমন: world/asia`);
    filters.section = { path: node.path, name: node.name, ids: tree.subtreeIds(node) };
  }
  const from = parseDay(input.from, 'from', timeZone);
  const to = parseDay(input.to, 'to', timeZone);
  if (from && to && from.start >= to.end) throw new AppError('BAD_DATE_RANGE', 'শুরুর তারিখ শেষের তারিখের পরে হতে পারে না।');
  if (from) Object.assign(filters, { from: from.start, fromDay: from.day });
  if (to) Object.assign(filters, { to: to.end, toDay: to.day });
  return filters;
}

function parseSort(value: string | undefined): SearchSort {
  const sort = value?.trim().toLowerCase();
  if (sort === undefined || sort === '' || sort === 'relevance') return 'relevance';
  if (sort === 'newest') return 'newest';
  throw new AppError('INVALID_INPUT', 'সাজানো যায় প্রাসঙ্গিকতা (sort=relevance) বা নতুন আগে (sort=newest) অনুযায়ী।');
}

function parsePage(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const digits = toAsciiDigits(value.trim());
  if (!/^\d{1,3}$/.test(digits) || Number(digits) < 1 || Number(digits) > MAX_PAGE) {
    throw new AppError('BAD_PAGE', `পাতার নম্বর ১ থেকে ${toBengaliDigits(MAX_PAGE)}-এর মধ্যে হতে হবে।`);
  }
  return Number(digits);
}

// A day in the site's zone, YYYY-MM-DD in either digits; its start and end instants.
function parseDay(value: string | undefined, name: 'from' | 'to', timeZone: string) {
  if (value === undefined || value.trim() === '') return undefined;
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(toAsciiDigits(value.trim()));
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || y < 1900 || !isValidCalendarDay(y, m, d)) {
    const label = name === 'from' ? 'শুরুর' : 'শেষের';
    throw new AppError('BAD_DATE', `${label} তারিখটি বোঝা যায়নি (${name})। যেমন: ২০২৩-০৯-১৩ বা 2023-09-13`);
  }
  const { start, end } = zonedDayRange(y, m, d, timeZone);
  const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { start: start.toISOString(), end: end.toISOString(), day };
}
