// Wall-clock parts of an instant in a named IANA time zone, computed with Intl so that the
// process time zone (TZ) never matters.
import { addDays, civilFromDays, daysFromCivil, isValidCalendarDay, weekdayOf } from './civil-date.ts';
import type { CivilDate } from './civil-date.ts';

// Re-exported because callers think of them as part of the zoned-date toolkit.
export { addDays, isValidCalendarDay };
export type { CivilDate };

/** Local wall-clock reading of an instant; month 1-12, weekday 0 = Sunday … 6 = Saturday. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // h23, not hour12:false: some ICU versions print midnight as "24" with the latter.
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const MS_PER_HOUR = 3_600_000;
// The zone's offset through each hour asked about, or null when it changes within that hour.
const hourOffsets = new Map<string, number | null>();
const HOUR_OFFSETS_LIMIT = 100_000;

/**
 * The year, month, day, hour, minute, second and weekday of an instant in a time zone. Asking Intl
 * costs a few microseconds; a page formats dozens of times, so the zone's offset is remembered per
 * hour (checked at the hour's first and last second) and the parts are counted from it. An hour in
 * which the offset changes (a DST switch) is always asked of Intl.
 */
export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  const offset = offsetThroughHour(ms, timeZone);
  if (offset === null) return intlParts(instant, timeZone);
  const seconds = Math.floor((ms + offset) / 1000);
  const days = Math.floor(seconds / 86_400);
  const inDay = seconds - days * 86_400;
  const date = civilFromDays(days);
  return {
    ...date,
    hour: Math.floor(inDay / 3600),
    minute: Math.floor(inDay / 60) % 60,
    second: inDay % 60,
    weekday: weekdayOf(date),
  };
}

function offsetThroughHour(ms: number, timeZone: string): number | null {
  const hour = Math.floor(ms / MS_PER_HOUR);
  const key = `${timeZone}|${hour}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    const first = intlOffset(hour * MS_PER_HOUR, timeZone);
    const last = intlOffset(hour * MS_PER_HOUR + MS_PER_HOUR - 1000, timeZone);
    offset = first === last ? first : null;
    if (hourOffsets.size >= HOUR_OFFSETS_LIMIT) hourOffsets.clear();
    hourOffsets.set(key, offset);
  }
  return offset;
}

function intlOffset(wholeSecond: number, timeZone: string): number {
  return wallClockMs(intlParts(new Date(wholeSecond), timeZone)) - wholeSecond;
}

function intlParts(instant: Date, timeZone: string): ZonedParts {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = fields.year ?? Number.NaN;
  const month = fields.month ?? Number.NaN;
  const day = fields.day ?? Number.NaN;
  return {
    year,
    month,
    day,
    hour: fields.hour ?? Number.NaN,
    minute: fields.minute ?? Number.NaN,
    second: fields.second ?? Number.NaN,
    weekday: weekdayOf({ year, month, day }),
  };
}

/** The civil date of an instant in a time zone. */
export function zonedCivilDate(instant: Date, timeZone: string): CivilDate {
  const { year, month, day } = zonedParts(instant, timeZone);
  return { year, month, day };
}

/** The zone's UTC offset at an instant, in milliseconds (whole seconds; +06:00 → 21_600_000). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const ms = instant.getTime();
  const wholeSecond = ms - (((ms % 1000) + 1000) % 1000);
  return wallClockMs(zonedParts(new Date(wholeSecond), timeZone)) - wholeSecond;
}

/** The UTC instants where a local day starts and where the next local day starts. */
export function zonedDayRange(year: number, month: number, day: number, timeZone: string): { start: Date; end: Date } {
  if (!isValidCalendarDay(year, month, day)) {
    throw new RangeError(`not a calendar day: ${year}-${month}-${day}`);
  }
  const next = addDays({ year, month, day }, 1);
  return {
    start: new Date(startOfLocalDay({ year, month, day }, timeZone)),
    end: new Date(startOfLocalDay(next, timeZone)),
  };
}

/**
 * Remembers a formatting of instants by (zone, whole second), for functions whose text depends on
 * nothing finer: a page formats the same few dozen times render after render (its cards, the
 * lists), so each is worked out once. Bounded: past `limit` texts the memo starts afresh.
 */
export function memoBySecond(format: (instant: Date, timeZone: string) => string, limit = 20_000): (instant: Date, timeZone: string) => string {
  const zones = new Map<string, Map<number, string>>();
  let size = 0;
  return (instant, timeZone) => {
    const second = Math.floor(instant.getTime() / 1000);
    if (Number.isNaN(second)) return format(instant, timeZone); // throws, as the function does
    let memo = zones.get(timeZone);
    if (!memo) zones.set(timeZone, (memo = new Map<number, string>()));
    let text = memo.get(second);
    if (text === undefined) {
      text = format(instant, timeZone);
      if (size >= limit) {
        for (const m of zones.values()) m.clear();
        size = 0;
      }
      memo.set(second, text);
      size++;
    }
    return text;
  };
}

/** ISO 8601 local time with the zone's offset at that instant, e.g. 2023-09-13T16:57:00+06:00. */
export const formatIsoOffset = memoBySecond(isoOffsetText);

function isoOffsetText(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const date = `${padYear(p.year)}-${pad2(p.month)}-${pad2(p.day)}`;
  const time = `${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
  return `${date}T${time}${formatOffset(zoneOffsetMs(instant, timeZone))}`;
}

// Milliseconds of the wall-clock reading taken as if it were UTC.
function wallClockMs(p: ZonedParts): number {
  const seconds = p.hour * 3600 + p.minute * 60 + p.second;
  return daysFromCivil(p) * MS_PER_DAY + seconds * 1000;
}

// The first instant whose local date is `date`. Midnight can be skipped (DST starting at
// 00:00, e.g. America/Havana) or occur twice (DST ending at 01:00), so try the offset in force
// before and after, keep the candidates that really read 00:00, and take the earliest.
function startOfLocalDay(date: CivilDate, timeZone: string): number {
  const wall = daysFromCivil(date) * MS_PER_DAY;
  const before = zoneOffsetMs(new Date(wall - MS_PER_DAY), timeZone);
  const after = zoneOffsetMs(new Date(wall + MS_PER_DAY), timeZone);
  const candidates = [wall - before, wall - after].filter((t) => wallClockMs(zonedParts(new Date(t), timeZone)) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  // Midnight fell into a gap: the day starts at the transition, found by bisection.
  return findTransition(wall - after, wall - before, before, timeZone);
}

// The first instant in (lo, hi] whose offset is no longer `oldOffset`, to the second.
function findTransition(lo: number, hi: number, oldOffset: number, timeZone: string): number {
  let low = Math.floor(lo / 1000);
  let high = Math.ceil(hi / 1000);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (zoneOffsetMs(new Date(mid * 1000), timeZone) === oldOffset) low = mid;
    else high = mid;
  }
  return high * 1000;
}

function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(offsetMs) / 1000;
  const hhmm = `${sign}${pad2(Math.floor(total / 3600))}:${pad2(Math.floor(total / 60) % 60)}`;
  // Historical local mean time has offsets like +06:01:40; keep the seconds rather than lie.
  return total % 60 === 0 ? hhmm : `${hhmm}:${pad2(total % 60)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function padYear(year: number): string {
  return String(year).padStart(4, '0');
}
