// The article-body document model: its types, the validator that admits untrusted JSON, the
// importers from plain text and HTML, and the serializers to HTML and plain text.
export type {
  AnyNode,
  BlockNode,
  BlockquoteNode,
  BoldMark,
  BulletListNode,
  Doc,
  EmbedNode,
  EmbedProvider,
  HardBreakNode,
  HeadingLevel,
  HeadingNode,
  HorizontalRuleNode,
  ImageAttrs,
  ImageNode,
  InlineNode,
  ItalicMark,
  LinkMark,
  ListItemNode,
  Mark,
  MarkType,
  NodeType,
  OrderedListNode,
  ParagraphNode,
  TextNode,
} from './document-types.ts';
export { DocumentError } from './document-error.ts';
export { DOCUMENT_LIMITS } from './document-limits.ts';
export { parseDocument } from './validate-document.ts';
export { documentFromPlainText } from './from-plain-text.ts';
export { documentFromHtml } from './from-html.ts';
export { documentFromBodyInput } from './body-input.ts';
export { renderDocumentHtml } from './render-html.ts';
export { documentToPlainText } from './to-plain-text.ts';
