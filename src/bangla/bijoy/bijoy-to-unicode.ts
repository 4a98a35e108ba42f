// Bijoy (SutonnyMJ) text → Unicode Bengali: glyph table, longest match first, then reordering.

import type { Glyph } from './bijoy-glyphs.ts';
import { BIJOY_GLYPHS, EXPLICIT_HASANTA, LONGEST_GLYPH, REPH_MARK } from './bijoy-glyphs.ts';
import { reorderClusters } from './bijoy-reorder.ts';

const BENGALI_OR_MARK = /[\u200D\u0980-\u09FF\uE000\uE001]/;
const CONSONANT_OR_HASANTA = /^[\u09CD\u0995-\u09B9\u09DC\u09DD\u09DF]/;

interface Match {
  readonly key: string;
  readonly glyph: Glyph;
}

function longestMatch(text: string, at: number): Match | undefined {
  for (let length = Math.min(LONGEST_GLYPH, text.length - at); length > 0; length--) {
    const key = text.slice(at, at + length);
    const glyph = BIJOY_GLYPHS.get(key);
    if (glyph) return { key, glyph };
  }
  return undefined;
}

// Ambiguous glyphs (’ “ … — ” • ›) are punctuation unless they sit inside a Bengali word.
function fitsContext(match: Match, text: string, at: number, converted: string): boolean {
  if (match.glyph.context === 'afterLetter') return BENGALI_OR_MARK.test(converted.slice(-1));
  if (match.glyph.context === 'beforeLetter') {
    const next = longestMatch(text, at + match.key.length);
    return next !== undefined && CONSONANT_OR_HASANTA.test(next.glyph.unicode);
  }
  return true;
}

// Bengali already in Unicode (a paragraph converted before, a name typed in Unicode amid Bijoy):
// no glyph is in this range, and its signs are already in logical order.
const UNICODE_BENGALI = /[\u0980-\u09FF\u200C\u200D]/;

// Glyph by glyph, still in visual order; `unicode` marks the characters that came in as Unicode
// Bengali, which must not be reordered as if they were glyphs (কিম would become কমি).
function mapGlyphs(text: string): { converted: string; unicode: boolean[] } {
  let converted = '';
  const unicode: boolean[] = [];
  const add = (piece: string, asIs: boolean) => {
    converted += piece;
    for (let i = 0; i < piece.length; i++) unicode.push(asIs);
  };
  for (let at = 0; at < text.length;) {
    const match = longestMatch(text, at);
    if (match && fitsContext(match, text, at, converted)) {
      add(match.glyph.unicode, false);
      at += match.key.length;
    } else {
      add(text[at]!, UNICODE_BENGALI.test(text[at]!));
      at++;
    }
  }
  return { converted, unicode };
}

// Reorders the converted runs only; Unicode Bengali runs pass through unchanged.
function reorderGlyphRuns({ converted, unicode }: { converted: string; unicode: boolean[] }): string {
  let out = '';
  for (let start = 0; start < converted.length;) {
    let end = start + 1;
    while (end < converted.length && unicode[end] === unicode[start]) end++;
    const run = converted.slice(start, end);
    // Half letters (স্ ন্ ম্ ষ্ …) meet subscript glyphs that bring their own hasanta.
    out += unicode[start] ? run : reorderClusters(run.replace(/্{2,}/g, '্'));
    start = end;
  }
  return out;
}

// A typed hasanta keeps its consonant apart from the next one (ZWNJ), a stray reph stays র্.
function resolveMarks(text: string): string {
  return text
    .replace(new RegExp(`${EXPLICIT_HASANTA}(?=[\\u0995-\\u09B9\\u09DC\\u09DD\\u09DF])`, 'g'), '্\u200C')
    .replaceAll(EXPLICIT_HASANTA, '্')
    .replaceAll(REPH_MARK, 'র্');
}

/** Converts Bijoy (SutonnyMJ, as Windows-1252 text) to Unicode Bengali; other characters are kept. */
export function bijoyToUnicode(text: string): string {
  // NFC, as BANGLA.md writes its examples and as every Unicode normaliser stores য় ড় ঢ় (base + nukta).
  return resolveMarks(reorderGlyphRuns(mapGlyphs(text))).normalize('NFC');
}
