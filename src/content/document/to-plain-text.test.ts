import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from './document-types.ts';
import { documentToPlainText } from './to-plain-text.ts';

const p = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });

test('documentToPlainText writes every block, separated by a blank line (table)', () => {
  const cases: Array<[string, Doc, string]> = [
    ['empty', { type: 'doc', content: [] }, ''],
    [
      'marks dropped, hard break is a newline',
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'গাঢ়', marks: [{ type: 'bold' }] },
              { type: 'hard_break' },
              { type: 'text', text: 'লিংক', marks: [{ type: 'link', attrs: { href: '/a' } }] },
            ],
          },
        ],
      },
      'গাঢ়\nলিংক',
    ],
    [
      'heading and paragraph',
      { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'শিরোনাম' }] }, p('লেখা')] },
      'শিরোনাম\n\nলেখা',
    ],
    ['empty paragraphs skipped', { type: 'doc', content: [p('এক'), { type: 'paragraph', content: [] }, p('দুই')] }, 'এক\n\nদুই'],
    ['blockquote', { type: 'doc', content: [{ type: 'blockquote', content: [p('উক্তি'), p('আরও')] }] }, 'উক্তি\n\nআরও'],
    [
      'lists with markers',
      {
        type: 'doc',
        content: [
          {
            type: 'bullet_list',
            content: [
              { type: 'list_item', content: [p('এক')] },
              { type: 'list_item', content: [p('দুই')] },
            ],
          },
          {
            type: 'ordered_list',
            attrs: { start: 3 },
            content: [
              { type: 'list_item', content: [p('তিন'), p('বিস্তার')] },
              { type: 'list_item', content: [p('চার')] },
            ],
          },
        ],
      },
      '• এক\n\n• দুই\n\n3. তিন\n\nবিস্তার\n\n4. চার',
    ],
    [
      'image caption, embed URL, no rule',
      {
        type: 'doc',
        content: [
          { type: 'image', attrs: { src: '/a.jpg', alt: 'বিকল্প', caption: 'বৈঠকে', credit: 'রয়টার্স' } },
          { type: 'image', attrs: { src: '/b.jpg', alt: '', caption: '', credit: 'এএফপি' } },
          { type: 'horizontal_rule' },
          { type: 'embed', attrs: { provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ' } },
        ],
      },
      'বৈঠকে\n\nhttps://youtu.be/dQw4w9WgXcQ',
    ],
  ];
  for (const [name, doc, expected] of cases) assert.equal(documentToPlainText(doc), expected, name);
});
