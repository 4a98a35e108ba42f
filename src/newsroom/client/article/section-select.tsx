import { api } from '../api.ts';
import type { Section } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';
import { useLoad } from '../use-load.ts';
import { sectionTree } from './section-tree.ts';
import type { FieldErrors } from '../errors/field-errors.ts';
import { FieldError, fieldAttrs } from '../components/field-error.tsx';

/** The section, chosen from the tree (children indented under their parent). */
export function SectionSelect({
  value,
  disabled,
  errors,
  onChange,
}: {
  value: number | null;
  disabled: boolean;
  errors?: FieldErrors;
  onChange: (id: number | null) => void;
}) {
  const t = useT();
  const sections = useLoad(() => api<{ items: Section[] }>('GET', '/sections'), []);
  const options = sectionTree(sections.data?.items ?? []);
  return (
    <>
      <label>
        {t('article.section')}
        <select
          value={value === null ? '' : String(value)}
          disabled={disabled}
          {...fieldAttrs(errors, 'sectionId')}
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
      <FieldError errors={errors} name="sectionId" />
    </>
  );
}
