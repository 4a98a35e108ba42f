import { DataTable } from '../components/data-table.tsx';
import { useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import type { District, Person } from '../api-types.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { formatNumber } from '../format.ts';
import { useLoad } from '../use-load.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { compareBengali } from '../../../bangla/collate.ts';
import { emptyPersonInput, PERSON_KINDS, personBody, personInputOf, personProblems, type PersonInput, type PersonKind } from '../people/person-input.ts';

/**
 * Editors and admins: the people bylines name, desks first, then reporters, correspondents and
 * agencies, each kind in Bengali alphabetical order (the server's order), with what a byline
 * needs of them and how many published articles name them; add and edit.
 */
export function PeopleScreen() {
  const t = useT();
  const locale = useLocale();
  const [kind, setKind] = useState<PersonKind | ''>('');
  const [q, setQ] = useState('');
  const people = useLoad(() => api<{ items: Person[] }>('GET', `/people${query({ kind, q: q.trim(), counts: 'true' })}`), [kind, q]);
  const districts = useLoad(() => api<{ items: District[] }>('GET', '/districts'), []);
  const [editing, setEditing] = useState<Person | null>(null);
  const [notice, setNotice] = useState('');
  // A new key empties the add form once a person is added.
  const [addedCount, setAddedCount] = useState(0);
  const districtItems = [...(districts.data?.items ?? [])].sort((a, b) => compareBengali(a.name, b.name));
  const districtName = new Map(districtItems.map((d) => [d.id, d.name]));
  const items = people.data?.items ?? [];
  const where = (p: Person) => [p.place, p.districtId === null ? '' : (districtName.get(p.districtId) ?? '')].filter(Boolean).join(', ');

  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    people.reload();
  };

  return (
    <section>
      <div class="screen-head">
        <h1>{t('nav.people')}</h1>
      </div>
      <ErrorBox error={people.error ?? districts.error} />
      {notice && (
        <p class="ok" role="status">
          {notice}
        </p>
      )}
      <div class="media-layout">
        <div class="panel">
          {editing ? (
            <PersonForm
              key={`edit-${editing.id}`}
              person={editing}
              districts={districtItems}
              onDone={() => done(t('common.saved'))}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <PersonForm
              key={`add-${addedCount}`}
              person={null}
              districts={districtItems}
              onDone={(name) => {
                setAddedCount((n) => n + 1);
                done(t('people.added', { name }));
              }}
            />
          )}
        </div>
        <div class="panel">
          <div class="row wrap">
            <label>
              {t('people.kind')}
              <select value={kind} onChange={(e) => setKind(e.currentTarget.value as PersonKind | '')}>
                <option value="">{t('people.allKinds')}</option>
                {PERSON_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`people.kind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('common.search')}
              <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
            </label>
          </div>
          {people.data && !people.data.items.length && <p class="hint">{t('people.empty')}</p>}
          <DataTable className="people-table" headings={['user.name', 'people.jobTitle', 'people.where', 'people.articles', 'people.byline', '']}>
            {items.map((p, i) => [
              // A heading row where a kind begins: the list comes desks first, then by kind.
              items[i - 1]?.kind !== p.kind && (
                <tr key={`kind-${p.kind}`} class="group-row">
                  <th colSpan={6} scope="rowgroup">
                    {t(`people.kinds.${p.kind}`)}
                  </th>
                </tr>
              ),
              <tr key={p.id} class={editing?.id === p.id ? 'selected' : ''} data-kind={p.kind}>
                <th scope="row">{p.name}</th>
                <td>{p.title}</td>
                <td>{where(p)}</td>
                <td class="number">{formatNumber(p.articles ?? 0, locale)}</td>
                <td>{p.label}</td>
                <td>
                  <button
                    type="button"
                    class="button ghost"
                    aria-label={`${t('common.edit')}: ${p.name}`}
                    onClick={() => {
                      setEditing(p);
                      setNotice('');
                    }}
                  >
                    {t('common.edit')}
                  </button>
                </td>
              </tr>,
            ])}
          </DataTable>
        </div>
      </div>
    </section>
  );
}

interface FormProps {
  person: Person | null;
  districts: District[];
  onDone: (name: string) => void;
  onCancel?: () => void;
}

function PersonForm({ person, districts, onDone, onCancel }: FormProps) {
  const t = useT();
  const [input, setInput] = useState<PersonInput>(person ? personInputOf(person) : emptyPersonInput());
  const [error, setError] = useState<unknown>(undefined);
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<PersonInput>) => setInput({ ...input, ...patch });
  const problems = personProblems(input);

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    if (problems.length) return;
    try {
      if (person) await api('PATCH', `/people/${person.id}`, personBody(input, true));
      else await api('POST', '/people', personBody(input, false));
      setError(undefined);
      onDone(input.name.trim());
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form class="stack person-form" onSubmit={(event) => void submit(event)}>
      <h2>{person ? t('people.editing', { name: person.name }) : t('people.add')}</h2>
      <label>
        {t('user.name')}
        <input type="text" required maxLength={120} value={input.name} onInput={(e) => set({ name: e.currentTarget.value })} />
      </label>
      <label>
        {t('people.kind')}
        <select value={input.kind} disabled={person !== null} onChange={(e) => set({ kind: e.currentTarget.value as PersonKind })}>
          {PERSON_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`people.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('people.title')}
        <input type="text" maxLength={120} value={input.title} onInput={(e) => set({ title: e.currentTarget.value })} />
      </label>
      <label>
        {t('people.place')}
        <input type="text" maxLength={80} value={input.place} onInput={(e) => set({ place: e.currentTarget.value })} />
      </label>
      <label>
        {t('people.district')}
        <select
          value={input.districtId === null ? '' : String(input.districtId)}
          aria-invalid={tried && problems.includes('district')}
          onChange={(e) => set({ districtId: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
        >
          <option value="">{t('article.noDistrict')}</option>
          {districts.map((d) => (
            <option key={d.id} value={String(d.id)}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      {tried && problems.includes('district') && (
        <p class="error-box" role="alert">
          {t('people.needsDistrict')}
        </p>
      )}
      <ErrorBox error={error} />
      <div class="row wrap">
        <button class="button primary" type="submit" disabled={tried && problems.length > 0}>
          {person ? t('common.save') : t('people.addButton')}
        </button>
        {onCancel && (
          <button class="button ghost" type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
