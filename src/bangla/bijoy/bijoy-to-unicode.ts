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

// Glyph by glyph, still in visual order.
function mapGlyphs(text: string): string {
  let converted = '';
  for (let at = 0; at < text.length;) {
    const match = longestMatch(text, at);
    if (match && fitsContext(match, text, at, converted)) {
      converted += match.glyph.unicode;
      at += match.key.length;
    } else {
      converted += text[at]!;
      at++;
    }
  }
  return converted;
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
  // Half letters (স্ ন্ ম্ ষ্ …) meet subscript glyphs that bring their own hasanta.
  const visual = mapGlyphs(text).replace(/্{2,}/g, '্');
  // NFC, as BANGLA.md writes its examples and as every Unicode normaliser stores য় ড় ঢ় (base + nukta).
  return resolveMarks(reorderClusters(visual)).normalize('NFC');
}
