// The word scanner: finds runs of [\p{L}\p{M}\p{Nd}] in the original text in one pass over
// char codes, with no regex or allocation per character.
//
// Within a run it applies the rules that Intl.Segmenter's word boundaries need on top:
// - ZWJ/ZWNJ/ZWSP/soft hyphen stay inside a word (ICU breaks at ZWSP; writers do not mean it);
// - digits joined by one `.` or `,` are one number (৬.৯, ১০,০০০), any other `.` `,` `'`
//   separates (মো.আলী → মো, আলী; Bangladesh's → bangladesh, s);
// - digits and Bengali letters are split (৫০টি → 50, টি; ১২টায় → 12, টায়) so that a number
//   query finds the number whatever classifier is glued to it. Latin stays glued (g20, covid19).
import type { Token } from './token.ts';
import { normalizeWord } from './normalize.ts';
import { BENGALI_LETTER, DIGIT, JOINER, MARK, NUMBER_PUNCT, OTHER_LETTER, classOf } from './char-class.ts';

/** Appends the tokens found in text[from, to) to `out`, offsets relative to the whole text. */
export function scanWords(text: string, from: number, to: number, out: Token[]): void {
  let start = -1;
  let last = 0; // class of the last letter or digit in the current word
  for (let i = from; i < to; i++) {
    let code = text.charCodeAt(i);
    const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < to;
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
        emit(text, start, i, out);
        start = i;
      }
      last = cls;
    } else if (cls === OTHER_LETTER) {
      last = cls;
    } else if (cls === NUMBER_PUNCT && last === DIGIT && isDigitAt(text, i + 1, to)) {
      // part of a number: keep going
    } else if (cls !== MARK && cls !== JOINER) {
      emit(text, start, i, out);
      start = -1;
    }
    if (wide) i++;
  }
  if (start >= 0) emit(text, start, to, out);
}

function isDigitAt(text: string, i: number, to: number): boolean {
  return i < to && classOf(text.charCodeAt(i)) === DIGIT;
}

function emit(text: string, start: number, end: number, out: Token[]): void {
  const token = normalizeWord(text.slice(start, end));
  if (token.length > 0) out.push({ token, start, end });
}
