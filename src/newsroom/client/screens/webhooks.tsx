import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { WEBHOOK_EVENTS, type Webhook, type WebhookEvent } from '../api-types.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { useT } from '../i18n/use-t.ts';
import { useLoad } from '../use-load.ts';
import { DeliveryLog } from '../webhooks/delivery-log.tsx';
import { eventLabel } from '../webhooks/event-label.ts';

/** Admins: the URLs told of publishing and comments, their secrets (shown once) and delivery logs. */
export function WebhooksScreen() {
  const t = useT();
  const hooks = useLoad(() => api<{ items: Webhook[] }>('GET', '/webhooks'), []);
  const [secret, setSecret] = useState<{ url: string; secret: string } | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [shown, setShown] = useState<number | undefined>(undefined);
  const [logVersion, setLogVersion] = useState(0);
  const items = hooks.data?.items ?? [];
  const replace = (hook: Webhook) => hooks.setData({ items: items.map((h) => (h.id === hook.id ? hook : h)) });

  const act = async (work: () => Promise<void>) => {
    try {
      await work();
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  };
  const created = (answer: { webhook: Webhook; secret: string }) => {
    setSecret({ url: answer.webhook.url, secret: answer.secret });
    hooks.setData({ items: [...items, answer.webhook] });
  };
  const setActive = (hook: Webhook, active: boolean) =>
    act(async () => replace((await api<{ webhook: Webhook }>('PATCH', `/webhooks/${hook.id}`, { active })).webhook));
  const rotate = (hook: Webhook) =>
    act(async () => {
      if (!confirm(t('webhooks.confirmRotate'))) return;
      const answer = await api<{ webhook: Webhook; secret: string }>('POST', `/webhooks/${hook.id}/rotate-secret`);
      replace(answer.webhook);
      setSecret({ url: hook.url, secret: answer.secret });
    });
  const ping = (hook: Webhook) =>
    act(async () => {
      await api('POST', `/webhooks/${hook.id}/ping`);
      setShown(hook.id);
      setLogVersion((n) => n + 1);
    });
  const remove = (hook: Webhook) =>
    act(async () => {
      if (!confirm(t('webhooks.confirmDelete', { url: hook.url }))) return;
      await api('DELETE', `/webhooks/${hook.id}`);
      hooks.setData({ items: items.filter((h) => h.id !== hook.id) });
      if (shown === hook.id) setShown(undefined);
    });
  const shownHook = items.find((h) => h.id === shown);

  return (
    <section>
      <div class="screen-head">
        <h1>{t('nav.webhooks')}</h1>
      </div>
      <p class="hint">{t('webhooks.intro')}</p>
      <ErrorBox error={hooks.error ?? error} />
      <WebhookForm onCreated={created} />
      {secret && (
        <div class="secret" role="status">
          <p>{t('webhooks.secretOnce', { url: secret.url })}</p>
          <code data-secret>{secret.secret}</code>
          <button type="button" class="button" onClick={() => void ('clipboard' in navigator && navigator.clipboard.writeText(secret.secret))}>
            {t('common.copy')}
          </button>
          <button type="button" class="button ghost" onClick={() => setSecret(undefined)}>
            {t('common.close')}
          </button>
        </div>
      )}
      {!hooks.loading && !items.length && <p>{t('webhooks.none')}</p>}
      {items.length > 0 && (
        <DataTable headings={['webhooks.url', 'webhooks.events', 'webhooks.status', '']} className="webhooks">
          {items.map((hook) => (
            <tr key={hook.id} data-webhook={hook.id}>
              <td>
                <code>{hook.url}</code>
                {hook.description && <div class="hint">{hook.description}</div>}
              </td>
              <td>{hook.events.map((e) => eventLabel(e, t)).join(', ')}</td>
              <td>{hook.active ? t('webhooks.active') : hook.pausedReason === 'failing' ? t('webhooks.pausedFailing') : t('webhooks.paused')}</td>
              <td class="row wrap">
                <button type="button" class="button" onClick={() => setShown(shown === hook.id ? undefined : hook.id)} aria-expanded={shown === hook.id}>
                  {t('webhooks.showLog')}
                </button>
                <button type="button" class="button" onClick={() => void ping(hook)}>
                  {t('webhooks.ping')}
                </button>
                <button type="button" class="button" onClick={() => void setActive(hook, !hook.active)}>
                  {hook.active ? t('webhooks.pause') : t('webhooks.resume')}
                </button>
                <button type="button" class="button" onClick={() => void rotate(hook)}>
                  {t('webhooks.rotate')}
                </button>
                <button type="button" class="button ghost danger-text" onClick={() => void remove(hook)}>
                  {t('webhooks.delete')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {shownHook && <DeliveryLog webhook={shownHook} reloadKey={logVersion} />}
    </section>
  );
}

/** A new endpoint: URL, events, description, on or paused. */
function WebhookForm({ onCreated }: { onCreated: (answer: { webhook: Webhook; secret: string }) => void }) {
  const t = useT();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['article.published']);
  const [active, setActive] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const toggle = (event: WebhookEvent, on: boolean) => setEvents(on ? [...events, event] : events.filter((e) => e !== event));

  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      onCreated(await api<{ webhook: Webhook; secret: string }>('POST', '/webhooks', { url, events, active, description }));
      setUrl('');
      setDescription('');
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form class="panel webhook-form" onSubmit={(e) => void submit(e)} aria-labelledby="webhook-new">
      <h2 id="webhook-new">{t('webhooks.new')}</h2>
      <ErrorBox error={error} />
      <div class="row wrap">
        <label>
          {t('webhooks.url')}
          <input type="text" inputMode="url" name="url" required value={url} placeholder="https://" onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <label>
          {t('webhooks.description')}
          <input type="text" name="description" maxLength={300} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
        </label>
      </div>
      <fieldset>
        <legend>{t('webhooks.events')}</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} class="check">
            <input type="checkbox" checked={events.includes(event)} onChange={(e) => toggle(event, e.currentTarget.checked)} />
            {eventLabel(event, t)}
          </label>
        ))}
      </fieldset>
      <label class="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        {t('webhooks.activeNow')}
      </label>
      <button type="submit" class="button primary">
        {t('webhooks.create')}
      </button>
    </form>
  );
}
