import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentFromBodyInput } from './body-input.ts';
import { DocumentError } from './document-error.ts';
import type { Doc } from './document-types.ts';

const docOf = (...texts: string[]): Doc => ({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
const bold = (text: string): Doc => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'bold' }] }] }] });

test('documentFromBodyInput tells plain text, HTML and document JSON apart (table)', () => {
  const cases: Array<[string, unknown, Doc]> = [
    ['plain text', 'first paragraph\n\nsecond paragraph', docOf('first paragraph', 'second paragraph')],
    ['text with a less-than sign', '৫ < ১০ এবং a<b', docOf('৫ < ১০ এবং a<b')],
    ['text with an unknown tag-like word', 'লিখুন <নাম> এখানে', docOf('লিখুন <নাম> এখানে')],
    ['text with an ampersand entity', 'AT&amp;T', docOf('AT&amp;T')],
    ['HTML starting with a tag', '<p>প্রথম</p><p>দ্বিতীয়</p>', docOf('প্রথম', 'দ্বিতীয়')],
    [
      'HTML with a tag inside',
      'প্রথম লাইন<br>\n<b>গাঢ়</b>',
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'প্রথম লাইন' }, { type: 'hard_break' }, { type: 'text', text: 'গাঢ়', marks: [{ type: 'bold' }] }],
          },
        ],
      },
    ],
    ['upper-case tag with attributes', '<P CLASS="lead">এক</P>', docOf('এক')],
    ['script-only text is HTML, so it is dropped', 'আগে<script>alert(1)</script>', docOf('আগে')],
    ['document object', bold('গাঢ়'), bold('গাঢ়')],
    ['document as a JSON string', JSON.stringify(bold('গাঢ়')), bold('গাঢ়')],
    ['JSON that is not a document is text', '{"a": 1}', docOf('{"a": 1}')],
    ['empty string', '', { type: 'doc', content: [] }],
  ];
  for (const [name, input, expected] of cases) assert.deepEqual(documentFromBodyInput(input), expected, name);
});

test('documentFromBodyInput rejects other values and invalid documents', () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ['null', null, '', /body must be plain text, HTML or a document object/],
    ['number', 42, '', /body must be/],
    ['array', [], '', /body must be/],
    ['object that is not a doc', { type: 'paragraph' }, '', /expected a node of type "doc"/],
    ['invalid document', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] }, 'content[0].content[0]', /non-empty text/],
    ['invalid document in a JSON string', '{"type":"doc","content":[{"type":"script"}]}', 'content[0]', /unknown node type "script"/],
  ];
  for (const [name, input, path, message] of cases) {
    assert.throws(
      () => documentFromBodyInput(input),
      (e: unknown) => e instanceof DocumentError && e.path === path && message.test(e.message),
      name,
    );
  }
});
