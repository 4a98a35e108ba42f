// The two body nodes Tiptap has no fitting extension for: an image with its caption and credit
// (Tiptap's Image has neither), and an embed of a YouTube, Facebook or X post by URL. Both are
// atoms: their text is edited in the image panel, never inside the body.
import { Node } from '@tiptap/core';
import { photoCreditLine } from '../../../bangla/photo-credit.ts';

/** An attribute kept in `data-*` on the node's outer element, so copy and paste keep it. */
function dataAttribute(name: string, fallback: string | number | null) {
  return {
    default: fallback,
    parseHTML: (element: HTMLElement) => {
      const value = element.getAttribute(`data-${name}`);
      if (value === null) return fallback;
      return typeof fallback === 'number' || name === 'width' || name === 'height' ? Number(value) || null : value;
    },
    renderHTML: (attrs: Record<string, string | number | null>) =>
      attrs[name] === null || attrs[name] === '' ? {} : { [`data-${name}`]: String(attrs[name]) },
  };
}

export const BodyImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      src: dataAttribute('src', ''),
      alt: dataAttribute('alt', ''),
      caption: dataAttribute('caption', ''),
      credit: dataAttribute('credit', ''),
      width: dataAttribute('width', null),
      height: dataAttribute('height', null),
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-body-image]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const { src, alt, caption, credit } = node.attrs as Record<string, string>;
    const note = [caption, credit ? photoCreditLine(credit) : ''].filter(Boolean).join(' — ');
    return ['figure', { ...HTMLAttributes, 'data-body-image': '', class: 'body-image' }, ['img', { src, alt, loading: 'lazy' }], ['figcaption', {}, note]];
  },
});

const PROVIDER_LABELS: Record<string, string> = { youtube: 'YouTube', facebook: 'Facebook', x: 'X' };

export const BodyEmbed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { provider: dataAttribute('provider', 'youtube'), url: dataAttribute('url', '') };
  },
  parseHTML() {
    return [{ tag: 'div[data-body-embed]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const { provider = '', url = '' } = node.attrs as Record<string, string | undefined>;
    // The editor shows the URL only: loading the provider's player here would break the CSP and
    // tell the provider about every draft.
    return [
      'div',
      { ...HTMLAttributes, 'data-body-embed': '', class: `body-embed body-embed-${provider}` },
      ['strong', {}, PROVIDER_LABELS[provider] ?? provider],
      ['span', {}, url],
    ];
  },
});
