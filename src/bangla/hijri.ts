// Hijri (হিজরি) dates: Intl's Umm al-Qura calendar plus an editor-set day offset, because
// Bangladesh starts months by local moon sighting, often a day after Saudi Arabia.
// ICU's Bengali output is not used: its month spellings and its era word "যুগ" are not the
// ones Bangladeshi papers print (BANGLA.md §1).
import { addDays, assertCivilDate, daysFromCivil } from './civil-date.ts';
import type { CivilDate } from './civil-date.ts';
import { toBengaliDigits } from './digits.ts';

/** A Hijri date; month 1 = মহররম … 12 = জিলহজ. */
export interface HijriDate {
  year: number;
  month: number;
  day: number;
  monthName: string;
}

/** Hijri month names as Bangladeshi papers spell them, index 0 = মহররম. */
export const HIJRI_MONTHS_BN = [
  'মহররম',
  'সফর',
  'রবিউল আউয়াল',
  'রবিউস সানি',
  'জমাদিউল আউয়াল',
  'জমাদিউস সানি',
  'রজব',
  'শাবান',
  'রমজান',
  'শাওয়াল',
  'জিলকদ',
  'জিলহজ',
] as const;

// Numeric parts in an English locale, so the month number is read, never a month name parsed.
// UTC on a UTC-noon instant: the civil date cannot shift whatever the process zone is.
const UMM_AL_QURA = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The Hijri (Umm al-Qura) date of a Gregorian civil date shifted by offsetDays (e.g. −1). */
export function toHijri(gregorian: CivilDate, offsetDays = 0): HijriDate {
  assertCivilDate(gregorian);
  const shifted = addDays(gregorian, offsetDays);
  const noonUtc = new Date(daysFromCivil(shifted) * 86_400_000 + 12 * 3_600_000);
  const fields: Record<string, number> = {};
  for (const part of UMM_AL_QURA.formatToParts(noonUtc)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day') fields[part.type] = Number(part.value);
  }
  const { year, month, day } = fields;
  if (year === undefined || month === undefined || day === undefined) {
    throw new Error('Intl did not return Hijri year, month and day');
  }
  return { year, month, day, monthName: hijriMonthName(month) };
}

/** The Hijri date in Bengali, e.g. "২৭ সফর ১৪৪৫ হিজরি". */
export function formatHijri(gregorian: CivilDate, offsetDays = 0): string {
  const h = toHijri(gregorian, offsetDays);
  return `${toBengaliDigits(h.day)} ${h.monthName} ${toBengaliDigits(h.year)} হিজরি`;
}

/** The Bangladeshi spelling of a Hijri month (1 = মহররম … 12 = জিলহজ). */
export function hijriMonthName(month: number): string {
  const name = HIJRI_MONTHS_BN[month - 1];
  if (name === undefined) throw new RangeError(`Hijri month out of range: ${month}`);
  return name;
}
