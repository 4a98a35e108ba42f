import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translate, type Translate } from '../i18n/translate.ts';
import { changeLabel, changeValue, revisionActionText } from './change-text.ts';

const bn: Translate = (key, vars) => translate('bn', key, vars);
const en: Translate = (key, vars) => translate('en', key, vars);

test('fields by their form names; body blocks counted from one in the language’s digits', () => {
  assert.equal(changeLabel('headline', bn, 'bn'), 'শিরোনাম');
  assert.equal(changeLabel('body[3]', bn, 'bn'), 'মূল লেখা, অনুচ্ছেদ ৪');
  assert.equal(changeLabel('body[0]', en, 'en'), 'Body, block 1');
  assert.equal(changeLabel('somethingNew', en, 'en'), 'somethingNew');
});

test('values as text', () => {
  assert.equal(changeValue(null, bn, 'bn'), '—');
  assert.equal(changeValue('', bn, 'bn'), '—');
  assert.equal(changeValue('লেখা', bn, 'bn'), 'লেখা');
  assert.equal(changeValue(12, bn, 'bn'), '১২');
  assert.equal(changeValue(true, en, 'en'), 'Yes');
  assert.equal(changeValue(['রাশিয়া', 'ভারত'], bn, 'bn'), 'রাশিয়া, ভারত');
  assert.equal(changeValue([], bn, 'bn'), '—');
  assert.equal(changeValue({ kind: 'reporters', personIds: [12, 7] }, en, 'en'), 'Reporters: #12, #7');
});

test('revision actions in words; unknown ones as stored', () => {
  assert.equal(revisionActionText('update-significant', bn), 'গুরুত্বপূর্ণ হালনাগাদ');
  assert.equal(revisionActionText('save', en), 'saved');
  assert.equal(revisionActionText('mystery', en), 'mystery');
});
