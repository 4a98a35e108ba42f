import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Webhook, WebhookDelivery } from '../api-types.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { formatNumber, formatTime } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useSession } from '../session-context.ts';
import { useLoad } from '../use-load.ts';
import { eventLabel } from './event-label.ts';

/** One endpoint's deliveries, newest first, each with every try; an admin can send one again. */
export function DeliveryLog({ webhook, reloadKey }: { webhook: Webhook; reloadKey: number }) {
  const t = useT();
  const locale = useLocale();
  const { settings } = useSession();
  const page = (before?: number) =>
    api<{ items: WebhookDelivery[]; next: number | null }>('GET', `/webhooks/${webhook.id}/deliveries?limit=20${before ? `&before=${before}` : ''}`);
  const log = useLoad(() => page(), [webhook.id, reloadKey]);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState<number | undefined>(undefined);
  const items = log.data?.items ?? [];

  const redeliver = async (delivery: WebhookDelivery) => {
    setBusy(delivery.id);
    try {
      const answer = await api<{ delivery: WebhookDelivery }>('POST', `/webhooks/${webhook.id}/deliveries/${delivery.id}/redeliver`);
      log.setData({ items: items.map((d) => (d.id === delivery.id ? answer.delivery : d)), next: log.data?.next ?? null });
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };
  const more = async () => {
    try {
      const next = await page(log.data?.next ?? undefined);
      log.setData({ items: [...items, ...next.items], next: next.next });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section class="panel" aria-labelledby={`log-${webhook.id}`}>
      <h2 id={`log-${webhook.id}`}>
        {t('webhooks.deliveries')}: {webhook.url}
      </h2>
      <ErrorBox error={log.error ?? error} />
      {!log.loading && !items.length && <p>{t('webhooks.noDeliveries')}</p>}
      {items.length > 0 && (
        <DataTable headings={['webhooks.time', 'webhooks.event', 'webhooks.status', 'webhooks.attemptsHeading', '']} className="deliveries">
          {items.map((d) => (
            <tr key={d.id} data-delivery={d.id}>
              <td>{formatTime(d.createdAt, locale, settings.timeZone)}</td>
              <td>{eventLabel(d.type, t)}</td>
              <td>
                <span class={`delivery-status ${d.status}`}>{t(`webhooks.delivery.${d.status}`)}</span>
                {d.nextAttemptAt && <div class="hint">{t('webhooks.nextAttempt', { time: formatTime(d.nextAttemptAt, locale, settings.timeZone) })}</div>}
              </td>
              <td>
                <ol class="attempts">
                  {d.attempts.map((a) => (
                    <li key={a.id}>
                      {formatTime(a.at, locale, settings.timeZone)} · {a.statusCode === null ? t('webhooks.noAnswer') : formatNumber(a.statusCode, locale)} ·{' '}
                      {t('webhooks.ms', { n: formatNumber(a.durationMs, locale) })}
                      {a.redelivery && ` · ${t('webhooks.redelivery')}`}
                      {(a.error ?? a.responseBody) && (
                        <details>
                          <summary>{t('webhooks.response')}</summary>
                          {a.error && <p>{a.error}</p>}
                          {a.responseBody && <pre>{a.responseBody}</pre>}
                        </details>
                      )}
                    </li>
                  ))}
                </ol>
              </td>
              <td>
                <button type="button" class="button" disabled={busy === d.id} onClick={() => void redeliver(d)}>
                  {t('webhooks.redeliver')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {log.data?.next && (
        <button type="button" class="button ghost" onClick={() => void more()}>
          {t('common.more')}
        </button>
      )}
    </section>
  );
}
