import type { Locale } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';

/** বাংলা | English: applied at once by the caller. */
export function LanguageSwitch({ locale, onChange }: { locale: Locale; onChange: (locale: Locale) => void }) {
  const t = useT();
  return (
    <div class="language-switch" role="group" aria-label={t('language.label')}>
      <button type="button" aria-pressed={locale === 'bn'} lang="bn" onClick={() => onChange('bn')}>
        বাংলা
      </button>
      <button type="button" aria-pressed={locale === 'en'} lang="en" onClick={() => onChange('en')}>
        English
      </button>
    </div>
  );
}
