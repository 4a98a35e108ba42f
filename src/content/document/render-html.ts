import { escapeHtml } from '../../lib/html.ts';
import { photoCreditLine } from '../../bangla/photo-credit.ts';
import { DocumentError } from './document-error.ts';
import type { BlockNode, Doc, EmbedNode, EmbedProvider, ImageNode, InlineNode, ListItemNode, Mark } from './document-types.ts';
import { embedProviderOf } from './embed-url.ts';
import { sameMark, sortMarks } from './marks.ts';
import { isHttpUrl, isSafeImageSrc, isSafeLinkHref } from './safe-url.ts';

/**
 * Our serializer: every node and mark is known here, every value is escaped, and anything else
 * throws. Bodies are validated when written; the checks here are the backstop for a stored
 * body that somehow was not, since this output is trusted by the templates (`raw`).
 */

const EMBED_LABELS: Record<EmbedProvider, string> = {
  youtube: 'ইউটিউবে ভিডিওটি দেখুন',
  facebook: 'ফেসবুকে পোস্টটি দেখুন',
  x: 'এক্সে (টুইটারে) পোস্টটি দেখুন',
};

/** The body as HTML for the reader site. */
export function renderDocumentHtml(doc: Doc): string {
  // The types say what a valid body holds; a stored one is checked again here (see above).
  if ((doc as { type: unknown }).type !== 'doc') throw unknown('node', doc.type);
  return renderBlocks(doc.content);
}

function renderBlocks(blocks: readonly BlockNode[]): string {
  return blocks.map(renderBlock).join('');
}

function renderBlock(node: BlockNode): string {
  switch (node.type) {
    case 'paragraph':
      // Empty paragraphs are editor spacing; the stylesheet owns vertical rhythm.
      return node.content.length ? `<p>${renderInline(node.content)}</p>` : '';
    case 'heading': {
      const level: unknown = node.attrs.level;
      if (level !== 2 && level !== 3 && level !== 4) throw new DocumentError('', `heading level ${String(level)} is not 2, 3 or 4`);
      return node.content.length ? `<h${level}>${renderInline(node.content)}</h${level}>` : '';
    }
    case 'blockquote':
      return `<blockquote>${renderBlocks(node.content)}</blockquote>`;
    case 'bullet_list':
      return `<ul>${renderItems(node.content)}</ul>`;
    case 'ordered_list': {
      const start = node.attrs.start;
      if (!Number.isSafeInteger(start)) throw new DocumentError('', 'ordered_list start is not a whole number');
      return `${start === 1 ? '<ol>' : `<ol start="${start}">`}${renderItems(node.content)}</ol>`;
    }
    case 'horizontal_rule':
      return '<hr>';
    case 'image':
      return renderImage(node);
    case 'embed':
      return renderEmbed(node);
    default:
      throw unknown('node', (node as { type?: unknown }).type);
  }
}

function renderItems(items: readonly ListItemNode[]): string {
  return items
    .map((item) => {
      if ((item as { type: unknown }).type !== 'list_item') throw unknown('list item', item.type);
      return `<li>${renderBlocks(item.content)}</li>`;
    })
    .join('');
}

/**
 * Text with its marks. Marks are opened in schema order and a mark shared by neighbouring text
 * nodes stays open across them (as ProseMirror's DOMSerializer does), so a link whose words are
 * partly bold is one <a>.
 */
function renderInline(content: readonly InlineNode[]): string {
  let out = '';
  const open: Mark[] = [];
  for (const node of content) {
    const marks = node.type === 'text' ? sortMarks(node.marks ?? []) : [];
    let keep = 0;
    while (keep < open.length && keep < marks.length && sameMark(open[keep] as Mark, marks[keep] as Mark)) keep++;
    while (open.length > keep) out += closeTag(open.pop() as Mark);
    for (const mark of marks.slice(keep)) {
      out += openTag(mark);
      open.push(mark);
    }
    switch (node.type) {
      case 'text':
        out += escapeHtml(node.text);
        break;
      case 'hard_break':
        out += '<br>';
        break;
      default:
        throw unknown('inline node', (node as { type?: unknown }).type);
    }
  }
  while (open.length) out += closeTag(open.pop() as Mark);
  return out;
}

function openTag(mark: Mark): string {
  switch (mark.type) {
    case 'bold':
      return '<strong>';
    case 'italic':
      return '<em>';
    case 'link': {
      const href = mark.attrs.href;
      if (!isSafeLinkHref(href)) throw new DocumentError('', 'link href is not an allowed URL');
      // Other sites get no endorsement and a new tab; our own pages and mail links open in place.
      const rel = isHttpUrl(href) ? 'rel="nofollow noopener" target="_blank"' : 'rel="noopener"';
      return `<a href="${escapeHtml(href)}" ${rel}>`;
    }
    default:
      throw unknown('mark', (mark as { type?: unknown }).type);
  }
}

function closeTag(mark: Mark): string {
  return mark.type === 'bold' ? '</strong>' : mark.type === 'italic' ? '</em>' : '</a>';
}

function renderImage({ attrs }: ImageNode): string {
  if (!isSafeImageSrc(attrs.src)) throw new DocumentError('', 'image src is not an allowed URL');
  const size = ['width', 'height'] as const;
  const sizeAttrs = size.map((key) => (Number.isSafeInteger(attrs[key]) ? ` ${key}="${attrs[key]}"` : '')).join('');
  const img = `<img src="${escapeHtml(attrs.src)}" alt="${escapeHtml(attrs.alt)}"${sizeAttrs} loading="lazy" decoding="async">`;
  const credit = attrs.credit ? `<span class="credit">${escapeHtml(photoCreditLine(attrs.credit))}</span>` : '';
  const caption = [escapeHtml(attrs.caption), credit].filter(Boolean).join(' ');
  return `<figure class="body-image">${img}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/**
 * Click to load: the page makes no request to the provider until the reader asks. The link
 * works without script; the reader script may swap in the player using the data attributes.
 */
function renderEmbed({ attrs }: EmbedNode): string {
  const label = Object.hasOwn(EMBED_LABELS, attrs.provider) ? EMBED_LABELS[attrs.provider] : undefined;
  if (label === undefined || embedProviderOf(attrs.url) !== attrs.provider) throw new DocumentError('', 'embed is not a known provider URL');
  const url = escapeHtml(attrs.url);
  return (
    `<div class="embed embed-${attrs.provider}" data-embed-provider="${attrs.provider}" data-embed-url="${url}">` +
    `<a href="${url}" rel="nofollow noopener" target="_blank">${label}</a></div>`
  );
}

function unknown(what: string, type: unknown): DocumentError {
  // JSON.stringify gives undefined (not a string, whatever its type says) for undefined, a function or a symbol.
  return new DocumentError('', `cannot render unknown ${what} type ${(JSON.stringify(type) as string | undefined) ?? String(type)}`);
}
