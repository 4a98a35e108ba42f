import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRecentBn, formatRelativeBn } from './relative-time.ts';

const NOW = new Date('2023-09-13T10:57:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

test('formatRelativeBn: past and future, in whole units', () => {
  // [instant − now in ms, expected]
  const cases: Array<[number, string]> = [
    [0, 'এইমাত্র'],
    [-59 * SECOND, 'এইমাত্র'],
    [59 * SECOND, 'এইমাত্র'],
    [-MINUTE, '১ মিনিট আগে'],
    [-5 * MINUTE, '৫ মিনিট আগে'],
    [-(59 * MINUTE + 59 * SECOND), '৫৯ মিনিট আগে'],
    [-HOUR, '১ ঘণ্টা আগে'],
    [-3 * HOUR - 20 * MINUTE, '৩ ঘণ্টা আগে'],
    [-23 * HOUR, '২৩ ঘণ্টা আগে'],
    [-DAY, '১ দিন আগে'],
    [-2 * DAY - 5 * HOUR, '২ দিন আগে'],
    [-45 * DAY, '৪৫ দিন আগে'],
    [5 * MINUTE, '৫ মিনিট পরে'],
    [3 * HOUR, '৩ ঘণ্টা পরে'],
    [2 * DAY, '২ দিন পরে'],
  ];
  for (const [delta, expected] of cases) {
    assert.equal(formatRelativeBn(new Date(NOW.getTime() + delta), NOW), expected, String(delta));
  }
});

test('the past matches Intl.RelativeTimeFormat, the future does not', () => {
  const rtf = new Intl.RelativeTimeFormat('bn');
  assert.equal(formatRelativeBn(new Date(NOW.getTime() - 3 * HOUR), NOW), rtf.format(-3, 'hour'));
  // ICU prints "৫ মিনিটে" for the future, which is why the module builds its own strings.
  assert.notEqual(formatRelativeBn(new Date(NOW.getTime() + 5 * MINUTE), NOW), rtf.format(5, 'minute'));
});

test('invalid dates are rejected', () => {
  assert.throws(() => formatRelativeBn(new Date(Number.NaN), NOW), RangeError);
});

test('formatRecentBn: relative within a day, nothing after (the page shows the date)', () => {
  assert.equal(formatRecentBn(new Date(NOW.getTime() - 5 * MINUTE), NOW), '৫ মিনিট আগে');
  assert.equal(formatRecentBn(new Date(NOW.getTime() - 23 * HOUR - 59 * MINUTE), NOW), '২৩ ঘণ্টা আগে');
  assert.equal(formatRecentBn(new Date(NOW.getTime() - DAY), NOW), '');
  assert.equal(formatRecentBn(new Date(NOW.getTime() - 1177 * DAY), NOW), '');
  assert.equal(formatRecentBn(new Date(NOW.getTime() + 2 * DAY), NOW), '');
});
