import type { Kysely } from 'kysely';
import type { ArticleTable, Database } from '../../db/schema.ts';
import { bumpSequence, nextId } from '../ids.ts';
import { ensureSectionPath } from '../sections/section.repository.ts';
import { ensurePerson, findCorrespondent, type Person } from '../people/person.repository.ts';
import { readFile } from 'node:fs/promises';
import { saveImage } from '../media/save-image.ts';
import { hashArticleDraft, type ArticleDraft, type BylineInput } from './article-draft.ts';
import { contentFromRow } from './newsroom-article.ts';
import { addRevision } from './revision.repository.ts';
import { replaceBylineAndTags } from './byline-and-tags.ts';
import { listedAt, listingOf, readListing } from './article-listing.ts';
import type { ArticleChange } from '../events/content-event.ts';

export type WriteOutcome = 'created' | 'updated' | 'unchanged';

export interface WriteContext {
  now: string;
  mediaDir: string;
  /** Bengali district names by id, for naming a correspondent who has none. */
  districtNames: ReadonlyMap<number, string>;
}

/**
 * Inserts or updates one article by id (a new id is allocated when it has none). An article
 * whose content hash is unchanged is left alone, so a repeated import writes nothing.
 * Call inside a transaction: the article, its byline and its tags change together.
 */
export async function writeArticle(
  db: Kysely<Database>,
  draft: ArticleDraft,
  ctx: WriteContext,
): Promise<{ id: number; outcome: WriteOutcome; change?: ArticleChange }> {
  const people = await ensureByline(db, draft.byline, ctx);
  let imageId: number | null = null;
  if (draft.image) {
    const bytes = await readFile(draft.image.file.sourcePath);
    imageId = (await saveImage(db, ctx.mediaDir, bytes, draft.image, ctx.now)).id;
  }
  const hash = hashArticleDraft(draft, people.map((p) => p.id), imageId);
  const existing =
    draft.id === null
      ? undefined
      : await db
          .selectFrom('articles')
          .select(['id', 'content_hash', 'created_at', 'owner_id', 'revision', 'status', 'section_id', 'published_at', 'district_id', 'breaking', 'edition'])
          .where('id', '=', draft.id)
          .executeTakeFirst();
  if (existing && existing.content_hash === hash) return { id: existing.id, outcome: 'unchanged' };

  const section = await ensureSectionPath(db, draft.sectionPath, ctx.now);
  const id = existing?.id ?? draft.id ?? (await nextId(db, 'articles'));
  const row: ArticleTable = {
    id,
    section_id: section.id,
    status: draft.status,
    kicker: draft.kicker,
    headline: draft.headline,
    subheadline: draft.subheadline,
    summary: draft.summary,
    body: JSON.stringify(draft.body),
    image_id: imageId,
    image_caption: draft.image?.caption ?? null,
    image_credit: draft.image?.credit ?? null,
    image_alt: draft.image?.alt ?? null,
    district_id: draft.districtId,
    edition: draft.edition,
    print_page: draft.printPage,
    breaking: draft.breaking ? 1 : 0,
    published_at: draft.publishedAt,
    updated_at: draft.updatedAt,
    scheduled_at: draft.scheduledAt,
    created_at: existing?.created_at ?? ctx.now,
    modified_at: ctx.now,
    content_hash: hash,
    owner_id: existing?.owner_id ?? null,
    revision: (existing?.revision ?? 0) + 1,
    byline_kind: BYLINE_KINDS[draft.byline.kind],
  };
  const before = existing ? await readListing(db, existing) : null;
  if (existing) {
    const { id: _id, ...changes } = row;
    await db.updateTable('articles').set(changes).where('id', '=', id).execute();
  } else {
    await db.insertInto('articles').values(row).execute();
    if (draft.id !== null) await bumpSequence(db, 'articles', draft.id);
  }
  const personIds = people.map((p) => p.id);
  const tagIds = await replaceBylineAndTags(db, id, personIds, draft.tags, ctx.now, listedAt(row));
  await addRevision(db, id, row.revision, contentFromRow(row, personIds, draft.tags), { userId: null, action: 'import', at: ctx.now });
  return { id, outcome: existing ? 'updated' : 'created', change: { id, before, after: listingOf(row, tagIds, personIds) } };
}

const BYLINE_KINDS = { desk: 'desk', authors: 'reporters', correspondent: 'correspondent', agency: 'agency' } as const;


async function ensureByline(db: Kysely<Database>, byline: BylineInput, ctx: WriteContext): Promise<Person[]> {
  switch (byline.kind) {
    case 'desk':
    case 'agency':
      return [await ensurePerson(db, { kind: byline.kind, name: byline.name }, ctx.now)];
    case 'authors': {
      const people: Person[] = [];
      for (const name of byline.names) people.push(await ensurePerson(db, { kind: 'reporter', name }, ctx.now));
      return people;
    }
    case 'correspondent': {
      const district = ctx.districtNames.get(byline.districtId) ?? '';
      const label = byline.place ? `${byline.place} (${district}) প্রতিনিধি` : `${district} প্রতিনিধি`;
      if (byline.name === null) {
        const known = await findCorrespondent(db, byline.place, byline.districtId);
        if (known) return [known];
      }
      const input = { kind: 'correspondent' as const, name: byline.name ?? label, place: byline.place, districtId: byline.districtId };
      return [await ensurePerson(db, input, ctx.now)];
    }
  }
}
