import { correspondentLabel } from '../people/byline-label.ts';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Doc } from '../document/index.ts';
import type { Image } from '../media/image.repository.ts';
import { AppError } from '../../lib/errors.ts';
import type { Kysely } from 'kysely';
import type { ArticleTable, Database } from '../../db/schema.ts';
import { bumpSequence } from '../ids.ts';
import { ensureSectionPath, findSectionByPath, type Section } from '../sections/section.repository.ts';
import { ensurePerson, findCorrespondent, type Person } from '../people/person.repository.ts';
import { ensureTag } from '../tags/tag.repository.ts';
import { saveImage } from '../media/save-image.ts';
import type { ArticleDraft, BylineInput } from './article-draft.ts';
import type { ArticleContent } from './article-content.ts';
import { articleRow, contentHash, contentJson } from './article-row.ts';
import { contentFromRow } from './newsroom-article.ts';
import { listedAt, listingOf } from './article-listing.ts';
import type { ArticleChange } from '../events/content-event.ts';

export type WriteOutcome = 'created' | 'updated' | 'unchanged';

export interface WriteContext {
  now: string;
  mediaDir: string;
  /** Bengali district names by id, for naming a correspondent who has none. */
  districtNames: ReadonlyMap<number, string>;
  /** Sections, people and tags found so far, kept across batches of one import. */
  known?: KnownNames;
}

export interface WriteResult {
  id: number;
  outcome: WriteOutcome;
  /** What readers' pages need to know (absent when unchanged). */
  change?: ArticleChange;
}

/**
 * What an import has already found or created, by the name it was asked for, so each is looked
 * up once per import rather than once per article. Entries made inside a transaction that rolls
 * back must go (`forget`): their rows are gone.
 */
export class KnownNames {
  readonly sections = new Map<string, Section>();
  /** The sections this import created, by path (running servers must learn of them). */
  readonly createdSections = new Map<string, Section>();
  readonly people = new Map<string, Person[]>();
  readonly tags = new Map<string, number>();
  private made: Array<() => void> = [];

  remember<K, V>(map: Map<K, V>, key: K, value: V): V {
    map.set(key, value);
    this.made.push(() => map.delete(key));
    return value;
  }

  /** The batch committed: what it made stays known. */
  keep(): void {
    this.made = [];
  }

  /** The batch rolled back: forget what it made. */
  forget(): void {
    for (const undo of this.made) undo();
    this.made = [];
  }
}

const CHUNK = 200; // rows per multi-row insert: well under both dialects' limit on parameters

/**
 * Inserts or updates articles by id (a new id is allocated for one that has none). An article
 * whose content hash is unchanged is left alone, so a repeated import writes nothing. Call inside
 * a transaction: the articles, their bylines, tags and revisions change together. The writes are
 * made a batch at a time (one insert for many rows), which is what lets an import of a large
 * archive run at thousands of articles a second, on PostgreSQL too, where each statement is a
 * round trip.
 */
export async function writeArticles(db: Kysely<Database>, drafts: readonly ArticleDraft[], ctx: WriteContext): Promise<WriteResult[]> {
  const known = ctx.known ?? new KnownNames();
  const people: Person[][] = [];
  const imageIds: Array<number | null> = [];
  const bodies: Doc[] = [];
  for (const draft of drafts) {
    people.push(await ensureByline(db, draft.byline, ctx, known));
    imageIds.push(draft.image ? (await saveImage(db, ctx.mediaDir, await readFile(draft.image.file.sourcePath), draft.image, ctx.now)).id : null);
    bodies.push(await withStoredImages(db, draft, ctx));
  }
  // An imported article named by its source is the article that name was given before.
  const keyed = await idsByKey(
    db,
    drafts.flatMap((d) => (d.id === null && d.sourceKey ? [d.sourceKey] : [])),
  );
  const ids = drafts.map((d) => d.id ?? (d.sourceKey ? keyed.get(d.sourceKey) : undefined) ?? null);
  const existing = await existingRows(
    db,
    ids.flatMap((id) => (id === null ? [] : [id])),
  );
  const results: WriteResult[] = [];
  const inserts: ArticleTable[] = [];
  const updates: ArticleTable[] = [];
  const tagIds: number[][] = [];
  const changes: Array<{ row: ArticleTable; draft: ArticleDraft; personIds: number[]; tagIds: number[]; result: WriteResult }> = [];
  const newIds = await allocateIds(db, ids.filter((id) => id === null).length);
  const newKeys: Array<{ key: string; article_id: number }> = [];
  for (const [i, draft] of drafts.entries()) {
    const knownId = ids[i] ?? null;
    const old = knownId === null ? undefined : existing.get(knownId);
    const section = await ensureSection(db, draft.sectionPath, ctx.now, known, draft.sectionNames);
    const content = contentOf({ ...draft, body: bodies[i]! }, section.id, people[i]!, imageIds[i]!);
    // Serialised once: the row's body, its content hash and its revision are all made from it.
    const bodyJson = JSON.stringify(content.body);
    if (old && old.content_hash === contentHash(content, bodyJson) && sameState(old, draft)) {
      results.push({ id: old.id, outcome: 'unchanged' });
      continue;
    }
    const id = old?.id ?? knownId ?? newIds.shift()!;
    if (draft.sourceKey && !keyed.has(draft.sourceKey)) newKeys.push({ key: draft.sourceKey, article_id: id });
    const row = articleRow(
      id,
      content,
      {
        status: draft.status,
        published_at: draft.publishedAt,
        updated_at: draft.updatedAt,
        scheduled_at: draft.scheduledAt,
        created_at: old?.created_at ?? ctx.now,
        modified_at: ctx.now,
        owner_id: old?.owner_id ?? null,
        revision: (old?.revision ?? 0) + 1,
      },
      bodyJson,
    );
    (old ? updates : inserts).push(row);
    const tags = await ensureTags(db, draft.tags, ctx.now, known);
    tagIds.push(tags);
    const result: WriteResult = { id, outcome: old ? 'updated' : 'created' };
    results.push(result);
    changes.push({ row, draft: { ...draft, body: bodies[i]! }, personIds: people[i]!.map((p) => p.id), tagIds: tags, result });
  }
  for (let i = 0; i < newKeys.length; i += CHUNK)
    await db
      .insertInto('import_keys')
      .values(newKeys.slice(i, i + CHUNK))
      .execute();
  const before = await listingsBefore(
    db,
    updates.map((r) => existing.get(r.id)!),
  );
  for (let i = 0; i < inserts.length; i += CHUNK)
    await db
      .insertInto('articles')
      .values(inserts.slice(i, i + CHUNK))
      .execute();
  for (const row of updates) {
    const { id, ...set } = row;
    await db.updateTable('articles').set(set).where('id', '=', id).execute();
  }
  const legacy = Math.max(0, ...inserts.map((r) => r.id));
  if (legacy) await bumpSequence(db, 'articles', legacy);
  await writeLinksAndRevisions(
    db,
    changes,
    updates.map((r) => r.id),
    ctx.now,
  );
  await writeComments(
    db,
    changes.filter((c) => c.result.outcome === 'created' && c.draft.comments?.length),
  );
  for (const c of changes) c.result.change = { id: c.row.id, before: before.get(c.row.id) ?? null, after: listingOf(c.row, c.tagIds, c.personIds) };
  return results;
}

/** The article ids imports gave these source keys. */
async function idsByKey(db: Kysely<Database>, keys: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('import_keys')
      .select(['key', 'article_id'])
      .where('key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.key, r.article_id);
  }
  return found;
}

/** The draft's body with each local image stored and its nodes pointed at the stored file. */
async function withStoredImages(db: Kysely<Database>, draft: ArticleDraft, ctx: WriteContext): Promise<Doc> {
  if (!draft.bodyImages?.length) return draft.body;
  const stored = new Map<string, Image | null>();
  for (const { src, path } of draft.bodyImages) {
    if (stored.has(src)) continue;
    try {
      stored.set(src, await saveImage(db, ctx.mediaDir, await readFile(path), { caption: '', credit: '', alt: '' }, ctx.now));
    } catch (error) {
      // Not an image the site takes (or unreadable): the picture goes, the article stays.
      if (!(error instanceof AppError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      stored.set(src, null);
    }
  }
  const content = draft.body.content.flatMap((block) => {
    if (block.type !== 'image' || !stored.has(block.attrs.src)) return [block];
    const image = stored.get(block.attrs.src);
    return image ? [{ ...block, attrs: { ...block.attrs, src: `/media/${image.path}`, width: image.width, height: image.height } }] : [];
  });
  return { ...draft.body, content };
}

/** A new imported article's comments, approved (an import brings only comments its source showed). */
async function writeComments(db: Kysely<Database>, changes: ReadonlyArray<{ row: ArticleTable; draft: ArticleDraft }>): Promise<void> {
  const all = changes.flatMap((c) => c.draft.comments!.map((comment) => ({ articleId: c.row.id, ...comment })));
  if (!all.length) return;
  const row = await db
    .updateTable('id_sequences')
    .set((eb) => ({ value: eb('value', '+', all.length) }))
    .where('name', '=', 'comments')
    .returning('value')
    .executeTakeFirstOrThrow();
  const first = row.value - all.length + 1;
  const rows = all.map((c, i) => ({
    id: first + i,
    article_id: c.articleId,
    parent_id: null,
    name: c.name,
    body: c.body,
    status: 'approved' as const,
    ip_hash: 'import',
    body_key: createHash('sha256').update(c.body.toLowerCase().replace(/\s+/g, ' ').trim()).digest('hex'),
    created_at: c.createdAt,
    decided_at: c.createdAt,
    decided_by: null,
  }));
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('comments')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

/** Allocates `n` new article ids with one statement. */
async function allocateIds(db: Kysely<Database>, n: number): Promise<number[]> {
  if (!n) return [];
  const row = await db
    .updateTable('id_sequences')
    .set((eb) => ({ value: eb('value', '+', n) }))
    .where('name', '=', 'articles')
    .returning('value')
    .executeTakeFirstOrThrow();
  const last = row.value;
  return Array.from({ length: n }, (_, i) => last - n + 1 + i);
}

type ExistingRow = Pick<
  ArticleTable,
  | 'id'
  | 'content_hash'
  | 'created_at'
  | 'owner_id'
  | 'revision'
  | 'status'
  | 'section_id'
  | 'published_at'
  | 'updated_at'
  | 'scheduled_at'
  | 'district_id'
  | 'breaking'
  | 'edition'
>;

async function existingRows(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, ExistingRow>> {
  const found = new Map<number, ExistingRow>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('articles')
      .select([
        'id',
        'content_hash',
        'created_at',
        'owner_id',
        'revision',
        'status',
        'section_id',
        'published_at',
        'updated_at',
        'scheduled_at',
        'district_id',
        'breaking',
        'edition',
      ])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.id, r);
  }
  return found;
}

/** What readers saw of the articles about to be updated, with their tags and bylines. */
async function listingsBefore(db: Kysely<Database>, rows: readonly ExistingRow[]): Promise<Map<number, ReturnType<typeof listingOf>>> {
  const out = new Map<number, ReturnType<typeof listingOf>>();
  if (!rows.length) return out;
  const ids = rows.map((r) => r.id);
  const tags = await db.selectFrom('article_tags').select(['article_id', 'tag_id']).where('article_id', 'in', ids).orderBy('position').execute();
  const people = await db.selectFrom('article_people').select(['article_id', 'person_id']).where('article_id', 'in', ids).orderBy('position').execute();
  for (const row of rows) {
    out.set(
      row.id,
      listingOf(
        row,
        tags.filter((t) => t.article_id === row.id).map((t) => t.tag_id),
        people.filter((p) => p.article_id === row.id).map((p) => p.person_id),
      ),
    );
  }
  return out;
}

/** The bylines, tags and revisions of the articles written, replacing an updated article's links. */
async function writeLinksAndRevisions(
  db: Kysely<Database>,
  changes: ReadonlyArray<{ row: ArticleTable; draft: ArticleDraft; personIds: number[]; tagIds: number[] }>,
  updatedIds: readonly number[],
  now: string,
): Promise<void> {
  if (updatedIds.length) {
    await db
      .deleteFrom('article_people')
      .where('article_id', 'in', [...updatedIds])
      .execute();
    await db
      .deleteFrom('article_tags')
      .where('article_id', 'in', [...updatedIds])
      .execute();
  }
  const people = changes.flatMap((c) =>
    [...new Set(c.personIds)].map((person_id, position) => ({ article_id: c.row.id, person_id, position, published_at: listedAt(c.row) })),
  );
  const tags = changes.flatMap((c) =>
    [...new Set(c.tagIds)].map((tag_id, position) => ({ article_id: c.row.id, tag_id, position, published_at: listedAt(c.row) })),
  );
  const revisions = changes.map((c) => ({
    article_id: c.row.id,
    number: c.row.revision,
    created_at: now,
    user_id: null,
    action: 'import',
    // The draft's body is already a document (no parsing again), and serialised in the row.
    content: contentJson(contentFromRow(c.row, c.personIds, c.draft.tags, c.draft.body), c.row.body),
  }));
  for (let i = 0; i < people.length; i += CHUNK)
    await db
      .insertInto('article_people')
      .values(people.slice(i, i + CHUNK))
      .execute();
  for (let i = 0; i < tags.length; i += CHUNK)
    await db
      .insertInto('article_tags')
      .values(tags.slice(i, i + CHUNK))
      .execute();
  for (let i = 0; i < revisions.length; i += CHUNK)
    await db
      .insertInto('revisions')
      .values(revisions.slice(i, i + CHUNK))
      .execute();
}

/** The draft's content as the newsroom holds it, with its section, people and image resolved. */
function contentOf(draft: ArticleDraft, sectionId: number, people: readonly Person[], imageId: number | null): ArticleContent {
  return {
    sectionId,
    kicker: draft.kicker,
    headline: draft.headline,
    subheadline: draft.subheadline,
    summary: draft.summary,
    body: draft.body,
    byline: { kind: BYLINE_KINDS[draft.byline.kind], personIds: people.map((p) => p.id) },
    districtId: draft.districtId,
    edition: draft.edition,
    printPage: draft.printPage,
    breaking: draft.breaking,
    imageId,
    imageCaption: draft.image?.caption ?? null,
    imageCredit: draft.image?.credit ?? null,
    imageAlt: draft.image?.alt ?? null,
    tags: draft.tags,
  };
}

/** The workflow state an import sets is the row's already. */
function sameState(old: ExistingRow, draft: ArticleDraft): boolean {
  return old.status === draft.status && old.published_at === draft.publishedAt && old.updated_at === draft.updatedAt && old.scheduled_at === draft.scheduledAt;
}

const BYLINE_KINDS = { desk: 'desk', authors: 'reporters', correspondent: 'correspondent', agency: 'agency' } as const;

async function ensureSection(db: Kysely<Database>, path: string, now: string, known: KnownNames, names?: Record<string, string>): Promise<Section> {
  const seen = known.sections.get(path);
  if (seen) return seen;
  const existing = await findSectionByPath(db, path);
  if (existing) return known.remember(known.sections, path, existing);
  const created = await ensureSectionPath(db, path, now, names);
  known.remember(known.createdSections, path, created);
  return known.remember(known.sections, path, created);
}

async function ensureTags(db: Kysely<Database>, names: readonly string[], now: string, known: KnownNames): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) ids.push(known.tags.get(name) ?? known.remember(known.tags, name, (await ensureTag(db, name, now)).id));
  return [...new Set(ids)];
}

async function ensureByline(db: Kysely<Database>, byline: BylineInput, ctx: WriteContext, known: KnownNames): Promise<Person[]> {
  const key = JSON.stringify(byline);
  const found = known.people.get(key);
  if (found) return found;
  return known.remember(known.people, key, await resolveByline(db, byline, ctx));
}

async function resolveByline(db: Kysely<Database>, byline: BylineInput, ctx: WriteContext): Promise<Person[]> {
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
      const district = ctx.districtNames.get(byline.districtId) ?? null;
      const label = correspondentLabel(byline.place, district) ?? 'প্রতিনিধি';
      if (byline.name === null) {
        const existing = await findCorrespondent(db, byline.place, byline.districtId);
        if (existing) return [existing];
      }
      const input = { kind: 'correspondent' as const, name: byline.name ?? label, place: byline.place, districtId: byline.districtId };
      return [await ensurePerson(db, input, ctx.now)];
    }
  }
}
