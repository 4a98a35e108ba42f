import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatGregorianDate, formatHouseDateTime, monthNameBn, weekdayNameBn } from './date-format.ts';

test('formatHouseDateTime prints the house format in Asia/Dhaka by default', () => {
  const cases: Array<[string, string, string]> = [
    ['2023-09-13T10:57:00Z', '১৩ সেপ্টেম্বর ২০২৩, ০৪:৫৭ পিএম', 'the BANGLA.md example, 16:57 +06'],
    ['2023-09-13T18:00:00Z', '১৪ সেপ্টেম্বর ২০২৩, ১২:০০ এএম', 'midnight is 12 AM of the new day'],
    ['2023-09-13T06:00:00Z', '১৩ সেপ্টেম্বর ২০২৩, ১২:০০ পিএম', 'noon is 12 PM'],
    ['2023-09-13T05:59:00Z', '১৩ সেপ্টেম্বর ২০২৩, ১১:৫৯ এএম', 'a minute before noon'],
    ['2023-09-13T17:59:00Z', '১৩ সেপ্টেম্বর ২০২৩, ১১:৫৯ পিএম', 'a minute before midnight'],
    ['2024-01-04T19:05:00Z', '৫ জানুয়ারি ২০২৪, ০১:০৫ এএম', 'day is not padded, hour is'],
    ['2024-02-29T04:00:00Z', '২৯ ফেব্রুয়ারি ২০২৪, ১০:০০ এএম', 'leap day'],
    ['2023-12-31T18:30:00Z', '১ জানুয়ারি ২০২৪, ১২:৩০ এএম', 'new year in Dhaka, still 31 Dec in UTC'],
  ];
  for (const [iso, expected, why] of cases) assert.equal(formatHouseDateTime(new Date(iso)), expected, why);
});

test('formatHouseDateTime honours the time-zone setting', () => {
  const instant = new Date('2023-09-13T10:57:00Z');
  assert.equal(formatHouseDateTime(instant, 'Asia/Kolkata'), '১৩ সেপ্টেম্বর ২০২৩, ০৪:২৭ পিএম');
  assert.equal(formatHouseDateTime(instant, 'America/New_York'), '১৩ সেপ্টেম্বর ২০২৩, ০৬:৫৭ এএম');
  assert.equal(formatHouseDateTime(instant, 'UTC'), '১৩ সেপ্টেম্বর ২০২৩, ১০:৫৭ এএম');
});

test('formatHouseDateTime differs from Intl bn-BD, which is why it is built from parts', () => {
  const intl = new Intl.DateTimeFormat('bn-BD', {
    timeZone: 'Asia/Dhaka',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: true,
  }).format(new Date('2023-09-13T10:57:00Z'));
  assert.notEqual(intl, formatHouseDateTime(new Date('2023-09-13T10:57:00Z')));
});

test('formatGregorianDate names the weekday and month in Bengali', () => {
  const cases: Array<[[number, number, number], boolean, string]> = [
    [[2023, 9, 13], true, 'বুধবার, ১৩ সেপ্টেম্বর ২০২৩'],
    [[2023, 9, 13], false, '১৩ সেপ্টেম্বর ২০২৩'],
    [[2026, 11, 27], true, 'শুক্রবার, ২৭ নভেম্বর ২০২৬'],
    [[1971, 12, 16], true, 'বৃহস্পতিবার, ১৬ ডিসেম্বর ১৯৭১'],
    [[2024, 2, 21], true, 'বুধবার, ২১ ফেব্রুয়ারি ২০২৪'],
    [[2024, 3, 26], true, 'মঙ্গলবার, ২৬ মার্চ ২০২৪'],
    [[2024, 4, 14], true, 'রবিবার, ১৪ এপ্রিল ২০২৪'],
    [[2024, 5, 6], true, 'সোমবার, ৬ মে ২০২৪'],
    [[2024, 6, 1], true, 'শনিবার, ১ জুন ২০২৪'],
    [[2024, 7, 1], true, 'সোমবার, ১ জুলাই ২০২৪'],
    [[2024, 8, 15], true, 'বৃহস্পতিবার, ১৫ আগস্ট ২০২৪'],
    [[2024, 10, 1], true, 'মঙ্গলবার, ১ অক্টোবর ২০২৪'],
  ];
  for (const [[year, month, day], withWeekday, expected] of cases) {
    assert.equal(formatGregorianDate({ year, month, day }, withWeekday), expected);
  }
  assert.equal(formatGregorianDate({ year: 2023, month: 9, day: 13 }), 'বুধবার, ১৩ সেপ্টেম্বর ২০২৩');
  assert.throws(() => formatGregorianDate({ year: 2023, month: 2, day: 29 }), RangeError);
});

test('month and weekday names', () => {
  assert.equal(monthNameBn(1), 'জানুয়ারি');
  assert.equal(monthNameBn(12), 'ডিসেম্বর');
  assert.equal(weekdayNameBn(0), 'রবিবার');
  assert.equal(weekdayNameBn(6), 'শনিবার');
  assert.throws(() => monthNameBn(13), RangeError);
  assert.throws(() => weekdayNameBn(7), RangeError);
});
