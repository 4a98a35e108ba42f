import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decisionsFor, keepShown, moveIndex, queueKey, toggleAll, toggleOne } from './queue-logic.ts';

test('each tab offers the decisions that change something', () => {
  assert.deepEqual(decisionsFor('pending'), ['approve', 'reject', 'spam']);
  assert.deepEqual(decisionsFor('approved'), ['reject', 'spam']);
  assert.deepEqual(decisionsFor('rejected'), ['approve', 'spam']);
  assert.deepEqual(decisionsFor('spam'), ['approve', 'reject']);
});

test('selection: one, all, none, and what is left after a decision', () => {
  let s = toggleOne(new Set(), 3);
  assert.deepEqual([...s], [3]);
  s = toggleOne(s, 3);
  assert.deepEqual([...s], []);
  s = toggleAll(new Set([1]), [1, 2, 3]);
  assert.deepEqual([...s].sort(), [1, 2, 3]);
  assert.deepEqual([...toggleAll(s, [1, 2, 3])], []);
  assert.deepEqual([...toggleAll(new Set(), [])], []);
  assert.deepEqual([...keepShown(new Set([1, 2, 3]), [2, 4])], [2]);
});

test('keys: arrows and j/k move, x selects, a/r/s decide; modified keys are left alone', () => {
  const table: Array<[Parameters<typeof queueKey>[0], ReturnType<typeof queueKey>]> = [
    [{ key: 'ArrowDown' }, { move: 1 }],
    [{ key: 'j' }, { move: 1 }],
    [{ key: 'ArrowUp' }, { move: -1 }],
    [{ key: 'k' }, { move: -1 }],
    [{ key: 'x' }, { toggle: true }],
    [{ key: 'a' }, { decide: 'approve' }],
    [{ key: 'r' }, { decide: 'reject' }],
    [{ key: 's' }, { decide: 'spam' }],
    [{ key: 'a', ctrlKey: true }, undefined],
    [{ key: 'r', metaKey: true }, undefined],
    [{ key: 'Enter' }, undefined],
  ];
  for (const [event, expected] of table) assert.deepEqual(queueKey(event), expected, event.key);
});

test('moving stays inside the list', () => {
  assert.equal(moveIndex(0, -1, 3), 0);
  assert.equal(moveIndex(1, 1, 3), 2);
  assert.equal(moveIndex(2, 1, 3), 2);
  assert.equal(moveIndex(-1, 1, 3), 0);
  assert.equal(moveIndex(0, 1, 0), -1);
});
