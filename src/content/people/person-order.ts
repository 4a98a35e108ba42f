import type { PersonKind } from '../../db/schema.ts';
import { compareBengali } from '../../bangla/collate.ts';

/** The order the newsroom lists people in: desks, reporters, correspondents, agencies. */
export const PERSON_KIND_ORDER: Readonly<Record<PersonKind, number>> = { desk: 0, reporter: 1, correspondent: 2, agency: 3 };

/** By kind (PERSON_KIND_ORDER), then by name in Bengali alphabetical order, then by id. */
export function comparePeople(a: { kind: PersonKind; name: string; id: number }, b: { kind: PersonKind; name: string; id: number }): number {
  return PERSON_KIND_ORDER[a.kind] - PERSON_KIND_ORDER[b.kind] || compareBengali(a.name, b.name) || a.id - b.id;
}
