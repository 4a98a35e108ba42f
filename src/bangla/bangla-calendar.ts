// The Bangla calendar (বঙ্গাব্দ) as revised by the Bangla Academy in 2019, the one Bangladeshi
// papers print. Our own table: the npm packages implement the 1987 rules or depend on the
// process time zone, and Intl's "indian" calendar is the Saka calendar (BANGLA.md §1).
import { assertCivilDate, daysFromCivil, isLeapYear } from './civil-date.ts';
import type { CivilDate } from './civil-date.ts';
import { toBengaliDigits } from './digits.ts';

/** A day of the Bangla calendar; month 1 = বৈশাখ … 12 = চৈত্র. */
export interface BanglaDate {
  year: number;
  month: number;
  day: number;
  monthName: string;
}

/** Bangla month names, index 0 = বৈশাখ. */
export const BANGLA_MONTHS = ['বৈশাখ', 'জ্যৈষ্ঠ', 'আষাঢ়', 'শ্রাবণ', 'ভাদ্র', 'আশ্বিন', 'কার্তিক', 'অগ্রহায়ণ', 'পৌষ', 'মাঘ', 'ফাল্গুন', 'চৈত্র'] as const;

// Month lengths from বৈশাখ; ফাল্গুন (index 10) gains a day when it contains 29 February.
const MONTH_LENGTHS = [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 29, 30] as const;
const FALGUN = 11;

// Pohela Boishakh, 1 বৈশাখ, is always 14 April; the Bangla year is then Gregorian − 593.
const NEW_YEAR_MONTH = 4;
const NEW_YEAR_DAY = 14;
const YEAR_OFFSET = 593;

/** Length of a Bangla month (1-12) in a Bangla year. */
export function banglaMonthLength(banglaYear: number, month: number): number {
  const base = MONTH_LENGTHS[month - 1];
  if (base === undefined) throw new RangeError(`Bangla month out of range: ${month}`);
  // ফাল্গুন of Bangla year Y runs through February of Gregorian year Y + 594.
  return month === FALGUN && isLeapYear(banglaYear + YEAR_OFFSET + 1) ? base + 1 : base;
}

/** The Bangla (2019 revised) date of a Gregorian civil date. */
export function toBanglaDate(gregorian: CivilDate): BanglaDate {
  assertCivilDate(gregorian);
  const { year, month, day } = gregorian;
  const beforeNewYear = month < NEW_YEAR_MONTH || (month === NEW_YEAR_MONTH && day < NEW_YEAR_DAY);
  const startYear = beforeNewYear ? year - 1 : year;
  const banglaYear = startYear - YEAR_OFFSET;
  let remaining = daysFromCivil(gregorian) - daysFromCivil({ year: startYear, month: NEW_YEAR_MONTH, day: NEW_YEAR_DAY });
  let banglaMonth = 1;
  for (let length = banglaMonthLength(banglaYear, banglaMonth); remaining >= length;) {
    remaining -= length;
    banglaMonth += 1;
    length = banglaMonthLength(banglaYear, banglaMonth);
  }
  return { year: banglaYear, month: banglaMonth, day: remaining + 1, monthName: banglaMonthName(banglaMonth) };
}

/** The Bangla date in Bengali, e.g. "২৯ ভাদ্র ১৪৩০", or "২৯ ভাদ্র ১৪৩০ বঙ্গাব্দ" with the era. */
export function formatBanglaDate(gregorian: CivilDate, withEra = false): string {
  const b = toBanglaDate(gregorian);
  const text = `${toBengaliDigits(b.day)} ${b.monthName} ${toBengaliDigits(b.year)}`;
  return withEra ? `${text} বঙ্গাব্দ` : text;
}

/** The name of a Bangla month (1 = বৈশাখ … 12 = চৈত্র). */
export function banglaMonthName(month: number): string {
  const name = BANGLA_MONTHS[month - 1];
  if (name === undefined) throw new RangeError(`Bangla month out of range: ${month}`);
  return name;
}
