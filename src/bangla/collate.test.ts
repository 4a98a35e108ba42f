import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareBengali } from './collate.ts';

test('Bengali names sort in alphabetical order, vowels before consonants', () => {
  const names = ['সুমন চন্দ্র দাস', 'আবুল কালাম আজাদ', 'রফিকুল ইসলাম', 'ইমরান হোসেন', 'জাহিদুল ইসলাম', 'অমিত রায়', 'খালেদা বেগম', 'কামরুল হাসান'];
  assert.deepEqual([...names].sort(compareBengali), [
    'অমিত রায়',
    'আবুল কালাম আজাদ',
    'ইমরান হোসেন',
    'কামরুল হাসান',
    'খালেদা বেগম',
    'জাহিদুল ইসলাম',
    'রফিকুল ইসলাম',
    'সুমন চন্দ্র দাস',
  ]);
});

test('a nukta letter sorts alike however it was typed', () => {
  assert.equal(compareBengali('রা\u09df', 'রা\u09af\u09bc'), 0); // য় as U+09DF, and as য + nukta
  assert.ok(compareBengali('প্রকাশ ডেস্ক', 'খেলা ডেস্ক') > 0);
});
