// The genitive of a name, joined as Bengali writes it (BANGLA.md §8): a name ending in a consonant
// sound takes -এর written as the vowel sign (প্রকাশের, বাংলাদেশের), one ending in a vowel takes -র
// (বর্ণমালার, এশিয়ার, ঢাকার). A hyphen comes only after Latin letters, digits or an abbreviation
// (BBC-র, ২০২৪-এর). Names come from settings and the newsroom (site, section, person), so every
// phrase built from one goes through here.

const VOWEL_SIGNS = /[\u09BE-\u09C4\u09C7\u09C8\u09CB\u09CC\u09D7\u09E2\u09E3]$/u;
const INDEPENDENT_VOWELS = /[\u0985-\u098C\u098F\u0990\u0993\u0994\u09E0\u09E1]$/u;
/** Bengali consonants (য়, ড়, ঢ় are a consonant and the nukta in NFC) and the hasant: a consonant sound. */
const CONSONANT_END = /(?:[\u0995-\u09B9\u09DC\u09DD\u09DF]|\u09BC|\u09CD)$/u;
/** Latin letters whose English names end in a consonant sound: F (এফ), H (এইচ), L, M, N, R, S, X, Z. */
const LATIN_CONSONANT_NAMES = /[FHLMNRSXZ]$/;

/** "প্রকাশ" → "প্রকাশের", "এশিয়া" → "এশিয়ার", "BBC" → "BBC-র", "২০২৪" → "২০২৪-এর". */
export function genitive(name: string): string {
  return joinEnding(name).normalize('NFC');
}

function joinEnding(name: string): string {
  const trimmed = name.trim().normalize('NFC');
  if (!trimmed) return trimmed;
  // Zero-width joiners carry no sound; the chandrabindu only nasalises the vowel before it.
  const word = trimmed.replace(/(?:\u200C|\u200D|\u0981)+$/u, '');
  if (VOWEL_SIGNS.test(word)) return `${trimmed}র`;
  // After a vowel letter the ending is -য়ের (ভাইয়ের, বউয়ের, দুইয়ের).
  if (INDEPENDENT_VOWELS.test(word)) return `${word}য়ের`;
  // ৎ is the dead form of ত: its genitive is written with ত (ভবিষ্যৎ → ভবিষ্যতের).
  if (word.endsWith('\u09CE')) return `${word.slice(0, -1)}তের`;
  // ং likewise takes its full form ঙ before the vowel (রং → রঙের).
  if (word.endsWith('\u0982')) return `${word.slice(0, -1)}ঙের`;
  if (CONSONANT_END.test(word)) return `${trimmed}ের`;
  // Latin letters, digits, an abbreviation's full stop, a closing bracket: joined with a hyphen.
  if (/[0-9\u09E6-\u09EF]$/u.test(word)) return `${trimmed}-এর`;
  if (/[A-Z]{2,}$/.test(word)) return `${trimmed}-${LATIN_CONSONANT_NAMES.test(word) ? 'এর' : 'র'}`;
  if (/[a-zA-Z]$/.test(word)) return `${trimmed}-${/[aeiouyAEIOUY]$/.test(word) ? 'র' : 'এর'}`;
  return `${trimmed}-এর`;
}
