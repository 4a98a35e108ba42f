import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockedWordsText, parseBlockedWords } from './blocked-words.ts';

test('one word a line: trimmed, blanks and repeats (any case) dropped, Bengali and English kept', () => {
  assert.deepEqual(parseBlockedWords('  শালা \n\nCasino\r\ncasino\nকুত্তা\n'), ['শালা', 'Casino', 'কুত্তা']);
  assert.deepEqual(parseBlockedWords(''), []);
  assert.deepEqual(parseBlockedWords('x'.repeat(61)), [], 'longer than the server takes');
});

test('Bengali is kept in NFC, so য় typed either way is one word', () => {
  assert.deepEqual(parseBlockedWords('\u09df\n\u09af\u09bc'), ['\u09af\u09bc']);
});

test('the text box shows the list one a line and reads back the same', () => {
  const words = ['হারামজাদা', 'viagra'];
  assert.deepEqual(parseBlockedWords(blockedWordsText(words)), words);
});
