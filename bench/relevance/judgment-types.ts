// What a judged query is, and the text test the checks use to say an article "holds" a name.
// The test is deliberately simple and independent of the analyzer under test: a name is held
// by a word that is the name itself or the name plus a common ending (-এর, -কে, -তে, -য় …).

export const CATEGORIES = [
  'two-names',
  'name-event',
  'description',
  'case-ending',
  'place-ending',
  'latin',
  'variant',
  'phrase',
  'false-friend',
  'single-name',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** 2: the right answer (the story the reader meant); 1: acceptable; absent: not relevant. */
export type Grade = 1 | 2;

export interface Judgment {
  q: string;
  category: Category;
  /**
   * The names (and words) the reader meant, one word each, spelt as the corpus spells them:
   * every grade-2 article must hold each of them, and every article whose kicker or headline holds
   * them all must be judged.
   */
  names: string[];
  /** Planted stories by key. */
  grades: Record<string, Grade>;
  /** Every article whose kicker or headline holds these names (default: `names`) gets this grade. */
  headline?: { grade: Grade; names?: string[] };
  /** Articles whose headline holds the names but which are not what the reader meant. */
  notRelevant?: string[];
}

const ZERO_WIDTH = /[\u200B-\u200D\u00AD\uFEFF\u2060]/g;

/** Display text to comparable words: NFC, zero-width characters out, split at anything not a letter, mark or digit. */
export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .split(/[^\p{L}\p{M}\p{Nd}]+/u)
    .filter(Boolean);
}

const ENDINGS = new Set(
  [
    '',
    'র',
    'ের',
    'এর',
    'কে',
    'েকে',
    'তে',
    'য়',
    'য়ে',
    'য়ের',
    'ে',
    'ও',
    'ই',
    'রা',
    'েরা',
    'দের',
    'রও',
    'েরও',
    'কেও',
    'তেও',
    'য়ও',
    'েও',
    'েই',
    'রই',
    'েরই',
    'কেই',
    'তেই',
    'সহ',
    'টি',
    'টির',
    'গুলো',
    'গুলোর',
  ].map((e) => e.normalize('NFC')),
);

/** True when one of `ws` is `name` or `name` with a common ending. */
export function holdsName(ws: readonly string[], name: string): boolean {
  const n = words(name)[0] ?? '';
  return ws.some((w) => w.startsWith(n) && ENDINGS.has(w.slice(n.length)));
}
