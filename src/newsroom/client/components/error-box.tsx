import { useLocale, useT } from '../i18n/use-t.ts';
import { errorText } from '../errors/error-text.ts';

/** A clearly visible error: a sentence in the reader's language and the server's detail, announced to screen readers. */
export function ErrorBox({ error }: { error: unknown }) {
  const t = useT();
  const locale = useLocale();
  if (error === undefined || error === null) return null;
  const { message, detail } = errorText(error, t, locale);
  return (
    <div class="error-box" role="alert">
      <p>{message}</p>
      {detail && <p class="error-detail">{detail}</p>}
    </div>
  );
}
