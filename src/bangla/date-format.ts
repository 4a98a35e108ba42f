// Gregorian dates and times in the house style. Built from parts rather than from
// Intl's bn-BD output, which prints "১৩ সেপ্টেম্বর, ২০২৩ এ ০৪:৫৭ PM" (see BANGLA.md §1).
import { assertCivilDate, weekdayOf } from './civil-date.ts';
import type { CivilDate } from './civil-date.ts';
import { toBengaliDigits } from './digits.ts';
import { memoBySecond, zonedParts } from './zoned-date.ts';

/** Gregorian month names, index 0 = January. */
export const GREGORIAN_MONTHS_BN = ['জানুয়ারি', 'ফেব্রুয়ারি', 'মার্চ', 'এপ্রিল', 'মে', 'জুন', 'জুলাই', 'আগস্ট', 'সেপ্টেম্বর', 'অক্টোবর', 'নভেম্বর', 'ডিসেম্বর'] as const;

/** Weekday names, index 0 = Sunday. */
export const WEEKDAYS_BN = ['রবিবার', 'সোমবার', 'মঙ্গলবার', 'বুধবার', 'বৃহস্পতিবার', 'শুক্রবার', 'শনিবার'] as const;

const houseDateTime = memoBySecond(houseDateTimeText);

/** The house date-time, e.g. "১৩ সেপ্টেম্বর ২০২৩, ০৪:৫৭ পিএম", for the instant's local time in the zone. */
export function formatHouseDateTime(instant: Date, timeZone = 'Asia/Dhaka'): string {
  return houseDateTime(instant, timeZone);
}

function houseDateTimeText(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const meridiem = p.hour < 12 ? 'এএম' : 'পিএম';
  const time = `${pad2(hour12)}:${pad2(p.minute)} ${meridiem}`;
  return `${formatGregorianDate(p, false)}, ${toBengaliDigits(time)}`;
}

/** A Gregorian date in Bengali, e.g. "বুধবার, ১৩ সেপ্টেম্বর ২০২৩" (or without the weekday). */
export function formatGregorianDate(date: CivilDate, withWeekday = true): string {
  assertCivilDate(date);
  const text = toBengaliDigits(`${date.day} ${monthNameBn(date.month)} ${date.year}`);
  return withWeekday ? `${weekdayNameBn(weekdayOf(date))}, ${text}` : text;
}

/** The Bengali name of a Gregorian month (1-12). */
export function monthNameBn(month: number): string {
  const name = GREGORIAN_MONTHS_BN[month - 1];
  if (name === undefined) throw new RangeError(`month out of range: ${month}`);
  return name;
}

/** The Bengali name of a weekday (0 = Sunday … 6 = Saturday). */
export function weekdayNameBn(weekday: number): string {
  const name = WEEKDAYS_BN[weekday];
  if (name === undefined) throw new RangeError(`weekday out of range: ${weekday}`);
  return name;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
