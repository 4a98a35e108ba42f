import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HIJRI_MONTHS_BN, formatHijri, hijriMonthName, toHijri } from './hijri.ts';

// Expected values are the Umm al-Qura calendar of Saudi Arabia (ummulqura.org.sa), checked
// against Node 20's ICU 78 islamic-umalqura before being written down. Each month start below
// also matches the day Saudi Arabia announced (e.g. Ramadan 1445 began Monday 11 March 2024,
// Eid al-Fitr 1445 was Wednesday 10 April 2024, Eid al-Adha 1445 was Sunday 16 June 2024).
const KNOWN: Array<[[number, number, number], [number, number, number], string]> = [
  [[2023, 7, 18], [1444, 12, 30], 'last day of 1444'],
  [[2023, 7, 19], [1445, 1, 1], '1 Muharram 1445, Islamic new year'],
  [[2023, 9, 13], [1445, 2, 28], 'a count one day behind (−1) gives 27 Safar'],
  [[2024, 3, 11], [1445, 9, 1], '1 Ramadan 1445'],
  [[2024, 4, 10], [1445, 10, 1], 'Eid al-Fitr 1445'],
  [[2024, 6, 16], [1445, 12, 10], 'Eid al-Adha 1445'],
  [[2024, 7, 7], [1446, 1, 1], '1 Muharram 1446'],
  [[2025, 3, 1], [1446, 9, 1], '1 Ramadan 1446'],
  [[2025, 3, 30], [1446, 10, 1], 'Eid al-Fitr 1446'],
  [[2025, 6, 26], [1447, 1, 1], '1 Muharram 1447'],
  [[2021, 5, 13], [1442, 10, 1], 'Eid al-Fitr 1442'],
  [[2026, 11, 27], [1448, 6, 17], 'the header example day'],
];

test('toHijri matches known Umm al-Qura dates', () => {
  for (const [[y, m, d], [year, month, day], why] of KNOWN) {
    const h = toHijri({ year: y, month: m, day: d });
    assert.deepEqual(h, { year, month, day, monthName: HIJRI_MONTHS_BN[month - 1] }, `${y}-${m}-${d}: ${why}`);
  }
});

test('offsetDays shifts the day, crossing month and year boundaries', () => {
  const cases: Array<[[number, number, number], number, [number, number, number], string]> = [
    [[2024, 3, 11], -1, [1445, 8, 29], 'Bangladesh (−1) is still in Shaban when Saudi starts Ramadan'],
    [[2024, 3, 12], -1, [1445, 9, 1], 'with −1, 1 Ramadan falls on 12 March'],
    [[2024, 3, 10], 1, [1445, 9, 1], '+1 reaches 1 Ramadan a day early'],
    [[2024, 4, 9], 1, [1445, 10, 1], '30 Ramadan + 1 is 1 Shawwal'],
    [[2023, 7, 19], -1, [1444, 12, 30], 'year boundary backwards'],
    [[2023, 7, 18], 1, [1445, 1, 1], 'year boundary forwards'],
    [[2023, 9, 13], -1, [1445, 2, 27], 'the ২৭ সফর of the brief'],
    [[2023, 9, 13], 0, [1445, 2, 28], 'no offset'],
  ];
  for (const [[y, m, d], offset, [year, month, day], why] of cases) {
    const h = toHijri({ year: y, month: m, day: d }, offset);
    assert.deepEqual([h.year, h.month, h.day], [year, month, day], `${y}-${m}-${d} ${offset}: ${why}`);
  }
});

test('formatHijri writes house spellings and the era as হিজরি', () => {
  const cases: Array<[[number, number, number], number, string]> = [
    [[2023, 9, 13], -1, '২৭ সফর ১৪৪৫ হিজরি'],
    [[2023, 9, 13], 0, '২৮ সফর ১৪৪৫ হিজরি'],
    [[2024, 3, 11], 0, '১ রমজান ১৪৪৫ হিজরি'],
    [[2024, 3, 10], 0, '২৯ শাবান ১৪৪৫ হিজরি'], // ICU prints শা‘বান
    [[2024, 6, 16], 0, '১০ জিলহজ ১৪৪৫ হিজরি'], // ICU prints জ্বিলহজ্জ
    [[2024, 6, 6], 0, '২৯ জিলকদ ১৪৪৫ হিজরি'], // ICU prints জ্বিলকদ
    [[2023, 7, 19], 0, '১ মহররম ১৪৪৫ হিজরি'], // ICU prints মুহররম
    [[2026, 11, 27], 0, '১৭ জমাদিউস সানি ১৪৪৮ হিজরি'],
  ];
  for (const [[year, month, day], offset, expected] of cases) {
    const text = formatHijri({ year, month, day }, offset);
    assert.equal(text, expected);
    assert.doesNotMatch(text, /যুগ/);
  }
});

test('every month number has its Bangladeshi name, in NFC', () => {
  const expected = ['মহররম', 'সফর', 'রবিউল আউয়াল', 'রবিউস সানি', 'জমাদিউল আউয়াল', 'জমাদিউস সানি', 'রজব', 'শাবান', 'রমজান', 'শাওয়াল', 'জিলকদ', 'জিলহজ'];
  assert.deepEqual(
    Array.from({ length: 12 }, (_, i) => hijriMonthName(i + 1)),
    expected,
  );
  for (const name of HIJRI_MONTHS_BN) assert.equal(name, name.normalize('NFC'));
  assert.throws(() => hijriMonthName(0), RangeError);
});

test('the result does not depend on the process time zone', () => {
  // Noon UTC keeps the same civil day in every zone from −12:00 to +14:00; the runner uses
  // America/New_York, where a midnight-UTC Date would already be the previous day.
  assert.equal(toHijri({ year: 2024, month: 3, day: 11 }).day, 1);
  assert.throws(() => toHijri({ year: 2023, month: 2, day: 29 }), RangeError);
});
