// Calendar-day arithmetic on plain Gregorian dates, with no time and no time zone.

/** A Gregorian calendar day; month is 1-12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** True when the Gregorian year has a 29 February. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a Gregorian month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  const days = DAYS_IN_MONTH[month - 1];
  if (days === undefined) throw new RangeError(`month out of range: ${month}`);
  return days;
}

/** True when year/month/day name a real Gregorian day (integers, month 1-12, day within the month). */
export function isValidCalendarDay(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Throws a RangeError unless the date is a real Gregorian day. */
export function assertCivilDate(date: CivilDate): void {
  if (!isValidCalendarDay(date.year, date.month, date.day)) {
    throw new RangeError(`not a calendar day: ${date.year}-${date.month}-${date.day}`);
  }
}

/** Days since 1970-01-01 for a civil date (negative before it). */
export function daysFromCivil({ year, month, day }: CivilDate): number {
  // Pure arithmetic rather than Date.UTC, which maps years 0-99 to 1900-1999.
  // Algorithm: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date that is `days` days after 1970-01-01. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The civil date n days later (n may be negative), as a plain {year, month, day}. */
export function addDays(date: CivilDate, n: number): CivilDate {
  assertCivilDate(date);
  if (!Number.isInteger(n)) throw new RangeError(`day count must be an integer: ${n}`);
  return civilFromDays(daysFromCivil(date) + n);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: CivilDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((daysFromCivil(date) + 4) % 7) + 7) % 7;
}
