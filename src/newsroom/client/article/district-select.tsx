import { api } from '../api.ts';
import type { District } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';
import { useLoad } from '../use-load.ts';

/** The district the story is from (districts of Bangladesh, in Bengali). */
export function DistrictSelect({ value, disabled, onChange }: { value: number | null; disabled: boolean; onChange: (id: number | null) => void }) {
  const t = useT();
  const districts = useLoad(() => api<{ items: District[] }>('GET', '/districts'), []);
  const items = [...(districts.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'bn'));
  return (
    <label>
      {t('article.district')}
      <select
        value={value === null ? '' : String(value)}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
      >
        <option value="">{t('article.noDistrict')}</option>
        {items.map((d) => (
          <option key={d.id} value={String(d.id)}>
            {d.name}
          </option>
        ))}
      </select>
    </label>
  );
}
