import { test } from 'node:test';
import assert from 'node:assert/strict';
import { banglaSoundKey, latinSoundKey } from './sound-key.ts';
import { createSoundLexicon } from './sound-lexicon.ts';

test('a name and the ways readers spell it in Latin letters share a sound key', () => {
  const pairs: Array<[string, string]> = [
    ['fakhrul', 'ফখরুল'],
    ['moscow', 'মস্কো'],
    ['brussels', 'ব্রাসেলস'],
    ['messi', 'মেসি'],
    ['hamza', 'হামজা'],
    ['yunus', 'ইউনূস'],
    ['sylhet', 'সিলেট'],
    ['dengue', 'ডেঙ্গু'],
    ['coxsbazar', 'কক্সবাজার'],
    ['vladivostok', 'ভ্লাদিভস্তক'],
    ['hongkong', 'হংকং'],
    ['chattogram', 'চট্টগ্রাম'],
    ['netanyahu', 'নেতানিয়াহু'],
    ['podottag', 'পদত্যাগ'],
    ['rohingya', 'রোহিঙ্গা'],
    ['barishal', 'বরিশাল'],
  ];
  for (const [latin, bangla] of pairs) assert.equal(latinSoundKey(latin), banglaSoundKey(bangla), `${latin} / ${bangla}`);
});

test('different names keep different keys; a word without consonants has none', () => {
  assert.notEqual(latinSoundKey('putin'), latinSoundKey('modi'));
  assert.equal(latinSoundKey('aeiou'), '');
  assert.equal(banglaSoundKey('আই'), '');
});

test('the lexicon finds the papers’ spellings, the site’s names, and variants of a Bengali spelling', () => {
  const lexicon = createSoundLexicon(['সাকিব আল হাসান']);
  assert.ok(lexicon.fromLatin('moscow').includes('মস্কো'));
  assert.ok(lexicon.fromLatin('remal').includes('রিমাল'));
  assert.ok(lexicon.fromLatin('shakib').includes('সাকিব'));
  assert.deepEqual(lexicon.fromLatin('bo'), [], 'one consonant names too much');
  assert.ok(!lexicon.fromBangla('মস্কো').includes('মস্কো'), 'a word is not its own variant');
});
