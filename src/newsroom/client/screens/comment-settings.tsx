import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { CommentSettings } from '../api-types.ts';
import { formatNumber } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useLoad } from '../use-load.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { blockedWordsText, parseBlockedWords } from '../moderation/blocked-words.ts';

/** Sub-editors and above: pre- or post-moderation, and the blocked-word list. */
export function CommentSettingsScreen() {
  const t = useT();
  const locale = useLocale();
  const loaded = useLoad(() => api<CommentSettings>('GET', '/comments/settings'), []);
  const [mode, setMode] = useState<CommentSettings['mode']>('pre');
  const [words, setWords] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    setMode(loaded.data.mode);
    setWords(blockedWordsText(loaded.data.blockedWords));
  }, [loaded.data]);

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const answer = await api<CommentSettings>('PUT', '/comments/settings', { mode, blockedWords: parseBlockedWords(words) });
      loaded.setData(answer);
      setSaved(true);
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  };

  const count = parseBlockedWords(words).length;
  return (
    <section>
      <div class="screen-head">
        <h1>{t('nav.commentSettings')}</h1>
      </div>
      <ErrorBox error={loaded.error ?? error} />
      <form class="panel stack settings-form" onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>{t('comments.mode')}</legend>
          {(['pre', 'post'] as const).map((m) => (
            <label class="check" key={m}>
              <input
                type="radio"
                name="mode"
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  setSaved(false);
                }}
              />
              {t(m === 'pre' ? 'comments.modePre' : 'comments.modePost')}
            </label>
          ))}
        </fieldset>
        <label>
          {t('comments.blockedWords')}
          <textarea
            rows={12}
            value={words}
            onInput={(e) => {
              setWords(e.currentTarget.value);
              setSaved(false);
            }}
          />
          <small class="hint">{t('comments.blockedHint', { n: formatNumber(count, locale) })}</small>
        </label>
        <button class="button primary" type="submit" disabled={!loaded.data}>
          {t('common.save')}
        </button>
        {saved && (
          <p class="ok" role="status">
            {t('common.saved')}
          </p>
        )}
      </form>
    </section>
  );
}
