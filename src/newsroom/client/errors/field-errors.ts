// Which field of a form a failed request points at, and what to say beside it, in the person's
// language: the server's input paths (INVALID_INPUT), the fields missing for publication
// (INVALID_TRANSITION's details.missing), and a schedule time in the past (UNPROCESSABLE from the
// schedule action). The form marks those fields (aria-invalid, aria-describedby) and focuses the first.
import { ApiError } from '../api.ts';
import type { Locale } from '../api-types.ts';
import { formatNumber } from '../format.ts';
import type { Translate } from '../i18n/translate.ts';

/** Form field name → the sentence to show beside it. */
export type FieldErrors = Record<string, string>;

// The server's names where the form's differ.
const FORM_FIELD: Record<string, string> = { section: 'sectionId', 'print page': 'printPage', image: 'imageId' };

/** A field's form name for a server path such as `headline`, `byline.personIds.0` or `print page`. */
export function formFieldOf(path: string): string {
  return FORM_FIELD[path] ?? path.split('.')[0] ?? path;
}

/**
 * A schema's sentence about one field in the person's language. The server's schemas speak English
 * (zod's "Too big: expected string to have <=300 characters"); the limits in them are kept.
 */
export function inputProblem(message: string, t: Translate, locale: Locale): string {
  const limit = /([<>]=?)\s*(\d+)/.exec(message);
  const n = limit ? formatNumber(Number(limit[2]), locale) : '';
  if (limit && /character/i.test(message)) return limit[1]!.startsWith('<') ? t('error.tooLong', { n }) : t('error.required');
  if (limit) return limit[1]!.startsWith('<') ? t('error.tooBig', { n }) : t('error.tooSmall', { n });
  if (/required|expected .+, received undefined/i.test(message)) return t('error.required');
  return locale === 'en' && message ? message : t('error.fieldInvalid');
}

/** What the request was, when the server's answer alone does not say which field it means. */
export type RequestContext = 'save' | 'schedule' | 'other';

/** The fields a failed request points at, in form order of the server's list; {} when none. */
export function fieldErrorsOf(error: unknown, t: Translate, locale: Locale, context: RequestContext = 'other'): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const found: FieldErrors = {};
  if (error.code === 'INVALID_INPUT' && Array.isArray(error.details)) {
    for (const d of error.details as Array<{ path?: unknown; message?: unknown }>) {
      if (typeof d.path !== 'string' || d.path === '(body)') continue;
      const field = formFieldOf(d.path);
      found[field] ??= inputProblem(typeof d.message === 'string' ? d.message : '', t, locale);
    }
  }
  if (error.code === 'INVALID_TRANSITION' && typeof error.details === 'object' && error.details !== null) {
    const missing = (error.details as { missing?: unknown }).missing;
    if (Array.isArray(missing)) for (const m of missing) if (typeof m === 'string') found[formFieldOf(m)] ??= t('error.required');
  }
  if (error.code === 'UNPROCESSABLE' && context === 'schedule') found.at = t('error.scheduleInPast');
  return found;
}

/** The id of the message element beside a field, for aria-describedby. */
export function fieldErrorId(field: string): string {
  return `field-error-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
