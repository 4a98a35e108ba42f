import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from './document-types.ts';
import { documentFromPlainText } from './from-plain-text.ts';
import { documentToPlainText } from './to-plain-text.ts';

const para = (...lines: string[]) => ({
  type: 'paragraph' as const,
  content: lines.flatMap((text, i) => (i ? [{ type: 'hard_break' as const }, { type: 'text' as const, text }] : [{ type: 'text' as const, text }])),
});
const doc = (...content: ReturnType<typeof para>[]): Doc => ({ type: 'doc', content });

test('documentFromPlainText splits paragraphs and lines (table)', () => {
  const cases: Array<[string, string, Doc]> = [
    ['exchange-format example', 'first paragraph\n\nsecond paragraph', doc(para('first paragraph'), para('second paragraph'))],
    ['single newline is a hard break', 'এক\nদুই\n\nতিন', doc(para('এক', 'দুই'), para('তিন'))],
    ['CRLF and lone CR', 'এক\r\nদুই\r\n\r\nতিন\rচার', doc(para('এক', 'দুই'), para('তিন', 'চার'))],
    ['many blank lines and whitespace-only lines', '\n\n  এক  \n \t \n\n\n\tদুই\n\n', doc(para('এক'), para('দুই'))],
    ['lines trimmed, inner spaces kept', '  এক  দুই  \n   তিন', doc(para('এক  দুই', 'তিন'))],
    ['NBSP and BOM at the edges trimmed', '\uFEFFএক\u00A0\n\u00A0দুই', doc(para('এক', 'দুই'))],
    ['Word line breaks (vertical tab, U+2028)', 'এক\u000Bদুই\u2028তিন', doc(para('এক', 'দুই', 'তিন'))],
    ['control characters removed', 'a\u0000b\u0007c', doc(para('abc'))],
    ['empty', '', doc()],
    ['only whitespace', ' \n\r\n\t ', doc()],
    ['markup is text', '<p>নয়</p> & <b>', doc(para('<p>নয়</p> & <b>'))],
  ];
  for (const [name, input, expected] of cases) assert.deepEqual(documentFromPlainText(input), expected, name);
});

test('documentFromPlainText keeps Bengali byte for byte, ZWJ/ZWNJ at line edges included', () => {
  const samples = ['র\u200D্যাব', 'ক্\u200Cষ', '\u200Cশুরু', 'শেষ\u200D', '\u09DF\u09AF\u09BC ক\u09C7\u09BE'];
  for (const sample of samples) {
    const result = documentFromPlainText(` ${sample} `);
    assert.deepEqual(result, doc(para(sample)), sample);
    assert.deepEqual(Buffer.from(documentToPlainText(result)), Buffer.from(sample), sample);
  }
});

test('plain text round-trips through the document', () => {
  const canonical = [
    'first paragraph\n\nsecond paragraph',
    'মহাকাশ কেন্দ্রে পুতিনের সঙ্গে কিমের বৈঠক।\nরাশিয়া সফরে কিম জং উন।\n\nদ্বিতীয় অনুচ্ছেদ — "উদ্ধৃতি" & <চিহ্ন>',
    'এক',
    '',
  ];
  for (const text of canonical) assert.equal(documentToPlainText(documentFromPlainText(text)), text, JSON.stringify(text));

  const messy: Array<[string, string]> = [
    ['\r\n  এক  \r\nদুই\r\n\r\n\r\n\r\nতিন  \r\n', 'এক\nদুই\n\nতিন'],
    ['\n\n\nএক\n \n', 'এক'],
  ];
  for (const [input, expected] of messy) assert.equal(documentToPlainText(documentFromPlainText(input)), expected, JSON.stringify(input));
});
