import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BANGLA_MONTHS, banglaMonthLength, formatBanglaDate, toBanglaDate } from './bangla-calendar.ts';
import { addDays, daysFromCivil } from './civil-date.ts';
import type { CivilDate } from './civil-date.ts';

const civil = (year: number, month: number, day: number): CivilDate => ({ year, month, day });

// [Gregorian, expected Bangla day, month (1 = বৈশাখ), year, how it follows from the rules]
// The rules: 1 বৈশাখ is 14 April and the year is Gregorian − 593 from then, − 594 before;
// months start 14 Apr, 15 May, 15 Jun, 16 Jul, 16 Aug, 16 Sep, 17 Oct, 16 Nov, 16 Dec,
// 15 Jan, 14 Feb (ফাল্গুন), 15 Mar (চৈত্র); ফাল্গুন has 30 days when it holds a 29 February.
const TABLE: Array<[[number, number, number], number, number, number, string]> = [
  [[2024, 2, 21], 8, 11, 1430, 'ফাল্গুন starts 14 Feb: 21 − 14 + 1 = 8; before 14 Apr so 2024 − 594'],
  [[2023, 2, 21], 8, 11, 1429, 'the same in a common year'],
  [[2024, 3, 26], 12, 12, 1430, 'চৈত্র starts 15 Mar: 26 − 15 + 1 = 12'],
  [[2025, 3, 26], 12, 12, 1431, 'the same in a common year'],
  [[2024, 4, 13], 30, 12, 1430, 'last day of চৈত্র: 17 days in March (15–31) + 13 in April'],
  [[2024, 4, 14], 1, 1, 1431, 'Pohela Boishakh: the year becomes 2024 − 593'],
  [[2023, 4, 13], 30, 12, 1429, 'last day of চৈত্র 1429'],
  [[2023, 4, 14], 1, 1, 1430, '1 বৈশাখ 1430'],
  [[2023, 12, 16], 1, 9, 1430, 'পৌষ starts 16 Dec'],
  [[2023, 9, 13], 29, 5, 1430, 'ভাদ্র starts 16 Aug: 16 days in August (16–31) + 13'],
  [[2026, 11, 27], 12, 8, 1433, 'অগ্রহায়ণ starts 16 Nov: 27 − 16 + 1 = 12; 2026 − 593'],
  [[2023, 12, 31], 16, 9, 1430, '31 − 16 + 1 = 16 পৌষ'],
  [[2024, 1, 1], 17, 9, 1430, 'পৌষ goes on across 1 January; the Bangla year does not change'],
  [[2024, 12, 31], 16, 9, 1431, '16 পৌষ every year'],
  [[2025, 1, 1], 17, 9, 1431, '17 পৌষ every year'],
  [[2024, 1, 15], 1, 10, 1430, 'মাঘ starts 15 Jan (পৌষ has 30 days: 16 + 14)'],
  [[2024, 5, 15], 1, 2, 1431, 'জ্যৈষ্ঠ starts 15 May (বৈশাখ 31 days: 17 + 14)'],
  [[2024, 6, 15], 1, 3, 1431, 'আষাঢ় starts 15 Jun'],
  [[2024, 7, 16], 1, 4, 1431, 'শ্রাবণ starts 16 Jul'],
  [[2024, 9, 16], 1, 6, 1431, 'আশ্বিন starts 16 Sep'],
  [[2024, 10, 16], 31, 6, 1431, 'আশ্বিন has 31 days (15 in Sep + 16 in Oct)'],
  [[2024, 10, 17], 1, 7, 1431, 'কার্তিক starts 17 Oct'],
  [[2024, 11, 15], 30, 7, 1431, 'কার্তিক has 30 days'],
  // Leap year 2024: ফাল্গুন 1430 holds 29 Feb, so it has 30 days and 1–14 March move by one.
  [[2024, 2, 28], 15, 11, 1430, '28 − 14 + 1 = 15'],
  [[2024, 2, 29], 16, 11, 1430, 'the leap day is 16 ফাল্গুন'],
  [[2024, 3, 1], 17, 11, 1430, '14–29 Feb is 16 days, so 1 Mar is the 17th'],
  [[2024, 3, 7], 23, 11, 1430, '16 + 7'],
  [[2024, 3, 14], 30, 11, 1430, '16 + 14: the 30-day ফাল্গুন ends'],
  [[2024, 3, 15], 1, 12, 1430, 'চৈত্র still starts 15 Mar'],
  // Common years 2023 and 2025: ফাল্গুন has 29 days.
  [[2023, 2, 28], 15, 11, 1429, '28 − 14 + 1 = 15'],
  [[2023, 3, 1], 16, 11, 1429, '14–28 Feb is 15 days, so 1 Mar is the 16th'],
  [[2023, 3, 7], 22, 11, 1429, '15 + 7'],
  [[2023, 3, 14], 29, 11, 1429, '15 + 14: the 29-day ফাল্গুন ends'],
  [[2023, 3, 15], 1, 12, 1429, 'চৈত্র starts 15 Mar'],
  [[2025, 2, 28], 15, 11, 1431, '28 − 14 + 1 = 15'],
  [[2025, 3, 1], 16, 11, 1431, '15 + 1'],
  [[2025, 3, 14], 29, 11, 1431, '15 + 14'],
  [[2025, 3, 15], 1, 12, 1431, 'চৈত্র starts 15 Mar'],
  [[2100, 3, 1], 16, 11, 1506, '2100 is not a leap year (÷100, not ÷400)'],
  [[2000, 3, 1], 17, 11, 1406, '2000 is a leap year (÷400)'],
];

test('toBanglaDate: hand-worked table', () => {
  for (const [[y, m, d], day, month, year, why] of TABLE) {
    const b = toBanglaDate(civil(y, m, d));
    assert.deepEqual(b, { year, month, day, monthName: BANGLA_MONTHS[month - 1] }, `${y}-${m}-${d}: ${why}`);
  }
});

test('1–14 March is one day later in a leap year, every other day is fixed', () => {
  for (let d = 1; d <= 14; d += 1) {
    assert.equal(toBanglaDate(civil(2024, 3, d)).day, 16 + d, `2024-03-${d}`);
    assert.equal(toBanglaDate(civil(2023, 3, d)).day, 15 + d, `2023-03-${d}`);
    assert.equal(toBanglaDate(civil(2025, 3, d)).day, 15 + d, `2025-03-${d}`);
  }
  for (const [m, d] of [
    [1, 1],
    [2, 28],
    [3, 15],
    [4, 14],
    [8, 15],
    [12, 31],
  ] as const) {
    const leap = toBanglaDate(civil(2024, m, d));
    const common = toBanglaDate(civil(2023, m, d));
    assert.deepEqual([leap.month, leap.day], [common.month, common.day], `${m}-${d}`);
  }
});

test('formatBanglaDate', () => {
  const cases: Array<[[number, number, number], boolean, string]> = [
    [[2023, 9, 13], false, '২৯ ভাদ্র ১৪৩০'],
    [[2023, 9, 13], true, '২৯ ভাদ্র ১৪৩০ বঙ্গাব্দ'],
    [[2026, 11, 27], false, '১২ অগ্রহায়ণ ১৪৩৩'],
    [[2024, 2, 21], false, '৮ ফাল্গুন ১৪৩০'],
    [[2024, 3, 26], false, '১২ চৈত্র ১৪৩০'],
    [[2024, 4, 14], true, '১ বৈশাখ ১৪৩১ বঙ্গাব্দ'],
    [[2024, 12, 16], false, '১ পৌষ ১৪৩১'],
    [[2024, 6, 20], false, '৬ আষাঢ় ১৪৩১'],
    [[2024, 5, 20], false, '৬ জ্যৈষ্ঠ ১৪৩১'],
  ];
  for (const [[y, m, d], withEra, expected] of cases) assert.equal(formatBanglaDate(civil(y, m, d), withEra), expected);
  assert.equal(formatBanglaDate(civil(2023, 9, 13)), '২৯ ভাদ্র ১৪৩০');
  assert.throws(() => toBanglaDate(civil(2023, 2, 29)), RangeError);
});

test('month names are in NFC, as Intl and normalised text are', () => {
  for (const name of BANGLA_MONTHS) assert.equal(name, name.normalize('NFC'), name);
  assert.equal(BANGLA_MONTHS.length, 12);
});

test('banglaMonthLength', () => {
  assert.deepEqual(
    Array.from({ length: 12 }, (_, i) => banglaMonthLength(1430, i + 1)),
    [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30], // ফাল্গুন 1430 holds 29 Feb 2024
  );
  assert.equal(banglaMonthLength(1431, 11), 29); // February 2025
  assert.throws(() => banglaMonthLength(1430, 13), RangeError);
});

test('property: from 1990 to 2100 the Bangla date advances by exactly one day each day', () => {
  // Month lengths are checked against the rules directly, not against banglaMonthLength:
  // ফাল্গুন must have 30 days exactly when we walked through a 29 February inside it.
  const expectedLength = (month: number, falgunHadLeapDay: boolean): number =>
    month <= 6 ? 31 : month <= 10 ? 30 : month === 11 ? (falgunHadLeapDay ? 30 : 29) : 30;
  let date = civil(1990, 1, 1);
  let prev = toBanglaDate(date);
  let falgunHadLeapDay = false;
  const last = daysFromCivil(civil(2100, 12, 31));
  let steps = 0;
  while (daysFromCivil(date) < last) {
    date = addDays(date, 1);
    const next = toBanglaDate(date);
    const label = `${date.year}-${date.month}-${date.day}`;
    if (next.day === prev.day + 1) {
      assert.deepEqual([next.year, next.month], [prev.year, prev.month], label);
    } else {
      assert.equal(next.day, 1, label);
      assert.equal(prev.day, expectedLength(prev.month, falgunHadLeapDay), `month ${prev.month} length before ${label}`);
      const wraps = prev.month === 12;
      assert.deepEqual([next.year, next.month], [wraps ? prev.year + 1 : prev.year, wraps ? 1 : prev.month + 1], label);
      falgunHadLeapDay = false;
    }
    if (date.month === 2 && date.day === 29) {
      assert.equal(next.month, 11, label);
      falgunHadLeapDay = true;
    }
    if (next.month === 1 && next.day === 1) {
      assert.deepEqual([date.month, date.day, next.year], [4, 14, date.year - 593], label);
    }
    assert.equal(next.monthName, BANGLA_MONTHS[next.month - 1]);
    prev = next;
    steps += 1;
  }
  assert.equal(steps, last - daysFromCivil(civil(1990, 1, 1)));
});
