// Printing a relevance run: the scores of both systems per category and overall (as text and as
// the Markdown table of docs/search.md), and the queries Prokash fails with its top three.
import { missedTargets, scores, type QueryOutcome, type Score } from './evaluate.ts';
import type { CorpusArticle } from './story.ts';

const f = (x: number) => x.toFixed(3);

/** Per category and overall, both systems, one line each. */
export function scoreTable(prokash: readonly QueryOutcome[], baseline: readonly QueryOutcome[], markdown = false): string {
  const p = scores(prokash);
  const b = scores(baseline);
  const rows: Array<[string, Score, Score]> = [...p.byCategory].map(([c, s]) => [c, s, b.byCategory.get(c)!]);
  rows.push(['overall', p.overall, b.overall]);
  const head = ['category', 'queries', 'Prokash nDCG@10', 'baseline nDCG@10', 'Prokash success@1', 'baseline success@1'];
  const lines = rows.map(([c, ps, bs]) => [c, String(ps.queries), f(ps.ndcg), f(bs.ndcg), f(ps.success), f(bs.success)]);
  if (markdown) {
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    return [row(head), row(head.map((h, i) => (i ? '---:' : '---'))), ...lines.map((l, i) => row(i === lines.length - 1 ? l.map((c) => `**${c}**`) : l))].join(
      '\n',
    );
  }
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  return [head, ...lines].map((l) => l.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')).join('\n');
}

/** The queries whose first result is not a right answer, with Prokash's top three headlines. */
export function failures(outcomes: readonly QueryOutcome[], byId: ReadonlyMap<number, CorpusArticle>): string {
  const out: string[] = [];
  for (const o of outcomes.filter((x) => !x.success)) {
    out.push(`✗ [${o.judgment.category}] ${o.judgment.q}  (nDCG@10 ${f(o.ndcg)}; right: ${[...o.judgment.resolved].filter(([, g]) => g === 2).length})`);
    if (!o.ids.length) out.push('    (nothing found)');
    o.ids.slice(0, 3).forEach((id, i) => {
      const a = byId.get(id);
      out.push(`    ${i + 1}. [${o.grades[i]}] ${a ? `${a.publishedAt.slice(0, 10)} ${a.headline} (${a.key})` : `id ${id}`}`);
    });
  }
  return out.join('\n');
}

/** The targets Prokash misses over these outcomes (empty when it meets them all). */
export function targetsMissed(prokash: readonly QueryOutcome[], baseline: readonly QueryOutcome[]): string[] {
  return missedTargets(scores(prokash).overall, scores(baseline).overall);
}
