import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareCredit, photoCreditLine } from './photo-credit.ts';

test('a credit typed with its own prefix is shown with the house prefix once', () => {
  for (const typed of ['ছবি : প্রকাশ', 'ছবি: প্রকাশ', 'ছবি :প্রকাশ', 'ছবিঃ প্রকাশ', 'ছবি প্রকাশ', 'ছবি - প্রকাশ', ' ছবি : ছবি : প্রকাশ ', 'প্রকাশ']) {
    assert.equal(photoCreditLine(typed), 'ছবি : প্রকাশ', typed);
  }
  assert.equal(photoCreditLine('Photo: AFP'), 'ছবি : AFP');
  assert.equal(photoCreditLine('photo : Reuters'), 'ছবি : Reuters');
});

test('words that only begin like the prefix are kept', () => {
  assert.equal(bareCredit('ছবিয়াল'), 'ছবিয়াল');
  assert.equal(bareCredit('Photographer Rahim'), 'Photographer Rahim');
  assert.equal(bareCredit('ছবি'), 'ছবি', 'a credit that is only the word stays');
  assert.equal(bareCredit('রয়টার্স'), 'রয়টার্স');
});
