import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphemeClusters, joinConjuncts } from './grapheme-clusters.ts';

const ZWJ = '\u200D';

test('conjuncts are single clusters', () => {
  const cases: Array<[string, string[], string]> = [
    ['ক্ষ', ['ক্ষ'], 'ক + ্ + ষ'],
    ['স্ত্র', ['স্ত্র'], 'three consonants, two hasantas'],
    [`র${ZWJ}্যা`, [`র${ZWJ}্যা`], 'র‍্যা: ra, ZWJ, hasanta, ya, aa-kar'],
    ['ক্ষমা', ['ক্ষ', 'মা'], 'vowel sign stays with its consonant'],
    ['কর্মকর্তা', ['ক', 'র্ম', 'ক', 'র্তা'], 'reph joins the next consonant'],
    ['শিক্ষার্থী', ['শি', 'ক্ষা', 'র্থী'], ''],
    ['বাংলা', ['বাং', 'লা'], 'anusvara is a mark'],
    ['ক্‌ষ', ['ক্‌', 'ষ'], 'ZWNJ asks for a visible hasanta: two clusters'],
    ['a👍🏽b', ['a', '👍🏽', 'b'], 'non-Bengali text is untouched'],
  ];
  for (const [text, expected, why] of cases) assert.deepEqual(graphemeClusters(text), expected, `${text} ${why}`);
});

test('joinConjuncts repairs the split an ICU older than 74 makes', () => {
  // Clusters by the Unicode 15.0 rules (before GB9c): hasanta and ZWJ attach to the left.
  const cases: Array<[string[], string[]]> = [
    [['ক্', 'ষ'], ['ক্ষ']],
    [['স্', 'ত্', 'র'], ['স্ত্র']],
    [
      [`র${ZWJ}্`, 'যা', 'ব'],
      [`র${ZWJ}্যা`, 'ব'],
    ],
    [
      ['শি', 'ক্', 'ষা'],
      ['শি', 'ক্ষা'],
    ],
    [
      ['ক্', ' ', 'ষ'],
      ['ক্', ' ', 'ষ'],
    ], // a space breaks the link
    [
      ['ক্‌', 'ষ'],
      ['ক্‌', 'ষ'],
    ], // so does ZWNJ
  ];
  for (const [input, expected] of cases) assert.deepEqual(joinConjuncts(input), expected, input.join('|'));
});
