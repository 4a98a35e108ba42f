import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import type { Tag } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';

/** Tags as removable chips; typing suggests existing tags (GET /tags?q=), Enter or comma adds. */
export function TagInput({ value, disabled, onChange }: { value: string[]; disabled: boolean; onChange: (tags: string[]) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [suggestions, setSuggestions] = useState<Tag[]>([]);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setSuggestions([]);
      return;
    }
    const timer = setTimeout(() => {
      api<{ items: Tag[] }>('GET', `/tags${query({ q })}`).then(
        (answer) => setSuggestions(answer.items.filter((tag) => !value.includes(tag.name))),
        () => setSuggestions([]),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [text, value]);

  const add = (name: string) => {
    const tag = name.trim().replace(/[,،]$/, '').trim();
    if (tag && !value.includes(tag)) onChange([...value, tag]);
    setText('');
    setSuggestions([]);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && suggestions.length) {
      event.preventDefault();
      setActive((i) => (i + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    } else if (event.key === 'Enter' || event.key === ',') {
      if (!text.trim()) return;
      event.preventDefault();
      add(active >= 0 ? suggestions[active]!.name : text);
    } else if (event.key === 'Backspace' && text === '' && value.length) {
      onChange(value.slice(0, -1));
    }
  };

  const listId = 'tag-suggestions';
  return (
    <div class="tag-input">
      <label for="tag-text">{t('article.tags')}</label>
      <div class="chips">
        {value.map((tag) => (
          <span class="chip" key={tag}>
            {tag}
            {!disabled && (
              <button type="button" aria-label={t('article.removeTag', { tag })} onClick={() => onChange(value.filter((x) => x !== tag))}>
                ×
              </button>
            )}
          </span>
        ))}
        {!disabled && (
          <input
            id="tag-text"
            type="text"
            role="combobox"
            aria-expanded={suggestions.length > 0}
            aria-controls={listId}
            aria-activedescendant={active >= 0 ? `tag-opt-${active}` : undefined}
            autocomplete="off"
            value={text}
            placeholder={t('article.addTag')}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => text.trim() && add(text)}
          />
        )}
      </div>
      {suggestions.length > 0 && (
        <ul class="suggestions" id={listId} role="listbox">
          {suggestions.map((tag, i) => (
            <li
              key={tag.id}
              id={`tag-opt-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                add(tag.name);
              }}
            >
              {tag.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
