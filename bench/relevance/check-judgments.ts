// Turns the judgments into grades per article key for a given corpus, and proves them true of it:
// every judged key exists, every grade-2 article holds the query's names, and every article whose
// headline holds them all is judged (so a generated story cannot be a right answer nobody judged).
// Run before any evaluation; a problem stops it.
import type { CorpusArticle } from './story.ts';
import { holdsName, words, type Judgment } from './judgment-types.ts';

/** A judgment with its grades resolved against one corpus. */
export interface ResolvedJudgment extends Judgment {
  /** Grade by article key (grade-0 articles are absent). */
  resolved: ReadonlyMap<string, number>;
}

/** At least this many queries, as the issue asks. */
export const MIN_QUERIES = 150;

interface Indexed {
  key: string;
  head: string[];
  all: string[];
}

/** Resolves every judgment; `problems` lists each way one is not true of the corpus. */
export function resolveJudgments(corpus: readonly CorpusArticle[], judgments: readonly Judgment[]): { judged: ResolvedJudgment[]; problems: string[] } {
  const problems: string[] = [];
  const indexed: Indexed[] = corpus.map((a) => {
    const head = words(`${a.kicker} ${a.headline}`);
    return { key: a.key, head, all: [...head, ...words(`${a.summary} ${a.body.join(' ')} ${a.tags.join(' ')}`)] };
  });
  const byKey = new Map(indexed.map((a) => [a.key, a]));
  if (judgments.length < MIN_QUERIES) problems.push(`only ${judgments.length} queries (at least ${MIN_QUERIES})`);
  const seen = new Set<string>();
  const judged = judgments.map((jd) => {
    if (seen.has(jd.q)) problems.push(`${jd.q}: judged twice`);
    seen.add(jd.q);
    const resolved = new Map<string, number>();
    if (jd.headline) {
      const names = jd.headline.names ?? jd.names;
      for (const a of indexed) if (names.every((n) => holdsName(a.head, n)) && !jd.notRelevant?.includes(a.key)) resolved.set(a.key, jd.headline.grade);
    }
    for (const [key, grade] of Object.entries(jd.grades)) {
      if (!byKey.has(key)) problems.push(`${jd.q}: no article ${key}`);
      resolved.set(key, Math.max(grade, resolved.get(key) ?? 0));
    }
    for (const key of jd.notRelevant ?? []) if (!byKey.has(key)) problems.push(`${jd.q}: no article ${key}`);
    problems.push(...checkOne(jd, resolved, indexed, byKey));
    return { ...jd, resolved };
  });
  return { judged, problems };
}

function checkOne(jd: Judgment, resolved: ReadonlyMap<string, number>, indexed: readonly Indexed[], byKey: ReadonlyMap<string, Indexed>): string[] {
  const problems: string[] = [];
  if (![...resolved.values()].includes(2)) problems.push(`${jd.q}: no article is the right answer`);
  for (const [key, grade] of resolved) {
    const a = byKey.get(key);
    const missing = a && grade === 2 ? jd.names.filter((n) => !holdsName(a.all, n)) : [];
    if (missing.length) problems.push(`${jd.q}: ${key} is judged right but does not hold ${missing.join(', ')}`);
  }
  for (const a of indexed) {
    if (resolved.has(a.key) || jd.notRelevant?.includes(a.key)) continue;
    if (jd.names.every((n) => holdsName(a.head, n))) problems.push(`${jd.q}: ${a.key} holds every name in its headline but is not judged`);
  }
  return problems;
}
