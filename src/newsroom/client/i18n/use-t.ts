import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '../api-types.ts';
import { translate, type Translate } from './translate.ts';

/** The language the app is shown in now (the user's `locale`, or the sign-in page's choice). */
export const LocaleContext = createContext<Locale>('bn');

/** The translate function for the current language. */
export function useT(): Translate {
  const locale = useContext(LocaleContext);
  return (key, vars) => translate(locale, key, vars);
}

/** The current language. */
export function useLocale(): Locale {
  return useContext(LocaleContext);
}
