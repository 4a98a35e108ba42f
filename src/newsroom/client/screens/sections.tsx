import { useAction } from '../use-action.ts';
import { DataTable } from '../components/data-table.tsx';
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Section } from '../api-types.ts';
import { formatNumber } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useLoad } from '../use-load.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { sectionTree } from '../article/section-tree.ts';

// The same rule the server applies to a slug (src/newsroom/manage.routes.ts).
const SLUG_PATTERN = '[a-z0-9]+(-[a-z0-9]+)*';

/** Admins: the section tree; rename and reorder a section, add one at the top or under another. */
export function SectionsScreen() {
  const t = useT();
  const sections = useLoad(() => api<{ items: Section[] }>('GET', '/sections'), []);
  const { error, notice, setNotice, run } = useAction();
  const items = sections.data?.items ?? [];
  const byId = new Map(items.map((s) => [s.id, s]));

  const patch = (section: Section, body: { name?: string; position?: number }) =>
    run(async () => {
      // The list is read again for its order.
      await api('PATCH', `/sections/${section.id}`, body);
      sections.reload();
    }, t('common.saved'));

  return (
    <section>
      <div class="screen-head">
        <h1>{t('nav.sections')}</h1>
      </div>
      <ErrorBox error={sections.error ?? error} />
      {notice && (
        <p class="ok" role="status">
          {notice}
        </p>
      )}
      <AddSection
        sections={items}
        onAdded={(name) => {
          sections.reload();
          setNotice(t('sections.added', { name }));
        }}
      />
      <DataTable headings={['sections.name', 'sections.path', 'sections.position', '']}>
        {sectionTree(items).map((o) => {
          const s = byId.get(o.id)!;
          return <SectionRow key={`${s.id}-${s.name}-${s.position}`} section={s} depth={o.depth} onSave={(body) => void patch(s, body)} />;
        })}
      </DataTable>
    </section>
  );
}

function SectionRow({ section, depth, onSave }: { section: Section; depth: number; onSave: (body: { name?: string; position?: number }) => void }) {
  const t = useT();
  const [name, setName] = useState(section.name);
  const [position, setPosition] = useState(section.position);
  const changed = name.trim() !== section.name || position !== section.position;
  return (
    <tr>
      <td class={`depth-${Math.min(depth, 3)}`}>
        <input type="text" aria-label={t('sections.nameOf', { name: section.name })} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </td>
      <td>
        <code>/{section.path}</code>
      </td>
      <td>
        <input
          type="number"
          class="narrow"
          min={0}
          max={1000}
          aria-label={t('sections.positionOf', { name: section.name })}
          value={position}
          onInput={(e) => setPosition(Number(e.currentTarget.value) || 0)}
        />
      </td>
      <td>
        <button type="button" class="button" disabled={!changed || !name.trim()} onClick={() => onSave({ name: name.trim(), position })}>
          {t('common.save')}
        </button>
      </td>
    </tr>
  );
}

function AddSection({ sections, onAdded }: { sections: Section[]; onAdded: (name: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [parentId, setParentId] = useState<number | null>(null);
  const [position, setPosition] = useState(0);
  const [error, setError] = useState<unknown>(undefined);
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await api('POST', '/sections', { name: name.trim(), slug: slug.trim().toLowerCase(), parentId, position });
      onAdded(name.trim());
      setName('');
      setSlug('');
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="panel stack add-section" onSubmit={(event) => void submit(event)}>
      <h2>{t('sections.add')}</h2>
      <div class="grid-4">
        <label>
          {t('sections.name')}
          <input type="text" required maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t('sections.slug')}
          <input type="text" data-bangla="off" required pattern={SLUG_PATTERN} value={slug} onInput={(e) => setSlug(e.currentTarget.value)} />
        </label>
        <label>
          {t('sections.parent')}
          <select value={parentId === null ? '' : String(parentId)} onChange={(e) => setParentId(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
            <option value="">{t('sections.noParent')}</option>
            {sectionTree(sections).map((o) => (
              <option key={o.id} value={String(o.id)}>
                {'\u00a0\u00a0\u00a0'.repeat(o.depth) + o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sections.position')} ({formatNumber(0, locale)}–{formatNumber(1000, locale)})
          <input type="number" min={0} max={1000} value={position} onInput={(e) => setPosition(Number(e.currentTarget.value) || 0)} />
        </label>
      </div>
      <ErrorBox error={error} />
      <div>
        <button class="button primary" type="submit">
          {t('sections.addButton')}
        </button>
      </div>
    </form>
  );
}
