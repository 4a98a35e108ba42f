// A person (a byline) as the people screen edits it, and what must be true before it is sent.
import type { Person, PersonBody, PersonKind, PersonPatch } from '../api-types.ts';

export type { PersonKind };
// Every kind, in the order the screen offers them (the record makes a kind the server adds a type error here).
const KIND_ORDER: Record<PersonKind, number> = { desk: 0, reporter: 1, correspondent: 2, agency: 3 };
export const PERSON_KINDS = (Object.keys(KIND_ORDER) as PersonKind[]).sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]);

export interface PersonInput {
  name: string;
  kind: PersonKind;
  title: string;
  place: string;
  districtId: number | null;
}

export function emptyPersonInput(kind: PersonKind = 'reporter'): PersonInput {
  return { name: '', kind, title: '', place: '', districtId: null };
}

/** The editable fields of a stored person. */
export function personInputOf(person: Person): PersonInput {
  return { name: person.name, kind: person.kind, title: person.title, place: person.place, districtId: person.districtId };
}

/** What is missing before saving: a name always; a district for a correspondent (their byline names it). */
export function personProblems(input: PersonInput): Array<'name' | 'district'> {
  const problems: Array<'name' | 'district'> = [];
  if (!input.name.trim()) problems.push('name');
  if (input.kind === 'correspondent' && input.districtId === null) problems.push('district');
  return problems;
}

/** The body for POST /people (every field) or PATCH /people/:id (no kind: the server keeps it). */
export function personBody(input: PersonInput, forUpdate: boolean): PersonBody | PersonPatch {
  const fields = { name: input.name.trim(), title: input.title.trim(), place: input.place.trim(), districtId: input.districtId };
  return forUpdate ? fields : { ...fields, kind: input.kind };
}
