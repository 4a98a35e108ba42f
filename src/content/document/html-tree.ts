import { Parser } from 'htmlparser2';

/** A minimal element tree of an HTML fragment: only what the body converter reads. */
export interface HtmlElement {
  kind: 'element';
  /** Lower-cased tag name. */
  name: string;
  attrs: ReadonlyMap<string, string>;
  children: HtmlNode[];
}

export interface HtmlText {
  kind: 'text';
  /** Entities already decoded. */
  text: string;
}

export type HtmlNode = HtmlElement | HtmlText;

// Elements whose contents are never body text: code, styles, fallbacks for scripting, inert
// templates, document metadata, and vector or embedded content.
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'object', 'canvas', 'frameset']);
// Deeper nesting is flattened (its tags ignored, its text kept) so that a hostile fragment of
// thousands of nested spans cannot exhaust the stack of the recursive converter.
const MAX_NESTING = 100;

/** Parses an HTML fragment (or document) into a tree, dropping script-like elements whole. */
export function parseHtmlTree(html: string): HtmlElement {
  const root: HtmlElement = { kind: 'element', name: '#root', attrs: new Map(), children: [] };
  const stack = [root];
  let dropped = 0; // open elements inside a dropped one
  let flattened = 0; // open elements past MAX_NESTING
  const top = () => stack[stack.length - 1] as HtmlElement;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (dropped > 0 || DROPPED.has(name)) dropped++;
        else if (stack.length > MAX_NESTING) flattened++;
        else {
          const element: HtmlElement = { kind: 'element', name, attrs: new Map(Object.entries(attribs)), children: [] };
          top().children.push(element);
          stack.push(element);
        }
      },
      onclosetag() {
        if (dropped > 0) dropped--;
        else if (flattened > 0) flattened--;
        else if (stack.length > 1) stack.pop();
      },
      ontext(text) {
        if (dropped > 0) return;
        const children = top().children;
        const last = children[children.length - 1];
        if (last?.kind === 'text') last.text += text;
        else children.push({ kind: 'text', text });
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return root;
}

/** True when the element's class list holds `name`. */
export function hasClass(element: HtmlElement, name: string): boolean {
  return (element.attrs.get('class') ?? '').split(/[ \t\n\r\f]+/).includes(name);
}

/** The element's text with ASCII whitespace collapsed and trimmed, as a browser shows it. */
export function textContentOf(node: HtmlNode): string {
  return rawText(node)
    .replace(/[ \t\n\r\f]+/g, ' ')
    .replace(/^ | $/g, '');
}

function rawText(node: HtmlNode): string {
  if (node.kind === 'text') return node.text;
  if (node.name === 'br') return ' ';
  if (node.name === 'iframe') return ''; // its "content" is fallback markup, not text
  return node.children.map(rawText).join('');
}
