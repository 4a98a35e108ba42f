import { toBengaliDigits, formatNumberBn } from '../bangla/digits.ts';
import type { SectionTree } from '../content/sections/section-tree.ts';
import type { SiteSettings } from './reader-pages.ts';
import { cardVM, sectionHref, type ViewContext } from './view-builder.ts';
import type { ListsVM, PaginationVM } from './view-model.ts';
import type { SearchPageVM } from './templates/search-page.ts';
import { MAX_QUERY_LENGTH } from '../search/parse-query.ts';
import type { SearchOutcome } from '../search/search.service.ts';
import type { SearchSort } from '../search/search-params.ts';

const EXAMPLES = ['উদাহরণ: পুতিন, ঢাকার যানজট, বাজেট ২০২৩', 'ইংরেজি হরফে লিখলেও চলবে: putin, dhaka'];

/** Help for each kind of query that cannot be answered with results. */
export const HELP = {
  empty: { title: 'কী খুঁজবেন লিখুন', lines: ['এক বা একাধিক শব্দ লিখে খুঁজুন। শব্দের রূপ যা-ই হোক (ঢাকা, ঢাকায়, ঢাকার), একই খবর পাবেন।', ...EXAMPLES] },
  tooLong: {
    title: 'অনুসন্ধানটি অনেক বড়',
    lines: [`অনুসন্ধান ${toBengaliDigits(MAX_QUERY_LENGTH)} অক্ষরের মধ্যে রাখুন। খবরের মূল দু-একটি শব্দ লিখলেই যথেষ্ট।`, ...EXAMPLES],
  },
  noWords: {
    title: 'খোঁজার মতো কোনো শব্দ পাওয়া যায়নি',
    lines: ['শুধু চিহ্ন, বা ‘এবং’, ‘ও’, ‘করে’-র মতো সাধারণ শব্দ দিয়ে খোঁজা যায় না। খবরের কোনো নাম বা বিষয় লিখুন।', ...EXAMPLES],
  },
  noResults: {
    title: 'কোনো খবর পাওয়া যায়নি',
    lines: ['বানান দেখে নিন, অথবা কম শব্দে খুঁজুন।', 'বিভাগ বা তারিখ বেছে থাকলে সেগুলো সরিয়ে আবার খুঁজুন।', ...EXAMPLES],
  },
};

/** What the page needs besides the outcome. */
export interface PageContext {
  settings: SiteSettings;
  now: Date;
  /** The সর্বশেষ / জনপ্রিয় lists, as every reader page shows them. */
  lists: ListsVM;
}

/** The search page's view model for any outcome. */
export async function searchPageVM(
  outcome: SearchOutcome,
  input: { q?: string; section?: string; from?: string; to?: string; sort?: string },
  ctx: PageContext,
): Promise<SearchPageVM> {
  const view: ViewContext = { timeZone: ctx.settings.timeZone, now: ctx.now };
  const page = outcome.kind === 'results' ? outcome.filters.page : 1;
  const base: SearchPageVM = {
    query: input.q?.trim().slice(0, 1000) ?? '',
    section: outcome.kind !== 'too-long' ? (outcome.filters.section?.path ?? '') : (input.section ?? ''),
    from: outcome.kind !== 'too-long' ? (outcome.filters.fromDay ?? '') : '',
    to: outcome.kind !== 'too-long' ? (outcome.filters.toDay ?? '') : '',
    sort: outcome.kind !== 'too-long' ? outcome.filters.sort : 'relevance',
    sortLinks: [],
    sections: sectionOptions(outcome.tree),
    heading: '',
    help: null,
    results: [],
    pagination: { page, pageLabel: `পৃষ্ঠা ${toBengaliDigits(page)}`, prevHref: null, nextHref: null },
    lists: ctx.lists,
  };
  if (outcome.kind === 'empty') return { ...base, help: HELP.empty };
  if (outcome.kind === 'too-long') return { ...base, help: HELP.tooLong };
  if (outcome.kind === 'no-words') return { ...base, help: HELP.noWords };
  const results = outcome.results.map((r) => ({ card: cardVM(r.article, view), snippet: r.snippet }));
  return {
    ...base,
    heading: headingOf(outcome),
    help: outcome.total === 0 ? HELP.noResults : null,
    results,
    pagination: paginationOf(outcome, page),
    sortLinks: outcome.total > 1 ? sortLinksOf(outcome) : [],
  };
}

function headingOf(outcome: Extract<SearchOutcome, { kind: 'results' }>): string {
  if (outcome.total === 0) return `“${outcome.query}” দিয়ে কোনো খবর পাওয়া যায়নি।`;
  const count = outcome.more ? `${formatNumberBn(outcome.total)}টির বেশি` : `${formatNumberBn(outcome.total)}টি`;
  const relaxed = outcome.relaxed ? ' সব শব্দ একসঙ্গে কোনো খবরে নেই; কিছু শব্দ মেলে এমন খবর দেখানো হলো।' : '';
  return `“${outcome.query}” — ${count} খবর পাওয়া গেছে।${relaxed}`;
}

type Results = Extract<SearchOutcome, { kind: 'results' }>;

// The page's address with its query and filters, at page `n`, in order `sort`.
function searchHref(outcome: Results, n: number, sort: SearchSort): string {
  const p = new URLSearchParams({ q: outcome.query });
  if (outcome.filters.section) p.set('section', outcome.filters.section.path);
  if (outcome.filters.fromDay) p.set('from', outcome.filters.fromDay);
  if (outcome.filters.toDay) p.set('to', outcome.filters.toDay);
  if (sort !== 'relevance') p.set('sort', sort);
  if (n > 1) p.set('page', String(n));
  return `/search?${p.toString()}`;
}

/** The two orders, each a link to the first page in that order (the current one marked). */
function sortLinksOf(outcome: Results): SearchPageVM['sortLinks'] {
  return (['relevance', 'newest'] as const).map((sort) => ({
    name: sort === 'relevance' ? 'প্রাসঙ্গিক আগে' : 'নতুন আগে',
    href: searchHref(outcome, 1, sort),
    current: outcome.filters.sort === sort,
  }));
}

function paginationOf(outcome: Results, page: number): PaginationVM {
  const params = (n: number) => searchHref(outcome, n, outcome.filters.sort);
  return {
    page,
    pageLabel: `পৃষ্ঠা ${toBengaliDigits(page)}`,
    prevHref: page > 1 ? params(page - 1) : null,
    nextHref: outcome.hasNext ? params(page + 1) : null,
  };
}

function sectionOptions(tree: SectionTree) {
  const out: SearchPageVM['sections'] = [];
  const walk = (nodes: SectionTree['roots'], depth: number) => {
    for (const node of nodes) {
      out.push({ name: `${'— '.repeat(depth)}${node.name}`, href: sectionHref(node), path: node.path });
      walk(node.children, depth + 1);
    }
  };
  walk(tree.roots, 0);
  return out;
}
