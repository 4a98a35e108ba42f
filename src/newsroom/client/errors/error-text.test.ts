import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../api.ts';
import { translate, type Translate } from '../i18n/translate.ts';
import { ERRORS, type ErrorCode } from '../../../lib/errors.ts';
import { errorText } from './error-text.ts';

const bn: Translate = (key, vars) => translate('bn', key, vars);
const en: Translate = (key, vars) => translate('en', key, vars);
const bengali = /[\u0980-\u09ff]/;

test('every code of the catalogue has its own sentence in Bengali and in English', () => {
  for (const code of Object.keys(ERRORS) as ErrorCode[]) {
    if (code === 'INTERNAL') continue; // a 5xx says the server failed, whatever it sent
    const error = new ApiError(ERRORS[code].status, code, 'server words');
    const inBn = errorText(error, bn, 'bn').message;
    const inEn = errorText(error, en, 'en').message;
    assert.match(inBn, bengali, code);
    assert.notEqual(inEn, 'server words', code);
    assert.notEqual(inBn, inEn, code);
  }
});

test('INVALID_TRANSITION names the missing fields as the form calls them', () => {
  const error = new ApiError(422, 'INVALID_TRANSITION', 'cannot publish without: section, byline', { missing: ['section', 'byline', 'print page'] });
  assert.deepEqual(errorText(error, bn, 'bn'), {
    message: 'প্রতিবেদনের এখনকার অবস্থায় এই ধাপটি নেওয়া যায় না।',
    detail: 'যা বাকি: বিভাগ, বাইলাইন, পাতা নম্বর',
  });
  // Without a list, the server's (English) sentence is the detail in English only.
  assert.equal(
    errorText(new ApiError(422, 'INVALID_TRANSITION', 'cannot unpublish an article that is draft'), en, 'en').detail,
    'cannot unpublish an article that is draft',
  );
});

test('INVALID_INPUT lists each refused field once (not the message and the list again)', () => {
  const error = new ApiError(400, 'INVALID_INPUT', 'timeZone: must be an IANA time zone', [{ path: 'timeZone', message: 'must be an IANA time zone' }]);
  assert.equal(errorText(error, bn, 'bn').detail, 'সময় অঞ্চল: এই ঘরের তথ্য ঠিক নেই।');
  assert.equal(errorText(error, en, 'en').detail, 'Time zone: must be an IANA time zone');
  assert.equal(errorText(new ApiError(400, 'INVALID_INPUT', 'x', [{ path: '(body)', message: 'expected object' }]), en, 'en').detail, 'expected object');
});

test('a Bengali reader never sees the server’s English sentence', () => {
  const error = new ApiError(422, 'UNPROCESSABLE', 'the scheduled time must be in the future');
  assert.equal(errorText(error, bn, 'bn').detail, '');
  assert.equal(errorText(error, en, 'en').detail, 'the scheduled time must be in the future');
});

test('RATE_LIMITED says how long to wait, in the language’s digits', () => {
  const error = new ApiError(429, 'RATE_LIMITED', 'too many', undefined, 120);
  assert.equal(errorText(error, bn, 'bn').message, 'অনেকবার চেষ্টা হয়েছে। ১২০ সেকেন্ড পরে আবার চেষ্টা করুন।');
  assert.equal(errorText(error, en, 'en').message, 'Too many tries. Try again in 120 seconds.');
});

test('sign-in and session problems say it all; the server detail is left out', () => {
  for (const code of ['BAD_CREDENTIALS', 'UNAUTHENTICATED', 'CSRF_FAILED'])
    assert.equal(errorText(new ApiError(401, code, 'english'), bn, 'bn').detail, '', code);
});

test('unknown codes keep the server words; a 5xx never shows them; the network has its own words', () => {
  assert.deepEqual(errorText(new ApiError(400, 'SOMETHING_NEW', 'new words'), bn, 'bn'), { message: 'new words', detail: '' });
  assert.deepEqual(errorText(new ApiError(500, 'INTERNAL', 'stack here'), bn, 'bn'), {
    message: 'সার্ভারে একটি সমস্যা হয়েছে। একটু পরে আবার চেষ্টা করুন।',
    detail: '',
  });
  assert.equal(errorText(new ApiError(0, 'NETWORK', 'offline'), en, 'en').message, 'No internet connection.');
  assert.equal(errorText(new Error('plain'), en, 'en').message, 'plain');
});
