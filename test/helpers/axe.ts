/// <reference lib="dom" />
// axe-core (Deque's accessibility rules engine) run inside a page, for WCAG 2.1 A and AA.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type axe from 'axe-core';
import type { Page } from 'playwright-core';

// The minified engine (axe.source is the unminified one, twice the size): parsed once per page.
const SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 levels A and AA, as axe tags its rules. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One failed rule on one page, with the elements that fail it. */
export interface AxeViolation {
  page: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
  /** What axe says is wrong with the first element. */
  summary: string;
}

/**
 * Runs axe over the page as it is now. The engine goes in through the debugging protocol
 * (page.evaluate), which the page's Content-Security-Policy does not govern: a <script> tag would
 * be refused by script-src 'self', and relaxing the policy would test a different page.
 */
export async function axeViolations(page: Page, name: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(SOURCE);
  const { violations, passed } = await page.evaluate(async (tags) => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    // resultTypes trims the other lists to one node each, which keeps the run quick; their rules still count.
    const result = await engine.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return {
      passed: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
        summary: v.nodes[0]?.failureSummary ?? '',
      })),
    };
  }, WCAG_21_AA);
  // A page where no rule applied was not checked (an empty document, a run that went wrong).
  if (passed === 0) throw new Error(`axe checked nothing on ${name} (${page.url()})`);
  return violations.map((v) => ({ page: name, ...v }));
}

/** The violations as a list a person can act on: page, rule, what it asks, where. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.page}: ${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 5).join('\n    ')}${v.targets.length > 5 ? `\n    … ${v.targets.length - 5} more` : ''}\n    ${v.summary.replaceAll('\n', '\n    ')}`,
    )
    .join('\n');
}
