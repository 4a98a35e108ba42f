import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../api.ts';
import { translate, type Translate } from '../i18n/translate.ts';
import { fieldErrorsOf, inputProblem } from './field-errors.ts';

const bn: Translate = (key, vars) => translate('bn', key, vars);
const en: Translate = (key, vars) => translate('en', key, vars);

test('an over-long headline is named, in Bengali with Bengali digits, or in English', () => {
  const error = new ApiError(400, 'INVALID_INPUT', 'headline: Too big', [{ path: 'headline', message: 'Too big: expected string to have <=300 characters' }]);
  assert.deepEqual(fieldErrorsOf(error, bn, 'bn'), { headline: 'সর্বোচ্চ ৩০০ অক্ষর লেখা যায়।' });
  assert.deepEqual(fieldErrorsOf(error, en, 'en'), { headline: 'At most 300 characters.' });
});

test('fields missing for publication are marked under the form’s names', () => {
  const error = new ApiError(422, 'INVALID_TRANSITION', 'cannot publish without: section, print page', { missing: ['section', 'print page'] });
  assert.deepEqual(fieldErrorsOf(error, bn, 'bn'), { sectionId: 'এই ঘরটি পূরণ করুন।', printPage: 'এই ঘরটি পূরণ করুন।' });
});

test('a schedule time in the past points at the schedule field, only when scheduling', () => {
  const error = new ApiError(422, 'UNPROCESSABLE', 'the scheduled time must be in the future');
  assert.deepEqual(fieldErrorsOf(error, bn, 'bn', 'schedule'), { at: 'প্রকাশের সময় এখনকার পরে হতে হবে।' });
  assert.deepEqual(fieldErrorsOf(error, bn, 'bn', 'save'), {});
});

test('schema sentences the app does not know are not shown in English to a Bengali reader', () => {
  assert.equal(inputProblem('must be an IANA time zone', bn, 'bn'), 'এই ঘরের তথ্য ঠিক নেই।');
  assert.equal(inputProblem('must be an IANA time zone', en, 'en'), 'must be an IANA time zone');
  assert.equal(inputProblem('Too small: expected number to be >=1', bn, 'bn'), 'সর্বনিম্ন ১।');
});
