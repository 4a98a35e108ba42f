import { useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { PreviewLink } from '../api-types.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useSession } from '../session-context.ts';
import { formatNumber, formatTime } from '../format.ts';
import { ErrorBox } from '../components/error-box.tsx';

/**
 * "প্রিভিউ লিংক": makes a signed link to the article's preview on the reader site, which a
 * colleague opens without a newsroom account until it expires, and lets the editor copy it. Rendered
 * in the screen head: the button, then (once made) the link on a line of its own.
 */
export function PreviewLinkAction({ articleId }: { articleId: number }) {
  const t = useT();
  const locale = useLocale();
  const { settings } = useSession();
  const [link, setLink] = useState<PreviewLink | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [copied, setCopied] = useState<'' | 'copied' | 'selected'>('');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  const make = async () => {
    setBusy(true);
    try {
      setLink(await api<PreviewLink>('POST', `/articles/${articleId}/preview-link`));
      setError(undefined);
      setCopied('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('copied');
    } catch {
      // No clipboard (a page not served over HTTPS, say): the link is selected for Ctrl+C.
      field.current?.focus();
      field.current?.select();
      setCopied('selected');
    }
  };

  return (
    <>
      <button type="button" class="button ghost" disabled={busy} onClick={() => void make()}>
        {t('article.previewLink')}
      </button>
      {(link || error !== undefined) && (
        <div class="preview-link">
          <ErrorBox error={error} />
          {link && (
            <>
              <div class="row preview-link__row">
                <label class="preview-link__field">
                  {t('article.previewLinkLabel')}
                  <input ref={field} type="text" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
                </label>
                <button type="button" class="button" onClick={() => void copy()}>
                  {copied === 'copied' ? t('article.previewLinkCopied') : t('article.previewLinkCopy')}
                </button>
              </div>
              {copied === 'selected' && <p class="hint">{t('article.previewLinkSelected')}</p>}
              <p class="hint">
                {t('article.previewLinkExpires', { hours: formatNumber(link.hours, locale), time: formatTime(link.expiresAt, locale, settings.timeZone) })}
              </p>
            </>
          )}
        </div>
      )}
    </>
  );
}
