import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../bangla/analyzer/analyzer.ts';
import { createKnownWords } from '../bangla/analyzer/known-words.ts';
import { MAX_QUERY_WORDS, parseQuery } from './parse-query.ts';

const deps = { analyzer: createAnalyzer(), isKnown: createKnownWords() };
const terms = (q: string) => parseQuery(q, deps).groups.map((g) => g.map((a) => `${a.term}${a.prefix ? '*' : ''}`));

test('inflected words become their stem, and ask for their written form too; digits fold to ASCII', () => {
  assert.deepEqual(terms('পুতিনের'), [['পুতিন', '·পুতিনের']]);
  assert.deepEqual(terms('রাশিয়ায়'), [['রাশিয়া', '·রাশিয়ায়']]);
  assert.deepEqual(terms('২০২৩'), terms('2023'));
});

test('unknown words of three or more graphemes also match as a prefix; known and short words do not', () => {
  assert.deepEqual(terms('মাহফুজার'), [['মাহফুজার', 'মাহফুজার*', '·মাহফুজার*']]);
  assert.deepEqual(terms('ভার'), [['ভার']], 'ভার* would find ভারত');
  assert.deepEqual(terms('উন'), [['উন']], 'উন* would find উন্নয়ন');
});

test('a name the stemmer would cut into meets its written forms by prefix', () => {
  // ভ্লাদিভস্তকে is indexed as the stem ভ্লাদিভস্ত and the written form ·ভ্লাদিভস্তকে.
  assert.deepEqual(terms('ভ্লাদিভস্তক'), [['ভ্লাদিভস্তক', 'ভ্লাদিভস্তক*', '·ভ্লাদিভস্তক*']]);
  // An unknown stem (আঙ্কারা cut to আংকা) still asks for words written starting with the query.
  assert.deepEqual(terms('আঙ্কারা'), [['আংকা', '·আংকারা', 'আংকারা*', '·আংকারা*']]);
});

test('Latin words are also read as Avro-typed Bengali', () => {
  const [group] = parseQuery('putin', deps).groups;
  assert.ok(group!.some((a) => a.term === 'putin'));
  assert.ok(group!.some((a) => a.term === 'পুতিন'));
  assert.ok(parseQuery('Dhaka', deps).groups[0]!.some((a) => a.term === 'ঢাকা'));
  assert.equal(parseQuery('putin', deps).transliterated, true);
});

test('stop words and symbols alone leave nothing to search; long queries are capped', () => {
  assert.deepEqual(terms('এবং ও'), []);
  assert.deepEqual(terms('!!! ??? ।'), []);
  assert.equal(terms(Array.from({ length: 30 }, (_, i) => `শব্দ${i}`).join(' ')).length, MAX_QUERY_WORDS);
});

test('quoted words are a phrase as well as words; a quoted single word is only a word', () => {
  const parsed = parseQuery('"ঢাকার যানজট" নিয়ে “পদ্মা সেতুর” খবর "পুতিন"', deps);
  assert.deepEqual(parsed.phrases, [
    ['ঢাকা', 'যানজট'],
    ['পদ্মা', 'সেতু'],
  ]);
  assert.ok(parsed.groups.length >= 5, 'every word still counts on its own');
  assert.deepEqual(parseQuery('ঢাকার যানজট', deps).phrases, []);
});
