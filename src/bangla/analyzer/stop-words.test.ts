import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStopWord } from './stop-words.ts';
import { normalizeWord } from './normalize.ts';

test('isStopWord knows function words in their normalised form', () => {
  const cases: Array<[string, boolean]> = [
    ['ও', true],
    ['এবং', true],
    ['হয়েছে', true],
    ['তাঁর', true],
    ['সঙ্গে', true],
    ['বলেন', true],
    ['ঢাকা', false],
    ['সরকার', false],
    ['সব', false], // kept: শব/সব must stay searchable
  ];
  for (const [word, expected] of cases) assert.equal(isStopWord(normalizeWord(word)), expected, word);
});
