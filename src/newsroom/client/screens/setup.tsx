import { useSubmit } from '../use-submit.ts';
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

/** First run: the first account, which the server makes an admin (the owner). */
export function Setup({ onDone, locale, onLocale }: Props) {
  const t = useT();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { submit, busy, error } = useSubmit(async () => onDone(await api<Session>('POST', '/setup', { name, email, password })));

  return (
    <main class="center-card">
      <LanguageSwitch locale={locale} onChange={onLocale} />
      <h1>{t('app.name')}</h1>
      <form class="stack" onSubmit={(event) => void submit(event)}>
        <h2>{t('setup.title')}</h2>
        <p class="hint">{t('setup.intro')}</p>
        <label>
          {t('user.name')}
          <input type="text" name="name" autocomplete="name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t('user.email')}
          <input type="email" name="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
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
          <small class="hint">{t('user.passwordRule')}</small>
        </label>
        <ErrorBox error={error} />
        <button class="button primary" type="submit" disabled={busy}>
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
