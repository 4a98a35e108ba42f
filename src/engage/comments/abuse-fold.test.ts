import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countLinks, duplicateKey, findBlockedWords } from './abuse-fold.ts';

const BLOCKED = ['spam', 'idiot', 'বাজে', 'শালা'];

test('blocked words are found whatever the case, spacing, separators or digits', () => {
  const cases: Array<[string, string[]]> = [
    ['You IDIOT', ['idiot']],
    ['you i d i o t', ['idiot']],
    ['you i.d.i.o.t!', ['idiot']],
    ['you 1d10t', ['idiot']],
    ['buy SPAM now', ['spam']],
    ['sp4m', ['spam']],
    ['idiots everywhere', ['idiot']],
    ['এটা বাজে কথা', ['বাজে']],
    ['শালার দল', ['শালা']],
    ['শালা', ['শালা']],
  ];
  for (const [text, expected] of cases) assert.deepEqual(findBlockedWords(text, BLOCKED), expected, text);
});

test('innocent words that contain a blocked one are not blocked', () => {
  for (const text of ['a classic spammy-free idea', 'Idiotic? no: idiom', 'বাজেট ঘোষণা', 'পাঠশালা খোলা', '2023 সালে 5 জন']) {
    assert.deepEqual(findBlockedWords(text, BLOCKED), [], text);
  }
});

test('the duplicate key ignores case, spacing and Bengali or ASCII digits', () => {
  assert.equal(duplicateKey('ভালো লেখা, ধন্যবাদ ২০২৩'), duplicateKey('ভালো   লেখা ধন্যবাদ 2023!!'));
  assert.equal(duplicateKey('Great Article'), duplicateKey('great  article'));
  assert.notEqual(duplicateKey('ভালো লেখা'), duplicateKey('বাজে লেখা'));
});

test('links are counted, bare domains included', () => {
  assert.equal(countLinks('see https://a.example/x and www.b.example and c.com'), 3);
  assert.equal(countLinks('কোনো লিংক নেই'), 0);
});
