import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Locale, Session } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useSubmit } from '../use-submit.ts';

interface Props {
  onDone: (session: Session) => void;
  locale: Locale;
  onLocale: (locale: Locale) => void;
  /** Asked for over the app because the session ended: a dialog that says so. */
  expired?: boolean;
}

/** Email and password; the server's message is shown on failure (it never says which was wrong). */
export function SignIn({ onDone, locale, onLocale, expired = false }: Props) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { submit, busy, error } = useSubmit(async () => onDone(await api<Session>('POST', '/session', { email, password })));
  // The screen has one thing to do: the caret starts in its first field.
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const form = (
    <form class="stack" onSubmit={(event) => void submit(event)}>
      <h2 id="signin-title">{t('signin.title')}</h2>
      {expired && (
        <p class="error-box" role="alert">
          {t('session.expired')}
        </p>
      )}
      <label>
        {t('user.email')}
        <input ref={first} type="email" name="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
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
  );

  if (expired) {
    return (
      <div class="session-overlay">
        <div class="center-card" role="dialog" aria-modal="true" aria-labelledby="signin-title">
          {form}
        </div>
      </div>
    );
  }
  return (
    <main class="center-card">
      <LanguageSwitch locale={locale} onChange={onLocale} />
      <h1>{t('app.name')}</h1>
      {form}
    </main>
  );
}
