import type { Kysely } from 'kysely';
import type { Database, DistrictTable, DivisionTable } from '../../db/schema.ts';
import { divisions, districts } from './places-data.ts';

export type District = DistrictTable;
export type Division = DivisionTable;

/**
 * Writes the 8 divisions and 64 districts. Idempotent: ids are fixed by the table's order, so
 * every database numbers them alike, and names are refreshed if the table is corrected later.
 */
export async function ensurePlaces(db: Kysely<Database>): Promise<void> {
  const count = await db
    .selectFrom('districts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (count.n === districts.length) return;
  await db.transaction().execute(async (trx) => {
    for (const [i, d] of divisions.entries()) {
      await trx
        .insertInto('divisions')
        .values({ id: i + 1, slug: d.slug, name: d.name })
        .onConflict((oc) => oc.column('id').doUpdateSet({ slug: d.slug, name: d.name }))
        .execute();
    }
    const divisionId = new Map(divisions.map((d, i) => [d.slug, i + 1]));
    for (const [i, d] of districts.entries()) {
      const row = { id: i + 1, division_id: divisionId.get(d.division) ?? 0, slug: d.slug, name: d.name };
      await trx
        .insertInto('districts')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ division_id: row.division_id, slug: d.slug, name: d.name }))
        .execute();
    }
  });
}

export async function listDistricts(db: Kysely<Database>): Promise<District[]> {
  return db.selectFrom('districts').selectAll().orderBy('id').execute();
}

export async function findDistrictBySlug(db: Kysely<Database>, slug: string): Promise<District | undefined> {
  return db.selectFrom('districts').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findDivision(db: Kysely<Database>, id: number): Promise<Division | undefined> {
  return db.selectFrom('divisions').selectAll().where('id', '=', id).executeTakeFirst();
}
