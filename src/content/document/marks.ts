import type { Mark } from './document-types.ts';

// Schema order, as in a ProseMirror schema's mark list: a link wraps bold wraps italic, so
// adjacent text nodes sharing a link render as one <a>.
const MARK_RANK: Record<Mark['type'], number> = { link: 0, bold: 1, italic: 2 };

/** The marks in schema order (a new array). */
export function sortMarks(marks: readonly Mark[]): Mark[] {
  return [...marks].sort((a, b) => MARK_RANK[a.type] - MARK_RANK[b.type]);
}

/** True when two marks are the same type with the same attributes. */
export function sameMark(a: Mark, b: Mark): boolean {
  if (a.type === 'link' && b.type === 'link') return a.attrs.href === b.attrs.href;
  return a.type === b.type;
}

/** True when two schema-ordered mark lists are equal. */
export function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  return a.length === b.length && a.every((mark, i) => sameMark(mark, b[i] as Mark));
}
