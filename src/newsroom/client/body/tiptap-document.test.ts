import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../content/document/validate-document.ts';
import { documentToTiptap, tiptapToDocument, type TiptapNode } from './tiptap-document.ts';

// What Tiptap 3's getJSON() gives for a body using every node and mark the editor offers.
const TIPTAP: TiptapNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'শিরোনাম' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'ঢাকা ', marks: [{ type: 'bold' }] },
        {
          type: 'text',
          text: 'লিংক',
          marks: [
            { type: 'link', attrs: { href: 'https://example.com/a', target: '_blank', rel: 'noopener noreferrer nofollow', class: null } },
            { type: 'italic' },
          ],
        },
        { type: 'hardBreak' },
        { type: 'text', text: 'নিচে', marks: [{ type: 'underline' }, { type: 'strike' }] },
      ],
    },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'উদ্ধৃতি' }] }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'এক' }] }] }] },
    {
      type: 'orderedList',
      attrs: { start: 3, type: null },
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'তিন' }] },
            { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
          ],
        },
      ],
    },
    { type: 'horizontalRule' },
    { type: 'image', attrs: { src: '/media/1/photo.jpg', alt: 'বিকল্প', caption: 'ক্যাপশন', credit: 'রয়টার্স', width: 1200, height: null } },
    { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } },
    { type: 'paragraph' },
  ],
};

const DOCUMENT = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'শিরোনাম' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'ঢাকা ', marks: [{ type: 'bold' }] },
        { type: 'text', text: 'লিংক', marks: [{ type: 'link', attrs: { href: 'https://example.com/a' } }, { type: 'italic' }] },
        { type: 'hard_break' },
        { type: 'text', text: 'নিচে' },
      ],
    },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'উদ্ধৃতি' }] }] },
    { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'এক' }] }] }] },
    {
      type: 'ordered_list',
      attrs: { start: 3 },
      content: [
        {
          type: 'list_item',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'তিন' }] },
            { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph' }] }] },
          ],
        },
      ],
    },
    { type: 'horizontal_rule' },
    { type: 'image', attrs: { src: '/media/1/photo.jpg', alt: 'বিকল্প', caption: 'ক্যাপশন', credit: 'রয়টার্স', width: 1200 } },
    { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } },
    { type: 'paragraph' },
  ],
};

test('Tiptap JSON becomes the document model with its names and only its attributes', () => {
  assert.deepEqual(tiptapToDocument(TIPTAP), DOCUMENT);
});

test('what the converter sends passes the server’s own validator', () => {
  assert.doesNotThrow(() => parseDocument(tiptapToDocument(TIPTAP)));
});

test('a stored document opens in Tiptap with camelCase names and comes back unchanged', () => {
  const doc = parseDocument(DOCUMENT);
  const tiptap = documentToTiptap(doc);
  const types: string[] = JSON.stringify(tiptap).match(/"type":"[a-z_A-Z]+"/g) ?? [];
  assert.ok(types.includes('"type":"bulletList"'));
  assert.ok(types.includes('"type":"hardBreak"'));
  assert.ok(!types.some((t) => t.includes('_')), 'no snake_case names reach Tiptap');
  assert.deepEqual(parseDocument(tiptapToDocument(tiptap)), doc);
});

test('an empty editor is an empty-paragraph document the server accepts', () => {
  const doc = tiptapToDocument({ type: 'doc', content: [{ type: 'paragraph' }] });
  assert.deepEqual(doc, { type: 'doc', content: [{ type: 'paragraph' }] });
  assert.doesNotThrow(() => parseDocument(doc));
});
