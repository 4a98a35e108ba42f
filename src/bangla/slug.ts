/**
 * URL slugs that keep Bengali readable: runs of letters, marks and digits joined by hyphens.
 * Joiners are dropped (they are invisible and break URL matching); Latin is lower-cased.
 */
export function slugify(text: string, maxLength = 80): string {
  // NFC last: dropping a joiner (ে ZWJ া) or lower-casing (İ → i + U+0307) can leave text that
  // is not NFC, and a slug written two ways would be two URLs for one name.
  const words = text
    .replace(/[\u200B-\u200D\u00AD\uFEFF]/g, '')
    .toLowerCase()
    .normalize('NFC')
    .match(/[\p{L}\p{M}\p{Nd}]+/gu);
  if (!words) return '';
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (codePointLength(next) > maxLength) break;
    slug = next;
  }
  // A single over-long word is cut at a grapheme boundary rather than dropped.
  if (!slug) slug = cutGraphemes(words[0], maxLength);
  return slug;
}

function cutGraphemes(word: string, max: number): string {
  let out = '';
  for (const { segment } of new Intl.Segmenter('bn', { granularity: 'grapheme' }).segment(word)) {
    if (codePointLength(out + segment) > max) break;
    out += segment;
  }
  return out;
}

// The length a URL limit counts: code points, not UTF-16 units and not graphemes.
function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
