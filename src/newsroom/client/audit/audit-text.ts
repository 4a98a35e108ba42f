// How an audit entry reads: its action in the reader's words when the dictionaries know it, and
// its details as short `key: value` text.
import type { Translate } from '../i18n/translate.ts';
import { hasMessage } from '../i18n/translate.ts';

/** "প্রতিবেদন প্রকাশ" for `article.publish`; an unknown action shows as stored. */
export function auditActionText(action: string, t: Translate): string {
  const key = `action.${action}`;
  return hasMessage(key) ? t(key) : action;
}

/** `from: draft · scheduledAt: …` from a details object; '' when there is nothing to say. */
export function auditDetailsText(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (typeof details !== 'object') return typeof details === 'string' ? details : JSON.stringify(details);
  return Object.entries(details as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}
