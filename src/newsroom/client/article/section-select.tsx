import { api } from '../api.ts';
import type { Section } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';
import { useLoad } from '../use-load.ts';
import { sectionTree } from './section-tree.ts';

/** The section, chosen from the tree (children indented under their parent). */
export function SectionSelect({ value, disabled, onChange }: { value: number | null; disabled: boolean; onChange: (id: number | null) => void }) {
  const t = useT();
  const sections = useLoad(() => api<{ items: Section[] }>('GET', '/sections'), []);
  const options = sectionTree(sections.data?.items ?? []);
  return (
    <label>
      {t('article.section')}
      <select
        value={value === null ? '' : String(value)}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
      >
        <option value="">{t('article.noSection')}</option>
        {options.map((o) => (
          <option key={o.id} value={String(o.id)}>
            {'\u00a0\u00a0\u00a0'.repeat(o.depth) + (o.depth ? '› ' : '') + o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
