// "৩ ঘণ্টা আগে" style relative times. Built by hand: Intl.RelativeTimeFormat('bn') prints
// the past as wanted ("৫ মিনিট আগে") but the future as "৫ মিনিটে" / "১ দিনের মধ্যে",
// not "৫ মিনিট পরে" (checked on Node 20, ICU 78).
import { toBengaliDigits } from './digits.ts';

const UNITS = [
  { name: 'দিন', ms: 86_400_000 },
  { name: 'ঘণ্টা', ms: 3_600_000 },
  { name: 'মিনিট', ms: 60_000 },
] as const;

/** How long before or after `now` an instant is: এইমাত্র, "৫ মিনিট আগে", "২ দিন পরে". */
export function formatRelativeBn(instant: Date, now: Date): string {
  const diff = now.getTime() - instant.getTime();
  if (Number.isNaN(diff)) throw new RangeError('invalid Date');
  const abs = Math.abs(diff);
  // Whole units, rounded down: 59 minutes is still "৫৯ মিনিট", not "১ ঘণ্টা".
  for (const unit of UNITS) {
    if (abs >= unit.ms) {
      const count = Math.floor(abs / unit.ms);
      return `${toBengaliDigits(count)} ${unit.name} ${diff > 0 ? 'আগে' : 'পরে'}`;
    }
  }
  return 'এইমাত্র';
}

const DAY_MS = 86_400_000;

/**
 * The relative time of an instant less than a day before or after `now`, else '': a reader told
 * "১১৭৭ দিন আগে" has to work out the date, so anything older is shown with its house date instead.
 */
export function formatRecentBn(instant: Date, now: Date): string {
  return Math.abs(now.getTime() - instant.getTime()) < DAY_MS ? formatRelativeBn(instant, now) : '';
}
