import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, civilFromDays, daysFromCivil, daysInMonth, isLeapYear, isValidCalendarDay, weekdayOf } from './civil-date.ts';

test('isLeapYear follows the Gregorian rule', () => {
  const cases: Array<[number, boolean]> = [
    [2023, false],
    [2024, true],
    [1900, false], // divisible by 100
    [2000, true], // divisible by 400
    [2100, false],
  ];
  for (const [year, expected] of cases) assert.equal(isLeapYear(year), expected, String(year));
});

test('isValidCalendarDay rejects impossible days', () => {
  const cases: Array<[number, number, number, boolean]> = [
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2100, 2, 29, false],
    [2023, 4, 31, false],
    [2023, 12, 31, true],
    [2023, 13, 1, false],
    [2023, 0, 1, false],
    [2023, 1, 0, false],
    [2023, 1, 1.5, false],
    [Number.NaN, 1, 1, false],
  ];
  for (const [y, m, d, expected] of cases) assert.equal(isValidCalendarDay(y, m, d), expected, `${y}-${m}-${d}`);
});

test('daysFromCivil matches known day numbers and round-trips', () => {
  assert.equal(daysFromCivil({ year: 1970, month: 1, day: 1 }), 0);
  assert.equal(daysFromCivil({ year: 2000, month: 3, day: 1 }), 11017);
  assert.equal(daysFromCivil({ year: 1969, month: 12, day: 31 }), -1);
  for (let days = -800_000; days <= 800_000; days += 997) {
    assert.equal(daysFromCivil(civilFromDays(days)), days);
  }
  // Date.UTC agrees from 1900 on (it cannot be used for years 0-99).
  for (const [y, m, d] of [
    [1900, 3, 1],
    [2024, 2, 29],
    [2100, 12, 31],
  ] as const) {
    assert.equal(daysFromCivil({ year: y, month: m, day: d }) * 86_400_000, Date.UTC(y, m - 1, d));
  }
});

test('addDays crosses month, year and leap-day boundaries', () => {
  const cases: Array<[[number, number, number], number, [number, number, number]]> = [
    [[2023, 9, 13], 1, [2023, 9, 14]],
    [[2023, 12, 31], 1, [2024, 1, 1]],
    [[2024, 2, 28], 1, [2024, 2, 29]],
    [[2023, 2, 28], 1, [2023, 3, 1]],
    [[2024, 3, 1], -1, [2024, 2, 29]],
    [[2024, 1, 1], -1, [2023, 12, 31]],
    [[2023, 9, 13], 0, [2023, 9, 13]],
    [[2023, 1, 1], 365, [2024, 1, 1]],
    [[2024, 1, 1], 366, [2025, 1, 1]],
  ];
  for (const [[y, m, d], n, [ey, em, ed]] of cases) {
    assert.deepEqual(addDays({ year: y, month: m, day: d }, n), { year: ey, month: em, day: ed });
  }
  assert.throws(() => addDays({ year: 2023, month: 2, day: 30 }, 1), RangeError);
});

test('weekdayOf gives 0 = Sunday … 6 = Saturday', () => {
  const cases: Array<[[number, number, number], number]> = [
    [[1970, 1, 1], 4], // Thursday
    [[2023, 9, 13], 3], // Wednesday
    [[2026, 11, 27], 5], // Friday
    [[1971, 12, 16], 4], // Victory Day 1971 was a Thursday
    [[2024, 2, 25], 0], // Sunday
    [[1952, 2, 21], 4], // Language Movement day, a Thursday
  ];
  for (const [[year, month, day], expected] of cases) {
    assert.equal(weekdayOf({ year, month, day }), expected, `${year}-${month}-${day}`);
    assert.equal(new Date(Date.UTC(year, month - 1, day)).getUTCDay(), expected);
  }
});

test('daysInMonth', () => {
  assert.deepEqual(
    Array.from({ length: 12 }, (_, i) => daysInMonth(2024, i + 1)),
    [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
  );
  assert.equal(daysInMonth(2023, 2), 28);
});
