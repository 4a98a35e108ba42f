import { DataTable } from '../components/data-table.tsx';
import { useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import type { Article, Change, Revision } from '../api-types.ts';
import { formatNumber, formatTime } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useSession } from '../session-context.ts';
import { useLoad } from '../use-load.ts';
import { href, onLinkClick } from '../router.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { changeLabel, changeValue, revisionActionText } from '../revisions/change-text.ts';
import { ChangeSides } from '../revisions/change-sides.tsx';

/** Every revision of an article; compare any two; restore one. */
export function RevisionsScreen({ id }: { id: number }) {
  const t = useT();
  const locale = useLocale();
  const { settings } = useSession();
  const list = useLoad(() => api<{ items: Revision[] }>('GET', `/articles/${id}/revisions`), [id]);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState('');

  const items = list.data?.items ?? [];
  const older = from ?? items[1]?.number ?? null;
  const newer = to ?? items[0]?.number ?? null;

  const compare = async () => {
    if (older === null || newer === null) return;
    try {
      setChanges((await api<{ changes: Change[] }>('GET', `/articles/${id}/diff${query({ from: older, to: newer })}`)).changes);
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  };

  const restore = async (number: number) => {
    if (!confirm(t('revisions.confirmRestore', { n: formatNumber(number, locale) }))) return;
    try {
      await api<{ article: Article }>('POST', `/articles/${id}/revisions/${number}/restore`);
      setNotice(t('revisions.restored', { n: formatNumber(number, locale) }));
      setChanges(null);
      setFrom(null);
      setTo(null);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section>
      <div class="screen-head">
        <h1>{t('revisions.title')}</h1>
        <a class="button ghost" href={href(`/articles/${id}`)} onClick={(e) => onLinkClick(e, `/articles/${id}`)}>
          {t('revisions.back')}
        </a>
      </div>
      <ErrorBox error={list.error ?? error} />
      {notice && (
        <p class="ok" role="status">
          {notice}{' '}
          <a href={href(`/articles/${id}`)} onClick={(e) => onLinkClick(e, `/articles/${id}`)}>
            {t('revisions.back')}
          </a>
        </p>
      )}
      <DataTable headings={['revisions.number', 'revisions.from', 'revisions.to', 'revisions.when', 'revisions.who', 'revisions.action', '']}>
        {items.map((r) => (
          <tr key={r.number}>
            <td>{formatNumber(r.number, locale)}</td>
            <td>
              <input
                type="radio"
                name="from"
                aria-label={t('revisions.fromOf', { n: formatNumber(r.number, locale) })}
                checked={older === r.number}
                onChange={() => setFrom(r.number)}
              />
            </td>
            <td>
              <input
                type="radio"
                name="to"
                aria-label={t('revisions.toOf', { n: formatNumber(r.number, locale) })}
                checked={newer === r.number}
                onChange={() => setTo(r.number)}
              />
            </td>
            <td>{formatTime(r.createdAt, locale, settings.timeZone)}</td>
            <td>{r.userName ?? '—'}</td>
            <td>{revisionActionText(r.action, t)}</td>
            <td>
              <button type="button" class="button ghost" onClick={() => void restore(r.number)}>
                {t('revisions.restore')}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      <button type="button" class="button primary" disabled={older === null || newer === null || older === newer} onClick={() => void compare()}>
        {t('revisions.compare')}
      </button>
      {changes && (
        <div class="diff">
          {!changes.length && <p class="hint">{t('revisions.noChanges')}</p>}
          {changes.map((c, i) => (
            <div class="diff-row" key={i}>
              <h3>{changeLabel(c.field, t, locale)}</h3>
              <ChangeSides before={changeValue(c.before, t, locale)} after={changeValue(c.after, t, locale)} />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
