// Tokeniser for indexing and queries. Word boundaries are those of Intl.Segmenter('bn', word)
// with the repairs of segment-words.ts; for the scripts a Bengali newsroom writes (Bengali,
// Latin, digits) the one-pass scanner finds the same words far faster (the equivalence is a
// test), so ICU is only called when a text holds a script that needs its dictionaries.
import type { Token } from './token.ts';
import { scanWords, tokensOfSpans } from './scan-words.ts';
import { segmentSpans } from './segment-words.ts';

/** The words of text as start, end pairs of UTF-16 offsets (the original, unnormalised spans). */
export function wordSpans(text: string): number[] {
  const spans: number[] = [];
  return scanWords(text, 0, text.length, spans) ? segmentSpans(text) : spans;
}

/** Splits text into normalised word tokens with their offsets in the original text. */
export function tokenize(text: string): Token[] {
  return tokensOfSpans(text, wordSpans(text));
}
