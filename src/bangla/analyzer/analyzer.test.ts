import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from './analyzer.ts';
import { ANALYZER_PAIRS } from './analyzer-pairs.ts';

const analyzer = createAnalyzer();

function meets(a: string, b: string): boolean {
  const left = analyzer.analyze(a);
  const right = analyzer.analyze(b);
  return left.length === 1 && right.length === 1 && left[0] === right[0];
}

test('every pair of the table meets or stays apart as required', () => {
  assert.ok(ANALYZER_PAIRS.length >= 60);
  for (const { a, b, meet, why } of ANALYZER_PAIRS) {
    assert.equal(meets(a, b), meet, `${a} / ${b}: ${why}`);
  }
});

test('analyze drops stop words and stems in order', () => {
  assert.deepEqual(analyzer.analyze('ঢাকায় শিক্ষার্থীদের সঙ্গে পুলিশের সংঘর্ষ হয়েছে।'), ['ঢাকা', 'শিক্ষার্থি', 'পুলিশ', 'সংঘর্ষ']);
});

test('analyzeWithOffsets points into the original text', () => {
  const text = 'মোঃ ইউনূসকে র\u200D্যাবের অভিনন্দন';
  const terms = analyzer.analyzeWithOffsets(text);
  assert.deepEqual(
    terms.map(({ term, exact, start, end }) => [term, exact, text.slice(start, end)]),
    [
      ['মো', 'মো', 'মোঃ'],
      ['ইউনুস', 'ইউনুসকে', 'ইউনূসকে'],
      ['র্যাব', 'র্যাবের', 'র\u200D্যাবের'],
      ['অভিনন্দন', 'অভিনন্দন', 'অভিনন্দন'],
    ],
  );
});

test('queryTerms gives the stem, the exact form and whether to match it as a prefix', () => {
  assert.deepEqual(analyzer.queryTerms('পুতিনের ও হাসিনা ২০২৩ তাসনিমের'), [
    { term: 'পুতিন', exact: 'পুতিনের', prefix: false },
    { term: 'হাসিনা', exact: 'হাসিনা', prefix: true },
    { term: '2023', exact: '2023', prefix: false },
    { term: 'তাসনিম', exact: 'তাসনিমের', prefix: false },
  ]);
});

test('extraKnownWords lets a site name reach its base', () => {
  assert.deepEqual(analyzer.analyze('তাসনীমার'), ['তাসনিমার']);
  const site = createAnalyzer({ extraKnownWords: ['তাসনীমা'] });
  assert.deepEqual(site.analyze('তাসনীমার'), ['তাসনিমা']);
});
