import { test } from 'node:test';
import assert from 'node:assert/strict';
import { avroToBangla } from './avro-to-bangla.ts';

type Case = readonly [roman: string, bangla: string];

function check(cases: readonly Case[]): void {
  for (const [input, expected] of cases) assert.equal(avroToBangla(input), expected.normalize('NFC'), input);
}

test('converts the sentences and names of BANGLA.md §5', () => {
  check([
    ['ami banglay gan gai', 'আমি বাংলায় গান গাই'],
    ['Dhaka', 'ঢাকা'],
    ['dhaka', 'ধাকা'],
    ['putin', 'পুতিন'],
    ['rashiya', 'রাশিয়া'],
    ['bangladesh', 'বাংলাদেশ'],
    ['kim jong un', 'কিম জং উন'],
    ['shikkha', 'শিক্ষা'], // kkh is ক্ষ in Avro
  ]);
});

test('is case-sensitive only for o i u d g j n r s t y z', () => {
  check([
    ['T', 'ট'],
    ['t', 'ত'],
    ['Th', 'ঠ'],
    ['th', 'থ'],
    ['Sh', 'ষ'],
    ['sh', 'শ'],
    ['S', 'শ'],
    ['N', 'ণ'],
    ['AmAr', 'আমার'], // A is a
    ['KObita', 'কোবিতা'], // K is k, O is ো
    ['kh', 'খ'],
    ['ng', 'ং'],
    ['Ng', 'ঙ'],
    ['NG', 'ঞ'],
  ]);
});

test('writes vowels as letters at word start and after vowels, as signs after consonants', () => {
  check([
    ['kobita', 'কবিতা'], // o after a consonant is the inherent vowel
    ['oshukh', 'অশুখ'],
    ['obosthan', 'অবস্থান'],
    ['Oikko', 'ওইক্ক'],
    ['OUshodh', 'ঔশধ'],
    ['shOmoy', 'শোময়'],
    ['khaoa', 'খাওয়া'], // a after a vowel is য়া
    ['aamar', 'আআমার'],
    ['gaye', 'গায়ে'],
    ['rritu', 'ঋতু'],
    ['krrishok', 'কৃশক'],
    ['ritu', 'রিতু'],
  ]);
});

test('handles y, w, x and r by their neighbours', () => {
  check([
    ['byakti', 'ব্যাক্তি'], // y after a consonant is য-ফলা
    ['bidyaloy', 'বিদ্যালয়'], // and য় after a vowel
    ['tomay', 'তমায়'],
    ['shwasth', 'শ্বাস্থ'], // w after a consonant is ব-ফলা
    ['wagon', 'ওয়াগন'],
    ['box', 'বক্স'],
    ['xerox', 'এক্সেরক্স'],
    ['prothom', 'প্রথম'], // r after a consonant is র-ফলা
    ['kormo', 'করম'], // r before a consonant is not a reph …
    ['korrmo', 'কর্ম'], // … rr is
    ['rrk', 'র্ক'],
    ['rk', 'রক'],
  ]);
});

test('forms the conjuncts in its table and breaks them with `', () => {
  check([
    ['kk', 'ক্ক'],
    ['kT', 'ক্ট'],
    ['kkh', 'ক্ষ'],
    ['ksh', 'কশ'], // Avro's own reading: ক্ষ needs kkh, kSh or kx
    ['lakkhmi', 'লাক্ষ্মি'],
    ['nk', 'ঙ্ক'],
    ['Ngk', 'ঙ্ক'],
    ['ngk', 'ংক'],
    ['nd', 'ন্দ'],
    ['ntr', 'ন্ত্র'],
    ['str', 'স্ত্র'],
    ['ShTh', 'ষ্ঠ'],
    ['biggan', 'বিজ্ঞান'],
    ['ganga', 'গাঙ্গা'],
    ['kolkata', 'কল্কাতা'],
    ['chatro', 'ছাত্র'],
    ['k`k', 'কক'],
    ['kb', 'কব'], // no conjunct outside the table
  ]);
});

test('converts digits and signs, keeps other characters', () => {
  check([
    ['2024 $500.', '২০২৪ ৳৫০০।'],
    ['0123456789', '০১২৩৪৫৬৭৮৯'],
    ['ki?', 'কি?'],
    ['ha!', 'হা!'],
    ['du:kh', 'দুঃখ'],
    ['cha^d', 'ছাঁদ'],
    ['...', '...'],
    ['ami\ntumi', 'আমি\nতুমি'],
    ['', ''],
    ['ঢাকা', 'ঢাকা'],
  ]);
});
