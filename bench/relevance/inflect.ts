// Case endings for the generated corpus, as Bangladeshi papers write them on names (BANGLA.md §8):
// the genitive -এর after a consonant sound and -র after a vowel (বাংলাদেশের, ঢাকার), -য়ের after
// a final ং (হংকংয়ের, দুবাইয়ের); the locative -এ after a consonant, -য় after া, -তে after other vowels,
// -য়ে after ং, -গাঁও and a final ই (সিলেটে, খুলনায়, দিল্লিতে, মস্কোতে, বেইজিংয়ে, দুবাইয়ে);
// the objective -কে.
// A name of several words (কিম জং উন) takes its ending on the last word.

/** A grammatical case the generator writes. */
export type Case = 'nom' | 'gen' | 'obj' | 'loc';

// A vowel letter (অ–ঔ, U+0985–0994) or vowel sign (া–ৌ, U+09BE–09CC) at the end.
function endsInVowel(word: string): boolean {
  const c = word.codePointAt(word.length - 1) ?? 0;
  return (c >= 0x985 && c <= 0x994) || (c >= 0x9be && c <= 0x9cc);
}

/** The name with the ending of `c`. */
export function inflect(name: string, c: Case): string {
  if (c === 'nom') return name;
  if (c === 'obj') return `${name}কে`;
  // -গাঁও (ঠাকুরগাঁও, তেজগাঁও) and a final vowel letter ই (দুবাই) take -য়ের / -য়ে like a final ং.
  const anusvara = /(ং|াঁও|ই)$/.test(name);
  const bare = name.replace(/ঁ$/, ''); // নওগাঁ, ম্যাক্রোঁ end in their vowel
  const vowel = endsInVowel(bare);
  if (c === 'gen') return name + (anusvara ? 'য়ের' : vowel ? 'র' : 'ের');
  if (anusvara) return `${name}য়ে`;
  if (bare.endsWith('া')) return `${name}য়`;
  return name + (vowel ? 'তে' : 'ে');
}

/** Shorthands for templates: gen(x) = x's genitive, and so on. */
export const gen = (name: string): string => inflect(name, 'gen');
export const obj = (name: string): string => inflect(name, 'obj');
export const loc = (name: string): string => inflect(name, 'loc');

const BN_DIGITS = '০১২৩৪৫৬৭৮৯';

/** A number in Bengali digits, as papers print them. */
export function bn(n: number | string): string {
  return String(n).replace(/[0-9]/g, (d) => BN_DIGITS[Number(d)]!);
}
