// The measures: nDCG@10 with graded gains and success@1, per query, per category and overall, and
// the targets of issue 13. A search is any function from a query to article ids, best first.
import type { ResolvedJudgment } from './check-judgments.ts';
import { CATEGORIES, type Category } from './judgment-types.ts';

/** Issue 13's targets. */
export const TARGETS = { ndcg: 0.9, aboveBaseline: 0.25, success: 0.85 } as const;

/** Results counted per query. */
export const DEPTH = 10;

/** A search under test: the ids of the first page, best first. */
export type Searcher = (q: string) => Promise<number[]>;

/** Discounted cumulative gain of grades in rank order: Σ (2^g − 1) / log2(i + 2), over the first `k`. */
export function dcg(grades: readonly number[], k = DEPTH): number {
  let sum = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) sum += (2 ** grades[i]! - 1) / Math.log2(i + 2);
  return sum;
}

/** nDCG@k of the result grades, the ideal order being every judged grade, highest first. */
export function ndcg(resultGrades: readonly number[], judged: Iterable<number>, k = DEPTH): number {
  const ideal = dcg(
    [...judged].sort((a, b) => b - a),
    k,
  );
  return ideal === 0 ? 0 : dcg(resultGrades, k) / ideal;
}

/** One query's outcome. */
export interface QueryOutcome {
  judgment: ResolvedJudgment;
  ids: number[];
  grades: number[];
  ndcg: number;
  /** The first result is a right answer (grade 2). */
  success: boolean;
}

/** Runs every judged query through `search`, one after another. */
export async function evaluate(judged: readonly ResolvedJudgment[], search: Searcher, keyOf: ReadonlyMap<number, string>): Promise<QueryOutcome[]> {
  const out: QueryOutcome[] = [];
  for (const judgment of judged) {
    const ids = (await search(judgment.q)).slice(0, DEPTH);
    const grades = ids.map((id) => judgment.resolved.get(keyOf.get(id) ?? '') ?? 0);
    out.push({ judgment, ids, grades, ndcg: ndcg(grades, judgment.resolved.values()), success: grades[0] === 2 });
  }
  return out;
}

/** Mean nDCG@10 and success@1 over some queries. */
export interface Score {
  queries: number;
  ndcg: number;
  success: number;
}

export interface Scores {
  overall: Score;
  byCategory: ReadonlyMap<Category, Score>;
}

function mean(outcomes: readonly QueryOutcome[]): Score {
  const n = outcomes.length || 1;
  return {
    queries: outcomes.length,
    ndcg: outcomes.reduce((s, o) => s + o.ndcg, 0) / n,
    success: outcomes.filter((o) => o.success).length / n,
  };
}

/** Overall and per-category means. */
export function scores(outcomes: readonly QueryOutcome[]): Scores {
  const byCategory = new Map<Category, Score>();
  for (const c of CATEGORIES) {
    const of = outcomes.filter((o) => o.judgment.category === c);
    if (of.length) byCategory.set(c, mean(of));
  }
  return { overall: mean(outcomes), byCategory };
}

/** Each target Prokash misses, as a sentence; empty when all are met. */
export function missedTargets(prokash: Score, baseline: Score): string[] {
  const missed: string[] = [];
  if (prokash.ndcg < TARGETS.ndcg) missed.push(`nDCG@10 ${prokash.ndcg.toFixed(3)} < ${TARGETS.ndcg}`);
  if (prokash.ndcg - baseline.ndcg < TARGETS.aboveBaseline)
    missed.push(`nDCG@10 only ${(prokash.ndcg - baseline.ndcg).toFixed(3)} above the baseline's ${baseline.ndcg.toFixed(3)} (< ${TARGETS.aboveBaseline})`);
  if (prokash.success < TARGETS.success) missed.push(`success@1 ${prokash.success.toFixed(3)} < ${TARGETS.success}`);
  return missed;
}
