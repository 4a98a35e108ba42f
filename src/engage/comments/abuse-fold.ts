import { normalizeForSearch } from '../../bangla/analyzer/normalize.ts';

// Look-alike digits and symbols used to dodge word filters in Latin script.
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's' };
const WORD = /[\p{L}\p{M}\p{Nd}@$]+/gu;
const HAS_LETTER = /\p{L}/u;

/**
 * The words of a text as abuse checks see them: search-normalised (Bengali digits, nukta forms,
 * joiners, case), look-alike digits inside words mapped to letters, and letters typed apart
 * ("b a d", "b.a.d", "ব া জে") joined back into one word.
 */
export function abuseWords(text: string): string[] {
  const raw = normalizeForSearch(text).match(WORD) ?? [];
  const words = raw.map((w) => (HAS_LETTER.test(w) ? [...w].map((ch) => LEET[ch] ?? ch).join('') : w)).filter((w) => /[\p{L}\p{Nd}]/u.test(w));
  const out: string[] = [];
  let run = '';
  for (const word of words) {
    if ([...word].length <= 2 && HAS_LETTER.test(word)) {
      run += word;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(word);
  }
  if (run) out.push(run);
  return out;
}

/** A key for "the same comment": folded words joined, so case, spacing and digit forms do not matter. */
export function duplicateKey(text: string): string {
  return abuseWords(text).join('');
}

const BENGALI_ENDINGS = ['', 'র', 'ের', 'কে', 'রা', 'দের', 'টা', 'টি', 'গুলো', 'দেরকে'];
const LATIN_ENDINGS = ['', 's', 'es', 'ed', 'ing', 'er', 'ers'];

/** The blocked words found in a text (each reported once, in its folded form). */
export function findBlockedWords(text: string, blocked: readonly string[]): string[] {
  const words = new Set(abuseWords(text));
  const found: string[] = [];
  for (const entry of blocked) {
    const folded = abuseWords(entry).join('');
    if (!folded) continue;
    const endings = /\p{Script=Bengali}/u.test(folded) ? BENGALI_ENDINGS : LATIN_ENDINGS;
    if (endings.some((ending) => words.has(folded + normalizeForSearch(ending)))) found.push(folded);
  }
  return found;
}

/** Links in a comment, including bare domains, counted after folding away spacing tricks. */
export function countLinks(text: string): number {
  const matches = text.match(/\b(?:https?:\/\/|www\.)\S+|\b[\w-]+\.(?:com|net|org|info|xyz|bd|top|ru|io|co)\b/gi);
  return matches?.length ?? 0;
}
