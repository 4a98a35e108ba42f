// Tiptap names its nodes in camelCase (bulletList, hardBreak) and adds attributes of its own
// (link target/rel/class, ordered list type); the server's document model uses ProseMirror's
// names and allows only its own attributes. These two functions are the one place that knows both.
import type { Doc } from '../../../content/document/document-types.ts';

/** A node as Tiptap's `editor.getJSON()` gives it and `setContent` takes it. */
export interface TiptapNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TiptapNode[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  text?: string;
}

const TO_DOCUMENT: Record<string, string> = {
  bulletList: 'bullet_list',
  orderedList: 'ordered_list',
  listItem: 'list_item',
  horizontalRule: 'horizontal_rule',
  hardBreak: 'hard_break',
};
const TO_TIPTAP: Record<string, string> = Object.fromEntries(Object.entries(TO_DOCUMENT).map(([a, b]) => [b, a]));

/** The attributes each document node keeps; every other attribute is dropped. */
const NODE_ATTRS: Record<string, readonly string[]> = {
  heading: ['level'],
  ordered_list: ['start'],
  image: ['src', 'alt', 'caption', 'credit', 'width', 'height'],
  embed: ['provider', 'url'],
};
const MARK_ATTRS: Record<string, readonly string[]> = { bold: [], italic: [], link: ['href'] };

/** Tiptap JSON → the server's document; marks the server does not know are dropped, not sent. */
export function tiptapToDocument(node: TiptapNode): Doc {
  return convert(node, TO_DOCUMENT, true) as unknown as Doc;
}

/** The server's document → Tiptap JSON for `setContent`. */
export function documentToTiptap(doc: Doc): TiptapNode {
  return convert(doc as unknown as TiptapNode, TO_TIPTAP, false);
}

function convert(node: TiptapNode, names: Record<string, string>, toDocument: boolean): TiptapNode {
  const type = names[node.type] ?? node.type;
  const out: TiptapNode = { type };
  if (type === 'text') {
    out.text = node.text ?? '';
    const marks = (node.marks ?? []).flatMap((mark) => {
      const keep = MARK_ATTRS[mark.type];
      if (keep === undefined) return []; // underline, strike, code: not in the model
      const attrs = pick(mark.attrs, keep);
      return [attrs ? { type: mark.type, attrs } : { type: mark.type }];
    });
    if (marks.length) out.marks = marks;
    return out;
  }
  const attrs = toDocument ? pick(node.attrs, NODE_ATTRS[type] ?? []) : node.attrs && { ...node.attrs };
  if (attrs && Object.keys(attrs).length) out.attrs = attrs;
  if (node.content) {
    // Empty text nodes cannot exist in the model; Tiptap never makes them, but pasted JSON might.
    const content = node.content.filter((child) => child.type !== 'text' || (child.text ?? '') !== '');
    out.content = content.map((child) => convert(child, names, toDocument));
  }
  return out;
}

function pick(attrs: Record<string, unknown> | undefined, keep: readonly string[]): Record<string, unknown> | undefined {
  if (!attrs || keep.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of keep) {
    const value = attrs[key];
    if (value !== undefined && value !== null) out[key] = value;
  }
  return Object.keys(out).length ? out : undefined;
}
