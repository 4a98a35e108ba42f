import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffParagraphs } from './content-diff.ts';

const P = ['প্রথম অনুচ্ছেদ।', 'দ্বিতীয় অনুচ্ছেদ।', 'তৃতীয় অনুচ্ছেদ।'];

test('body paragraphs are paired by what they share, not by their place', () => {
  const cases: Array<{ name: string; before: string[]; after: string[]; changes: unknown[] }> = [
    { name: 'nothing changed', before: P, after: P, changes: [] },
    {
      name: 'one paragraph edited',
      before: P,
      after: [P[0]!, 'দ্বিতীয় অনুচ্ছেদ, বদলানো।', P[2]!],
      changes: [{ field: 'body[1]', before: P[1], after: 'দ্বিতীয় অনুচ্ছেদ, বদলানো।' }],
    },
    {
      name: 'a paragraph added at the top shifts nothing else',
      before: P,
      after: ['নতুন ভূমিকা।', ...P],
      changes: [{ field: 'body[0]', before: null, after: 'নতুন ভূমিকা।' }],
    },
    {
      name: 'a paragraph removed from the middle, numbered as it was',
      before: P,
      after: [P[0]!, P[2]!],
      changes: [{ field: 'body[1]', before: P[1], after: null }],
    },
    {
      name: 'between unchanged paragraphs, the others pair in order; the extra one is added',
      before: [P[0]!, 'ক', P[2]!],
      after: [P[0]!, 'খ', 'গ', P[2]!],
      changes: [
        { field: 'body[1]', before: 'ক', after: 'খ' },
        { field: 'body[2]', before: null, after: 'গ' },
      ],
    },
    {
      name: 'an edited paragraph and a new one at the end',
      before: P,
      after: ['প্রথম অনুচ্ছেদ, বদলানো।', P[1]!, P[2]!, 'শেষ কথা।'],
      changes: [
        { field: 'body[0]', before: P[0], after: 'প্রথম অনুচ্ছেদ, বদলানো।' },
        { field: 'body[3]', before: null, after: 'শেষ কথা।' },
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(diffParagraphs(c.before, c.after), c.changes, c.name);
});

test('bodies too long for the table are compared place by place', () => {
  const long = Array.from({ length: 1100 }, (_, i) => `অনুচ্ছেদ ${i}`);
  const edited = long.map((p, i) => (i === 500 ? `${p}, বদলানো` : p));
  assert.deepEqual(diffParagraphs(long, edited), [{ field: 'body[500]', before: 'অনুচ্ছেদ 500', after: 'অনুচ্ছেদ 500, বদলানো' }]);
});
