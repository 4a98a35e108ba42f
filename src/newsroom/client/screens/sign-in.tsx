import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Locale, Session } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';

interface Props {
  onDone: (session: Session) => void;
  locale: Locale;
  onLocale: (locale: Locale) => void;
}

/** Email and password; the server's message is shown on failure (it never says which was wrong). */
export function SignIn({ onDone, locale, onLocale }: Props) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onDone(await api<Session>('POST', '/session', { email, password }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <main class="center-card">
      <LanguageSwitch locale={locale} onChange={onLocale} />
      <h1>{t('app.name')}</h1>
      <form class="stack" onSubmit={submit}>
        <h2>{t('signin.title')}</h2>
        <label>
          {t('user.email')}
          <input type="email" name="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          {t('user.password')}
          <input type="password" name="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error} />
        <button class="button primary" type="submit" disabled={busy}>
          {t('signin.submit')}
        </button>
      </form>
    </main>
  );
}
