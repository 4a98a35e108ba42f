import { createReadStream } from 'node:fs';
import { Parser } from 'htmlparser2';

/** An element of a WXR file: its name, attributes, text (CDATA included) and child elements. */
export interface WxrNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: WxrNode[];
}

/**
 * Reads a WordPress export (WXR) as a stream: yields each child element of `<channel>` (the
 * site's `<link>`, `<wp:base_site_url>`, each `<wp:author>`, `<wp:category>`, `<wp:tag>` and each
 * `<item>`) as a small tree once it closes. Only the element being read is held, so memory stays
 * flat however large the file (a 2 GB export reads like a 2 MB one).
 */
export async function* readWxr(path: string, options: { onBytes?: (bytes: number) => void } = {}): AsyncGenerator<WxrNode> {
  const ready: WxrNode[] = [];
  const stack: WxrNode[] = [];
  let channelDepth = -1;
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        depth++;
        if (name === 'channel' && channelDepth < 0) {
          channelDepth = depth;
          return;
        }
        if (channelDepth < 0 || depth <= channelDepth) return;
        const node: WxrNode = { name, attrs, text: '', children: [] };
        stack.at(-1)?.children.push(node);
        stack.push(node);
      },
      ontext(text) {
        const node = stack.at(-1);
        if (node) node.text += text;
      },
      onclosetag() {
        if (channelDepth >= 0 && depth > channelDepth) {
          const node = stack.pop()!;
          if (!stack.length) ready.push(node);
        } else if (depth === channelDepth) channelDepth = -1;
        depth--;
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<string>) {
    bytes += Buffer.byteLength(chunk);
    parser.write(chunk);
    options.onBytes?.(bytes);
    while (ready.length) yield ready.shift()!;
  }
  parser.end();
  while (ready.length) yield ready.shift()!;
}

/** The text of the first child named `name` ('' when there is none). */
export function childText(node: WxrNode, name: string): string {
  for (const child of node.children) if (child.name === name) return child.text;
  return '';
}

/** The children named `name`. */
export function childrenNamed(node: WxrNode, name: string): WxrNode[] {
  return node.children.filter((child) => child.name === name);
}
