// A person (a byline) as the people screen edits it, and what must be true before it is sent.
import type { Person } from '../api-types.ts';

export type PersonKind = 'desk' | 'reporter' | 'correspondent' | 'agency';
export const PERSON_KINDS: readonly PersonKind[] = ['desk', 'reporter', 'correspondent', 'agency'];

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
export function personBody(input: PersonInput, forUpdate: boolean): Record<string, unknown> {
  const body = { name: input.name.trim(), title: input.title.trim(), place: input.place.trim(), districtId: input.districtId };
  return forUpdate ? body : { ...body, kind: input.kind };
}
