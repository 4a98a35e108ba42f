import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKnownWords } from './known-words.ts';
import { normalizeWord } from './normalize.ts';

test('the built-in set holds news words, districts and ICU country names', () => {
  const known = createKnownWords();
  const cases: Array<[string, boolean]> = [
    ['ঢাকা', true],
    ['সাতক্ষীরা', true],
    ['রাশিয়া', true],
    ['যুক্তরাষ্ট্র', true],
    ['শিক্ষার্থী', true],
    ['সরকা', false],
    ['ঢাকার', false], // inflected forms are never stems
    ['বাংলাদেশে', false],
  ];
  for (const [word, expected] of cases) assert.equal(known(normalizeWord(word)), expected, word);
});

test('createKnownWords adds the site words, normalised, without their inflections', () => {
  const known = createKnownWords(['সোনালি আলো', 'তাসনীম', 'বাংলাদেশের রাজনীতি']);
  assert.equal(known('তাসনিম'), true, 'ী folded');
  assert.equal(known('আলো'), true, 'each word of a tag');
  assert.equal(known('রাজনিতি'), true);
  assert.equal(known('বাংলাদেশের'), false, 'an inflection of a built-in stem is not added');
  assert.equal(createKnownWords()('তাসনিম'), false, 'sites do not share words');
});
