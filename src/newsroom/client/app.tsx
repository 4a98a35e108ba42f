import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, setCsrfToken, setUnauthenticatedHandler } from './api.ts';
import type { Locale, Session, Settings, User } from './api-types.ts';
import { LocaleContext } from './i18n/use-t.ts';
import { SessionContext } from './session-context.ts';
import { SignIn } from './screens/sign-in.tsx';
import { Setup } from './screens/setup.tsx';
import { Shell } from './shell.tsx';
import { ErrorBox } from './components/error-box.tsx';
import { ConversionBar } from './components/conversion-bar.tsx';
import { AvroPreviewBox } from './components/avro-preview.tsx';

const DEFAULT_SETTINGS: Settings = { siteName: 'প্রকাশ', hijriOffset: 0, timeZone: 'Asia/Dhaka', googleNewsUrl: '' };
const LOCALE_KEY = 'prokash.locale';

// `expired`: the session ended while working; sign-in is asked for over the screen, which keeps
// its unsaved state, so the person signs in again and saves.
type Phase =
  { kind: 'loading' } | { kind: 'setup' } | { kind: 'signin' } | { kind: 'ready'; user: User; expired?: boolean } | { kind: 'failed'; error: unknown };

function storedLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'bn';
  } catch {
    return 'bn';
  }
}

/** Decides between first-run setup, sign-in and the newsroom, and holds the session. */
export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  // Before sign-in the language is this browser's last choice; after, the user's own setting.
  const [guestLocale, setGuestLocale] = useState<Locale>(storedLocale);

  const signedIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setPhase({ kind: 'ready', user: session.user });
    api<Settings>('GET', '/settings').then(setSettings, () => undefined);
  }, []);

  const start = useCallback(async () => {
    try {
      const setup = await api<{ needed: boolean }>('GET', '/setup');
      if (setup.needed) {
        setPhase({ kind: 'setup' });
        return;
      }
      const session = await api<Session>('GET', '/session').catch(() => undefined);
      if (session) {
        signedIn(session);
        return;
      }
      setPhase({ kind: 'signin' });
    } catch (error) {
      setPhase({ kind: 'failed', error });
    }
  }, [signedIn]);

  useEffect(() => {
    setUnauthenticatedHandler(() => setPhase((old) => (old.kind === 'ready' ? { ...old, expired: true } : { kind: 'signin' })));
    void start();
  }, [start]);

  const locale = phase.kind === 'ready' ? phase.user.locale : guestLocale;
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const chooseGuestLocale = (value: Locale) => {
    setGuestLocale(value);
    try {
      localStorage.setItem(LOCALE_KEY, value);
    } catch {
      // Not remembered; still applied.
    }
  };

  let screen;
  if (phase.kind === 'loading')
    screen = (
      <p class="loading" aria-busy="true">
        …
      </p>
    );
  else if (phase.kind === 'failed')
    screen = (
      <div class="center-card">
        <ErrorBox error={phase.error} />
      </div>
    );
  else if (phase.kind === 'setup') screen = <Setup onDone={signedIn} locale={guestLocale} onLocale={chooseGuestLocale} />;
  else if (phase.kind === 'signin') screen = <SignIn onDone={signedIn} locale={guestLocale} onLocale={chooseGuestLocale} />;
  else {
    const value = {
      user: phase.user,
      settings,
      setSettings,
      setUser: (user: User) => setPhase({ kind: 'ready', user }),
      signOut: async () => {
        await api('DELETE', '/session').catch(() => undefined);
        setCsrfToken('');
        setPhase({ kind: 'signin' });
      },
    };
    screen = (
      <>
        <SessionContext.Provider value={value}>
          {/* Keyed by user: someone else signing in over an expired session starts afresh. */}
          <Shell key={phase.user.id} />
        </SessionContext.Provider>
        {phase.expired && <SignIn onDone={signedIn} locale={locale} onLocale={() => undefined} expired />}
      </>
    );
  }
  return (
    <LocaleContext.Provider value={locale}>
      {screen}
      <ConversionBar />
      <AvroPreviewBox />
    </LocaleContext.Provider>
  );
}
