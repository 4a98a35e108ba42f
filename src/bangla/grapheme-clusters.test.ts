import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty, hostileText } from '../../test/helpers/arbitraries.ts';
import { graphemeClusters, graphemeEnds, joinConjuncts } from './grapheme-clusters.ts';

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

test('graphemeEnds: where each cluster ends, and with a limit only the first limit + 1 (any text)', () => {
  const endsOf = (clusters: string[]) => {
    let offset = 0;
    return clusters.map((c) => (offset += c.length));
  };
  checkProperty(
    fc.property(hostileText(60), fc.nat(70), (text, limit) => {
      const all = endsOf(graphemeClusters(text));
      assert.deepEqual(graphemeEnds(text), all);
      assert.deepEqual(graphemeEnds(text, limit), all.slice(0, limit + 1), `limit ${limit}`);
    }),
    2000,
  );
  // A conjunct across the limit is one cluster: its end is where the conjunct ends.
  assert.deepEqual(graphemeEnds('কক্ষক', 1), [1, 4]);
  assert.deepEqual(graphemeEnds('স্ত্রী', 0), [6]);
});
