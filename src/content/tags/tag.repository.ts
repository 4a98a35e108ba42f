import type { Kysely } from 'kysely';
import type { Database, TagTable } from '../../db/schema.ts';
import { slugify } from '../../bangla/slug.ts';
import { nextId } from '../ids.ts';

export type Tag = TagTable;

export async function findTagBySlug(db: Kysely<Database>, slug: string): Promise<Tag | undefined> {
  return db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Returns the tag named `name`, creating it. Names are unique; slugs are made from names. */
export async function ensureTag(db: Kysely<Database>, name: string, now: string): Promise<Tag> {
  const found = await db.selectFrom('tags').selectAll().where('name', '=', name).executeTakeFirst();
  if (found) return found;
  const base = slugify(name) || 'tag';
  let slug = base;
  for (let n = 2; await findTagBySlug(db, slug); n++) slug = `${base}-${n}`;
  const tag: Tag = { id: await nextId(db, 'tags'), slug, name, created_at: now };
  await db.insertInto('tags').values(tag).execute();
  return tag;
}
