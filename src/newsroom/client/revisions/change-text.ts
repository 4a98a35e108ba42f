// A revision diff as an editor reads it: which field (the body by block), and each side as text.
import type { Locale } from '../api-types.ts';
import { formatNumber } from '../format.ts';
import { fieldName } from '../i18n/field-names.ts';
import { hasMessage, type Translate } from '../i18n/translate.ts';

/** "শিরোনাম", or "মূল লেখা, অনুচ্ছেদ ৪" for `body[3]` (counted from one). */
export function changeLabel(field: string, t: Translate, locale: Locale): string {
  const block = /^body\[(\d+)\]$/.exec(field);
  if (block) return t('revisions.field.body', { n: formatNumber(Number(block[1]) + 1, locale) });
  return fieldName(field, t);
}

/** One side of a change as text: '—' for nothing, lists joined, a byline by its kind and people. */
export function changeValue(value: unknown, t: Translate, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, locale);
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return value.length ? value.map((v) => changeValue(v, t, locale)).join(', ') : '—';
  if (typeof value === 'object' && 'kind' in value && 'personIds' in value) {
    const { kind, personIds } = value as { kind: string; personIds: unknown };
    const key = `byline.${kind}`;
    const ids = Array.isArray(personIds) ? personIds.map((id) => `#${formatNumber(Number(id), locale)}`).join(', ') : '';
    return `${hasMessage(key) ? t(key) : kind}${ids ? `: ${ids}` : ''}`;
  }
  return JSON.stringify(value);
}

/** A revision's action (`save`, `update-significant`, `import` …) in the reader's words. */
export function revisionActionText(action: string, t: Translate): string {
  const key = `action.${action}`;
  return hasMessage(key) ? t(key) : action;
}
