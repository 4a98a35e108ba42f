import { DocumentError } from './document-error.ts';
import { DOCUMENT_LIMITS } from './document-limits.ts';
import type {
  BlockNode,
  Doc,
  EmbedNode,
  EmbedProvider,
  HeadingNode,
  ImageAttrs,
  InlineNode,
  ListItemNode,
  Mark,
  OrderedListNode,
  TextNode,
} from './document-types.ts';
import { embedProviderOf } from './embed-url.ts';
import { findForbiddenCharacter } from './forbidden-characters.ts';
import { isSafeImageSrc, isSafeLinkHref } from './safe-url.ts';

type Json = Record<string, unknown>;

const BLOCK_TYPES = ['paragraph', 'heading', 'blockquote', 'bullet_list', 'ordered_list', 'horizontal_rule', 'image', 'embed'];
const INLINE_TYPES = ['text', 'hard_break'];
const KNOWN_TYPES = new Set(['doc', 'list_item', ...BLOCK_TYPES, ...INLINE_TYPES]);
const PROVIDER_NAMES: Record<EmbedProvider, string> = { youtube: 'YouTube', facebook: 'Facebook', x: 'X (Twitter)' };

/** Checks untrusted JSON against the body schema and returns a clean copy; throws DocumentError. */
export function parseDocument(input: unknown): Doc {
  const root = readObject(input, '', 'a document');
  if (root.type !== 'doc') throw new DocumentError('', `expected a node of type "doc", got ${describe(root.type)}`);
  checkKeys(root, ['type', 'content', 'attrs'], '');
  readAttrs(root, '', []);
  return { type: 'doc', content: new Validator().blocks(root, '', 0, 0) };
}

/** One walk over one document; counts what the limits bound. */
class Validator {
  private nodeCount = 1; // the doc
  private textLength = 0;

  blocks(parent: Json, path: string, depth: number, min: 0 | 1): BlockNode[] {
    return this.children(parent, path, depth, min).map(([child, at]) => this.block(child, at, depth + 1));
  }

  private children(parent: Json, path: string, depth: number, min: 0 | 1): Array<[Json, string]> {
    const content = parent.content ?? [];
    if (!Array.isArray(content)) throw new DocumentError(join(path, 'content'), 'content must be an array');
    if (content.length < min) throw new DocumentError(path, `${String(parent.type)} must contain at least one node`);
    return content.map((child: unknown, i): [Json, string] => {
      const at = join(path, `content[${i}]`);
      if (depth + 1 > DOCUMENT_LIMITS.maxDepth) throw new DocumentError(at, `nodes are nested deeper than ${DOCUMENT_LIMITS.maxDepth} levels`);
      if (++this.nodeCount > DOCUMENT_LIMITS.maxNodes) throw new DocumentError(at, `the document has more than ${DOCUMENT_LIMITS.maxNodes} nodes`);
      return [readObject(child, at, 'a node'), at];
    });
  }

  private block(node: Json, path: string, depth: number): BlockNode {
    expectType(node, path, BLOCK_TYPES, 'a block node (paragraph, heading, blockquote, list, horizontal_rule, image or embed)');
    const leaf = node.type === 'horizontal_rule' || node.type === 'image' || node.type === 'embed';
    checkKeys(node, leaf ? ['type', 'attrs'] : ['type', 'attrs', 'content'], path);
    switch (node.type) {
      case 'paragraph':
        readAttrs(node, path, []);
        return { type: 'paragraph', content: this.inlines(node, path, depth) };
      case 'heading':
        return { type: 'heading', attrs: { level: headingLevel(node, path) }, content: this.inlines(node, path, depth) };
      case 'blockquote':
        readAttrs(node, path, []);
        return { type: 'blockquote', content: this.blocks(node, path, depth, 1) };
      case 'bullet_list':
        readAttrs(node, path, []);
        return { type: 'bullet_list', content: this.listItems(node, path, depth) };
      case 'ordered_list':
        return { type: 'ordered_list', attrs: orderedListAttrs(node, path), content: this.listItems(node, path, depth) };
      case 'horizontal_rule':
        readAttrs(node, path, []);
        return { type: 'horizontal_rule' };
      case 'image':
        return { type: 'image', attrs: this.imageAttrs(node, path) };
      default:
        return { type: 'embed', attrs: embedAttrs(node, path) };
    }
  }

  private listItems(list: Json, path: string, depth: number): ListItemNode[] {
    return this.children(list, path, depth, 1).map(([item, at]) => {
      expectType(item, at, ['list_item'], 'a list_item');
      checkKeys(item, ['type', 'attrs', 'content'], at);
      readAttrs(item, at, []);
      const [first, ...rest] = this.blocks(item, at, depth + 1, 1);
      if (first?.type !== 'paragraph') throw new DocumentError(join(at, 'content[0]'), 'a list_item must start with a paragraph');
      return { type: 'list_item', content: [first, ...rest] };
    });
  }

  private inlines(parent: Json, path: string, depth: number): InlineNode[] {
    return this.children(parent, path, depth, 0).map(([node, at]) => {
      expectType(node, at, INLINE_TYPES, 'an inline node (text or hard_break)');
      if (node.type === 'text') return this.text(node, at);
      checkKeys(node, ['type', 'attrs'], at);
      readAttrs(node, at, []);
      return { type: 'hard_break' };
    });
  }

  private text(node: Json, path: string): TextNode {
    checkKeys(node, ['type', 'text', 'marks'], path);
    const text = node.text;
    if (typeof text !== 'string' || text === '') throw new DocumentError(path, 'a text node must have non-empty text');
    this.countText(text, join(path, 'text'));
    if (node.marks === undefined) return { type: 'text', text };
    const marks = readMarks(node.marks, join(path, 'marks'));
    return marks.length ? { type: 'text', text, marks } : { type: 'text', text };
  }

  private imageAttrs(node: Json, path: string): ImageAttrs {
    const attrs = readAttrs(node, path, ['src', 'alt', 'caption', 'credit', 'width', 'height']);
    const src = attrs.src;
    if (typeof src !== 'string' || !isSafeImageSrc(src)) {
      throw new DocumentError(join(path, 'attrs.src'), 'image src must be a site path starting with / or an http(s) URL');
    }
    const result: ImageAttrs = { src, alt: '', caption: '', credit: '' };
    for (const key of ['alt', 'caption', 'credit'] as const) {
      result[key] = optionalString(attrs, key, path);
      this.countText(result[key], join(path, `attrs.${key}`));
    }
    for (const key of ['width', 'height'] as const) {
      const size = attrs[key];
      if (size === undefined || size === null) continue;
      if (!Number.isSafeInteger(size) || (size as number) < 1)
        throw new DocumentError(join(path, `attrs.${key}`), `image ${key} must be a positive whole number of pixels`);
      result[key] = size as number;
    }
    return result;
  }

  private countText(text: string, path: string): void {
    const bad = findForbiddenCharacter(text);
    if (bad !== undefined) throw new DocumentError(path, `text contains the forbidden character ${bad}`);
    this.textLength += text.length;
    if (this.textLength > DOCUMENT_LIMITS.maxTextLength)
      throw new DocumentError(path, `the document has more than ${DOCUMENT_LIMITS.maxTextLength} characters of text`);
  }
}

function headingLevel(node: Json, path: string): HeadingNode['attrs']['level'] {
  const level = readAttrs(node, path, ['level']).level;
  if (level !== 2 && level !== 3 && level !== 4) throw new DocumentError(join(path, 'attrs.level'), 'heading level must be 2, 3 or 4');
  return level;
}

function orderedListAttrs(node: Json, path: string): OrderedListNode['attrs'] {
  const start = readAttrs(node, path, ['start']).start ?? 1;
  if (!Number.isSafeInteger(start) || (start as number) < 0)
    throw new DocumentError(join(path, 'attrs.start'), 'ordered_list start must be a whole number, 0 or more');
  return { start: start as number };
}

function embedAttrs(node: Json, path: string): EmbedNode['attrs'] {
  const { provider, url } = readAttrs(node, path, ['provider', 'url']);
  if (typeof provider !== 'string' || !Object.hasOwn(PROVIDER_NAMES, provider)) {
    throw new DocumentError(join(path, 'attrs.provider'), 'embed provider must be "youtube", "facebook" or "x"');
  }
  const name = PROVIDER_NAMES[provider as EmbedProvider];
  if (typeof url !== 'string' || embedProviderOf(url) !== provider) {
    throw new DocumentError(join(path, 'attrs.url'), `embed url must be a ${name} post or video URL`);
  }
  return { provider: provider, url };
}

function readMarks(value: unknown, path: string): Mark[] {
  if (!Array.isArray(value)) throw new DocumentError(path, 'marks must be an array');
  const seen = new Set<string>();
  return value.map((item: unknown, i): Mark => {
    const at = `${path}[${i}]`;
    const mark = readObject(item, at, 'a mark');
    checkKeys(mark, ['type', 'attrs'], at);
    if (typeof mark.type !== 'string' || seen.has(mark.type)) {
      throw new DocumentError(at, typeof mark.type === 'string' ? `duplicate ${mark.type} mark` : 'a mark must have a type');
    }
    seen.add(mark.type);
    if (mark.type === 'bold' || mark.type === 'italic') {
      readAttrs(mark, at, []);
      return { type: mark.type };
    }
    if (mark.type !== 'link') throw new DocumentError(at, `unknown mark type ${describe(mark.type)}`);
    const href = readAttrs(mark, at, ['href']).href;
    if (typeof href !== 'string' || !isSafeLinkHref(href)) {
      throw new DocumentError(join(at, 'attrs.href'), 'link href must be an http:, https: or mailto: URL or a site path starting with /');
    }
    return { type: 'link', attrs: { href } };
  });
}

function readObject(value: unknown, path: string, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DocumentError(path, `expected ${what} object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  }
  return value as Json;
}

function expectType(node: Json, path: string, allowed: readonly string[], what: string): void {
  if (typeof node.type === 'string' && allowed.includes(node.type)) return;
  if (typeof node.type !== 'string' || !KNOWN_TYPES.has(node.type)) throw new DocumentError(path, `unknown node type ${describe(node.type)}`);
  throw new DocumentError(path, `expected ${what}, got "${node.type}"`);
}

function checkKeys(obj: Json, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw new DocumentError(path, `unexpected key "${key}" on ${describe(obj.type)}`);
  }
}

function readAttrs(node: Json, path: string, allowed: readonly string[]): Json {
  if (node.attrs === undefined) return {};
  const attrs = readObject(node.attrs, join(path, 'attrs'), 'an attrs');
  for (const key of Object.keys(attrs)) {
    if (!allowed.includes(key)) throw new DocumentError(join(path, `attrs.${key}`), `unknown attribute "${key}" on ${describe(node.type)}`);
  }
  return attrs;
}

function optionalString(attrs: Json, key: string, path: string): string {
  const value = attrs[key] ?? '';
  if (typeof value !== 'string') throw new DocumentError(join(path, `attrs.${key}`), `${key} must be a string`);
  return value;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value === undefined ? 'no type' : value === null ? 'null' : `a ${typeof value}`;
}

function join(path: string, step: string): string {
  return path ? `${path}.${step}` : step;
}
