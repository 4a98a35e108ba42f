import { DocumentError } from './document-error.ts';
import { DOCUMENT_LIMITS } from './document-limits.ts';
import type { BlockNode, Doc, HeadingLevel, ImageAttrs, InlineNode, ListItemNode, Mark } from './document-types.ts';
import { embedProviderOf } from './embed-url.ts';
import { removeForbiddenCharacters } from './forbidden-characters.ts';
import { embedOfElement } from './html-embeds.ts';
import { hasClass, parseHtmlTree, textContentOf, type HtmlElement, type HtmlNode } from './html-tree.ts';
import { urlFromAttribute } from './html-url.ts';
import { InlineBuilder } from './inline-builder.ts';
import { sortMarks } from './marks.ts';
import { isSafeImageSrc, isSafeLinkHref } from './safe-url.ts';
import { parseDocument } from './validate-document.ts';

type Textblock = { type: 'paragraph' } | { type: 'heading'; level: HeadingLevel };

interface Container {
  depth: number;
  blocks: BlockNode[];
  inline: InlineBuilder;
  /** What the loose inline content of this container becomes when it is flushed. */
  textblock: Textblock;
}

interface Caption {
  caption: string;
  credit: string;
}

const PARAGRAPH: Textblock = { type: 'paragraph' };
// The body's headings are h2–h4 (the page's h1 is the headline): h1 folds down, h5/h6 up.
const HEADING_LEVELS = new Map<string, HeadingLevel>([
  ['h1', 2],
  ['h2', 2],
  ['h3', 3],
  ['h4', 4],
  ['h5', 4],
  ['h6', 4],
]);
// Elements a browser lays out as blocks: their content starts and ends a paragraph.
const BLOCK_WRAPPERS = new Set([
  'address',
  'article',
  'aside',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
]);

/** Converts untrusted HTML into a valid body document, keeping only what the schema can say. */
export function documentFromHtml(html: string): Doc {
  const content = new HtmlConverter().convert(parseHtmlTree(html));
  // By construction only the size limits can fail here; validating also proves the rest.
  return parseDocument({ type: 'doc', content });
}

/** One conversion: a stack of open containers (doc, blockquotes, list items) and the active marks. */
class HtmlConverter {
  private readonly stack: Container[] = [];
  private marks: Mark[] = [];
  /** The caption of the figure being walked, waiting for the figure's first image. */
  private caption: Caption | undefined;
  /** Nodes made so far, the doc included: the validator's limit, enforced before 50,000 paragraphs are built. */
  private nodes = 1;

  convert(root: HtmlElement): BlockNode[] {
    return this.inContainer(0, root.children);
  }

  private get current(): Container {
    return this.stack[this.stack.length - 1] as Container;
  }

  private inContainer(depth: number, nodes: readonly HtmlNode[]): BlockNode[] {
    this.stack.push({ depth, blocks: [], inline: new InlineBuilder(), textblock: PARAGRAPH });
    this.children(nodes);
    this.flush();
    return (this.stack.pop() as Container).blocks;
  }

  private children(nodes: readonly HtmlNode[]): void {
    for (const node of nodes) {
      if (node.kind === 'text') this.current.inline.addText(node.text, this.marks);
      else this.element(node);
    }
  }

  private element(element: HtmlElement): void {
    const embed = embedOfElement(element);
    if (embed !== undefined) {
      this.block(embed);
      return;
    }
    const level = HEADING_LEVELS.get(element.name);
    if (level !== undefined) {
      this.textblock(element, { type: 'heading', level });
      return;
    }
    switch (element.name) {
      case 'p':
        this.textblock(element, PARAGRAPH);
        return;
      case 'br':
        this.current.inline.addBreak();
        return;
      case 'hr':
        this.block({ type: 'horizontal_rule' });
        return;
      case 'strong':
      case 'b':
        this.withMark(element, { type: 'bold' });
        return;
      case 'em':
      case 'i':
        this.withMark(element, { type: 'italic' });
        return;
      case 'a':
        this.link(element);
        return;
      case 'img':
        this.image(element);
        return;
      case 'iframe':
        return; // not a known provider's player: nothing of it is kept
      case 'figure':
        this.figure(element);
        return;
      case 'blockquote':
        this.nest(element, 2, (content) => ({ type: 'blockquote', content }));
        return;
      case 'ul':
      case 'ol':
        this.list(element);
        return;
    }
    if (BLOCK_WRAPPERS.has(element.name)) this.wrapper(element.children);
    else this.children(element.children); // any other element is unwrapped to its content
  }

  private made(count: number): void {
    this.nodes += count;
    if (this.nodes > DOCUMENT_LIMITS.maxNodes) throw new DocumentError('', `the document has more than ${DOCUMENT_LIMITS.maxNodes} nodes`);
  }

  private flush(): void {
    const { blocks, inline, textblock } = this.current;
    for (const content of inline.take()) {
      const embed = textblock.type === 'paragraph' ? embedOfLoneUrl(content) : undefined;
      this.made(embed ? 1 : 1 + content.length);
      if (embed) blocks.push(embed);
      else blocks.push(textblock.type === 'paragraph' ? { type: 'paragraph', content } : { type: 'heading', attrs: { level: textblock.level }, content });
    }
  }

  private block(node: BlockNode): void {
    this.flush();
    this.made(1);
    this.current.blocks.push(node);
  }

  private wrapper(nodes: readonly HtmlNode[]): void {
    this.flush();
    this.children(nodes);
    this.flush();
  }

  private textblock(element: HtmlElement, textblock: Textblock): void {
    const container = this.current;
    const outer = container.textblock;
    this.flush();
    container.textblock = textblock;
    this.children(element.children);
    this.flush();
    container.textblock = outer;
  }

  private withMark(element: HtmlElement, mark: Mark): void {
    const outer = this.marks;
    // One mark per type: an inner link replaces an outer one, a repeated <b> changes nothing.
    this.marks = sortMarks([...outer.filter((m) => m.type !== mark.type), mark]);
    this.children(element.children);
    this.marks = outer;
  }

  private link(element: HtmlElement): void {
    const href = urlFromAttribute(element.attrs.get('href'));
    // An unsafe or relative target is dropped; the words of the link stay.
    if (isSafeLinkHref(href)) this.withMark(element, { type: 'link', attrs: { href } });
    else this.children(element.children);
  }

  private image(element: HtmlElement): void {
    // Lazy-loading markup keeps the real source in data-src and a placeholder in src.
    const src = [element.attrs.get('data-src'), element.attrs.get('src')].map(urlFromAttribute).find(isSafeImageSrc);
    if (src === undefined) return;
    const attrs: ImageAttrs = { src, alt: plainText(element.attrs.get('alt')), caption: this.caption?.caption ?? '', credit: this.caption?.credit ?? '' };
    this.caption = undefined; // a figure's caption belongs to its first image only
    for (const key of ['width', 'height'] as const) {
      const pixels = Number(element.attrs.get(key));
      if (/^\d+$/.test(element.attrs.get(key) ?? '') && Number.isSafeInteger(pixels) && pixels > 0) attrs[key] = pixels;
    }
    this.block({ type: 'image', attrs });
  }

  private figure(element: HtmlElement): void {
    const figcaption = element.children.find((node): node is HtmlElement => node.kind === 'element' && node.name === 'figcaption');
    const outer = this.caption;
    this.caption = figcaption && captionOf(figcaption);
    this.wrapper(element.children.filter((node) => node !== figcaption));
    const unused = this.caption;
    this.caption = outer;
    // A figure without an image (a pull quote, a chart we dropped) keeps its caption as text.
    if (unused !== undefined && figcaption !== undefined) this.wrapper(figcaption.children);
  }

  /** Opens a container `needs` levels deep if the depth limit allows, else keeps its content flat. */
  private nest(element: HtmlElement, needs: number, make: (content: BlockNode[]) => BlockNode): void {
    const depth = this.current.depth + 1;
    if (depth + needs > DOCUMENT_LIMITS.maxDepth) {
      this.wrapper(element.children);
      return;
    }
    this.flush();
    const content = this.inContainer(depth, element.children);
    if (content.length === 0) return;
    this.made(1);
    this.current.blocks.push(make(content));
  }

  private list(element: HtmlElement): void {
    const depth = this.current.depth + 1;
    // A list needs three levels below it: list item, paragraph, text.
    if (depth + 3 > DOCUMENT_LIMITS.maxDepth) {
      this.wrapper(element.children);
      return;
    }
    this.flush();
    const items = listItemGroups(element).flatMap((nodes) => this.listItem(nodes, depth + 1));
    if (!items.length) return;
    this.made(1);
    if (element.name === 'ul') this.current.blocks.push({ type: 'bullet_list', content: items });
    else this.current.blocks.push({ type: 'ordered_list', attrs: { start: listStart(element) }, content: items });
  }

  private listItem(nodes: readonly HtmlNode[], depth: number): ListItemNode[] {
    const [first, ...rest] = this.inContainer(depth, nodes);
    if (first === undefined) return [];
    this.made(first.type === 'paragraph' ? 1 : 2);
    if (first.type === 'paragraph') return [{ type: 'list_item', content: [first, ...rest] }];
    // List items start with a paragraph; ProseMirror's parser fills the gap the same way.
    return [{ type: 'list_item', content: [{ type: 'paragraph', content: [] }, first, ...rest] }];
  }
}

/**
 * The content of each item of a list. Content outside any <li> forms an item of its own, and a
 * list placed directly in a list (`<ul><li>a</li><ul>…</ul></ul>`, as old editors wrote nested
 * lists) joins the item before it.
 */
function listItemGroups(list: HtmlElement): HtmlNode[][] {
  const groups: HtmlNode[][] = [];
  let loose: HtmlNode[] | undefined;
  for (const node of list.children) {
    if (node.kind === 'text' && textContentOf(node) === '') continue;
    const previous = groups[groups.length - 1];
    if (node.kind === 'element' && node.name === 'li') {
      groups.push([...node.children]);
      loose = undefined;
    } else if (node.kind === 'element' && (node.name === 'ul' || node.name === 'ol') && previous !== undefined) {
      previous.push(node);
    } else if (loose !== undefined) {
      loose.push(node);
    } else {
      loose = [node];
      groups.push(loose);
    }
  }
  return groups;
}

/**
 * A paragraph that is nothing but a post's URL is an auto-embed, wherever its text came from:
 * `<p>URL</p>` is read so already (html-embeds.ts), and loose text or a table cell must agree,
 * or a body would change when its rendered HTML is imported again.
 */
function embedOfLoneUrl(content: readonly InlineNode[]): BlockNode | undefined {
  const [only] = content;
  if (content.length !== 1 || only?.type !== 'text' || only.marks !== undefined) return undefined;
  const provider = embedProviderOf(only.text);
  return provider === undefined ? undefined : { type: 'embed', attrs: { provider, url: only.text } };
}

function listStart(list: HtmlElement): number {
  const start = list.attrs.get('start') ?? '';
  return /^\d{1,9}$/.test(start) ? Number(start) : 1;
}

/**
 * A figcaption's caption and credit. The credit is an element with class "credit" (what our
 * serializer writes), without the `ছবি :` label our serializer puts before it.
 */
function captionOf(figcaption: HtmlElement): Caption {
  const credit = findByClass(figcaption, 'credit');
  const caption = textContentOf(credit ? without(figcaption, credit) : figcaption);
  const creditText = credit ? textContentOf(credit).replace(/^ছবি\s*:\s*/, '') : '';
  return { caption: removeForbiddenCharacters(caption), credit: removeForbiddenCharacters(creditText) };
}

function findByClass(element: HtmlElement, name: string): HtmlElement | undefined {
  for (const node of element.children) {
    if (node.kind === 'text') continue;
    const found = hasClass(node, name) ? node : findByClass(node, name);
    if (found) return found;
  }
  return undefined;
}

function without(element: HtmlElement, target: HtmlElement): HtmlElement {
  const children = element.children.filter((node) => node !== target).map((node) => (node.kind === 'element' ? without(node, target) : node));
  return { ...element, children };
}

/** An attribute shown as text (alt): whitespace collapsed as in a caption, nothing else changed. */
function plainText(value: string | undefined): string {
  return removeForbiddenCharacters(value ?? '')
    .replace(/[ \t\n\r\f]+/g, ' ')
    .replace(/^ | $/g, '');
}
