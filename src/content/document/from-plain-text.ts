import type { Doc, InlineNode, ParagraphNode } from './document-types.ts';
import { removeForbiddenCharacters } from './forbidden-characters.ts';
import { parseDocument } from './validate-document.ts';

// Word and some CMS exports use vertical tab, form feed or U+2028 for a line break within a
// paragraph; a browser's plain-text paste treats them as line ends too.
const LINE_END = /\r\n|[\n\r\v\f\u2028\u2029]/;

/** Paragraphs from plain text: blank lines separate them, single newlines become hard breaks. */
export function documentFromPlainText(text: string): Doc {
  const paragraphs: ParagraphNode[] = [];
  let lines: string[] = [];
  for (const line of text.split(LINE_END)) {
    // trim() removes spaces, tabs, NBSP and a BOM at the edges; it never touches ZWJ/ZWNJ,
    // which are not whitespace.
    const trimmed = removeForbiddenCharacters(line).trim();
    if (trimmed !== '') {
      lines.push(trimmed);
      continue;
    }
    if (lines.length) paragraphs.push(paragraphOf(lines));
    lines = [];
  }
  if (lines.length) paragraphs.push(paragraphOf(lines));
  // Validation enforces the size limits on long texts; everything else holds by construction.
  return parseDocument({ type: 'doc', content: paragraphs });
}

function paragraphOf(lines: readonly string[]): ParagraphNode {
  const content: InlineNode[] = [];
  lines.forEach((line, i) => {
    if (i > 0) content.push({ type: 'hard_break' });
    content.push({ type: 'text', text: line });
  });
  return { type: 'paragraph', content };
}
