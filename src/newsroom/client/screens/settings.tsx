import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Settings } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';
import { useSession } from '../session-context.ts';
import { ErrorBox } from '../components/error-box.tsx';

/** Admins: the site's name, the Hijri date offset (moon sighting), the time zone and the Google News page. */
export function SettingsScreen() {
  const t = useT();
  const { settings, setSettings } = useSession();
  const [form, setForm] = useState<Settings>(settings);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<Settings>) => {
    setForm({ ...form, ...patch });
    setSaved(false);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const answer = await api<Settings>('PUT', '/settings', form);
      setSettings(answer);
      setForm(answer);
      setSaved(true);
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section>
      <div class="screen-head">
        <h1>{t('nav.settings')}</h1>
      </div>
      <form class="panel stack settings-form" onSubmit={(event) => void submit(event)}>
        <label>
          {t('settings.siteName')}
          <input type="text" required value={form.siteName} onInput={(e) => set({ siteName: e.currentTarget.value })} />
        </label>
        <label>
          {t('settings.hijriOffset')}
          <input type="number" min={-2} max={2} step={1} value={form.hijriOffset} onInput={(e) => set({ hijriOffset: Number(e.currentTarget.value) })} />
          <small class="hint">{t('settings.hijriHint')}</small>
        </label>
        <label>
          {t('settings.timeZone')}
          <input type="text" data-bangla="off" required value={form.timeZone} onInput={(e) => set({ timeZone: e.currentTarget.value })} />
          <small class="hint">{t('settings.timeZoneHint')}</small>
        </label>
        <label>
          {t('settings.googleNewsUrl')}
          <input type="url" data-bangla="off" value={form.googleNewsUrl} onInput={(e) => set({ googleNewsUrl: e.currentTarget.value })} />
          <small class="hint">{t('settings.googleNewsHint')}</small>
        </label>
        <ErrorBox error={error} />
        <button class="button primary" type="submit">
          {t('common.save')}
        </button>
        {saved && (
          <p class="ok" role="status">
            {t('common.saved')}
          </p>
        )}
      </form>
    </section>
  );
}
