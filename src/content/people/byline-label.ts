import type { Person } from './person.repository.ts';

/**
 * A correspondent is named by where they report from: "দেবিদ্বার (কুমিল্লা) প্রতিনিধি" with a place
 * and its district, "কুমিল্লা প্রতিনিধি" with the district alone; null when neither is known.
 */
export function correspondentLabel(place: string | null, district: string | null): string | null {
  if (place && district) return `${place} (${district}) প্রতিনিধি`;
  if (district) return `${district} প্রতিনিধি`;
  return place ? `${place} প্রতিনিধি` : null;
}

/** How a person is named in a byline: a correspondent by place, everyone else by name. */
export function bylineLabel(person: Person, districtNames: ReadonlyMap<number, string>): string {
  if (person.kind !== 'correspondent') return person.name;
  const district = person.district_id === null ? null : (districtNames.get(person.district_id) ?? null);
  return correspondentLabel(person.place, district) ?? person.name;
}
