// A sound key shared by a Bengali word and the ways readers spell it in Latin letters: the
// consonant skeleton, each consonant folded to a class (aspirated and plain, dental and retroflex,
// the three sibilants, ন and ণ each one class), vowels dropped, doubles collapsed. So ফখরুল and
// fakhrul, মস্কো and moscow, ব্রাসেলস and brussels, সিলেট and sylhet, ইউনূস and yunus, হংকং and
// hongkong all share a key. Avro's strict phonetics give ফাখ্রুল, মসচও, ব্রুসসেলস for those: a
// newspaper's spelling of a name follows usage, not Avro, so a Latin query is also matched by key
// against the names a site knows (avro/name-lexicon.ts).

const BANGLA_CLASS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['কখ', 'k'],
      ['গঘ', 'g'],
      ['ঙংঞণন', 'n'],
      ['চছ', 'c'],
      ['জঝয', 'j'],
      ['টঠতথৎ', 't'],
      ['ডঢদধ', 'd'],
      ['পফ', 'p'],
      ['বভ', 'b'],
      ['ম', 'm'],
      ['র', 'r'],
      ['ল', 'l'],
      ['শষস', 's'],
      ['হ', 'h'],
    ] as const
  ).flatMap(([letters, cls]) => Array.from(letters).map((letter) => [letter, cls] as const)),
);
const NUKTA = '\u09bc';
const HASANTA = '\u09cd';

/** The sound key of a Bengali word ('' when it has no consonant). */
export function banglaSoundKey(word: string): string {
  let key = '';
  const chars = Array.from(word.normalize('NFD'));
  chars.forEach((ch, i) => {
    let cls = BANGLA_CLASS.get(ch);
    if (chars[i + 1] === NUKTA) {
      if (ch === 'য') cls = undefined; // য় is a glide: a vowel here
      if (ch === 'ড' || ch === 'ঢ') cls = 'r'; // ড়, ঢ় are written r
    }
    if (ch === 'য' && chars[i - 1] === HASANTA) cls = undefined; // the য-phala (্য) lengthens or doubles, it is not j
    if (cls !== undefined && !key.endsWith(cls)) key += cls;
  });
  return key;
}

// Latin spellings, longest first: digraphs for aspirated consonants and sibilants, then letters.
const LATIN_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/ch/y, 'c'],
  [/sh/y, 's'],
  [/ck/y, 'k'],
  [/ph/y, 'p'],
  [/ng(?=[aeiouy])/y, 'ng'],
  [/ng/y, 'n'],
  [/c(?=[eiy])/y, 's'],
  [/x/y, 'ks'],
  [/[kcq]/y, 'k'],
  [/[jz]/y, 'j'],
  [/[fp]/y, 'p'],
  [/[bv]/y, 'b'],
  [/[gdtnmrls]/y, ''], // themselves
];
const VOWELS = /[aeiouyw]/;

/** The sound key of a word in Latin letters ('' when it has no consonant). */
export function latinSoundKey(word: string): string {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  let key = '';
  const add = (cls: string) => {
    for (const c of cls) if (!key.endsWith(c)) key += c;
  };
  for (let i = 0; i < w.length;) {
    const ch = w[i]!;
    if (ch === 'h') {
      // An h after a consonant marks aspiration (kh, dh, th, bh): the class is the consonant's.
      if (i === 0 || VOWELS.test(w[i - 1]!)) add('h');
      i++;
      continue;
    }
    if (VOWELS.test(ch)) {
      i++;
      continue;
    }
    let matched = false;
    for (const [rule, cls] of LATIN_RULES) {
      rule.lastIndex = i;
      const m = rule.exec(w);
      if (!m) continue;
      add(cls || m[0]);
      i += m[0].length;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return key;
}
