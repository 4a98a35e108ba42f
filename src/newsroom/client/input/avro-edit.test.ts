import { test } from 'node:test';
import assert from 'node:assert/strict';
import { avroEditAt } from './avro-edit.ts';

test('a space converts the Roman word just typed and lets the space through', () => {
  assert.deepEqual(avroEditAt('ami', ' '), { from: 0, insert: 'আমি', consumesKey: false });
  // য় may come precomposed or as য + nukta; compare the canonical form.
  const edit = avroEditAt('আমি banglay', ' ');
  assert.deepEqual({ ...edit, insert: edit?.insert.normalize('NFC') }, { from: 4, insert: 'বাংলায়'.normalize('NFC'), consumesKey: false });
  assert.deepEqual(avroEditAt('Dhaka', 'Enter'), { from: 0, insert: 'ঢাকা', consumesKey: false });
});

test('a full stop ends the word and becomes a দাঁড়ি', () => {
  assert.deepEqual(avroEditAt('gan gai', '.'), { from: 4, insert: 'গাই।', consumesKey: true });
  assert.deepEqual(avroEditAt('গান ', '.'), { from: 4, insert: '।', consumesKey: true });
});

test('nothing to convert: Bengali already, an empty field, or an ordinary key', () => {
  assert.equal(avroEditAt('আমি', ' '), undefined);
  assert.equal(avroEditAt('', ' '), undefined);
  assert.equal(avroEditAt('ami', 'a'), undefined);
  assert.equal(avroEditAt('ami ', ','), undefined);
});
