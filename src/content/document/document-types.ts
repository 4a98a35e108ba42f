/**
 * The article-body document model. The JSON shape is ProseMirror's (`{type, attrs, content,
 * marks, text}`), so an editor built on ProseMirror or Tiptap with these node and mark names can
 * load and save it unchanged. `parseDocument` is the only way untrusted JSON becomes a `Doc`.
 */

export type HeadingLevel = 2 | 3 | 4;
export type EmbedProvider = 'youtube' | 'facebook' | 'x';

export interface BoldMark {
  type: 'bold';
}

export interface ItalicMark {
  type: 'italic';
}

export interface LinkMark {
  type: 'link';
  /** http:, https:, mailto: or a site path such as `/world/asia/251042`. */
  attrs: { href: string };
}

export type Mark = BoldMark | ItalicMark | LinkMark;
export type MarkType = Mark['type'];

export interface TextNode {
  type: 'text';
  /** Never empty; kept exactly as written (no Unicode normalisation). */
  text: string;
  /** Omitted when there are none, as ProseMirror does. At most one mark of each type. */
  marks?: Mark[];
}

export interface HardBreakNode {
  type: 'hard_break';
}

export type InlineNode = TextNode | HardBreakNode;

export interface ParagraphNode {
  type: 'paragraph';
  content: InlineNode[];
}

export interface HeadingNode {
  type: 'heading';
  attrs: { level: HeadingLevel };
  content: InlineNode[];
}

export interface BlockquoteNode {
  type: 'blockquote';
  /** At least one block. */
  content: BlockNode[];
}

export interface ListItemNode {
  type: 'list_item';
  /** `paragraph block*`, the content rule ProseMirror's and Tiptap's list items use. */
  content: [ParagraphNode, ...BlockNode[]];
}

export interface BulletListNode {
  type: 'bullet_list';
  /** At least one item. */
  content: ListItemNode[];
}

export interface OrderedListNode {
  type: 'ordered_list';
  /** `start` is the first item's number (1 unless the list continues another). */
  attrs: { start: number };
  content: ListItemNode[];
}

export interface HorizontalRuleNode {
  type: 'horizontal_rule';
}

export interface ImageAttrs {
  /** A site path (`/media/...`) or an http(s) URL. */
  src: string;
  alt: string;
  caption: string;
  /** Shown as `ছবি : {credit}`. */
  credit: string;
  /** Intrinsic size in pixels, when known (lets the page reserve space). */
  width?: number;
  height?: number;
}

export interface ImageNode {
  type: 'image';
  attrs: ImageAttrs;
}

export interface EmbedNode {
  type: 'embed';
  /** `url` is a post or video page of `provider`, never a script or player URL we would load. */
  attrs: { provider: EmbedProvider; url: string };
}

export type BlockNode = ParagraphNode | HeadingNode | BlockquoteNode | BulletListNode | OrderedListNode | HorizontalRuleNode | ImageNode | EmbedNode;

export interface Doc {
  type: 'doc';
  /** May be empty: an article without body text (a photo story, a draft). */
  content: BlockNode[];
}

export type AnyNode = Doc | BlockNode | ListItemNode | InlineNode;
export type NodeType = AnyNode['type'];
