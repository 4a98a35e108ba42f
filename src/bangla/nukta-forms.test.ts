import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nuktaSpellings } from './nukta-forms.ts';

test('a text with nukta letters is matched in both encodings, either way it was typed', () => {
  const twoPoints = 'বিজ\u09AF\u09BCের রা\u09A1\u09BCি আ\u09A2\u09BC';
  const onePoint = 'বিজ\u09DFের রা\u09DCি আ\u09DD';
  assert.deepEqual(nuktaSpellings(twoPoints), [twoPoints, onePoint]);
  assert.deepEqual(nuktaSpellings(onePoint), [twoPoints, onePoint]);
});

test('a text without them has one spelling', () => {
  assert.deepEqual(nuktaSpellings('ঢাকা শহর'), ['ঢাকা শহর']);
  assert.deepEqual(nuktaSpellings('Padma'), ['Padma']);
});
