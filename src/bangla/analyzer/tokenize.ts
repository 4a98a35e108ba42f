// Tokeniser for indexing and queries. Word boundaries are those of Intl.Segmenter('bn', word)
// with the repairs of segment-words.ts; for the scripts a Bengali newsroom writes (Bengali,
// Latin, digits) the one-pass scanner finds the same words far faster (the equivalence is a
// test), so ICU is only called when a text holds a script that needs its dictionaries.
import type { Token } from './token.ts';
import { scanWords } from './scan-words.ts';
import { segmentWords } from './segment-words.ts';

const NEEDS_DICTIONARY =
  /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Splits text into normalised word tokens with their offsets in the original text. */
export function tokenize(text: string): Token[] {
  if (NEEDS_DICTIONARY.test(text)) return segmentWords(text);
  const out: Token[] = [];
  scanWords(text, 0, text.length, out);
  return out;
}
