// The article list's filters as the address bar holds them (/admin/articles?status=published&…),
// so a list can be bookmarked, shared and reached again with Back. What the address holds is read
// leniently: a value that is not one (a status misspelt by hand) is left out, not sent.
import type { ArticleStatus } from '../api-types.ts';

export const LIST_STATUSES: readonly ArticleStatus[] = ['draft', 'submitted', 'scheduled', 'published', 'unpublished'];

export interface ListFilters {
  status?: ArticleStatus;
  sectionId?: number;
  /** A byline person. */
  personId?: number;
  /** The newsroom user who made the article. */
  ownerId?: number;
  /** Days in the site's time zone, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
  /** Headline text, an id or a pasted link. */
  q?: string;
  /** Where this page starts (the API's nextCursor of the page before). */
  cursor?: string;
  /** Which page this is, counted from 1 as "next" is followed (shown, not sent). */
  page?: number;
}

/** The keys in the order the address shows them. */
const KEYS = ['q', 'status', 'sectionId', 'personId', 'ownerId', 'from', 'to', 'cursor', 'page'] as const;

const positive = (text: string | null) => (text && /^\d{1,10}$/.test(text) && Number(text) > 0 ? Number(text) : undefined);
const day = (text: string | null) => (text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined);

/** The filters in an address's query (`?status=draft&sectionId=3`). */
export function filtersFromSearch(search: string): ListFilters {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  const filters: ListFilters = {
    status: LIST_STATUSES.find((s) => s === status),
    sectionId: positive(params.get('sectionId')),
    personId: positive(params.get('personId')),
    ownerId: positive(params.get('ownerId')),
    from: day(params.get('from')),
    to: day(params.get('to')),
    q: params.get('q')?.trim() || undefined,
    cursor: params.get('cursor') || undefined,
    page: positive(params.get('page')),
  };
  return compact(filters);
}

/** The address query of some filters, in a fixed order ('' for none). */
export function searchOfFilters(filters: ListFilters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filters changed by `change`, back on the first page (a new filter starts the list again). */
export function withFilter(filters: ListFilters, change: Partial<ListFilters>): ListFilters {
  return compact({ ...filters, ...change, cursor: undefined, page: undefined });
}

/** The filters of the page after this one. */
export function nextPage(filters: ListFilters, cursor: string): ListFilters {
  return { ...filters, cursor, page: (filters.page ?? 1) + 1 };
}

/** What GET /api/admin/articles is asked (the page number is the app's own). Published articles are listed by publication. */
export function apiParams(filters: ListFilters): Record<string, string | number | undefined> {
  const { page: _page, ...sent } = filters;
  return { ...sent, order: byPublication(filters) ? 'published' : undefined, limit: 50 };
}

/** Whether the list is in order of publication (and its dates are publication dates): a list of published articles. */
export function byPublication(filters: ListFilters): boolean {
  return filters.status === 'published';
}

/** Whether any filter or search is set (the cursor and page are not filters). */
export function isFiltered(filters: ListFilters): boolean {
  return Object.keys(withFilter(filters, {})).length > 0;
}

function compact(filters: ListFilters): ListFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ''));
}
