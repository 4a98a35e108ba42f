import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stem } from './stem.ts';
import { normalizeWord } from './normalize.ts';
import { countGraphemes } from './graphemes.ts';

// A small, explicit word list so each case shows what the list decides.
const LIST = new Set(['ঢাকা', 'রাশিয়া', 'ভারত', 'ভার', 'নেতা', 'বাংলাদেশ', 'অতিত', 'অতি', 'দশক', 'মেয়ে'].map(normalizeWord));
const known = (word: string): boolean => LIST.has(word);
const none = (): boolean => false;

test('stem: safe suffixes are cut without the word list', () => {
  const cases: Array<[string, string]> = [
    ['পুতিনের', 'পুতিন'],
    ['পুতিনকে', 'পুতিন'],
    ['নেতারা', 'নেতা'],
    ['শিক্ষার্থিরা', 'শিক্ষার্থি'],
    ['বিষয়টি', 'বিষয়'],
    ['মামলাগুলোর', 'মামলা'],
    ['শিক্ষকদেরকে', 'শিক্ষক'],
    ['বাড়িতে', 'বাড়ি'],
    ['সংসদের', 'সংসদ'],
  ];
  for (const [word, expected] of cases) assert.equal(stem(normalizeWord(word), none), expected, word);
});

test('stem: ambiguous cuts need a known stem', () => {
  const cases: Array<[string, string, string]> = [
    ['ঢাকার', 'ঢাকা', '-র to a known word'],
    ['ঢাকায়', 'ঢাকা', '-য় to a known word'],
    ['রাশিয়ার', 'রাশিয়া', '-র'],
    ['বাংলাদেশে', 'বাংলাদেশ', '-ে'],
    ['নেতাদের', 'নেতা', '-দের'],
    ['ভারতে', 'ভারত', 'shortest known cut wins over ভার + তে'],
    ['অতীতে', 'অতিত', 'shortest known cut wins over অতি + তে'],
    ['দশকে', 'দশক', 'not দশ + কে'],
    ['মেয়ের', 'মেয়ে', '-র after ে'],
    ['বাংলাদেশও', 'বাংলাদেশ', 'particle ও'],
    ['নেতারাও', 'নেতা', 'two rounds'],
    ['সরকার', 'সরকার', 'সরকা is not a word'],
    ['ভারত', 'ভারত', 'no suffix'],
  ];
  for (const [word, expected, why] of cases) assert.equal(stem(normalizeWord(word), known), expected, why);
  assert.equal(stem('ঢাকার', none), 'ঢাকার', 'unknown stem: -র stays');
  assert.equal(stem('বাংলাদেশে', none), 'বাংলাদেশে', 'unknown stem: -ে stays');
});

test('stem keeps at least two graphemes and never ends a stem in hasanta', () => {
  const cases: Array<[string, string]> = [
    ['করা', 'করা'], // ক + রা would leave one grapheme
    ['দিকে', 'দিকে'],
    ['পার্কে', 'পার্কে'], // পার্ + কে would end in hasanta
    ['ঘণ্টা', 'ঘণ্টা'],
    ['কোটি', 'কোটি'],
  ];
  for (const [word, expected] of cases) assert.equal(stem(word, none), expected, word);
});

test('a blind cut does not take a name ending for a suffix', () => {
  // ক-final names take the locative -ে; -কে after -স্ত or -রা is not the accusative.
  assert.equal(stem(normalizeWord('ভ্লাদিভস্তকে'), none), normalizeWord('ভ্লাদিভস্তকে'));
  assert.equal(stem(normalizeWord('রস্টকে'), none), normalizeWord('রস্টকে'));
  assert.equal(stem(normalizeWord('কারাকে'), none), normalizeWord('কারাকে'));
  assert.equal(stem(normalizeWord('শিক্ষককে'), none), normalizeWord('শিক্ষক'), 'the accusative is still cut');
});

test('countGraphemes counts conjuncts and vowel signs as one', () => {
  const cases: Array<[string, number]> = [
    ['ক্ষ', 1],
    ['শিক্ষার্থী', 3],
    ['র্যাব', 2],
    ['ব্যাংক', 2],
    ['ঢাকা', 2],
    ['', 0],
  ];
  for (const [word, expected] of cases) assert.equal(countGraphemes(word), expected, word);
});
