// Light suffix stripping for Bengali nouns and names (BANGLA.md §3). See suffix-rules.ts for
// which cuts are safe and why. Each round first looks for the SHORTEST cut that leaves a known
// word (ভারতে → ভারত, not ভার; বাংলাদেশে → বাংলাদেশ), then falls back to the longest safe cut.
import type { SuffixRule } from './suffix-rules.ts';
import { RULES_BY_LAST_CHAR } from './suffix-rules.ts';
import { countGraphemes } from './graphemes.ts';

const MAX_ROUNDS = 2; // নেতারাও → নেতারা → নেতা; কমিটিগুলোর → কমিটি → (টি) কমি
const MIN_GRAPHEMES = 2;
const HASANTA = 0x09cd;

/**
 * Name endings a blind cut would take for a suffix, by suffix. ক-final foreign names take the
 * locative -ে: ভ্লাদিভস্তকে is ভ্লাদিভস্তক + ে (-stok), কারাকে is কারাক + ে (-rak, like ইরাকে), not
 * a stem + the accusative -কে, which does not follow -রা (a plural takes -দেরকে) and rarely -স্ত.
 * Such an unknown word keeps its ending; search still meets it by its written form.
 */
const NAME_ENDINGS: ReadonlyMap<string, readonly string[]> = new Map([['কে', ['স্ত', 'স্ট', 'রা']]]);

/** Reduces an inflected, normalised token to its stem; `known` says which stems are words. */
export function stem(token: string, known: (stem: string) => boolean): string {
  let word = token;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = stripOnce(word, known);
    if (next === word) break;
    word = next;
  }
  return word;
}

function stripOnce(word: string, known: (stem: string) => boolean): string {
  const rules = RULES_BY_LAST_CHAR.get(word.charCodeAt(word.length - 1));
  if (rules === undefined || known(word)) return word;
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i] as SuffixRule;
    const cut = cutLength(word, rule);
    if (cut === 0) continue;
    const candidate = word.slice(0, cut);
    if (known(candidate)) return candidate;
    if (rule.particle === true && known(stripOnce(candidate, known))) return candidate;
  }
  for (const rule of rules) {
    const cut = cutLength(word, rule);
    if (cut > 0 && isSafe(word, cut, rule)) return word.slice(0, cut);
  }
  return word;
}

// The length of the stem if `rule` applies and leaves a well-formed stem, else 0.
function cutLength(word: string, rule: SuffixRule): number {
  if (!word.endsWith(rule.suffix)) return 0;
  const cut = word.length - rule.suffix.length;
  if (word.charCodeAt(cut - 1) === HASANTA) return 0; // পার্কে is পার্ক + ে, never পার্ + কে
  return countGraphemes(word, cut, MIN_GRAPHEMES) >= MIN_GRAPHEMES ? cut : 0;
}

function isSafe(word: string, cut: number, rule: SuffixRule): boolean {
  const stem = word.slice(0, cut);
  if (NAME_ENDINGS.get(rule.suffix)?.some((ending) => stem.endsWith(ending))) return false;
  if (rule.safe) return true;
  return rule.safeAfterVowel === true && isVowelLike(word.charCodeAt(cut - 1));
}

// A dependent vowel sign (া–ৌ) or an independent vowel (অ–ঔ).
function isVowelLike(code: number): boolean {
  return (code >= 0x09be && code <= 0x09cc) || (code >= 0x0985 && code <= 0x0994);
}
