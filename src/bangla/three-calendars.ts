// The three dates a Bangladeshi paper prints in its header: Gregorian, Bangla, Hijri.
import { formatBanglaDate } from './bangla-calendar.ts';
import type { CivilDate } from './civil-date.ts';
import { formatGregorianDate } from './date-format.ts';
import { formatHijri } from './hijri.ts';
import { zonedCivilDate } from './zoned-date.ts';

/** The three header dates, each complete on its own. */
export interface ThreeCalendarLabels {
  /** e.g. "শুক্রবার, ২৭ নভেম্বর ২০২৬" */
  gregorian: string;
  /** e.g. "১২ অগ্রহায়ণ ১৪৩৩ বঙ্গাব্দ" */
  bangla: string;
  /** e.g. "১৭ জমাদিউস সানি ১৪৪৮ হিজরি" */
  hijri: string;
}

/** The header line for the local day of an instant: Gregorian, Bangla (no era word), Hijri. */
export function formatThreeCalendars(instant: Date, opts: { timeZone: string; hijriOffset: number }): string {
  // The calendar day is the newsroom's, never the server's: resolve it in the configured zone.
  const day = zonedCivilDate(instant, opts.timeZone);
  return [formatGregorianDate(day), formatBanglaDate(day), formatHijri(day, opts.hijriOffset)].join(', ');
}

/** The three dates of a civil day as separate labels (the Bangla one with বঙ্গাব্দ). */
export function threeCalendarLabels(gregorian: CivilDate, hijriOffset: number): ThreeCalendarLabels {
  return {
    gregorian: formatGregorianDate(gregorian),
    bangla: formatBanglaDate(gregorian, true),
    hijri: formatHijri(gregorian, hijriOffset),
  };
}
