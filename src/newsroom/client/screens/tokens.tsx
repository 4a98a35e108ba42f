import { DataTable } from '../components/data-table.tsx';
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { ApiToken, Role } from '../api-types.ts';
import { formatTime } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useSession } from '../session-context.ts';
import { useLoad } from '../use-load.ts';
import { ROLES } from '../roles.ts';
import { ErrorBox } from '../components/error-box.tsx';

/** Admins: API tokens for integrations; a new token's secret is shown once. */
export function TokensScreen() {
  const t = useT();
  const locale = useLocale();
  const { settings } = useSession();
  const tokens = useLoad(() => api<{ items: ApiToken[] }>('GET', '/tokens'), []);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('reporter');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<unknown>(undefined);

  const create = async (event: Event) => {
    event.preventDefault();
    try {
      const answer = await api<{ token: ApiToken; secret: string }>('POST', '/tokens', { name, role });
      setSecret(answer.secret);
      setName('');
      tokens.setData({ items: [answer.token, ...(tokens.data?.items ?? [])] });
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  };

  const revoke = async (token: ApiToken) => {
    if (!confirm(t('tokens.confirmRevoke', { name: token.name }))) return;
    try {
      await api('DELETE', `/tokens/${token.id}`);
      tokens.setData({ items: (tokens.data?.items ?? []).filter((x) => x.id !== token.id) });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section>
      <div class="screen-head">
        <h1>{t('nav.tokens')}</h1>
      </div>
      <ErrorBox error={tokens.error ?? error} />
      <form class="panel row wrap" onSubmit={(event) => void create(event)}>
        <label>
          {t('tokens.name')}
          <input type="text" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t('user.role')}
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="button primary">
          {t('tokens.create')}
        </button>
      </form>
      {secret && (
        <div class="secret" role="status">
          <p>{t('tokens.secretOnce')}</p>
          <code>{secret}</code>
          <button type="button" class="button" onClick={() => void ('clipboard' in navigator && navigator.clipboard.writeText(secret))}>
            {t('common.copy')}
          </button>
          <button type="button" class="button ghost" onClick={() => setSecret('')}>
            {t('common.close')}
          </button>
        </div>
      )}
      <DataTable headings={['tokens.name', 'user.role', 'users.created', 'tokens.lastUsed', '']}>
        {(tokens.data?.items ?? []).map((token) => (
          <tr key={token.id}>
            <td>{token.name}</td>
            <td>{token.role ? t(`role.${token.role}`) : t('tokens.readScope')}</td>
            <td>{formatTime(token.createdAt, locale, settings.timeZone)}</td>
            <td>{formatTime(token.lastUsedAt, locale, settings.timeZone) || t('tokens.never')}</td>
            <td>
              <button type="button" class="button ghost danger-text" onClick={() => void revoke(token)}>
                {t('tokens.revoke')}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
