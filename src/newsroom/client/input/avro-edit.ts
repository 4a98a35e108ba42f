// Avro phonetic typing, word by word: when a word ends (space, Enter or punctuation), the Roman
// letters just typed are replaced by Bengali. The converter itself is src/bangla/avro.
import { avroToBangla } from '../../../bangla/avro/avro-to-bangla.ts';

/** Keys that end a word and are let through unchanged after it is converted. */
const SEPARATORS = new Set([' ', 'Enter']);
/** Punctuation that ends a word and is itself converted with it (Avro turns `.` into `।`). */
const PUNCTUATION = new Set(['.', ',', '?', '!', ';', ')']);
/** The Roman word just typed: printable ASCII back to the last space or non-ASCII character. */
const ROMAN_WORD = /[!-~]+$/;

export interface AvroEdit {
  /** Replace from this offset (in the text before the caret) up to the caret… */
  from: number;
  /** …with this text. */
  insert: string;
  /** True when `insert` already contains the typed key, so the key must not be inserted again. */
  consumesKey: boolean;
}

/** Whether `key` (KeyboardEvent.key or typed text) ends a word in Avro mode. */
export function endsAvroWord(key: string): boolean {
  return SEPARATORS.has(key) || PUNCTUATION.has(key);
}

/** The edit that converts the word before the caret when `key` is typed, or undefined for none. */
export function avroEditAt(textBeforeCaret: string, key: string): AvroEdit | undefined {
  if (!endsAvroWord(key)) return undefined;
  const word = ROMAN_WORD.exec(textBeforeCaret)?.[0] ?? '';
  const from = textBeforeCaret.length - word.length;
  if (SEPARATORS.has(key)) {
    if (!word) return undefined;
    const insert = avroToBangla(word);
    return insert === word ? undefined : { from, insert, consumesKey: false };
  }
  const insert = avroToBangla(word + key);
  return insert === word + key ? undefined : { from, insert, consumesKey: true };
}
