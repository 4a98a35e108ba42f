import type { IndexHit, TermAlternative } from './search-index.ts';
import { FEATURE_FIELDS, isExactForm, readWord, wordMatches } from './search-terms.ts';

/** Points for a query word in the headline (kicker, headline, subheadline). */
export const HEADLINE_POINTS = 10;
/** Points for a query word anywhere at the top of the story: headline, tags, summary, byline or the body's lead. */
export const TOP_POINTS = 4;
/** Points for each further query word standing next to the one before it, in the reader's order, in the headline. */
export const HEADLINE_NEAR_POINTS = 2;
/** The same in the summary or the lead. */
export const LEAD_NEAR_POINTS = 1;
/** Points for a query word found exactly as the reader inflected it. */
export const EXACT_FORM_POINTS = 1;
/** Points a brand-new article gains; half as many at RECENCY_HALF_LIFE_DAYS. */
export const RECENCY_POINTS = 1;
/** Age at which the recency points have halved (days). */
export const RECENCY_HALF_LIFE_DAYS = 30;
const DAY_MS = 86_400_000;

/** A hit with what ranked it. */
export interface RankedHit extends IndexHit {
  /** Points for where and how the query's words stand (higher is better): relevance without age. */
  relevance: number;
  /** Relevance plus the recency points: the order of the results. */
  score: number;
}

/**
 * Relevance first, recency second. An article's relevance counts, for each query word: whether the
 * headline holds it (10), whether the top of the story holds it (the headline, tags, summary, byline
 * or the body's first 40 words: 4), whether it stands next to the word before it as the reader typed
 * them (2 in the headline, 1 in the summary or lead) and whether it is written exactly as the reader
 * inflected it (1). Every article the engine returned holds every word somewhere (or some of them,
 * when the words were relaxed); how often the body repeats them does not count. So an article whose
 * headline holds all the words outranks one that mentions them only in its body, whatever their
 * dates; recency then adds at most one point (½ at 30 days), which separates articles of equal or
 * nearly equal relevance and never outweighs a word in the headline or the top of the story.
 *
 * The features come from the index entry, the same on both engines, and ties fall to the newer,
 * then the higher id: SQLite and PostgreSQL give the same order.
 */
export function rankHits(hits: readonly IndexHit[], groups: readonly TermAlternative[][], now: Date): RankedHit[] {
  const relevance = relevanceScorer(groups);
  return hits
    .map((h) => {
      const points = relevance(h.features);
      const ageDays = Math.max(0, now.getTime() - Date.parse(h.publishedAt)) / DAY_MS;
      return { ...h, relevance: points, score: points + RECENCY_POINTS * 0.5 ** (ageDays / RECENCY_HALF_LIFE_DAYS) };
    })
    .sort((a, b) => b.score - a.score || b.publishedAt.localeCompare(a.publishedAt) || b.articleId - a.articleId);
}

// Query groups as bits: a word's mask has bit g when it matches group g (at most MAX_QUERY_WORDS
// groups). The masks of a stored word are computed once per query: news text repeats its words.
const EXACT_SHIFT = 16;

/** Scores stored features (search-terms.ts) for these query groups: relevance points, as rankHits counts them. */
export function relevanceScorer(groups: readonly TermAlternative[][]): (features: string) => number {
  const masks = new Map<string, number>();
  const maskOf = (word: string): number => {
    let mask = masks.get(word);
    if (mask === undefined) {
      const { stem, surface } = readWord(word);
      mask = 0;
      groups.forEach((group, g) => {
        for (const alt of group) {
          if (!wordMatches(alt, stem, surface)) continue;
          mask! |= 1 << g;
          if (isExactForm(alt)) mask! |= 1 << (g + EXACT_SHIFT);
        }
      });
      masks.set(word, mask);
    }
    return mask;
  };
  const all = (1 << groups.length) - 1;
  return (features) => {
    const fields = features.split('\t');
    let head = 0;
    let top = 0;
    let exact = 0;
    let headNear = 0;
    let leadNear = 0;
    FEATURE_FIELDS.forEach((field, i) => {
      const text = fields[i];
      if (!text) return;
      let previous = 0;
      let near = 0;
      let inField = 0;
      for (const word of text.split(' ')) {
        const mask = maskOf(word);
        const found = mask & all;
        inField |= found;
        exact |= mask >>> EXACT_SHIFT;
        // Bit g (g ≥ 1) when group g stands right after group g − 1.
        near |= found & (previous << 1);
        previous = found;
      }
      top |= inField;
      if (field === 'head') {
        head = inField;
        headNear = near;
      } else if (field === 'summary' || field === 'lead') leadNear = Math.max(leadNear, bitCount(near));
    });
    return (
      HEADLINE_POINTS * bitCount(head) +
      TOP_POINTS * bitCount(top) +
      HEADLINE_NEAR_POINTS * bitCount(headNear) +
      LEAD_NEAR_POINTS * leadNear +
      EXACT_FORM_POINTS * bitCount(exact & all)
    );
  };
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}
