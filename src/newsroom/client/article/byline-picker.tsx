import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { ArticleInput, BylineKind, Person } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';
import { useLoad } from '../use-load.ts';

const KINDS: BylineKind[] = ['desk', 'reporters', 'correspondent', 'agency'];

/** People who fit a byline kind (a person's kind is singular: "reporter" for "reporters"). */
function peopleOfKind(people: Person[], kind: BylineKind): Person[] {
  const fit = people.filter((p) => p.kind === kind || `${p.kind}s` === kind);
  return fit.length ? fit : people;
}

interface Props {
  value: ArticleInput['byline'];
  disabled: boolean;
  onChange: (byline: ArticleInput['byline'], person?: Person) => void;
}

/** Desk, reporters (several), correspondent (their place and district come with them) or agency. */
export function BylinePicker({ value, disabled, onChange }: Props) {
  const t = useT();
  const people = useLoad(() => api<{ items: Person[] }>('GET', '/people'), []);
  const [filter, setFilter] = useState('');
  const choices = peopleOfKind(people.data?.items ?? [], value.kind);

  const single = (
    <select
      aria-label={t(`byline.${value.kind}`)}
      value={value.personIds[0] === undefined ? '' : String(value.personIds[0])}
      disabled={disabled}
      onChange={(e) => {
        const id = Number(e.currentTarget.value);
        const person = choices.find((p) => p.id === id);
        onChange({ kind: value.kind, personIds: person ? [id] : [] }, person);
      }}
    >
      <option value="">{t('byline.choose')}</option>
      {choices.map((p) => (
        <option key={p.id} value={String(p.id)}>
          {p.label || p.name}
        </option>
      ))}
    </select>
  );

  const shown = choices.filter((p) => !filter || p.name.includes(filter) || p.label.includes(filter));
  const several = (
    <div class="several">
      <input type="search" aria-label={t('common.search')} placeholder={t('byline.filter')} value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      <ul class="checklist">
        {shown.map((p) => (
          <li key={p.id}>
            <label class="check">
              <input
                type="checkbox"
                disabled={disabled}
                checked={value.personIds.includes(p.id)}
                onChange={(e) =>
                  onChange({ kind: 'reporters', personIds: e.currentTarget.checked ? [...value.personIds, p.id] : value.personIds.filter((id) => id !== p.id) })
                }
              />
              {p.label || p.name}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );

  return (
    <fieldset class="byline-picker">
      <legend>{t('article.byline')}</legend>
      <div class="segmented" role="radiogroup">
        {KINDS.map((kind) => (
          <label key={kind} class="check">
            <input type="radio" name="byline-kind" checked={value.kind === kind} disabled={disabled} onChange={() => onChange({ kind, personIds: [] })} />
            {t(`byline.${kind}`)}
          </label>
        ))}
      </div>
      {value.kind === 'reporters' ? several : single}
    </fieldset>
  );
}
