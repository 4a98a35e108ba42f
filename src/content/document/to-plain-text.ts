import type { BlockNode, Doc, InlineNode } from './document-types.ts';

/** The body as plain text, blocks separated by a blank line (for search, feeds and text export). */
export function documentToPlainText(doc: Doc): string {
  return blocksToText(doc.content).join('\n\n');
}

function blocksToText(blocks: readonly BlockNode[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return nonEmpty(inlineToText(block.content));
      case 'blockquote':
        return blocksToText(block.content);
      case 'bullet_list':
      case 'ordered_list':
        return block.content.flatMap((item, i) => {
          const [first = '', ...rest] = blocksToText(item.content);
          const marker = block.type === 'bullet_list' ? '•' : `${block.attrs.start + i}.`;
          return [`${marker} ${first}`, ...rest];
        });
      case 'image':
        return nonEmpty(block.attrs.caption);
      case 'embed':
        return [block.attrs.url]; // the post itself is elsewhere; its address is what text can carry
      case 'horizontal_rule':
        return [];
    }
  });
}

function inlineToText(content: readonly InlineNode[]): string {
  return content.map((node) => (node.type === 'text' ? node.text : '\n')).join('');
}

function nonEmpty(text: string): string[] {
  return text.trim() === '' ? [] : [text];
}
