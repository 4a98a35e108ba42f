// Search-key normalisation for Bengali text (BANGLA.md §2). Display text is never changed;
// these functions only build the keys that documents and queries are compared by.
//
// Nukta letters: we keep the DECOMPOSED form (য + ়, ড + ়, ঢ + ়). U+09DC/09DD/09DF are
// composition exclusions, so NFC, NFD, PostgreSQL's normalize() and every other
// Unicode-conformant tool produce the two-code-point form; the one-code-point form can never
// be the output of a normaliser. Choosing it means a key is its own NFC and stays unchanged
// if another layer normalises it again.

// Old khanda ta: ত + ্ + ZWJ (Unicode 4.0). ZWNJ is accepted too: it draws the same visible
// hasanta ত্‌, which readers read as ৎ. Must run before the joiners are stripped.
const OLD_KHANDA_TA = /\u09A4\u09CD[\u200C\u200D]/g;
// Invisible format characters that writers and converters leave inside words (U+2060 word
// joiner is added to the BANGLA.md list: it is invisible and has no meaning in a key).
const INVISIBLES = /[\u200B-\u200D\u00AD\uFEFF\u2060]/g;
// A hasanta at the very end of a word after ত is the pre-Unicode-4.1 spelling of ৎ (হঠাত্).
const FINAL_HASANTA_TA = /\u09A4\u09CD(?![\u0995-\u09B9\u09DC-\u09DF])/g;
// Danda, double danda and the ASCII bar that Bijoy-era text uses for a danda end sentences.
const DANDAS = /[\u0964\u0965|]/g;
// Abbreviation marks: মোঃ / মো. / ডাঃ / লিঃ. A word-final visarga and a full stop right after
// a Bengali letter are abbreviation points, never part of the word (internal ঃ as in দুঃখ stays).
const FINAL_VISARGA = /\u0983(?![\u0980-\u09FF])/g;
const BENGALI_DOT = /(?<=[\u0980-\u09E5\u09F0-\u09FF])\./g;
// Characters that need the slow path: invisibles, dandas, abbreviation marks, precomposed
// nukta letters, ে before া/ৗ (two-part ো/ৌ), a hasanta ত, a hasanta before a nukta (the only
// two Bengali marks NFC reorders), and anything outside ASCII and the Bengali block (which might
// not be NFC).
const NEEDS_PREPARE =
  /[\u0983\u200B-\u200D\u00AD\uFEFF\u2060\u0964\u0965|.\u09DC\u09DD\u09DF]|\u09C7[\u09BE\u09D7]|\u09A4\u09CD|\u09CD\u09BC|[^\p{ASCII}\u0980-\u09FF]/u;
// Loose spelling fold: ী→ি ূ→ু ঈ→ই ঊ→উ ঁ→∅ ঙ্/ঙ→ং, Bengali digits → ASCII, A–Z → a–z.
// ঙ্ folds with its hasanta so that সঙ্গে meets the variant spelling সংগে.
const FOLDABLE = /\u0999\u09CD?|[\u09C0\u09C2\u0981\u0988\u098A\u09E6-\u09EFA-Z]/g;
const NON_ASCII_UPPER = /[^\p{ASCII}\u0980-\u09FF]/u;
const WHITESPACE_RUN = /\s+/g;
const NEEDS_COLLAPSE = /\s\s|^\s|\s$|[^\S ]/;

/** Makes the search key of a text: one form per letter, loose spelling fold, ASCII digits. */
export function normalizeForSearch(text: string): string {
  const key = normalizeWord(text);
  return NEEDS_COLLAPSE.test(key) ? key.replace(WHITESPACE_RUN, ' ').trim() : key;
}

/** normalizeForSearch without whitespace collapsing, for a single token (the hot path). */
export function normalizeWord(word: string): string {
  // Without a character from NEEDS_PREPARE the word is ASCII and Bengali only, so A–Z in
  // FOLDABLE is the only case folding it can need.
  if (!NEEDS_PREPARE.test(word)) return fold(word);
  // The rules for word-final ঃ and ত্ look at neighbours that folding changes (ঃঁ, ঃ৫, ত্ঙ), so
  // the key is normalised again until it stands still: the index stores keys and a query must
  // meet them however often either was normalised. Two rounds settle every input seen.
  let key = fold(prepare(word));
  for (let round = 0; round < 3; round++) {
    const again = fold(prepare(key));
    if (again === key) break;
    key = again;
  }
  return key;
}

function fold(key: string): string {
  const folded = key.replace(FOLDABLE, foldMatch);
  // Dropping ঁ (or the hasanta of ঙ্) can bring marks together that NFC composes or reorders
  // (ে ঁ া → ো), and a key must be its own NFC.
  return folded.length < key.length ? folded.normalize('NFC') : folded;
}

// Order matters: khanda ta before stripping ZWJ; NFC last, so that a ে … া pair split by a
// stray joiner or a dropped ঃ still composes to ো, and after lower-casing, which can add a mark
// (İ → i + U+0307) that NFC must put in order. No step before it depends on composition.
function prepare(text: string): string {
  return lowerCase(
    text
      .replace(OLD_KHANDA_TA, '\u09CE')
      .replace(INVISIBLES, '')
      .replace(FINAL_HASANTA_TA, '\u09CE')
      .replace(DANDAS, ' ')
      .replace(FINAL_VISARGA, '')
      .replace(BENGALI_DOT, ' '),
  ).normalize('NFC');
}

function lowerCase(text: string): string {
  return NON_ASCII_UPPER.test(text) ? text.toLowerCase() : text;
}

function foldMatch(match: string): string {
  const code = match.charCodeAt(0);
  if (code <= 0x5a) return String.fromCharCode(code + 0x20); // A–Z
  if (code >= 0x09e6) return String.fromCharCode(code - 0x09e6 + 0x30); // ০–৯
  switch (code) {
    case 0x09c0:
      return '\u09BF'; // ী → ি
    case 0x09c2:
      return '\u09C1'; // ূ → ু
    case 0x0988:
      return '\u0987'; // ঈ → ই
    case 0x098a:
      return '\u0989'; // ঊ → উ
    case 0x0999:
      return '\u0982'; // ঙ / ঙ্ → ং
    default:
      return ''; // ঁ
  }
}
