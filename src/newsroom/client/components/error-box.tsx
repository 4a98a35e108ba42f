import { ApiError } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import type { Translate } from '../i18n/translate.ts';

/** The text to show for a failed request: the server's own message, or what went wrong on the way. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return error.message === 'offline' ? t('error.offline') : t('error.network');
    const details = Array.isArray(error.details)
      ? (error.details as Array<{ path?: string; message?: string }>).map((d) => `${d.path ? `${d.path}: ` : ''}${d.message ?? ''}`).join('; ')
      : '';
    return details ? `${error.message} (${details})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A clearly visible error line, announced to screen readers. */
export function ErrorBox({ error }: { error: unknown }) {
  const t = useT();
  if (error === undefined || error === null) return null;
  return (
    <p class="error-box" role="alert">
      {errorMessage(error, t)}
    </p>
  );
}
