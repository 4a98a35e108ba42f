// Inflection suffixes of Bengali nouns and names, in normalised form (after the loose fold).
//
// `safe` suffixes are cut whenever the stem stays well formed. The others are cut ONLY when the
// stem is a known word, because cutting them blindly merges different words:
// - র, ে, য়: one letter; সরকার→সরকা, ভারতে→ভারত? or ভার? only a word list can tell.
// - দের: base words ending in দ take -ের (সংবাদের, সংসদের, আহমেদের); cut blindly they would
//   lose the দ. The plural -দের is for people, a closed class the word list covers.
// - য়ের, য়ে: বিষয়ের is বিষয় + ের, not বিষ + য়ের; মন্ত্রণালয়ের likewise; হংকংয়ে is হংকং + য়ে.
// - খানা: in news it ends compounds (কারখানা, জেলখানা, তোশাখানা) far more than it classifies.
// - তে after a consonant: ভারতে, আদালতে, রাতে are ত-words + ে; after a vowel (ঢাকাতে,
//   বাড়িতে) -তে is the locative and safe.
// - ও, ই: emphatic particles (বাংলাদেশও, এখনই), but many words end in them (ভিডিও, ভাই).

/** One suffix rule. */
export interface SuffixRule {
  suffix: string;
  /** Cut without consulting the word list. */
  safe: boolean;
  /** Safe only when the letter before the suffix is a vowel sign or a vowel. */
  safeAfterVowel?: boolean;
  /** An emphatic particle: cut only if what remains is, or stems to, a known word. */
  particle?: boolean;
}

const SAFE = [
  'গুলোকে',
  'গুলোতে',
  'গুলোর',
  'গুলো',
  'গুলিকে',
  'গুলিতে',
  'গুলির',
  'গুলি',
  'দেরকে',
  'েরা',
  'রা',
  'টির',
  'টার',
  'টিকে',
  'টাকে',
  'টিতে',
  'টাতে',
  'টি',
  'টা',
  'কে',
  'ের',
];
const KNOWN_ONLY = ['দের', 'খানা', 'য়ের', 'য়ে', 'য়', 'র', 'ে'];

function byLongestFirst(a: SuffixRule, b: SuffixRule): number {
  return b.suffix.length - a.suffix.length;
}

/** Every rule, longest suffix first. */
export const SUFFIX_RULES: readonly SuffixRule[] = [
  ...SAFE.map((suffix) => ({ suffix, safe: true })),
  { suffix: 'তে', safe: false, safeAfterVowel: true },
  ...KNOWN_ONLY.map((suffix) => ({ suffix, safe: false })),
  { suffix: 'ও', safe: false, particle: true },
  { suffix: 'ই', safe: false, particle: true },
].sort(byLongestFirst);

/** The rules grouped by the suffix's last code unit, so a word is tested against a handful. */
export const RULES_BY_LAST_CHAR: ReadonlyMap<number, readonly SuffixRule[]> = (() => {
  const map = new Map<number, SuffixRule[]>();
  for (const rule of SUFFIX_RULES) {
    const last = rule.suffix.charCodeAt(rule.suffix.length - 1);
    const list = map.get(last) ?? [];
    list.push(rule);
    map.set(last, list);
  }
  return map;
})();
