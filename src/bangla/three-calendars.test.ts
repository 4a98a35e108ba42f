import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatThreeCalendars, threeCalendarLabels } from './three-calendars.ts';

const DHAKA = { timeZone: 'Asia/Dhaka', hijriOffset: 0 };

test('formatThreeCalendars prints Gregorian, Bangla and Hijri for the local day', () => {
  const cases: Array<[string, { timeZone: string; hijriOffset: number }, string, string]> = [
    ['2026-11-27T06:00:00Z', DHAKA, 'শুক্রবার, ২৭ নভেম্বর ২০২৬, ১২ অগ্রহায়ণ ১৪৩৩, ১৭ জমাদিউস সানি ১৪৪৮ হিজরি', 'the BANGLA.md header example'],
    [
      '2026-11-27T06:00:00Z',
      { timeZone: 'Asia/Dhaka', hijriOffset: -1 },
      'শুক্রবার, ২৭ নভেম্বর ২০২৬, ১২ অগ্রহায়ণ ১৪৩৩, ১৬ জমাদিউস সানি ১৪৪৮ হিজরি',
      'the Hijri offset moves only the Hijri date',
    ],
    [
      '2023-09-13T18:30:00Z',
      DHAKA,
      'বৃহস্পতিবার, ১৪ সেপ্টেম্বর ২০২৩, ৩০ ভাদ্র ১৪৩০, ২৯ সফর ১৪৪৫ হিজরি',
      '00:30 on the 14th in Dhaka, still the 13th in UTC and New York',
    ],
    [
      '2023-09-13T18:30:00Z',
      { timeZone: 'UTC', hijriOffset: 0 },
      'বুধবার, ১৩ সেপ্টেম্বর ২০২৩, ২৯ ভাদ্র ১৪৩০, ২৮ সফর ১৪৪৫ হিজরি',
      'the same instant in a UTC newsroom',
    ],
    ['2024-04-13T18:00:00Z', DHAKA, 'রবিবার, ১৪ এপ্রিল ২০২৪, ১ বৈশাখ ১৪৩১, ৫ শাওয়াল ১৪৪৫ হিজরি', 'Pohela Boishakh begins at Dhaka midnight'],
  ];
  for (const [iso, opts, expected, why] of cases) assert.equal(formatThreeCalendars(new Date(iso), opts), expected, why);
});

test('threeCalendarLabels gives each calendar separately', () => {
  assert.deepEqual(threeCalendarLabels({ year: 2026, month: 11, day: 27 }, 0), {
    gregorian: 'শুক্রবার, ২৭ নভেম্বর ২০২৬',
    bangla: '১২ অগ্রহায়ণ ১৪৩৩ বঙ্গাব্দ',
    hijri: '১৭ জমাদিউস সানি ১৪৪৮ হিজরি',
  });
  assert.deepEqual(threeCalendarLabels({ year: 2023, month: 9, day: 13 }, -1), {
    gregorian: 'বুধবার, ১৩ সেপ্টেম্বর ২০২৩',
    bangla: '২৯ ভাদ্র ১৪৩০ বঙ্গাব্দ',
    hijri: '২৭ সফর ১৪৪৫ হিজরি',
  });
});
