import { DataTable } from '../components/data-table.tsx';
import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import type { AuditEntry, IdPage } from '../api-types.ts';
import { formatTime } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useSession } from '../session-context.ts';
import { href, onLinkClick } from '../router.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { auditActionText, auditDetailsText } from '../audit/audit-text.ts';

/** Admins: who published, unpublished, deleted, changed roles and moderated, newest first. */
export function AuditScreen() {
  const t = useT();
  const locale = useLocale();
  const { settings } = useSession();
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<number | string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);

  const load = async (more: boolean) => {
    setLoading(true);
    try {
      const page = await api<IdPage<AuditEntry>>('GET', `/audit${query({ limit: 50, cursor: more ? cursor : null })}`);
      setItems((old) => (more ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the first page, once; later pages come from the button
  useEffect(() => void load(false), []);

  const target = (entry: AuditEntry) => {
    const text = `${entry.targetType} ${entry.targetId}`;
    if (entry.targetType !== 'article') return text;
    const path = `/articles/${entry.targetId}`;
    return (
      <a href={href(path)} onClick={(e) => onLinkClick(e, path)}>
        {text}
      </a>
    );
  };

  return (
    <section>
      <div class="screen-head">
        <h1>{t('nav.audit')}</h1>
        <button type="button" class="button" onClick={() => void load(false)}>
          {t('common.refresh')}
        </button>
      </div>
      <ErrorBox error={error} />
      {!items.length && !loading && !error && <p class="hint">{t('audit.empty')}</p>}
      <DataTable headings={['audit.when', 'audit.who', 'audit.action', 'audit.target', 'audit.details']} className="audit-table">
        {items.map((entry) => (
          <tr key={entry.id}>
            <td>{formatTime(entry.at, locale, settings.timeZone)}</td>
            <td>{entry.userName ?? t('audit.system')}</td>
            <td>{auditActionText(entry.action, t)}</td>
            <td>{target(entry)}</td>
            <td class="audit-details">{auditDetailsText(entry.details)}</td>
          </tr>
        ))}
      </DataTable>
      {loading && <p class="hint">{t('common.loading')}</p>}
      {cursor !== null && !loading && (
        <button type="button" class="button" onClick={() => void load(true)}>
          {t('common.more')}
        </button>
      )}
    </section>
  );
}
