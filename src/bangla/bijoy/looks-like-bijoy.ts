// Guesses whether pasted text is Bijoy (SutonnyMJ) gibberish rather than English, code or
// Unicode Bengali. Word by word: Bijoy words carry glyph characters English never puts inside
// a word, or the letter patterns of the Bijoy layout (v is া, w is ি, capitals are consonants).

// Glyphs that mean Bijoy when attached to a Latin letter: vowel signs, reph, phalas, half letters,
// conjuncts. Quotes and apostrophes are left out: English uses them inside words (don’t).
const BIJOY_GLYPHS = /[†‡ˆ‰Š©¨ª«¯š›ÿ³²¸»¼½¾ÁÂËÎÏ¤¥¦§¡¢£¬„…Ñ]/;
// An upper-case Latin-1 letter right after a lower-case letter: no European spelling does that,
// SutonnyMJ does all the time (cÖ প্র, `Ø দ্ব, mÜ সন্ধ).
const INNER_CAPITAL_GLYPH = /[a-z`][À-Þ]/;
const LATIN = /[A-Za-z]/;
const BENGALI = /[\u0980-\u09FF]/;
const NOT_PROSE = /:\/\/|^www\.|@.+\.|[{}<>=;]|\(\)/;

// Letter pairs that are everyday English and almost impossible in Bijoy (t is ঃ, s is ং).
const ENGLISH_PAIRS = /th|he|er|ou|oo|ee|st|nt|ck|ph|qu|wh|ea|oa|tion/;
const ENGLISH_WORDS = new Set(
  (
    'a an the and or but of to in on at by for from with as is are was were be been has have had ' +
    'it its this that these those not no we you he she they his her their our my your will would ' +
    'can could should may new said says who what when where how all more one two'
  ).split(' '),
);

// 'none' is a token without letters (numbers, dashes): it neither helps nor hurts.
type WordKind = 'bijoy' | 'english' | 'bengali' | 'other' | 'none';

// One point for each Bijoy habit; English words rarely collect two.
function bijoyScore(word: string): number {
  let score = 0;
  score += (word.match(/[AK-Z]v/g) ?? []).length; // consonant + া: Kv কা, Zv তা, Av আ
  score += (word.match(/w[A-Zbcfgjkmpq`]/g) ?? []).length; // ি before its consonant: wK কি
  score += (word.match(/[bcfghjkmpq]v/g) ?? []).length; // lower-case consonant + া: gv মা
  if (/[a-z`][A-Z]/.test(word)) score++; // AvKvk, MvB: capitals inside the word
  if ((word.match(/v/g) ?? []).length >= 2) score++;
  return score;
}

function classify(token: string): WordKind {
  if (BENGALI.test(token)) return LATIN.test(token) ? 'other' : 'bengali';
  if (!LATIN.test(token)) return BIJOY_GLYPHS.test(token) ? 'bijoy' : 'none';
  if (NOT_PROSE.test(token)) return 'other';
  if (BIJOY_GLYPHS.test(token) || INNER_CAPITAL_GLYPH.test(token)) return 'bijoy';
  const word = token.replace(/^[^A-Za-z`]+|[^A-Za-z]+$/g, '');
  const lower = word.toLowerCase();
  if (ENGLISH_WORDS.has(lower) || ENGLISH_PAIRS.test(lower)) return 'english';
  if ((lower.match(/[aou]/g) ?? []).length >= 2) return 'english'; // ধ, ড়, ঁ are rare in Bijoy
  return bijoyScore(word) >= 2 ? 'bijoy' : 'other';
}

/** True when text looks like Bijoy (SutonnyMJ) typed text, false for English, code, URLs and Unicode Bengali. */
export function looksLikeBijoy(text: string): boolean {
  const kinds = text.split(/\s+/).filter(Boolean).map(classify);
  const bijoy = kinds.filter((kind) => kind === 'bijoy').length;
  const words = kinds.filter((kind) => kind !== 'none').length;
  return bijoy > 0 && bijoy * 2 >= words;
}
