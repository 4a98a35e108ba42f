// Properties of the tokenizer, the normaliser and the analyzer over any input (fast-check, fixed
// seed: see test/helpers/arbitraries.ts). The tables of analyzer.test.ts say what the words
// become; these say what holds whatever the words are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty, hostileText, longText } from '../../../test/helpers/arbitraries.ts';
import { createAnalyzer } from './analyzer.ts';
import { normalizeForSearch, normalizeWord } from './normalize.ts';
import { segmentWords } from './segment-words.ts';
import { tokenize } from './tokenize.ts';

const analyzer = createAnalyzer({ extraKnownWords: ['পুতিন', 'ঢাকা', 'র‍্যাব'] });

// Text as a Bengali newsroom writes it: words of Bengali syllables (conjuncts, vowel signs in
// their place, joiners inside), Latin words and numbers, between spaces and punctuation.
const CONSONANTS = ['ক', 'ঢ', 'ত', 'দ', 'ন', 'প', 'ব', 'ম', 'র', 'ল', 'শ', 'স', 'হ', 'য়', 'ড়', 'ক্ষ', 'ন্ত', 'র্ক', 'র‍্য', 'ত্র'];
const SIGNS = ['', '', 'া', 'ি', 'ী', 'ু', 'ে', 'ো', 'ৌ', 'ং', 'ঁ', 'ের', 'কে', 'তে', 'রা', 'দের', 'ঃ'];
const syllable = fc.tuple(fc.constantFrom(...CONSONANTS), fc.constantFrom(...SIGNS)).map(([c, v]) => c + v);
const bengaliWord = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((s) => s.join(''));
const otherWord = fc.constantFrom(
  'Putin',
  'BBC',
  'covid19',
  'g20',
  '২০২৩',
  '৬.৯',
  '১০,০০০',
  '৫০টি',
  'মো.',
  'ডাঃ',
  'হঠাত্',
  'উৎসব',
  'ZWNJ\u200cশব্দ',
  'শ\u200bব্দ',
);
const separator = fc.constantFrom(' ', ' ', ', ', '। ', '\n', ' — ', ' "', '" ', '(', ') ', '|', '-', '.');
const newsText = fc
  .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: bengaliWord }, { weight: 1, arbitrary: otherWord }), separator), { maxLength: 12 })
  .map((parts) => parts.map(([word, sep]) => word + sep).join(''));

test('tokenize, normalize and the analyzer never throw on any string, and offsets point into the text', () => {
  checkProperty(
    fc.property(hostileText(), (text) => {
      for (const token of tokenize(text)) {
        assert.ok(token.start >= 0 && token.start < token.end && token.end <= text.length, `bad span ${token.start}-${token.end}`);
        assert.notEqual(token.token, '');
      }
      const terms = analyzer.analyzeWithOffsets(text);
      for (const term of terms) assert.ok(term.start >= 0 && term.start < term.end && term.end <= text.length);
      assert.deepEqual(
        analyzer.analyze(text),
        terms.map((t) => t.term),
      );
      // The query path is the index path: the same words give the same terms.
      assert.deepEqual(
        analyzer.queryTerms(text).map((q) => q.term),
        terms.map((t) => t.term),
      );
      const visited: string[] = [];
      analyzer.eachTerm(text, (term) => visited.push(term));
      assert.deepEqual(
        visited,
        terms.map((t) => t.term),
      );
    }),
    1000,
  );
});

test('search keys are NFC and normalising a key again changes nothing', () => {
  checkProperty(
    fc.property(hostileText(), (text) => {
      const key = normalizeForSearch(text);
      assert.equal(key, key.normalize('NFC'), `key ${JSON.stringify(key)} is not NFC`);
      assert.equal(normalizeForSearch(key), key);
      for (const { token } of tokenize(text)) {
        assert.equal(token, token.normalize('NFC'));
        assert.equal(normalizeWord(token), token);
      }
    }),
    1000,
  );
});

test('normalize: a capital whose lower case adds a mark, and a dropped ঁ between ে and া, still give NFC keys (bugs found by the properties)', () => {
  // İ lower-cases to i + U+0307, which NFC orders after the hasanta (ccc 230 after ccc 9).
  assert.equal(normalizeForSearch('İ্'), 'i\u09cd\u0307');
  // ে ঁ া: dropping ঁ leaves ে া, which NFC composes to ো.
  assert.equal(normalizeWord('কেঁা'), 'কো');
  // Word-final ঃ is decided after folding (ঃঃ, ঃ৫, ঃঁ): normalising twice gives the same key.
  assert.equal(normalizeForSearch('মোঃঃ'), 'মো');
  assert.equal(normalizeForSearch('ঃ৫'), '5');
  assert.equal(normalizeForSearch('কঃঁ'), 'ক');
  // A hasanta typed before a nukta: NFC puts the nukta first.
  assert.equal(normalizeWord('য্\u09bc'), 'য\u09bc্');
});

test('the one-pass scanner finds the same words as Intl.Segmenter on newsroom text', () => {
  checkProperty(
    fc.property(newsText, (text) => {
      assert.deepEqual(tokenize(text), segmentWords(text));
    }),
    500,
  );
});

test('a lone surrogate before a letter does not swallow the letter (bug found by the properties)', () => {
  // The scanner read U+D800 + য as one code point and skipped the য.
  assert.deepEqual(tokenize('\ud800য়'), [{ token: 'য়', start: 1, end: 3 }]);
  assert.deepEqual(tokenize('\ud800য়'), segmentWords('\ud800য়'));
});

test('a word read alone gets the term it got inside the text, so a reader typing it finds it', () => {
  checkProperty(
    fc.property(newsText, (text) => {
      for (const { term, start, end } of analyzer.analyzeWithOffsets(text)) {
        assert.deepEqual(analyzer.analyze(text.slice(start, end)), [term]);
      }
    }),
    500,
  );
});

test('long input is analysed without error (bounded sizes)', () => {
  checkProperty(
    fc.property(longText(100_000), (text) => {
      assert.ok(Array.isArray(analyzer.analyze(text)));
    }),
    10,
  );
});
