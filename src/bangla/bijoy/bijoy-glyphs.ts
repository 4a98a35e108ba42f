// The SutonnyMJ glyph table: each key is what a Bijoy glyph looks like once its byte is read as
// Windows-1252 text; each value is the Unicode it stands for, still in the font's visual order
// (pre-base vowel signs first, reph last). Reordering happens afterwards (bijoy-reorder.ts).
// Written from the SutonnyMJ layout as documented by the Avro Keyboard project (MPL-2.0).

/** Where a glyph may be read as Bengali; outside that context the character is kept as typed. */
export type GlyphContext =
  | 'always'
  // The character is also common punctuation (’ “ … —): Bengali only inside a Bengali word.
  | 'afterLetter'
  // A half letter that is also punctuation (” • ›): Bengali only when a letter follows.
  | 'beforeLetter';

export interface Glyph {
  readonly unicode: string;
  readonly context: GlyphContext;
}

/** Private-use stand-in for the reph glyph ©, which must still move before its cluster. */
export const REPH_MARK = '\uE000';
/** Private-use stand-in for the typed hasanta &, which must not join the next consonant. */
export const EXPLICIT_HASANTA = '\uE001';

const ALWAYS: ReadonlyArray<readonly [string, string]> = [
  // Independent vowels; A + v is আ, the only vowel built from two glyphs.
  ['A', 'অ'],
  ['Av', 'আ'],
  ['B', 'ই'],
  ['C', 'ঈ'],
  ['D', 'উ'],
  ['E', 'ঊ'],
  ['F', 'ঋ'],
  ['G', 'এ'],
  ['H', 'ঐ'],
  ['I', 'ও'],
  ['J', 'ঔ'],
  // Consonants. য় ড় ঢ় are the single code points U+09DF U+09DC U+09DD.
  ['K', 'ক'],
  ['L', 'খ'],
  ['M', 'গ'],
  ['N', 'ঘ'],
  ['O', 'ঙ'],
  ['P', 'চ'],
  ['Q', 'ছ'],
  ['R', 'জ'],
  ['S', 'ঝ'],
  ['T', 'ঞ'],
  ['U', 'ট'],
  ['V', 'ঠ'],
  ['W', 'ড'],
  ['X', 'ঢ'],
  ['Y', 'ণ'],
  ['Z', 'ত'],
  ['_', 'থ'],
  ['`', 'দ'],
  ['a', 'ধ'],
  ['b', 'ন'],
  ['c', 'প'],
  ['d', 'ফ'],
  ['e', 'ব'],
  ['f', 'ভ'],
  ['g', 'ম'],
  ['h', 'য'],
  ['i', 'র'],
  ['j', 'ল'],
  ['k', 'শ'],
  ['l', 'ষ'],
  ['m', 'স'],
  ['n', 'হ'],
  ['o', '\u09DC'],
  ['p', '\u09DD'],
  ['q', '\u09DF'],
  ['r', 'ৎ'],
  ['s', 'ং'],
  ['t', 'ঃ'],
  ['u', 'ঁ'],
  // Vowel signs (several glyph shapes for ু and ৃ fit under different letters).
  ['v', 'া'],
  ['w', 'ি'],
  ['x', 'ী'],
  ['y', 'ু'],
  ['z', 'ু'],
  ['æ', 'ু'],
  ['~', 'ূ'],
  ['†', 'ে'],
  ['‡', 'ে'],
  ['ˆ', 'ৈ'],
  ['‰', 'ৈ'],
  ['Š', 'ৗ'],
  // Digits and signs.
  ['0', '০'],
  ['1', '১'],
  ['2', '২'],
  ['3', '৩'],
  ['4', '৪'],
  ['5', '৫'],
  ['6', '৬'],
  ['7', '৭'],
  ['8', '৮'],
  ['9', '৯'],
  ['|', '।'],
  ['||', '॥'],
  ['$', '৳'],
  ['&', EXPLICIT_HASANTA],
  ['©', REPH_MARK],
  ['Ò', '“'],
  ['Ó', '”'],
  ['Ô', '‘'],
  ['Õ', '’'],
  ['Ð', '–'],
  ['Ñ', '—'],
  // Phala and other subscript glyphs; each carries its own hasanta.
  ['¨', '্য'],
  ['ª', '্র'],
  ['«', '্র'],
  ['Ö', '্র'],
  ['^', '্ব'],
  ['¡', '্ব'],
  ['Ÿ', '্ব'],
  ['¦', '্ব'],
  ['¥', '্ম'],
  ['§', '্ম'],
  ['¬', '্ল'],
  ['\u00AD', '্ল'],
  ['ø', '্ল'],
  ['œ', '্ন'],
  ['è', '্ণ'],
  ['‹', '্ক'],
  ['Œ', '্ক্র'],
  ['Í', '্ত'],
  ['¿', '্ত্র'],
  ['¢', '্ভ'],
  ['£', '্ভ্র'],
  ['ú', '্প'],
  // র + য-ফলা is written with ZWJ so that it does not turn into a reph (র‍্যাব).
  ['i¨', 'র\u200D্য'],
  // Half letters; a following subscript glyph repeats the hasanta, which is collapsed later.
  ['¯', 'স্'],
  ['š', 'ন্'],
  ['¤', 'ম্'],
  ['®', 'ষ্'],
  // Ready-made conjuncts.
  ['°', 'ক্ক'],
  ['±', 'ক্ট'],
  ['²', 'ক্ষ্ম'],
  ['³', 'ক্ত'],
  ['´', 'ক্ম'],
  ['µ', 'ক্র'],
  ['¶', 'ক্ষ'],
  ['·', 'ক্স'],
  ['ÿ', 'ক্ষ'],
  ['¸', 'গু'],
  ['»', 'গ্ধ'],
  ['¼', 'ঙ্ক'],
  ['½', 'ঙ্গ'],
  ['¾', 'জ্জ'],
  ['À', 'জ্ঝ'],
  ['Á', 'জ্ঞ'],
  ['Â', 'ঞ্চ'],
  ['Ã', 'ঞ্ছ'],
  ['Ä', 'ঞ্জ'],
  ['Å', 'ঞ্ঝ'],
  ['Æ', 'ট্ট'],
  ['Ç', 'ড্ড'],
  ['È', 'ণ্ট'],
  ['É', 'ণ্ঠ'],
  ['Ê', 'ণ্ড'],
  ['Ë', 'ত্ত'],
  ['Ì', 'ত্থ'],
  ['Î', 'ত্র'],
  ['Ï', 'দ্দ'],
  ['×', 'দ্ধ'],
  ['Ø', 'দ্ব'],
  ['Ù', 'দ্ম'],
  ['Ú', 'ন্ঠ'],
  ['Û', 'ন্ড'],
  ['Ü', 'ন্ধ'],
  ['Ý', 'ন্স'],
  ['Þ', 'প্ট'],
  ['ß', 'প্ত'],
  ['à', 'প্প'],
  ['á', 'প্স'],
  ['â', 'ব্জ'],
  ['ã', 'ব্দ'],
  ['ä', 'ব্ধ'],
  ['å', 'ভ্র'],
  ['é', 'ল্ক'],
  ['ê', 'ল্গ'],
  ['ë', 'ল্ট'],
  ['ì', 'ল্ড'],
  ['í', 'ল্প'],
  ['î', 'ল্ফ'],
  ['ï', 'শু'],
  ['ð', 'শ্চ'],
  ['ñ', 'শ্ছ'],
  ['ò', 'ষ্ণ'],
  ['ó', 'ষ্ট'],
  ['ô', 'ষ্ঠ'],
  ['õ', 'ষ্ফ'],
  ['ö', 'স্খ'],
  ['÷', 'স্ট'],
  ['ù', 'স্ফ'],
  ['û', 'হু'],
  ['ü', 'হৃ'],
  ['ý', 'হ্ন'],
  ['þ', 'হ্ম'],
];

const AFTER_LETTER: ReadonlyArray<readonly [string, string]> = [
  ['‘', '্তু'],
  ['’', '্থ'],
  ['“', 'ু'],
  ['–', 'ু'],
  ['„', 'ৃ'],
  ['…', 'ৃ'],
  ['‚', 'ূ'],
  ['ƒ', 'ূ'],
  ['—', '্ত'],
];

const BEFORE_LETTER: ReadonlyArray<readonly [string, string]> = [
  ['”', 'চ্'],
  ['•', 'ঙ্'],
  ['˜', 'দ্'],
  ['™', 'দ্'],
  ['›', 'ন্'],
];

function entries(pairs: ReadonlyArray<readonly [string, string]>, context: GlyphContext): Array<[string, Glyph]> {
  return pairs.map(([key, unicode]) => [key, { unicode, context }]);
}

/** Every SutonnyMJ glyph the converter knows, keyed by its Windows-1252 spelling. */
export const BIJOY_GLYPHS: ReadonlyMap<string, Glyph> = new Map([
  ...entries(ALWAYS, 'always'),
  ...entries(AFTER_LETTER, 'afterLetter'),
  ...entries(BEFORE_LETTER, 'beforeLetter'),
]);

/** Length of the longest key in BIJOY_GLYPHS, where longest-match lookup starts. */
export const LONGEST_GLYPH = Math.max(...[...BIJOY_GLYPHS.keys()].map((key) => key.length));
