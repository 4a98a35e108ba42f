// One dictionary per language; the English one must have every key the Bengali one has (the
// type says so and i18n/dictionaries.test.ts checks it at run time too).
import { bn, type MessageKey } from './bn.ts';
import { en } from './en.ts';
import type { Locale } from '../api-types.ts';

export type { MessageKey };
export const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { bn, en };

/** The message for `key` in `locale`, with `{name}` placeholders filled from `vars`. */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = DICTIONARIES[locale][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Whether a key built at run time (an audit action, a revision action) has a message. */
export function hasMessage(key: string): key is MessageKey {
  return key in bn;
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;
