// Grapheme clusters (user-perceived characters) of Bengali text.
//
// Unicode 15.1 (rule GB9c, ICU 74+) keeps a conjunct such as ক্ষ in one cluster; an older ICU
// (bundled with early Node 20 releases, or a distribution's system ICU) still splits it after
// the hasanta (ক্ | ষ). Joining those pieces here gives the same clusters on every build.

const segmenter = new Intl.Segmenter('bn', { granularity: 'grapheme' });

// A cluster that ends in hasanta (U+09CD), optionally followed by ZWJ as in র‍্যা …
const ENDS_IN_LINKER = /\u09CD\u200D?$/u;
// … links to a following cluster that starts with a Bengali consonant (InCB=Consonant).
const STARTS_WITH_CONSONANT = /^[\u0995-\u09B9\u09DC\u09DD\u09DF\u09F0\u09F1]/u;

/** Splits text into grapheme clusters, never separating the letters of a Bengali conjunct. */
export function graphemeClusters(text: string): string[] {
  return joinConjuncts(Array.from(segmenter.segment(text), (s) => s.segment));
}

/**
 * Code-unit offsets just after each of the first clusters of `text`, as `graphemeClusters` cuts
 * it, stopping once `limit + 1` are known: enough to say whether the text has more than `limit`,
 * and where each of the first `limit` ends, without segmenting the rest (truncating a long text).
 */
export function graphemeEnds(text: string, limit = Infinity): number[] {
  const ends: number[] = [];
  let offset = 0;
  let last: string | undefined;
  for (const { segment } of segmenter.segment(text)) {
    offset += segment.length;
    if (last !== undefined && ENDS_IN_LINKER.test(last) && STARTS_WITH_CONSONANT.test(segment)) {
      last += segment; // the conjunct goes on: the cluster before ends further on
      ends[ends.length - 1] = offset;
      continue;
    }
    // The cluster before is whole now; with `limit + 1` whole ones, the rest cannot matter.
    if (ends.length > limit) break;
    last = segment;
    ends.push(offset);
  }
  return ends;
}

/** Joins clusters that an older ICU split between hasanta and the next consonant (GB9c). */
export function joinConjuncts(clusters: readonly string[]): string[] {
  const joined: string[] = [];
  for (const cluster of clusters) {
    const last = joined.at(-1);
    if (last !== undefined && ENDS_IN_LINKER.test(last) && STARTS_WITH_CONSONANT.test(cluster)) {
      joined[joined.length - 1] = last + cluster;
    } else {
      joined.push(cluster);
    }
  }
  return joined;
}
