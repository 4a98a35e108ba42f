import { test } from 'node:test';
import assert from 'node:assert/strict';
import { avroCandidates } from './avro-candidates.ts';

test('avroCandidates starts with the Avro reading and adds likely respellings', () => {
  const cases: Array<[string, string[]]> = [
    ['dhaka', ['ধাকা', 'ঢাকা']],
    ['Dhaka', ['ঢাকা']],
    ['putin', ['পুতিন', 'পুটিন', 'পুতিণ', 'পুতীন', 'পূতিন']],
    ['sorkar', ['সরকার', 'সর্কার', 'শরকার', 'সোরকার']],
    ['dhormo', ['ধরম', 'ঢরম', 'ধর্ম', 'ধোরম', 'ধরমো']],
    ['modi', ['মদি', 'মডি', 'মদী', 'মোদি']],
    ['lakshmi', ['লাকশমি', 'লাক্ষ্মি', 'লাকশমী']],
    ['', []],
  ];
  for (const [word, expected] of cases) assert.deepEqual(avroCandidates(word), expected, word);
});

test('avroCandidates gives at most 8, without duplicates, in a fixed order', () => {
  for (const word of ['nirbachon', 'protidinershongbad', 'shikkhamontronaloy', 'kim jong un']) {
    const candidates = avroCandidates(word);
    assert.ok(candidates.length <= 8, word);
    assert.equal(new Set(candidates).size, candidates.length, word);
    assert.deepEqual(avroCandidates(word), candidates, word);
  }
  assert.equal(avroCandidates('protidinershongbad').length, 8);
});
