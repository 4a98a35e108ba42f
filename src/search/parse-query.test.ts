import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../bangla/analyzer/analyzer.ts';
import { createKnownWords } from '../bangla/analyzer/known-words.ts';
import { COMMON_WEIGHT, MAX_QUERY_WORDS, parseQuery } from './parse-query.ts';
import { createSoundLexicon } from '../bangla/avro/sound-lexicon.ts';
import { isCommonWord } from '../bangla/analyzer/known-words.ts';
import { normalizeWord } from '../bangla/analyzer/normalize.ts';

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
  // Known places are stems of their own: ভ্লাদিভস্তকে → ভ্লাদিভস্তক (world-places.ts).
  assert.deepEqual(terms('ভ্লাদিভস্তকে'), [['ভ্লাদিভস্তক', '·ভ্লাদিভস্তকে']]);
  // An unknown ক-final name: রস্টকে is indexed as itself (the name guard) and as written.
  assert.deepEqual(terms('রস্টক'), [['রস্টক', 'রস্টক*', '·রস্টক*']]);
  // An unknown stem (ইন্দিরা cut to ইন্দি) still asks for words written starting with the query.
  assert.deepEqual(terms('ইন্দিরা'), [['ইন্দি', '·ইন্দিরা', 'ইন্দিরা*', '·ইন্দিরা*']]);
});

test('a Latin word also means the names that sound like it, as papers spell them', () => {
  const lexicon = createSoundLexicon(['সাকিব আল হাসান']);
  const withSounds = { ...deps, soundAlike: lexicon.fromLatin, soundAlikeBangla: lexicon.fromBangla, isCommon: isCommonWord };
  const readings = (q: string) => parseQuery(q, withSounds).groups.map((g) => g.map((a) => a.term));
  assert.ok(readings('moscow')[0]!.includes('মস্কো'), 'Avro alone reads মসচও');
  assert.ok(readings('fakhrul')[0]!.includes('ফখরুল'));
  assert.ok(readings('sylhet')[0]!.includes('সিলেট'));
  assert.ok(readings('shakib')[0]!.includes('সাকিব'), 'a site name');
  // Two Latin words a paper writes as one are one group; "kim jong" stays two.
  assert.deepEqual(readings('hong kong').length, 1);
  assert.ok(readings('hong kong')[0]!.includes('হংকং'));
  assert.equal(readings('kim jong un').length, 3);
  // A Bengali variant spelling meets the name it sounds like.
  assert.ok(readings('কিয়িভ')[0]!.includes(normalizeWord('কিয়েভ')));
  // Common words weigh less than names.
  assert.deepEqual(parseQuery('পুতিন কিম বৈঠক', withSounds).weights, [1, 1, COMMON_WEIGHT]);
});

test('two Bengali words papers also write as one meet the one-word spelling', () => {
  const [first, second] = parseQuery('নিউ ইয়র্ক', deps).groups;
  assert.ok(first!.some((a) => a.term === 'নিউইয়র্ক') && second!.some((a) => a.term === 'নিউইয়র্ক'));
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
