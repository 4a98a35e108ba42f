/**
 * Hard limits on one article body. They bound the work of parsing and rendering a body and keep
 * recursive walks far from the stack limit. Depth counts from the doc (depth 0): text in a
 * paragraph of the doc is at depth 2, text in a list nested three deep is at depth 8.
 */
export const DOCUMENT_LIMITS = Object.freeze({
  maxDepth: 8,
  maxNodes: 5_000, // every node, the doc and text nodes included
  maxTextLength: 200_000, // UTF-16 code units of text, image alt, caption and credit together
});
