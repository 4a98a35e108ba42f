// Word tokens found with Intl.Segmenter. This is the reference for scan-words.ts and the path
// for scripts that need ICU's dictionaries to find word boundaries (Thai, Lao, Khmer, Myanmar,
// Chinese, Japanese). It is too slow for indexing Bengali (≈3 ms for a 600-word article on
// Node 20 / ICU 78, growing faster than linearly with length), hence the scanner.
import type { Token } from './token.ts';
import { scanWords, tokensOfSpans } from './scan-words.ts';

const segmenter = new Intl.Segmenter('bn', { granularity: 'word' });
const ONLY_JOINERS = /^[\u200B-\u200D\u00AD\uFEFF\u2060]+$/;
const BENGALI_OR_JOINER = /[\u0980-\u09FF\u200B-\u200D\u00AD\uFEFF\u2060]/;

/** Tokenises with Intl.Segmenter, repairing splits inside Bengali words (at ZWJ/ZWNJ/ZWSP). */
export function segmentWords(text: string): Token[] {
  return tokensOfSpans(text, segmentSpans(text));
}

/** Word spans (start, end pairs) found with Intl.Segmenter and the repairs above. */
export function segmentSpans(text: string): number[] {
  const out: number[] = [];
  let runStart = -1;
  let runEnd = -1;
  for (const { segment, index, isWordLike } of segmenter.segment(text)) {
    const wordish = isWordLike === true || ONLY_JOINERS.test(segment);
    if (wordish && runStart >= 0 && index === runEnd && joinsAcross(text, index)) {
      runEnd = index + segment.length;
      continue;
    }
    if (runStart >= 0) scanWords(text, runStart, runEnd, out);
    runStart = wordish ? index : -1;
    runEnd = index + segment.length;
  }
  if (runStart >= 0) scanWords(text, runStart, runEnd, out);
  return out;
}

// Two adjacent word pieces are one word when the boundary touches Bengali text or a joiner;
// elsewhere (a dictionary split between two Thai or Chinese words) ICU's boundary stands.
function joinsAcross(text: string, boundary: number): boolean {
  return BENGALI_OR_JOINER.test(text.slice(boundary - 1, boundary + 1));
}
