import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnswerMemo } from './answer-memo.ts';

test('an answer is worked out once for requests at the same time and held for its time', async () => {
  let now = 0;
  let made = 0;
  const memo = new AnswerMemo<number>(10, 1000, () => now);
  const make = async () => {
    made++;
    await new Promise((r) => setTimeout(r, 5));
    return made;
  };
  assert.deepEqual(await Promise.all([memo.get('a', make), memo.get('a', make), memo.get('a', make)]), [1, 1, 1]);
  now = 999;
  assert.equal(await memo.get('a', make), 1, 'still held');
  now = 1000;
  assert.equal(await memo.get('a', make), 2, 'its time ran out: made again');
  assert.equal(made, 2);
});

test('at most max answers are held, the least recently made let go first; a failed one is not held', async () => {
  const memo = new AnswerMemo<string>(2, 60_000);
  let made = 0;
  const make = (v: string) => async () => (made++, v);
  await memo.get('a', make('a'));
  await memo.get('b', make('b'));
  await memo.get('c', make('c'));
  assert.equal(memo.size, 2);
  await memo.get('a', make('a2'));
  assert.equal(made, 4, 'a was let go');
  assert.equal(await memo.get('c', make('c2')), 'c', 'c is held');

  await assert.rejects(memo.get('bad', async () => Promise.reject(new Error('no'))));
  assert.equal(await memo.get('bad', make('now')), 'now', 'a failure is not served again');
});

test('with no room or no time nothing is held', async () => {
  for (const memo of [new AnswerMemo<number>(0, 60_000), new AnswerMemo<number>(10, 0)]) {
    let made = 0;
    await memo.get('a', async () => ++made);
    await memo.get('a', async () => ++made);
    assert.equal(made, 2);
    assert.equal(memo.size, 0);
  }
});
