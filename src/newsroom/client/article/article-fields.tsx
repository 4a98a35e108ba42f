import { useEffect, useRef } from 'preact/hooks';
import type { ArticleInput } from '../api-types.ts';
import type { FieldErrors } from '../errors/field-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { FieldError, fieldAttrs } from '../components/field-error.tsx';

interface Props {
  input: ArticleInput;
  disabled: boolean;
  /** Fields the server refused, with what to say beside each. */
  errors?: FieldErrors;
  /** Put the caret in the headline at once (a new article). */
  autofocus?: boolean;
  onChange: (patch: Partial<ArticleInput>) => void;
}

/** Kicker, headline, subheadline and summary: the words above the body. */
export function ArticleFields({ input, disabled, errors, autofocus = false, onChange }: Props) {
  const t = useT();
  const headline = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autofocus && !disabled) headline.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the screen opens
  }, []);
  return (
    <div class="stack article-fields">
      <label>
        {t('article.kicker')}
        <input
          type="text"
          name="kicker"
          disabled={disabled}
          value={input.kicker}
          {...fieldAttrs(errors, 'kicker')}
          onInput={(e) => onChange({ kicker: e.currentTarget.value })}
        />
      </label>
      <FieldError errors={errors} name="kicker" />
      <label>
        {t('article.headline')}
        <input
          ref={headline}
          class="headline-input"
          type="text"
          name="headline"
          data-skip-target=""
          disabled={disabled}
          value={input.headline}
          {...fieldAttrs(errors, 'headline')}
          onInput={(e) => onChange({ headline: e.currentTarget.value })}
        />
      </label>
      <FieldError errors={errors} name="headline" />
      <label>
        {t('article.subheadline')}
        <input
          type="text"
          name="subheadline"
          disabled={disabled}
          value={input.subheadline}
          {...fieldAttrs(errors, 'subheadline')}
          onInput={(e) => onChange({ subheadline: e.currentTarget.value })}
        />
      </label>
      <FieldError errors={errors} name="subheadline" />
      <label>
        {t('article.summary')}
        <textarea
          name="summary"
          rows={3}
          disabled={disabled}
          value={input.summary}
          {...fieldAttrs(errors, 'summary')}
          onInput={(e) => onChange({ summary: e.currentTarget.value })}
        />
      </label>
      <FieldError errors={errors} name="summary" />
    </div>
  );
}
