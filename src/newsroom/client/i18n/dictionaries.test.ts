import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bn } from './bn.ts';
import { en } from './en.ts';
import { translate } from './translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('both languages have exactly the same keys, none empty', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(bn).sort());
  for (const [key, text] of [...Object.entries(bn), ...Object.entries(en)]) assert.ok(text.trim(), `${key} is empty`);
});

test('each message has the same placeholders in both languages', () => {
  for (const key of Object.keys(bn) as Array<keyof typeof bn>) assert.deepEqual(placeholders(en[key]), placeholders(bn[key]), key);
});

test('the Bengali UI is in Bengali: the status badges and the Bijoy notice', () => {
  assert.deepEqual(
    ['draft', 'submitted', 'scheduled', 'published', 'unpublished'].map((s) => translate('bn', `status.${s}` as keyof typeof bn)),
    ['খসড়া', 'জমা', 'নির্ধারিত', 'প্রকাশিত', 'প্রত্যাহৃত'],
  );
  assert.equal(`${translate('bn', 'bijoy.converted')} — ${translate('bn', 'bijoy.undo')}`, 'বিজয় লেখা ইউনিকোডে রূপান্তর করা হয়েছে — ফিরিয়ে নিন');
});

test('placeholders are filled', () => {
  assert.equal(translate('en', 'home.slot', { n: 3 }), 'Slot 3');
  assert.equal(translate('bn', 'media.creditLine', { credit: 'রয়টার্স' }), 'ছবি : রয়টার্স');
});

test('every key the app uses exists (the status, role and byline families included)', () => {
  for (const family of [
    ['status', ['draft', 'submitted', 'scheduled', 'published', 'unpublished']],
    ['role', ['reporter', 'sub-editor', 'editor', 'admin']],
    ['byline', ['desk', 'reporters', 'correspondent', 'agency']],
    ['article.done', ['submit', 'publish', 'unpublish', 'schedule']],
  ] as const) {
    for (const name of family[1]) assert.ok(`${family[0]}.${name}` in bn, `${family[0]}.${name}`);
  }
});
