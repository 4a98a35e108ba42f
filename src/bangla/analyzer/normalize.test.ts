import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeForSearch, normalizeWord } from './normalize.ts';

test('normalizeForSearch applies every rule of BANGLA.md §2', () => {
  const cases: Array<[string, string, string]> = [
    ['\u09DF', '\u09AF\u09BC', 'precomposed য় → decomposed'],
    ['\u09AF\u09BC', '\u09AF\u09BC', 'decomposed য় stays'],
    ['\u09DC\u09DD', '\u09A1\u09BC\u09A2\u09BC', 'ড় ঢ় → decomposed'],
    ['\u09AE\u09C7\u09BE', 'মো', 'ে + া → ো'],
    ['\u09AE\u09C7\u09D7', 'মৌ', 'ে + ৗ → ৌ'],
    ['\u09AE\u09C7\u200C\u09BE', 'মো', 'ো split by a stray joiner still composes'],
    ['উত\u09CD\u200Dসব', 'উৎসব', 'ত্ + ZWJ → ৎ before ZWJ is stripped'],
    ['উত\u09CD\u200Cসব', 'উৎসব', 'ত্ + ZWNJ → ৎ'],
    ['হঠাত্', 'হঠাৎ', 'word-final ত্ → ৎ'],
    ['উৎসব', 'উৎসব', 'ৎ kept'],
    ['র\u200D্যাব', 'র্যাব', 'ZWJ stripped'],
    ['ক\u200B\u00AD\uFEFF\u2060খ', 'কখ', 'invisibles stripped'],
    ['এক।দুই॥তিন|চার', 'এক দুই তিন চার', 'dandas separate'],
    ['০১২৩৪৫৬৭৮৯', '0123456789', 'Bengali digits'],
    ['Dhaka ÉCOLE', 'dhaka école', 'Latin lower-cased'],
    ['সরকারী ঈদ ঊষা ইউনূস', 'সরকারি ইদ উষা ইউনুস', 'ী ঈ ঊ ূ fold'],
    ['রঙ সঙ্গে', 'রং সংগে', 'ঙ and ঙ্ → ং'],
    ['চাঁদ', 'চাদ', 'চন্দ্রবিন্দু removed'],
    ['মোঃ আলী', 'মো আলি', 'মোঃ'],
    ['মো. আলী', 'মো আলি', 'মো.'],
    ['দুঃখ', 'দুঃখ', 'internal visarga kept'],
    ['৬.৯ মাত্রা', '6.9 মাত্রা', 'decimal point between digits kept'],
    ['  ঢাকা \n খবর ', 'ঢাকা খবর', 'whitespace collapsed'],
    ['', '', 'empty'],
  ];
  for (const [input, expected, why] of cases) assert.equal(normalizeForSearch(input), expected, why);
});

test('normalizeForSearch is idempotent and keys are NFC', () => {
  const samples = ['\u09DFাত্রা', 'র\u200D্যাব', 'উত\u09CD\u200Dসব', 'মোঃ সরকারী ২০২৩', '\u09AE\u09C7\u09BE'];
  for (const text of samples) {
    const key = normalizeForSearch(text);
    assert.equal(normalizeForSearch(key), key, text);
    assert.equal(key.normalize('NFC'), key, text);
  }
});

test('normalizeWord agrees with normalizeForSearch on single words', () => {
  for (const word of ['শিক্ষার্থীদের', 'মোঃ', 'রাশিয়ায়', '১০,০০০', 'COVID']) {
    assert.equal(normalizeWord(word), normalizeForSearch(word), word);
  }
});
