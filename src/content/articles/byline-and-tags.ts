import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ensureTag } from '../tags/tag.repository.ts';

/**
 * Replaces an article's byline people and tags (in order). Tags are found or created by name.
 * `listedAt` is the article's published_at while it is published (null otherwise), copied to the
 * rows that tag and author pages read. Returns the tag ids.
 */
export async function replaceBylineAndTags(
  db: Kysely<Database>,
  articleId: number,
  personIds: readonly number[],
  tagNames: readonly string[],
  now: string,
  listedAt: string | null,
): Promise<number[]> {
  await db.deleteFrom('article_people').where('article_id', '=', articleId).execute();
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  const people = [...new Set(personIds)];
  if (people.length) {
    await db
      .insertInto('article_people')
      .values(people.map((person_id, position) => ({ article_id: articleId, person_id, position, published_at: listedAt })))
      .execute();
  }
  const tagIds: number[] = [];
  for (const name of tagNames) tagIds.push((await ensureTag(db, name, now)).id);
  const unique = [...new Set(tagIds)];
  if (unique.length) {
    await db
      .insertInto('article_tags')
      .values(unique.map((tag_id, position) => ({ article_id: articleId, tag_id, position, published_at: listedAt })))
      .execute();
  }
  return unique;
}
