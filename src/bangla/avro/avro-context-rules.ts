// Avro Phonetic's patterns whose Bangla depends on the Roman letters around them: a vowel is
// a sign after a consonant and a letter elsewhere; y, w, r and x change after a consonant.
// Context is always the typed Roman text, as in Avro, never the Bangla produced so far.

/** The Roman characters just before and just after a matched pattern (undefined at the edges). */
export interface AvroContext {
  readonly before: string | undefined;
  readonly after: string | undefined;
}

type Rule = (context: AvroContext) => string;

/** True for a, e, i, o, u in either case (O, I, U are vowels with their own sounds). */
export function isAvroVowel(char: string | undefined): boolean {
  return char !== undefined && char.length === 1 && 'aeiou'.includes(char.toLowerCase());
}

/** True for the Roman consonants, in either case. */
export function isAvroConsonant(char: string | undefined): boolean {
  return char !== undefined && char.length === 1 && 'bcdfghjklmnpqrstvwxyz'.includes(char.toLowerCase());
}

// Anything else (start, end, space, digit, punctuation, `) counts as a word boundary.
function isBoundary(char: string | undefined): boolean {
  return !isAvroVowel(char) && !isAvroConsonant(char);
}

function vowel(sign: string, letter: string): Rule {
  return ({ before }) => (isAvroConsonant(before) ? sign : letter);
}

function always(text: string): Rule {
  return () => text;
}

// After a vowel other than a, a second vowel "a" is heard as ya: khaoa → খাওয়া.
const a: Rule = ({ before }) => {
  if (isAvroConsonant(before)) return 'া';
  if (isBoundary(before) || before === 'a') return 'আ';
  return '\u09DFা';
};

// o after a consonant is the inherent vowel and writes nothing.
const o: Rule = ({ before }) => {
  if (isAvroConsonant(before)) return '';
  if (isAvroVowel(before) && before !== 'o') return 'ও';
  return 'অ';
};

// r after a consonant is র-ফলা (except after the letters that make য-ফলা or ব-ফলা).
const afterConsonantExcept = (before: string | undefined, except: string): boolean => isAvroConsonant(before) && !except.includes(before as string);

// rr before a consonant is a reph (korrmo → কর্ম); plain r never makes one.
const rr: Rule = ({ before, after }) => {
  if (!isAvroConsonant(before) && isAvroConsonant(after) && after !== 'r') return 'র্';
  if (isAvroConsonant(before) && before !== 'r') return '্রর';
  return 'রর';
};

/** Roman spelling → rule giving its Bangla in context. */
export const AVRO_CONTEXT_RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['a', a],
  ['o', o],
  ['i', vowel('ি', 'ই')],
  ['I', vowel('ী', 'ঈ')],
  ['ee', vowel('ী', 'ঈ')],
  ['u', vowel('ু', 'উ')],
  ['oo', vowel('ু', 'উ')],
  ['U', vowel('ূ', 'ঊ')],
  ['e', vowel('ে', 'এ')],
  ['O', vowel('ো', 'ও')],
  ['OI', vowel('ৈ', 'ঐ')],
  ['OU', vowel('ৌ', 'ঔ')],
  ['rri', vowel('ৃ', 'ঋ')],
  // A trailing ` forces the vowel sign.
  ['a`', always('া')],
  ['i`', always('ি')],
  ['I`', always('ী')],
  ['ee`', always('ী')],
  ['u`', always('ু')],
  ['oo`', always('ু')],
  ['U`', always('ূ')],
  ['e`', always('ে')],
  ['o`', always('')],
  ['O`', always('ো')],
  ['OI`', always('ৈ')],
  ['OU`', always('ৌ')],
  ['rri`', always('ৃ')],
  ['aZ', always('অ্যা')],
  ['oZ', always('অ্য')],
  ['y', ({ before }) => (isAvroConsonant(before) ? '্য' : isAvroVowel(before) ? '\u09DF' : 'ই\u09DF')],
  ['w', ({ before, after }) => (isBoundary(before) && isAvroVowel(after) ? 'ও\u09DF' : isAvroConsonant(before) ? '্ব' : 'ও')],
  ['x', ({ before }) => (isBoundary(before) ? 'এক্স' : 'ক্স')],
  ['r', ({ before }) => (afterConsonantExcept(before, 'rywxZ') ? '্র' : 'র')],
  ['rZ', ({ before }) => (afterConsonantExcept(before, 'rywx') ? '্র্য' : 'র্য')],
  ['ry', ({ before }) => (afterConsonantExcept(before, 'rywx') ? '্র্য' : 'র্য')],
  ['rr', rr],
  ['rrZ', always('রর্য')],
  ['rry', always('রর্য')],
]);
