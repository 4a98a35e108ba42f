import { useState } from 'preact/hooks';
import type { Correction } from '../api-types.ts';
import { formatTime } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useSession } from '../session-context.ts';

/** The public সংশোধনী notes, and a form to add one (editors, published articles). */
export function Corrections({ items, canAdd, onAdd }: { items: Correction[]; canAdd: boolean; onAdd: (text: string) => Promise<boolean> }) {
  const t = useT();
  const locale = useLocale();
  const { settings } = useSession();
  const [text, setText] = useState('');
  if (!items.length && !canAdd) return null;
  return (
    <fieldset class="corrections">
      <legend>{t('article.corrections')}</legend>
      <ul>
        {items.map((c) => (
          <li key={c.id}>
            <time>{formatTime(c.createdAt, locale, settings.timeZone)}</time> {c.text}
          </li>
        ))}
      </ul>
      {canAdd && (
        <form
          class="stack"
          onSubmit={(event) => {
            event.preventDefault();
            const value = text.trim();
            if (value) {
              void onAdd(value).then((added) => {
                if (added) setText('');
              });
            }
          }}
        >
          <label>
            {t('article.newCorrection')}
            <textarea rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <button type="submit" class="button" disabled={!text.trim()}>
            {t('article.addCorrection')}
          </button>
        </form>
      )}
    </fieldset>
  );
}
