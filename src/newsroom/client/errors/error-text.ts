// What a person reads when a request fails: the catalogue's sentence in their language for the
// server's stable `error.code` (src/lib/errors.ts, the server's own catalogue, docs/errors.md), plus
// the server's own detail where it says more (which fields are missing, which input was refused).
// The server's messages are English: a Bengali reader is never shown them.
import { ERRORS, isErrorCode } from '../../../lib/errors.ts';
import { ApiError } from '../api.ts';
import type { Locale } from '../api-types.ts';
import { formatNumber } from '../format.ts';
import type { Translate } from '../i18n/translate.ts';
import { fieldName } from '../i18n/field-names.ts';
import { inputProblem } from './field-errors.ts';

export interface ErrorText {
  message: string;
  /** The server's specifics, or '' when the message says it all. */
  detail: string;
}

// Where the sentence already says everything the server could add.
const SELF_EXPLAINED = new Set([
  'UNAUTHENTICATED',
  'BAD_CREDENTIALS',
  'CSRF_FAILED',
  'RATE_LIMITED',
  'TOO_MANY_LINKS',
  'BLOCKED_WORDS',
  'DUPLICATE_COMMENT',
  'WEBHOOK_URL_INVALID',
]);

function inputDetail(details: unknown, t: Translate, locale: Locale): string {
  if (!Array.isArray(details)) return '';
  return details
    .map((d: { path?: unknown; message?: unknown }) => {
      const path = typeof d.path === 'string' && d.path !== '(body)' ? `${fieldName(d.path, t)}: ` : '';
      return `${path}${inputProblem(typeof d.message === 'string' ? d.message : '', t, locale)}`;
    })
    .filter(Boolean)
    .join('; ');
}

function missingFields(details: unknown): string[] {
  const missing = typeof details === 'object' && details !== null ? (details as { missing?: unknown }).missing : undefined;
  return Array.isArray(missing) ? missing.filter((m): m is string => typeof m === 'string') : [];
}

/** The sentence and detail to show for a failed request (or any other thrown value). */
export function errorText(error: unknown, t: Translate, locale: Locale): ErrorText {
  if (!(error instanceof ApiError)) return { message: error instanceof Error ? error.message : String(error), detail: '' };
  if (error.status === 0) return { message: t(error.message === 'offline' ? 'error.offline' : 'error.network'), detail: '' };
  const code = error.code;
  // A 5xx never carries internals; a code this app does not know (a newer server) keeps the server's words.
  if (error.status >= 500 && code !== 'BUSY' && code !== 'MEDIA_UNWRITABLE') return { message: t('error.server'), detail: '' };
  if (!isErrorCode(code)) return { message: error.message, detail: '' };
  if (code === 'RATE_LIMITED' && error.retryAfter) {
    return { message: t('error.rateLimitedWait', { n: formatNumber(error.retryAfter, locale) }), detail: '' };
  }
  const message = ERRORS[code][locale];
  if (code === 'INVALID_TRANSITION') {
    const missing = missingFields(error.details);
    if (missing.length) return { message, detail: t('error.missing', { fields: missing.map((m) => fieldName(m, t)).join(', ') }) };
  }
  if (code === 'INVALID_INPUT') {
    const detail = inputDetail(error.details, t, locale);
    if (detail) return { message, detail };
  }
  return { message, detail: SELF_EXPLAINED.has(code) || locale !== 'en' ? '' : error.message };
}
