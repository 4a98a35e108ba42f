// Character classes for the word scanner. ASCII and the Bengali block come from a table built
// once at load; other characters fall back to a Unicode property test (rare in Bengali news).

/** Separates tokens: spaces, punctuation, symbols. */
export const SEPARATOR = 0;
/** A Bengali letter (consonant, independent vowel, ৎ). */
export const BENGALI_LETTER = 1;
/** Any combining mark (\p{M}): vowel signs, hasanta, nukta, ঁ ং ঃ. */
export const MARK = 2;
/** Any decimal digit (\p{Nd}). */
export const DIGIT = 3;
/** A letter of another script. */
export const OTHER_LETTER = 4;
/** ZWJ, ZWNJ, ZWSP, soft hyphen, BOM, word joiner: inside a word, stripped from keys. */
export const JOINER = 5;
/** Full stop or comma: joins digits (৬.৯, ১০,০০০), separates everything else. */
export const NUMBER_PUNCT = 6;

export type CharClass = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const LETTER = /\p{L}/u;
const MARK_RE = /\p{M}/u;
const DIGIT_RE = /\p{Nd}/u;
const TABLE_END = 0x0a00;

function classifySlow(ch: string, inBengaliBlock: boolean): CharClass {
  if (MARK_RE.test(ch)) return MARK;
  if (DIGIT_RE.test(ch)) return DIGIT;
  if (LETTER.test(ch)) return inBengaliBlock ? BENGALI_LETTER : OTHER_LETTER;
  return SEPARATOR;
}

// Covers U+0000–U+09FF; everything in between the blocks is classified too, cheaply.
const TABLE = (() => {
  const table = new Uint8Array(TABLE_END);
  for (let code = 0; code < TABLE_END; code++) {
    table[code] = classifySlow(String.fromCharCode(code), code >= 0x0980);
  }
  table[0x2e] = NUMBER_PUNCT;
  table[0x2c] = NUMBER_PUNCT;
  table[0xad] = JOINER;
  return table;
})();

/** Classifies the code point at `code` (a full code point, not a surrogate half). */
export function classOf(code: number): CharClass {
  if (code < TABLE_END) return TABLE[code] as CharClass;
  if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0xfeff || code === 0x2060) {
    return JOINER;
  }
  return classifySlow(String.fromCodePoint(code), false);
}
