import { useAction } from '../use-action.ts';
import { DataTable } from '../components/data-table.tsx';
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Role, User } from '../api-types.ts';
import { formatTime } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useSession } from '../session-context.ts';
import { useLoad } from '../use-load.ts';
import { ROLES } from '../roles.ts';
import { ErrorBox } from '../components/error-box.tsx';

function RoleSelect({ value, onChange, label }: { value: Role; onChange: (role: Role) => void; label: string }) {
  const t = useT();
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value as Role)}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`role.${role}`)}
        </option>
      ))}
    </select>
  );
}

/** Admins: every account, add one with a role, change role, disable, reset a password. */
export function UsersScreen() {
  const t = useT();
  const locale = useLocale();
  const { settings, user: me } = useSession();
  const users = useLoad(() => api<{ items: User[] }>('GET', '/users'), []);
  const { error, notice, run } = useAction();

  const patch = (user: User, body: Partial<Pick<User, 'role' | 'disabled'>>) =>
    run(async () => {
      const { user: updated } = await api<{ user: User }>('PATCH', `/users/${user.id}`, body);
      users.setData({ items: (users.data?.items ?? []).map((u) => (u.id === updated.id ? updated : u)) });
    });

  const resetPassword = async (user: User) => {
    const password = prompt(t('users.newPasswordFor', { name: user.name }));
    if (!password) return;
    await run(() => api('POST', `/users/${user.id}/password`, { password }), t('users.passwordReset', { name: user.name }));
  };

  return (
    <section>
      <div class="screen-head">
        <h1>{t('nav.users')}</h1>
      </div>
      <ErrorBox error={users.error ?? error} />
      {notice && (
        <p class="ok" role="status">
          {notice}
        </p>
      )}
      <AddUser onAdded={(user) => users.setData({ items: [...(users.data?.items ?? []), user] })} />
      <DataTable headings={['user.name', 'user.email', 'user.role', 'users.created', 'users.state', '']}>
        {(users.data?.items ?? []).map((u) => (
          <tr key={u.id} class={u.disabled ? 'disabled' : ''}>
            <td>{u.name}</td>
            <td>{u.email}</td>
            <td>
              <RoleSelect value={u.role} label={t('users.roleOf', { name: u.name })} onChange={(role) => void patch(u, { role })} />
            </td>
            <td>{formatTime(u.createdAt, locale, settings.timeZone)}</td>
            <td>{u.disabled ? t('users.disabled') : t('users.active')}</td>
            <td class="row">
              {u.id !== me.id && (
                <button type="button" class="button ghost" onClick={() => void patch(u, { disabled: !u.disabled })}>
                  {u.disabled ? t('users.enable') : t('users.disable')}
                </button>
              )}
              <button type="button" class="button ghost" onClick={() => void resetPassword(u)}>
                {t('users.resetPassword')}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function AddUser({ onAdded }: { onAdded: (user: User) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('reporter');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const { user } = await api<{ user: User }>('POST', '/users', { name, email, role, password });
      onAdded(user);
      setName('');
      setEmail('');
      setPassword('');
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="panel add-user" onSubmit={(event) => void submit(event)}>
      <h2>{t('users.add')}</h2>
      <div class="grid-4">
        <label>
          {t('user.name')}
          <input type="text" name="name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t('user.email')}
          <input type="email" name="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          {t('user.role')}
          <RoleSelect value={role} label={t('user.role')} onChange={setRole} />
        </label>
        <label>
          {t('user.password')}
          <input
            type="password"
            name="password"
            autocomplete="new-password"
            required
            minLength={10}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
      </div>
      <ErrorBox error={error} />
      <button class="button primary" type="submit">
        {t('users.addButton')}
      </button>
    </form>
  );
}
