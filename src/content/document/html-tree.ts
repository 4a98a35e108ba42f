import { Parser } from 'htmlparser2';
import { DocumentError } from './document-error.ts';

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
// Deeper nesting is flattened (its tags ignored, its text kept) so that the recursive converter
// stays far from the stack limit.
const MAX_NESTING = 100;
// htmlparser2 keeps its open elements in an array it shifts and searches at every tag, so a
// fragment nested thousands deep costs time quadratic in its depth (660,000 unclosed <i> of a
// 2 MB body: minutes). Past this depth (Chromium's parser stops nesting at 512 too) the fragment
// is refused; no article is written that way.
const MAX_OPEN_ELEMENTS = 512;
// Tags, counted as the `<` that start them (so end tags the parser ignores count too). A body holds
// at most DOCUMENT_LIMITS.maxNodes nodes; a word processor's HTML spends a few tags on each (spans
// per language run), so ten per node leaves room for any body that fits and bounds the work of
// one that cannot (500,000 <p> in 2 MB; 400,000 stray end tags under 500 open elements).
const MAX_TAGS = 50_000;
// Attributes in all: one tag can hold any number of them (200,000 in a 1 MB <span>).
const MAX_ATTRIBUTES = 4 * MAX_TAGS;

/** Parses an HTML fragment (or document) into a tree, dropping script-like elements whole; throws DocumentError past the limits above. */
export function parseHtmlTree(html: string): HtmlElement {
  const root: HtmlElement = { kind: 'element', name: '#root', attrs: new Map(), children: [] };
  const stack = [root];
  let dropped = 0; // open elements inside a dropped one
  let flattened = 0; // open elements past MAX_NESTING
  let open = 0; // open elements in the parser: every open tag gets one close, void ones at once
  if (tagsOver(html, MAX_TAGS)) throw new DocumentError('', `the HTML has more than ${MAX_TAGS} tags`);
  let attributes = 0;
  const top = () => stack[stack.length - 1] as HtmlElement;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (++open > MAX_OPEN_ELEMENTS) throw new DocumentError('', `the HTML nests elements more than ${MAX_OPEN_ELEMENTS} deep`);
        if (dropped > 0 || DROPPED.has(name)) dropped++;
        else if (stack.length > MAX_NESTING) flattened++;
        else {
          const element: HtmlElement = { kind: 'element', name, attrs: new Map(Object.entries(attribs)), children: [] };
          top().children.push(element);
          stack.push(element);
        }
      },
      onattribute() {
        if (++attributes > MAX_ATTRIBUTES) throw new DocumentError('', `the HTML has more than ${MAX_ATTRIBUTES} attributes`);
      },
      onclosetag() {
        open--;
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

function tagsOver(html: string, max: number): boolean {
  let count = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) if (++count > max) return true;
  return false;
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
