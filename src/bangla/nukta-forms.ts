// Bengali has two encodings of its three nukta letters: য় ড় ঢ় as one code point (U+09DF, U+09DC,
// U+09DD) and as the letter plus nukta (য + ়). Normalisers give the second (the first are
// composition exclusions), but stored text keeps whatever its writer's keyboard or converter made.

const DECOMPOSED = /[\u09AF\u09A1\u09A2]\u09BC/g;
const ONE_POINT: Record<string, string> = { '\u09AF\u09BC': '\u09DF', '\u09A1\u09BC': '\u09DC', '\u09A2\u09BC': '\u09DD' };

/**
 * The spellings a text may be stored in, for a substring match over text that was not normalised:
 * its NFC form (nukta letters as two code points) and, when it has any, the form with them as one.
 */
export function nuktaSpellings(text: string): string[] {
  const nfc = text.normalize('NFC');
  const composed = nfc.replace(DECOMPOSED, (pair) => ONE_POINT[pair]!);
  return composed === nfc ? [nfc] : [nfc, composed];
}
