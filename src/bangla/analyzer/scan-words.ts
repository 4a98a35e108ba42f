// The word scanner: finds runs of [\p{L}\p{M}\p{Nd}] in the original text in one pass over
// char codes, with no regex or allocation per character. It yields spans of the original text;
// normalising a span into a key is the caller's (tokensOfSpans, or the analyzer's word cache).
//
// Within a run it applies the rules that Intl.Segmenter's word boundaries need on top:
// - ZWJ/ZWNJ/ZWSP/soft hyphen stay inside a word (ICU breaks at ZWSP; writers do not mean it);
// - digits joined by one `.` or `,` are one number (৬.৯, ১০,০০০), any other `.` `,` `'`
//   separates (মো.আলী → মো, আলী; Bangladesh's → bangladesh, s);
// - digits and Bengali letters are split (৫০টি → 50, টি; ১২টায় → 12, টায়) so that a number
//   query finds the number whatever classifier is glued to it. Latin stays glued (g20, covid19).
import type { Token } from './token.ts';
import { normalizeWord } from './normalize.ts';

// The classes live in this module on purpose: the loop reads them for every character, and
// under the tsx loader a cross-module import is read through a getter (measured: half the
// scanner's time).
// Character classes for the word scanner. ASCII and the Bengali block come from a table built
// once at load; other characters fall back to a Unicode property test (rare in Bengali news).

/** Separates tokens: spaces, punctuation, symbols. */
const SEPARATOR = 0;
/** A Bengali letter (consonant, independent vowel, ৎ). */
const BENGALI_LETTER = 1;
/** Any combining mark (\p{M}): vowel signs, hasanta, nukta, ঁ ং ঃ. */
const MARK = 2;
/** Any decimal digit (\p{Nd}). */
const DIGIT = 3;
/** A letter of another script. */
const OTHER_LETTER = 4;
/** ZWJ, ZWNJ, ZWSP, soft hyphen, BOM, word joiner: inside a word, stripped from keys. */
const JOINER = 5;
/** Full stop or comma: joins digits (৬.৯, ১০,০০০), separates everything else. */
const NUMBER_PUNCT = 6;

type CharClass = 0 | 1 | 2 | 3 | 4 | 5 | 6;

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

// Scripts written without spaces between words: only ICU's dictionaries find their words.
const NEEDS_DICTIONARY = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Classifies the code point at `code` (a full code point, not a surrogate half). */
function classOf(code: number): CharClass {
  if (code < TABLE_END) return TABLE[code] as CharClass;
  if (code >= 0x2000 && code <= 0x206f) {
    // General punctuation (dashes, curly quotes, ellipsis: common in news) holds no letters,
    // marks or digits; its joiners stay inside words.
    return code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 ? JOINER : SEPARATOR;
  }
  if (code === 0xfeff) return JOINER;
  return classifySlow(String.fromCodePoint(code), false);
}

/**
 * Appends the word spans of text[from, to) to `spans` as start, end pairs (offsets in the whole
 * text). Returns true when the text holds a letter of a script that needs ICU's dictionaries to
 * find its words (the spans are then only a rough cut).
 */
export function scanWords(text: string, from: number, to: number, spans: number[]): boolean {
  let start = -1;
  let last = 0; // class of the last letter or digit in the current word
  let needsDictionary = false;
  for (let i = from; i < to; i++) {
    let code = text.charCodeAt(i);
    // A lone high surrogate (a string cut inside an emoji) is one character, not half of a pair
    // with whatever follows: reading it as a pair skipped the next letter.
    const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1));
    if (wide) code = text.codePointAt(i) as number;
    const cls = classOf(code);
    if (start < 0) {
      // Marks and joiners after a separator belong to the separator, as in UAX #29 (WB4).
      if (cls === BENGALI_LETTER || cls === DIGIT || cls === OTHER_LETTER) {
        start = i;
        last = cls;
      }
    } else if (cls === DIGIT || cls === BENGALI_LETTER) {
      if (last !== cls && (last === DIGIT || cls === DIGIT) && last !== OTHER_LETTER) {
        spans.push(start, i);
        start = i;
      }
      last = cls;
    } else if (cls === OTHER_LETTER) {
      last = cls;
    } else if (cls === NUMBER_PUNCT && last === DIGIT && isDigitAt(text, i + 1, to)) {
      // part of a number: keep going
    } else if (cls !== MARK && cls !== JOINER) {
      spans.push(start, i);
      start = -1;
    }
    if (cls === OTHER_LETTER && code >= TABLE_END && !needsDictionary) {
      needsDictionary = NEEDS_DICTIONARY.test(String.fromCodePoint(code));
    }
    if (wide) i++;
  }
  if (start >= 0) spans.push(start, to);
  return needsDictionary;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isDigitAt(text: string, i: number, to: number): boolean {
  return i < to && classOf(text.charCodeAt(i)) === DIGIT;
}

/** The tokens of word spans: each span's search key (empty keys dropped) and its offsets. */
export function tokensOfSpans(text: string, spans: readonly number[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < spans.length; i += 2) {
    const start = spans[i] as number;
    const end = spans[i + 1] as number;
    const token = normalizeWord(text.slice(start, end));
    if (token.length > 0) out.push({ token, start, end });
  }
  return out;
}
