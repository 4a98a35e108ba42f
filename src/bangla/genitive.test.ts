import { test } from 'node:test';
import assert from 'node:assert/strict';
import { genitive } from './genitive.ts';

const cases = (pairs: Array<[string, string]>) => {
  for (const [name, expected] of pairs) assert.equal(genitive(name), expected, name);
};

test('a name ending in a consonant sound takes -এর joined to it, as the vowel sign', () => {
  cases([
    ['প্রকাশ', 'প্রকাশের'],
    ['বাংলাদেশ', 'বাংলাদেশের'],
    ['রাজনীতি ও সরকার', 'রাজনীতি ও সরকারের'],
    ['চট্টগ্রাম', 'চট্টগ্রামের'],
    ['জামায়াত', 'জামায়াতের'],
    ['ছয়', 'ছয়ের'],
    ['জাতীয় জাদুঘর', 'জাতীয় জাদুঘরের'],
    ['ভবিষ্যৎ', 'ভবিষ্যতের'],
    ['রং', 'রঙের'],
  ]);
});

test('a name ending in a vowel takes -র', () => {
  cases([
    ['বর্ণমালা', 'বর্ণমালার'],
    ['এশিয়া', 'এশিয়ার'],
    ['ঢাকা', 'ঢাকার'],
    ['রাজনীতি', 'রাজনীতির'],
    ['মেয়ে', 'মেয়ের'],
    ['বিবিসি', 'বিবিসির'],
    ['খেলো', 'খেলোর'],
    ['গাঁ', 'গাঁর'],
  ]);
});

test('a name ending in a vowel letter takes -য়ের', () => {
  cases([
    ['ভাই', 'ভাইয়ের'],
    ['বউ', 'বউয়ের'],
    ['দুই', 'দুইয়ের'],
  ]);
});

test('after Latin letters, digits or an abbreviation, the ending is joined with a hyphen', () => {
  cases([
    ['BBC', 'BBC-র'],
    ['CNN', 'CNN-এর'],
    ['২০২৪', '২০২৪-এর'],
    ['2024', '2024-এর'],
    ['Prothom Alo', 'Prothom Alo-র'],
    ['The Daily Star', 'The Daily Star-এর'],
    ['ডা.', 'ডা.-এর'],
  ]);
});

test('input written in another normal form or with spaces around it gives the same phrase', () => {
  assert.equal(genitive('  এশিয়া '), 'এশিয়ার');
  assert.equal(genitive('এশিয\u09BC\u09BE'), genitive('এশিয়া'));
  assert.equal(genitive(''), '');
});

test('the phrase is in NFC, as the rest of the text', () => {
  for (const name of ['ভাই', 'এশিয়া', 'প্রকাশ', 'BBC']) assert.equal(genitive(name), genitive(name).normalize('NFC'));
  assert.ok(genitive('ভাই').endsWith('\u09AF\u09BC\u09C7\u09B0'));
});
