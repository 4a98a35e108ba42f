// Shared fast-check generators and settings for the property tests beside the code they test
// (`*.properties.test.ts`). Every run uses one fixed seed, so a failure is the same on every
// machine; fast-check's message names the seed, the path and the shrunk counterexample, and
// `{ seed, path }` replays it alone.
import fc from 'fast-check';

/** The seed of every property run. */
export const SEED = 0x5eed_0515;

/** Runs a property with the house seed and a bounded number of runs. */
export function checkProperty<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, numRuns = 300): void {
  fc.assert(property, { seed: SEED, numRuns, includeErrorInReport: true });
}

// Characters that break naive text code: NUL and other controls, lone surrogates, bidi
// overrides and isolates, joiners and invisibles, noncharacters, combining marks out of order,
// a capital whose lower case adds a mark (İ), and the Bengali signs whose order matters.
const HOSTILE_PIECES = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00ad',
  '\u00a0',
  '\u2028',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u2069',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  '\u0301',
  'İ',
  'ẞ',
  '\t',
  '\n',
  '\r\n',
  ' ',
  '<',
  '>',
  '&',
  '"',
  "'",
  '\\',
  '/',
  '.',
  ',',
  '।',
  '|',
];

/** Bengali letters, signs and digits, in and out of their usual order. */
export const BENGALI_PIECES = [
  'ক',
  'ত',
  'র',
  'য',
  'স',
  'ন',
  'ম',
  'অ',
  'আ',
  'এ',
  'ি',
  'ী',
  'ু',
  'ে',
  'া',
  'ৗ',
  'ো',
  'ৌ',
  '্',
  'ং',
  'ঃ',
  'ঁ',
  '়',
  'য়',
  'ড়',
  'ৎ',
  'ত্\u200d',
  'র\u200d্য',
  '০',
  '৫',
  '৯',
  '৳',
];

/** Bijoy (SutonnyMJ as Windows-1252) glyphs, including those that are also punctuation. */
export const BIJOY_PIECES = ['Av', 'K', 'g', 'v', 'w', '†', '‡', '©', '¨', 'ª', '&', 'Š', '„', '…', '’', '“', '”', '•', '›', 'ˆ', 'Ö', '™', '|', '`', '~', '^'];

/** Roman letters as Avro phonetic typists type them. */
export const AVRO_PIECES = ['a', 'ami', 'Dh', 'dh', 'rr', 'ksh', 'O', 'o', 'y', 'Z', 'ng', 'kh', 'T', 't', '`', '.', '$', ':', '^', '1', 'Sh'];

const joined = (pieces: readonly string[], maxLength: number) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((parts) => parts.join(''));

/**
 * Any string a hostile or careless writer can send, at most `maxLength` pieces long: arbitrary
 * UTF-16 (lone surrogates included), whole graphemes, and mixes of the characters above with
 * Bengali, Bijoy and Avro text.
 */
export function hostileText(maxLength = 40): fc.Arbitrary<string> {
  const all = [...HOSTILE_PIECES, ...BENGALI_PIECES, ...BIJOY_PIECES, ...AVRO_PIECES];
  return fc.oneof(
    joined(all, maxLength),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    joined(BENGALI_PIECES, maxLength),
  );
}

/** A long string (up to `size` code units) repeating hostile pieces: for the limits of linear work. */
export function longText(size: number): fc.Arbitrary<string> {
  return fc
    .tuple(hostileText(8), fc.integer({ min: 1, max: size }))
    .map(([unit, length]) => (unit === '' ? '' : unit.repeat(Math.ceil(length / unit.length)).slice(0, length)));
}
