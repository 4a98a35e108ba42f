import type { ArticleInput } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';

interface Props {
  input: ArticleInput;
  disabled: boolean;
  onChange: (patch: Partial<ArticleInput>) => void;
}

/** Kicker, headline, subheadline and summary: the words above the body. */
export function ArticleFields({ input, disabled, onChange }: Props) {
  const t = useT();
  return (
    <div class="stack article-fields">
      <label>
        {t('article.kicker')}
        <input type="text" name="kicker" disabled={disabled} value={input.kicker} onInput={(e) => onChange({ kicker: e.currentTarget.value })} />
      </label>
      <label>
        {t('article.headline')}
        <input
          class="headline-input"
          type="text"
          name="headline"
          disabled={disabled}
          value={input.headline}
          onInput={(e) => onChange({ headline: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('article.subheadline')}
        <input type="text" name="subheadline" disabled={disabled} value={input.subheadline} onInput={(e) => onChange({ subheadline: e.currentTarget.value })} />
      </label>
      <label>
        {t('article.summary')}
        <textarea name="summary" rows={3} disabled={disabled} value={input.summary} onInput={(e) => onChange({ summary: e.currentTarget.value })} />
      </label>
    </div>
  );
}
