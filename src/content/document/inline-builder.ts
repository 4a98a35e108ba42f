import type { InlineNode, Mark } from './document-types.ts';
import { removeForbiddenCharacters } from './forbidden-characters.ts';
import { sameMarks } from './marks.ts';

// HTML's collapsible whitespace is ASCII only: NBSP, ZWJ and ZWNJ are text and stay as they are.
const COLLAPSIBLE = /[ \t\n\r\f]+/g;
const NEEDS_COLLAPSE = /[\t\n\r\f]| {2}/;
const BLANK = /^\s*$/; // JS \s: includes NBSP, so `<p>&nbsp;</p>` spacers count as empty

/** Gathers the inline content of one textblock from HTML text, laid out as a browser would. */
export class InlineBuilder {
  private nodes: InlineNode[] = [];

  /** Adds text with `marks` (schema order), collapsing whitespace runs to one space. */
  addText(raw: string, marks: readonly Mark[]): void {
    const clean = removeForbiddenCharacters(raw);
    // Words one space apart (most text) have nothing to collapse: the string is kept, not rebuilt.
    let text = NEEDS_COLLAPSE.test(clean) ? clean.replace(COLLAPSIBLE, ' ') : clean;
    if (this.atLineStart()) text = text.replace(/^ /, '');
    if (text === '') return;
    this.nodes.push(marks.length ? { type: 'text', text, marks: [...marks] } : { type: 'text', text });
  }

  addBreak(): void {
    this.nodes.push({ type: 'hard_break' });
  }

  /**
   * Empties the builder and returns its content as textblocks. Two or more breaks in a row end
   * a paragraph (`text<br><br>text` is how older CMSs wrote paragraphs); blank ones are dropped.
   */
  take(): InlineNode[][] {
    const blocks: InlineNode[][] = [];
    let current: InlineNode[] = [];
    this.nodes.forEach((node, i) => {
      const next = this.nodes[i + 1];
      const prev = this.nodes[i - 1];
      const inBreakRun = node.type === 'hard_break' && (next?.type === 'hard_break' || prev?.type === 'hard_break');
      if (!inBreakRun) {
        current.push(node);
      } else if (current.length) {
        blocks.push(current);
        current = [];
      }
    });
    blocks.push(current);
    this.nodes = [];
    return blocks.map(tidy).filter((block) => !block.every((node) => node.type === 'hard_break' || BLANK.test(node.text)));
  }

  private atLineStart(): boolean {
    const last = this.nodes[this.nodes.length - 1];
    return last === undefined || last.type === 'hard_break' || last.text.endsWith(' ');
  }
}

/** Drops edge breaks and line-end spaces, and merges neighbours with the same marks. */
function tidy(nodes: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    if (node.type === 'hard_break') {
      trimLineEnd(out);
      if (out.length) out.push(node);
      continue;
    }
    const last = out[out.length - 1];
    if (last?.type === 'text' && sameMarks(last.marks ?? [], node.marks ?? [])) last.text += node.text;
    else out.push({ ...node });
  }
  trimLineEnd(out);
  while (out[out.length - 1]?.type === 'hard_break') out.pop();
  return out;
}

function trimLineEnd(nodes: InlineNode[]): void {
  let last = nodes[nodes.length - 1];
  while (last?.type === 'text') {
    last.text = last.text.replace(/ $/, '');
    if (last.text !== '') return;
    nodes.pop();
    last = nodes[nodes.length - 1];
  }
}
