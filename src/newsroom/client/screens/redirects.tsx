import { useEffect, useRef, useState } from 'preact/hooks';
import { DataTable } from '../components/data-table.tsx';
import { api, query } from '../api.ts';
import type { MissedLink, Page, Redirect } from '../api-types.ts';
import { formatNumber, formatTime } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useSession } from '../session-context.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { toAsciiDigits } from '../../../bangla/digits.ts';

/** An article number from what an editor typed: `251042`, `২৫১০৪২` or the article's link on this site. */
export function articleIdOf(text: string): number | undefined {
  const ascii = toAsciiDigits(text.trim());
  const m = /^(\d{1,10})$/.exec(ascii) ?? /\/(\d{1,10})(?:\/[^/?#]*)?\/?(?:[?#].*)?$/.exec(ascii);
  return m ? Number(m[1]) : undefined;
}

/** Editors: old links of the site before the move, where they lead, and the old links readers missed. */
export function RedirectsScreen() {
  const t = useT();
  const locale = useLocale();
  const { settings } = useSession();
  const [items, setItems] = useState<Redirect[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [missed, setMissed] = useState<MissedLink[]>([]);
  const [path, setPath] = useState('');
  const [article, setArticle] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const articleInput = useRef<HTMLInputElement>(null);

  const load = async (more: boolean, q = search) => {
    setLoading(true);
    try {
      const page = await api<Page<Redirect>>('GET', `/redirects${query({ q, limit: 50, cursor: more ? cursor : null })}`);
      setItems((old) => (more ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setMissed((await api<{ items: MissedLink[] }>('GET', '/redirects/missed?limit=100')).items);
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the first page, once; later pages come from the buttons
  useEffect(() => void load(false), []);

  const add = async (event: Event) => {
    event.preventDefault();
    setStatus('');
    const articleId = articleIdOf(article);
    if (articleId === undefined) {
      setError(new Error(t('redirects.badArticle')));
      articleInput.current?.focus();
      return;
    }
    try {
      await api<Redirect>('POST', '/redirects', { path, articleId });
      setPath('');
      setArticle('');
      setStatus(t('redirects.added'));
      await load(false);
    } catch (err) {
      setError(err);
    }
  };

  const remove = async (redirect: Redirect) => {
    if (!confirm(t('redirects.confirmDelete', { path: redirect.path }))) return;
    try {
      await api('DELETE', `/redirects${query({ path: redirect.path })}`);
      setItems((old) => old.filter((r) => r.path !== redirect.path));
    } catch (err) {
      setError(err);
    }
  };

  const fix = (link: MissedLink) => {
    setPath(link.path);
    setArticle('');
    articleInput.current?.focus();
  };

  return (
    <section>
      <div class="screen-head">
        <h1>{t('nav.redirects')}</h1>
        <button type="button" class="button" onClick={() => void load(false)}>
          {t('common.refresh')}
        </button>
      </div>
      <p class="hint">{t('redirects.intro')}</p>
      <ErrorBox error={error} />
      <form class="panel row wrap" onSubmit={(event) => void add(event)}>
        <label>
          {t('redirects.path')}
          <input type="text" name="path" required value={path} onInput={(e) => setPath(e.currentTarget.value)} />
        </label>
        <label>
          {t('redirects.article')}
          <input ref={articleInput} type="text" name="article" required value={article} onInput={(e) => setArticle(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button primary">
          {t('redirects.add')}
        </button>
      </form>
      <p role="status" class="hint">
        {status}
      </p>
      <form
        class="row"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void load(false);
        }}
      >
        <label>
          {t('redirects.searchLabel')}
          <input type="search" name="q" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button">
          {t('common.search')}
        </button>
      </form>
      {!items.length && !loading && <p class="hint">{t('redirects.empty')}</p>}
      <DataTable headings={['redirects.path', 'redirects.target', 'redirects.source', '']} className="redirects-table">
        {items.map((r) => (
          <tr key={r.path}>
            <td>
              <code>{r.path}</code>
            </td>
            <td>
              {r.target ? (
                <a href={r.target} target="_blank" rel="noopener">
                  {r.headline ?? r.target}
                </a>
              ) : (
                `${r.headline ?? formatNumber(r.articleId, locale)} — ${t('redirects.notPublic')}`
              )}
            </td>
            <td>{t(`redirects.source.${r.source}`)}</td>
            <td>
              <button type="button" class="button ghost danger-text" aria-label={`${t('redirects.delete')}: ${r.path}`} onClick={() => void remove(r)}>
                {t('redirects.delete')}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      {loading && <p class="hint">{t('common.loading')}</p>}
      {cursor !== null && !loading && (
        <button type="button" class="button" onClick={() => void load(true)}>
          {t('common.more')}
        </button>
      )}
      <h2>{t('redirects.missed')}</h2>
      <p class="hint">{t('redirects.missedHint')}</p>
      {!missed.length && !loading && <p class="hint">{t('redirects.missedEmpty')}</p>}
      <DataTable headings={['redirects.path', 'redirects.hits', 'redirects.lastAt', '']} className="missed-table">
        {missed.map((m) => (
          <tr key={m.path}>
            <td>
              <code>{m.path}</code>
            </td>
            <td>{formatNumber(m.hits, locale)}</td>
            <td>{formatTime(m.lastAt, locale, settings.timeZone)}</td>
            <td>
              <button type="button" class="button" aria-label={`${t('redirects.fix')}: ${m.path}`} onClick={() => fix(m)}>
                {t('redirects.fix')}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
