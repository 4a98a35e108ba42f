// A cheap grapheme test for the stemmer. Intl.Segmenter would be exact but costs microseconds
// per word; for Bengali a new grapheme starts at every letter that is neither a combining mark
// nor a consonant joined by a preceding hasanta (a conjunct), which is all the stemmer needs.

const HASANTA = 0x09cd;

function isBengaliMark(code: number): boolean {
  return (
    (code >= 0x0981 && code <= 0x0983) ||
    code === 0x09bc ||
    (code >= 0x09be && code <= 0x09cd) ||
    code === 0x09d7 ||
    code === 0x09e2 ||
    code === 0x09e3 ||
    code === 0x09fe
  );
}

function isBengaliConsonant(code: number): boolean {
  return (code >= 0x0995 && code <= 0x09b9) || (code >= 0x09dc && code <= 0x09df) || code === 0x09ce;
}

/** Counts the grapheme clusters of the first `end` code units of word, stopping at `limit`. */
export function countGraphemes(word: string, end: number = word.length, limit = Infinity): number {
  let count = 0;
  let previous = 0;
  for (let i = 0; i < end && count < limit; i++) {
    const code = word.charCodeAt(i);
    const joined = previous === HASANTA && isBengaliConsonant(code);
    if (!isBengaliMark(code) && !joined && !(code >= 0xdc00 && code <= 0xdfff)) count++;
    previous = code;
  }
  return count;
}
