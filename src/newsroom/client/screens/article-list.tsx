import { useRef } from 'preact/hooks';
import { api, query } from '../api.ts';
import type { Item, Page, Person, PersonKind, Section } from '../api-types.ts';
import { formatNumber, formatTime } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useLoad } from '../use-load.ts';
import { href, navigate, onLinkClick, useRoute } from '../router.ts';
import { useSession } from '../session-context.ts';
import { can } from '../roles.ts';
import { commitPendingAvro } from '../input/avro-pending.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { DataTable } from '../components/data-table.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { sectionTree } from '../article/section-tree.ts';
import {
  apiParams,
  byPublication,
  filtersFromSearch,
  isFiltered,
  LIST_STATUSES,
  nextPage,
  searchOfFilters,
  withFilter,
  type ListFilters,
} from '../article/list-query.ts';

const PERSON_KINDS: PersonKind[] = ['desk', 'reporter', 'correspondent', 'agency'];
const listPath = (filters: ListFilters) => `/articles${searchOfFilters(filters)}`;

/**
 * সব খবর: every article the user may see, newest first, filtered by status, section, byline,
 * owner and dates, searched by headline, number or link, a page at a time. The filters live in the
 * address, so a list can be bookmarked or shared and Back returns to the page before.
 */
export function ArticleListScreen() {
  const t = useT();
  const locale = useLocale();
  const { visit } = useRoute(); // every navigation, Back and Forward included, reads the address again
  const search = location.search;
  const filters = filtersFromSearch(search);
  // The answer keeps the address it answers, so what is drawn says which list it is (and tests wait for it).
  const page = useLoad(async () => ({ search, ...(await api<Page<Item>>('GET', `/articles${query(apiParams(filters))}`)) }), [search, visit]);
  const go = (next: ListFilters) => navigate(listPath(next));
  const change = (change: Partial<ListFilters>) => go(withFilter(filters, change));

  return (
    <section class="article-list">
      <div class="screen-head">
        <h1>{t('nav.articles')}</h1>
        {filters.page && filters.page > 1 && <span class="count">{t('list.page', { n: formatNumber(filters.page, locale) })}</span>}
        <button type="button" class="button" onClick={page.reload}>
          {t('common.refresh')}
        </button>
      </div>
      <ListFilterForm filters={filters} items={page.data?.items ?? []} onChange={change} />
      <ErrorBox error={page.error} />
      <div class="list-results" aria-busy={page.loading} data-search={page.data?.search}>
        {page.data && <ListTable items={page.data.items} filters={filters} onOwner={(ownerId) => change({ ownerId })} />}
        {page.loading && <p class="hint">{t('common.loading')}</p>}
      </div>
      {page.data && (
        <nav class="list-pages" aria-label={t('list.pages')}>
          {filters.cursor && (
            <a class="button" href={href(listPath(withFilter(filters, {})))} onClick={(e) => onLinkClick(e, listPath(withFilter(filters, {})))}>
              {t('list.first')}
            </a>
          )}
          {page.data.nextCursor && (
            <a
              class="button primary"
              rel="next"
              href={href(listPath(nextPage(filters, page.data.nextCursor)))}
              onClick={(e) => onLinkClick(e, listPath(nextPage(filters, page.data!.nextCursor!)))}
            >
              {t('list.next')}
            </a>
          )}
        </nav>
      )}
    </section>
  );
}

interface FormProps {
  filters: ListFilters;
  items: Item[];
  onChange: (change: Partial<ListFilters>) => void;
}

/** The search box and the filters; each choice applies at once, the search on Enter or the button. */
function ListFilterForm({ filters, items, onChange }: FormProps) {
  const t = useT();
  const locale = useLocale();
  const { user } = useSession();
  const searchField = useRef<HTMLInputElement>(null);
  const sections = useLoad(() => api<{ items: Section[] }>('GET', '/sections'), []);
  const people = useLoad(() => api<{ items: Person[] }>('GET', '/people'), []);
  const published = byPublication(filters);
  const seesAll = can(user.role, 'article.list-all');
  const ownerName = items.find((i) => i.ownerId === filters.ownerId)?.ownerName || `#${formatNumber(filters.ownerId ?? 0, locale)}`;
  const numberOrNone = (value: string) => (value ? Number(value) : undefined);

  const submit = (event: Event) => {
    event.preventDefault();
    commitPendingAvro(); // a word still being typed in Avro counts
    onChange({ q: searchField.current?.value.trim() || undefined });
  };

  return (
    <div class="panel list-filters">
      <form class="list-search" role="search" onSubmit={submit}>
        <label>
          {t('list.search')}
          {/* Keyed by the search, so Back shows the search of the list it returns to. */}
          <input key={filters.q ?? ''} ref={searchField} type="search" name="q" defaultValue={filters.q ?? ''} aria-describedby="list-search-hint" />
        </label>
        <button type="submit" class="button primary">
          {t('common.search')}
        </button>
        <p class="hint" id="list-search-hint">
          {t('list.searchHint')}
        </p>
      </form>
      <div class="list-filter-row">
        <label>
          {t('list.status')}
          <select value={filters.status ?? ''} onChange={(e) => onChange({ status: LIST_STATUSES.find((s) => s === e.currentTarget.value) })}>
            <option value="">{t('list.allStatuses')}</option>
            {LIST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('list.section')}
          <select value={filters.sectionId ? String(filters.sectionId) : ''} onChange={(e) => onChange({ sectionId: numberOrNone(e.currentTarget.value) })}>
            <option value="">{t('list.allSections')}</option>
            {sectionTree(sections.data?.items ?? []).map((o) => (
              <option key={o.id} value={String(o.id)}>
                {'\u00a0\u00a0\u00a0'.repeat(o.depth) + (o.depth ? '› ' : '') + o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('list.person')}
          <select value={filters.personId ? String(filters.personId) : ''} onChange={(e) => onChange({ personId: numberOrNone(e.currentTarget.value) })}>
            <option value="">{t('list.allPeople')}</option>
            {PERSON_KINDS.map((kind) => {
              const ofKind = (people.data?.items ?? []).filter((p) => p.kind === kind);
              return ofKind.length ? (
                <optgroup key={kind} label={t(`people.kind.${kind}`)}>
                  {ofKind.map((p) => (
                    <option key={p.id} value={String(p.id)}>
                      {p.label || p.name}
                    </option>
                  ))}
                </optgroup>
              ) : null;
            })}
          </select>
        </label>
        <label>
          {t(published ? 'list.fromPublished' : 'list.fromChanged')}
          <input type="date" value={filters.from ?? ''} max={filters.to} onChange={(e) => onChange({ from: e.currentTarget.value || undefined })} />
        </label>
        <label>
          {t(published ? 'list.toPublished' : 'list.toChanged')}
          <input type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => onChange({ to: e.currentTarget.value || undefined })} />
        </label>
      </div>
      <div class="list-filter-row">
        {seesAll && (
          <label class="check">
            <input
              type="checkbox"
              checked={filters.ownerId === user.id}
              onChange={(e) => onChange({ ownerId: e.currentTarget.checked ? user.id : undefined })}
            />
            {t('list.mine')}
          </label>
        )}
        {filters.ownerId !== undefined && filters.ownerId !== user.id && (
          <span class="chip">
            {t('list.ownerChip', { name: ownerName })}
            <button type="button" aria-label={t('list.removeFilter')} title={t('list.removeFilter')} onClick={() => onChange({ ownerId: undefined })}>
              ×
            </button>
          </span>
        )}
        <p class="hint">{t('list.datesHint')}</p>
        {isFiltered(filters) && (
          <a class="list-clear" href={href('/articles')} onClick={(e) => onLinkClick(e, '/articles')}>
            {t('list.clear')}
          </a>
        )}
      </div>
    </div>
  );
}

interface TableProps {
  items: Item[];
  filters: ListFilters;
  onOwner: (ownerId: number) => void;
}

/** One row an article: status, kicker / headline (a link to the editor), section, who made it, the list's time, its number. */
function ListTable({ items, filters, onOwner }: TableProps) {
  const t = useT();
  const locale = useLocale();
  const { settings } = useSession();
  if (!items.length) return <p class="hint list-empty">{t('list.empty')}</p>;
  const published = byPublication(filters);
  return (
    <DataTable
      headings={['list.status', 'list.headline', 'article.section', 'list.madeBy', published ? 'list.published' : 'list.changed', 'list.id']}
      className="list-table"
    >
      {items.map((item) => (
        <tr key={item.id}>
          <td>
            <StatusBadge status={item.status} />
            {item.breaking && <span class="badge badge-breaking">{t('article.breaking')}</span>}
          </td>
          <td>
            <a class="item-title" href={href(`/articles/${item.id}`)} onClick={(e) => onLinkClick(e, `/articles/${item.id}`)}>
              {item.kicker && <span class="kicker">{item.kicker} / </span>}
              {item.headline || <em>{t('article.untitled')}</em>}
            </a>
          </td>
          <td>{item.sectionName}</td>
          <td>
            {item.ownerId !== null && item.ownerId !== filters.ownerId ? (
              <button type="button" class="link-button" title={t('list.ownerLink')} onClick={() => onOwner(item.ownerId!)}>
                {item.ownerName || `#${formatNumber(item.ownerId, locale)}`}
              </button>
            ) : (
              item.ownerName
            )}
          </td>
          <td class="list-time">{formatTime(published ? item.publishedAt : item.modifiedAt, locale, settings.timeZone)}</td>
          <td class="list-id">{formatNumber(item.id, locale)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
