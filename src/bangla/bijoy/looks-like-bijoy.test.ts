import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeBijoy } from './looks-like-bijoy.ts';

test('looksLikeBijoy recognises pasted Bijoy text', () => {
  const bijoy = [
    // The examples of BANGLA.md §4.
    'Avgvi †mvbvi evsjv, Avwg †Zvgvq fv‡jvevwm|',
    'fvlvšÍi',
    'g„Zz¨',
    'Kg©KZ©vi e¨w³MZ',
    // Without any glyph outside ASCII: only the letter patterns tell.
    'Avwg evsjvq Mvb MvB',
    'XvKv',
    'miKvi',
    'Avgiv',
    'bZzb ev‡RU',
    'cÖ_g Av‡jv',
    'cÖavbgš¿x',
    'ÒAvwgÓ',
    'evsjv‡`k',
    'wkÿv',
    'kZvãx',
    'XvKv, 13 †m‡Þ¤^i (evmm)',
  ];
  for (const text of bijoy) assert.equal(looksLikeBijoy(text), true, text);
});

test('looksLikeBijoy leaves English, code, addresses and Unicode Bengali alone', () => {
  const notBijoy = [
    '',
    '2023-09-13',
    'The quick brown fox jumps over the lazy dog.',
    'I’ve got five lives',
    'Revolving views over the river',
    'Vivek Ramaswamy visited Dhaka.',
    'Kvitova won the match',
    'Obviously, Kvass is Russian.',
    'David Beckham',
    'Sheikh Hasina',
    'NVIDIA GeForce RTX 4090',
    'Größe Straße Österreich',
    'https://www.prothomalo.com/bangladesh/251042',
    'news.desk@prothomalo.com',
    'const total = items.reduce((a, b) => a + b, 0);',
    'getElementById("Avatar")',
    'ami banglay gan gai', // Roman Bangla for Avro, not Bijoy
    // The converted §4 examples, and Bengali with an English name in it.
    'আমার সোনার বাংলা, আমি তোমায় ভালোবাসি।',
    'কর্মকর্তার ব্যক্তিগত',
    'প্রধানমন্ত্রীর সঙ্গে বৈঠক করেন Joe Biden',
  ];
  for (const text of notBijoy) assert.equal(looksLikeBijoy(text), false, text);
});
