import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translate } from '../i18n/translate.ts';
import type { Translate } from '../i18n/translate.ts';
import { auditActionText, auditDetailsText } from './audit-text.ts';

const bn: Translate = (key, vars) => translate('bn', key, vars);
const en: Translate = (key, vars) => translate('en', key, vars);

test('known actions read in the language; unknown ones as stored', () => {
  assert.equal(auditActionText('article.publish', bn), 'প্রতিবেদন প্রকাশ');
  assert.equal(auditActionText('comment.approve', en), 'comment approved');
  assert.equal(auditActionText('something.new', bn), 'something.new');
});

test('details as short key: value text, empty values left out', () => {
  assert.equal(auditDetailsText({ from: 'draft', scheduledAt: null, articleId: 251042 }), 'from: draft · articleId: 251042');
  assert.equal(auditDetailsText({ path: 'world/asia', ids: [1, 2] }), 'path: world/asia · ids: [1,2]');
  assert.equal(auditDetailsText({}), '');
  assert.equal(auditDetailsText(null), '');
});
