import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphemeClusters } from './grapheme-clusters.ts';
import { graphemeLength, truncateGraphemes } from './truncate.ts';

const ZWJ = '\u200D';
const HEADLINE = `বাংলাদেশের শিক্ষার্থীরা আজ ঢাকায়, র${ZWJ}্যাবের সদর দপ্তরে। নতুন`; // 35 graphemes

test('graphemeLength counts user-perceived characters', () => {
  const cases: Array<[string, number]> = [
    ['', 0],
    ['ক্ষ', 1],
    ['স্ত্র', 1],
    [`র${ZWJ}্যা`, 1],
    ['ক্ষমা', 2],
    ['abc', 3],
    [HEADLINE, 35],
  ];
  for (const [text, expected] of cases) assert.equal(graphemeLength(text), expected, text);
});

test('truncateGraphemes: table', () => {
  // [text, max, expected, why]
  const cases: Array<[string, number, string, string]> = [
    [HEADLINE, 35, HEADLINE, 'fits exactly: unchanged'],
    [HEADLINE, 100, HEADLINE, 'short enough: unchanged'],
    [HEADLINE, 30, 'বাংলাদেশের শিক্ষার্থীরা আজ ঢাকায়, র‍্যাবের সদর…', 'cut after সদর (27 of 29 allowed)'],
    [HEADLINE, 20, 'বাংলাদেশের শিক্ষার্থীরা আজ ঢাকায়…', 'the comma after ঢাকায় is trimmed'],
    [HEADLINE, 12, 'বাংলাদেশের শিক্ষার্থীরা…', 'word end at 11 of 11'],
    [HEADLINE, 10, 'বাংলাদেশের শিক্ষার্থী…', 'no word end in the last 30%: cut mid-word, between clusters'],
    [HEADLINE, 5, 'বাংলাদেশে…', 'mid-word, four clusters kept'],
    ['ক্ষক্ষক্ষক্ষক্ষক্ষ', 4, 'ক্ষক্ষক্ষ…', 'three whole ক্ষ'],
    ['স্ত্রস্ত্রস্ত্রস্ত্র', 3, 'স্ত্রস্ত্র…', 'two whole স্ত্র'],
    [`র${ZWJ}্যার${ZWJ}্যার${ZWJ}্যা`, 2, `র${ZWJ}্যা…`, 'ZWJ stays inside its cluster'],
    ['ক্ষমা চাই', 4, 'ক্ষমা…', 'cut at the word boundary, space trimmed'],
    ['এক দুই তিন চার', 10, 'এক দুই তিন…', 'এক দুই তিন is 8 graphemes of the 9 allowed'],
    ['এক, দুই। তিন', 8, 'এক, দুই…', 'cut after the danda (7 of 7), then the danda is trimmed'],
    ['এক, দুই। তিন', 6, 'এক…', 'boundary after "এক, " (4 of 5); comma and space trimmed'],
    ['abcdef', 4, 'abc…', ''],
    ['abcdef', 4, 'a...', 'a three-grapheme ellipsis counts against the limit'],
    ['abcdef', 1, 'a', 'no room for the ellipsis: bare cut'],
    ['abcdef', 0, '', ''],
  ];
  for (const [text, max, expected, why] of cases) {
    const ellipsis = why.startsWith('a three-grapheme') ? '...' : '…';
    assert.equal(truncateGraphemes(text, max, ellipsis), expected, `${text} / ${max}: ${why}`);
  }
  assert.throws(() => truncateGraphemes('abc', -1), RangeError);
});

test('property: never splits a cluster, never exceeds the limit', () => {
  const texts = [HEADLINE, 'ক্ষ স্ত্র র‍্যা ক্ষমা স্ত্রী র‍্যাব', 'ক্ষক্ষক্ষ স্ত্রস্ত্র র‍্যার‍্যা, শিক্ষার্থীর কর্মকর্তার।', 'আমার সোনার বাংলা, আমি তোমায় ভালোবাসি।'];
  for (const text of texts) {
    const clusters = graphemeClusters(text);
    for (let max = 0; max <= clusters.length + 2; max += 1) {
      const result = truncateGraphemes(text, max);
      const label = `${text} / ${max}`;
      assert.ok(graphemeLength(result) <= max, label);
      if (clusters.length <= max) {
        assert.equal(result, text, label);
        continue;
      }
      const kept = result.endsWith('…') ? result.slice(0, -1) : result;
      // The kept part is exactly the first k clusters of the text: nothing was cut open.
      const keptClusters = graphemeClusters(kept);
      assert.deepEqual(keptClusters, clusters.slice(0, keptClusters.length), label);
      assert.doesNotMatch(kept, /[\u09CD\u200D]$/u, `${label}: dangling hasanta or ZWJ`);
      assert.doesNotMatch(kept, /[\s\p{P}]$/u, `${label}: trailing space or punctuation`);
    }
  }
});
