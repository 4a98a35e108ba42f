// Shortening headlines and snippets without breaking Bengali letters: a conjunct such as
// ক্ষ or স্ত্র is several code points but one grapheme cluster, and cutting inside it leaves
// a dangling hasanta (BANGLA.md §2).
import { graphemeClusters, graphemeEnds } from './grapheme-clusters.ts';

const words = new Intl.Segmenter('bn', { granularity: 'word' });

// A word boundary this far into the budget is close enough to prefer over a mid-word cut.
const WORD_CUT_WINDOW = 0.3;

// Spaces and punctuation (danda included) that should not sit just before the ellipsis.
const TRAILING_JUNK = /[\s\p{P}]+$/u;

/** Number of user-perceived characters (grapheme clusters) in the text. */
export function graphemeLength(text: string): number {
  return graphemeClusters(text).length;
}

/** Shortens text to at most maxGraphemes clusters (ellipsis included); unchanged if it fits. */
export function truncateGraphemes(text: string, maxGraphemes: number, ellipsis = '…'): string {
  if (!Number.isInteger(maxGraphemes) || maxGraphemes < 0) {
    throw new RangeError(`maxGraphemes must be a non-negative integer: ${maxGraphemes}`);
  }
  // Only as far as the limit: a snippet's window holds about twice the clusters it shows.
  const ends = graphemeEnds(text, maxGraphemes);
  if (ends.length <= maxGraphemes) return text;
  const budget = maxGraphemes - graphemeLength(ellipsis);
  // No room for the ellipsis: a bare cut is the only way to stay within the limit.
  if (budget <= 0) return text.slice(0, ends[maxGraphemes - 1] ?? 0);
  const hardCut = ends[budget - 1] ?? 0;
  const cut = wordCut(text, ends, budget) ?? hardCut;
  const kept = text.slice(0, cut).replace(TRAILING_JUNK, '') || text.slice(0, hardCut).replace(TRAILING_JUNK, '');
  return kept + ellipsis;
}

// The last word boundary within the final 30% of the budget, as a code-unit offset.
function wordCut(text: string, ends: number[], budget: number): number | undefined {
  const limit = ends[budget - 1] ?? 0;
  const earliest = ends[Math.ceil(budget * (1 - WORD_CUT_WINDOW)) - 1] ?? 0;
  const clusterEnds = new Set(ends);
  let best: number | undefined;
  for (const segment of words.segment(text)) {
    const end = segment.index + segment.segment.length;
    if (end > limit) break;
    // Word boundaries fall between clusters anyway; the check makes that a guarantee.
    if (end >= earliest && clusterEnds.has(end)) best = end;
  }
  return best;
}
