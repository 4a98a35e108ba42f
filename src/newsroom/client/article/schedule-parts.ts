// The schedule time as the house writes it, one field per part: ১৩ | সেপ্টেম্বর | ২০৩০ , ০৪ : ৫৭ | পিএম.
// The fields hold what was typed (Bengali or ASCII digits); the value is the wall-clock
// "YYYY-MM-DDTHH:mm" that zoned-input.ts turns into UTC, or undefined while the parts are not a time.
import { toAsciiDigits, toBengaliDigits } from '../../../bangla/digits.ts';
import { isValidCalendarDay } from '../../../bangla/zoned-date.ts';
import type { Locale } from '../api-types.ts';

/** What the fields show: day, year, hour and minute as typed; month 1-12; after noon or not. */
export interface ScheduleParts {
  day: string;
  month: number;
  year: string;
  hour: string;
  minute: string;
  pm: boolean;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The parts of a "YYYY-MM-DDTHH:mm" value, with digits in the language's own; a 12-hour clock. */
export function scheduleParts(value: string, locale: Locale): ScheduleParts {
  const [, year = '', month = '1', day = '', hour = '0', minute = ''] = LOCAL.exec(value) ?? [];
  const h = Number(hour);
  const digits = (s: string) => shownDigits(s, locale);
  return {
    day: digits(String(Number(day) || '')),
    month: Number(month),
    year: digits(year),
    hour: digits(pad(h % 12 === 0 ? 12 : h % 12)),
    minute: digits(minute),
    pm: h >= 12,
  };
}

/** The "YYYY-MM-DDTHH:mm" value of the parts, or undefined when they do not name a minute of a real day. */
export function scheduleValue(parts: ScheduleParts): string | undefined {
  const [day, year, hour, minute] = [parts.day, parts.year, parts.hour, parts.minute].map((s) =>
    /^\d+$/.test(toAsciiDigits(s)) ? Number(toAsciiDigits(s)) : NaN,
  );
  if (!(year! >= 2000 && year! <= 9999) || !isValidCalendarDay(year!, parts.month, day!)) return undefined;
  if (!(hour! >= 1 && hour! <= 12) || !(minute! >= 0 && minute! <= 59)) return undefined;
  const h24 = (hour! % 12) + (parts.pm ? 12 : 0);
  return `${year}-${pad(parts.month)}-${pad(day!)}T${pad(h24)}:${pad(minute!)}`;
}

/** What a number field keeps of what was typed: its digits only, at most `max`, in the language's digits. */
export function typedDigits(text: string, max: number, locale: Locale): string {
  return shownDigits(toAsciiDigits(text).replace(/\D/g, '').slice(0, max), locale);
}

function shownDigits(ascii: string, locale: Locale): string {
  return locale === 'bn' ? toBengaliDigits(ascii) : ascii;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
