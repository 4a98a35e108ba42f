import type { Kysely } from 'kysely';
import type { Database, PersonKind, PersonTable } from '../../db/schema.ts';
import { slugify } from '../../bangla/slug.ts';
import { nextId } from '../ids.ts';

export type Person = PersonTable;

export interface PersonInput {
  kind: PersonKind;
  name: string;
  slug?: string;
  title?: string;
  place?: string;
  districtId?: number | null;
  bio?: string;
}

export async function findPersonBySlug(db: Kysely<Database>, slug: string): Promise<Person | undefined> {
  return db.selectFrom('people').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findPeopleByIds(db: Kysely<Database>, ids: readonly number[]): Promise<Person[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('people')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

/**
 * Finds a person of this kind by name (a correspondent also by place and district), or creates one.
 * Desks and agencies are identified by their name alone.
 */
export async function ensurePerson(db: Kysely<Database>, input: PersonInput, now: string): Promise<Person> {
  let query = db.selectFrom('people').selectAll().where('kind', '=', input.kind).where('name', '=', input.name);
  if (input.kind === 'correspondent') {
    query = query.where('place', '=', input.place ?? '');
    query = input.districtId ? query.where('district_id', '=', input.districtId) : query.where('district_id', 'is', null);
  }
  const found = await query.orderBy('id').executeTakeFirst();
  if (found) return found;
  const person: Person = {
    id: await nextId(db, 'people'),
    slug: await freeSlug(db, input.slug ?? (slugify(input.name) || `person-${Date.now()}`)),
    name: input.name,
    kind: input.kind,
    title: input.title ?? '',
    place: input.place ?? '',
    district_id: input.districtId ?? null,
    bio: input.bio ?? '',
    created_at: now,
  };
  await db.insertInto('people').values(person).execute();
  return person;
}

/** The first correspondent filed under this place and district, whatever their name. */
export async function findCorrespondent(db: Kysely<Database>, place: string, districtId: number): Promise<Person | undefined> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('kind', '=', 'correspondent')
    .where('place', '=', place)
    .where('district_id', '=', districtId)
    .orderBy('id')
    .executeTakeFirst();
}

async function freeSlug(db: Kysely<Database>, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await findPersonBySlug(db, slug))) return slug;
  }
}

/** How many published articles name each of these people (absent: none); by the article_people listing index. */
export async function countPublishedArticles(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('article_people')
    .select((eb) => ['person_id', eb.fn.count<number | string>('article_id').distinct().as('n')])
    .where('person_id', 'in', [...ids])
    .where('published_at', 'is not', null)
    .groupBy('person_id')
    .execute();
  return new Map(rows.map((r) => [r.person_id, Number(r.n)]));
}
