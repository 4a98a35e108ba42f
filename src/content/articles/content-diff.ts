import { documentToPlainText } from '../document/index.ts';
import type { ArticleContent } from './article-content.ts';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What changed between two versions: each field, and the body paragraph by paragraph. */
export function diffContent(before: ArticleContent, after: ArticleContent): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(after) as Array<keyof ArticleContent>) {
    if (field === 'body') continue;
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes.push({ field, before: before[field], after: after[field] });
  }
  const a = documentToPlainText(before.body).split('\n\n');
  const b = documentToPlainText(after.body).split('\n\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) changes.push({ field: `body[${i}]`, before: a[i] ?? null, after: b[i] ?? null });
  }
  return changes;
}
