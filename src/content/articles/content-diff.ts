import { documentToPlainText } from '../document/index.ts';
import type { ArticleContent } from './article-content.ts';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

// Paragraph counts whose product is above this are compared place by place instead.
const MAX_CELLS = 1_000_000;

/**
 * What changed between two versions: each field, and the body paragraph by paragraph. Body
 * changes are named `body[i]`, i counted in the newer version (in the older for a removed paragraph).
 */
export function diffContent(before: ArticleContent, after: ArticleContent): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(after) as Array<keyof ArticleContent>) {
    if (field === 'body') continue;
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes.push({ field, before: before[field], after: after[field] });
  }
  changes.push(...diffParagraphs(documentToPlainText(before.body).split('\n\n'), documentToPlainText(after.body).split('\n\n')));
  return changes;
}

/**
 * Paragraphs paired by a longest common subsequence, so that one paragraph added or removed does not
 * show every later one as changed; between two unchanged paragraphs the others pair in order.
 */
export function diffParagraphs(a: string[], b: string[]): FieldChange[] {
  const changes: FieldChange[] = [];
  const gap = (fromA: number, toA: number, fromB: number, toB: number) => {
    for (let k = 0; k < Math.max(toA - fromA, toB - fromB); k++) {
      const i = fromA + k;
      const j = fromB + k;
      changes.push({ field: `body[${j < toB ? j : i}]`, before: i < toA ? a[i] : null, after: j < toB ? b[j] : null });
    }
  };
  if (a.length * b.length > MAX_CELLS) {
    gap(0, a.length, 0, b.length);
    return changes.filter((c) => c.before !== c.after);
  }
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  let startA = 0;
  let startB = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      gap(startA, i, startB, j);
      startA = ++i;
      startB = ++j;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) i++;
    else j++;
  }
  gap(startA, a.length, startB, b.length);
  return changes;
}
