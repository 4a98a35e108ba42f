// The schedule picker shows wall-clock time in the site's zone (Asia/Dhaka) whatever zone the
// browser is in, and the API takes UTC. `<input type="datetime-local">` values are "YYYY-MM-DDTHH:mm".
import { zonedParts, zoneOffsetMs } from '../../bangla/zoned-date.ts';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The UTC ISO string for a datetime-local value read as wall-clock time in `timeZone`. */
export function localInputToUtc(value: string, timeZone: string): string | undefined {
  const m = LOCAL.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // The offset at the guess is right except within an hour of a DST change; one correction suffices.
  let instant = guess - zoneOffsetMs(new Date(guess), timeZone);
  instant = guess - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant).toISOString();
}

/** The datetime-local value showing `iso` as wall-clock time in `timeZone`. */
export function utcToLocalInput(iso: string, timeZone: string): string {
  const p = zonedParts(new Date(iso), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
