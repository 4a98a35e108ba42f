// Dates and numbers as the newsroom reads them: Bengali digits and the house format in Bengali,
// plain English otherwise; always in the site's time zone.
import { formatHouseDateTime } from '../../bangla/date-format.ts';
import { toBengaliDigits } from '../../bangla/digits.ts';
import type { Locale } from './api-types.ts';

/** "২৭ নভেম্বর ২০২৬, ১২:০০ পিএম" or "27 Nov 2026, 12:00", or "" for null. */
export function formatTime(iso: string | null | undefined, locale: Locale, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (locale === 'bn') return formatHouseDateTime(date, timeZone);
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A number in the language's digits. */
export function formatNumber(n: number, locale: Locale): string {
  return locale === 'bn' ? toBengaliDigits(String(n)) : String(n);
}
