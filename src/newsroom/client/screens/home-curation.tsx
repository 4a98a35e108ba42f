import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import type { HomeSlots, Item, Page } from '../api-types.ts';
import { formatNumber } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useLoad } from '../use-load.ts';
import { ErrorBox } from '../components/error-box.tsx';

const TOP_SLOTS = 8;

function label(item: Item): string {
  return item.kicker ? `${item.kicker} / ${item.headline}` : item.headline;
}

/** The home page's lead and up to eight top stories, chosen from what was published lately. */
export function HomeScreen() {
  const t = useT();
  const locale = useLocale();
  const home = useLoad(() => api<HomeSlots>('GET', '/home'), []);
  const recent = useLoad(() => api<Page<Item>>('GET', `/articles${query({ status: 'published', limit: 50 })}`), []);
  const [lead, setLead] = useState<number | null>(null);
  const [top, setTop] = useState<Array<number | null>>(Array(TOP_SLOTS).fill(null));
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!home.data) return;
    setLead(home.data.lead?.id ?? null);
    setTop(Array.from({ length: TOP_SLOTS }, (_, i) => home.data!.top[i]?.id ?? null));
    setReady(true);
  }, [home.data]);

  // Items already on the home page stay choosable even when they are no longer recent.
  const known = new Map<number, Item>();
  for (const item of [...(home.data?.top ?? []), ...(home.data?.lead ? [home.data.lead] : []), ...(recent.data?.items ?? [])]) known.set(item.id, item);
  const options = [...known.values()];

  const save = async (event: Event) => {
    event.preventDefault();
    const topIds = top.filter((id): id is number => id !== null && id !== lead);
    try {
      home.setData(await api<HomeSlots>('PUT', '/home', { leadId: lead, topIds: [...new Set(topIds)] }));
      setError(undefined);
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };

  const picker = (value: number | null, onPick: (id: number | null) => void, name: string) => (
    <select
      aria-label={name}
      value={value === null ? '' : String(value)}
      onChange={(e) => {
        onPick(e.currentTarget.value ? Number(e.currentTarget.value) : null);
        setSaved(false);
      }}
    >
      <option value="">{t('home.empty')}</option>
      {options.map((item) => (
        <option key={item.id} value={String(item.id)}>
          {label(item)}
        </option>
      ))}
    </select>
  );

  return (
    <section>
      <div class="screen-head">
        <h1>{t('nav.home')}</h1>
      </div>
      <ErrorBox error={home.error ?? recent.error ?? error} />
      {/* The form waits for both loads: a choice made before the current slots are in the pickers would be overwritten by them. */}
      {!ready || !recent.data ? (
        !home.error && !recent.error && <p class="hint">{t('common.loading')}</p>
      ) : (
        <form class="stack home-form" onSubmit={(event) => void save(event)}>
          <label>
            {t('home.lead')}
            {picker(lead, setLead, t('home.lead'))}
          </label>
          <fieldset>
            <legend>{t('home.top')}</legend>
            <ol class="slots">
              {top.map((id, i) => (
                <li key={i}>{picker(id, (v) => setTop(top.map((old, j) => (j === i ? v : old))), t('home.slot', { n: formatNumber(i + 1, locale) }))}</li>
              ))}
            </ol>
          </fieldset>
          <button class="button primary" type="submit">
            {t('common.save')}
          </button>
          {saved && (
            <p class="ok" role="status">
              {t('common.saved')}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
