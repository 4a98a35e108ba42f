import { articleRow } from './article-row.ts';
import type { Kysely } from 'kysely';
import type { ArticleStatus, ArticleTable, Database } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { documentFromBodyInput, documentToPlainText, DocumentError } from '../document/index.ts';
import { nextId } from '../ids.ts';
import { assertCan, can, type Actor } from '../permissions.ts';
import { audit } from '../audit.ts';
import type { ArticleContent } from './article-content.ts';
import type { ArticleInput } from './article-input.schema.ts';
import { replaceBylineAndTags } from './byline-and-tags.ts';
import { addRevision, findRevision, listRevisions } from './revision.repository.ts';
import { contentFromRow, type NewsroomArticle } from './newsroom-article.ts';
import { diffContent } from './content-diff.ts';
import { checkReferences } from './check-references.ts';
import { imageViews } from '../media/image-view.ts';
import { findImagesByIds } from '../media/image.repository.ts';
import type { ContentWriter, Emit } from '../events/content-writer.ts';
import type { ArticleListing } from '../events/content-event.ts';
import { listedAt, listingOf, readListing, syncListedAt } from './article-listing.ts';
import { listArticles, type ArticleListFilter } from './article-list.ts';
import type { ArticleListItem } from './article-list-item.ts';
import { listSections } from '../sections/section.repository.ts';
import { SectionTree } from '../sections/section-tree.ts';

export { listItemOf, listItemQuery, type ArticleListItem } from './article-list-item.ts';

/** What a newsroom list asks for: one section (its sub-sections come with it) instead of their ids. */
export type ArticleListRequest = Omit<ArticleListFilter, 'sectionIds' | 'visibleTo'> & { sectionId?: number };

export interface ArticleServiceOptions {
  db: Kysely<Database>;
  clock: Clock;
  /** Every write goes through it: the change and its event in one transaction. */
  writer: ContentWriter;
}

/** The newsroom's article actions: create, save, workflow, revisions. Every one checks the actor's role. */
export class ArticleService {
  private readonly db: Kysely<Database>;
  private readonly clock: Clock;
  private readonly writer: ContentWriter;

  constructor(options: ArticleServiceOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.writer = options.writer;
  }

  async create(actor: Actor, input: ArticleInput): Promise<NewsroomArticle> {
    assertCan(actor, 'article.create');
    const content = await this.toContent(input);
    const now = this.now();
    const id = await this.writer.write(async (trx, emit) => {
      const newId = await nextId(trx, 'articles');
      const row = articleRow(newId, content, { status: 'draft', owner_id: actor.userId, created_at: now, modified_at: now, revision: 1 });
      await trx.insertInto('articles').values(row).execute();
      const tagIds = await replaceBylineAndTags(trx, newId, content.byline.personIds, content.tags, now, null);
      await addRevision(trx, newId, 1, content, { userId: actor.userId, action: 'create', at: now });
      emit({ type: 'article.created', payload: { id: newId, before: null, after: listingOf(row, tagIds, content.byline.personIds) } });
      return newId;
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: number): Promise<NewsroomArticle> {
    const row = await this.rowOrThrow(id);
    assertCan(actor, 'article.read', ref(row));
    return this.view(row);
  }

  /** Saves new content; `revision` must be the current one, or 409 CONFLICT. */
  async save(
    actor: Actor,
    id: number,
    input: ArticleInput,
    revision: number,
    significantUpdate: boolean,
    /** The revision being restored, when this save restores one. */
    restoredFrom?: number,
  ): Promise<NewsroomArticle> {
    const content = await this.toContent(input);
    const now = this.now();
    await this.writer.write(async (trx, emit) => {
      const row = await this.rowOrThrow(id, trx);
      assertCan(actor, 'article.edit', ref(row));
      const conflict = () => new AppError('CONFLICT', `the article was saved by someone else (revision ${row.revision}, yours ${revision}); reload it`);
      if (row.revision !== revision) throw conflict();
      if (row.status === 'published' || row.status === 'scheduled') this.requirePublishable(content);
      const before = await readListing(trx, row);
      const next = row.revision + 1;
      const updatedAt = significantUpdate && row.status === 'published' ? now : row.updated_at;
      const fields = articleRow(id, content, { ...row, modified_at: now, revision: next, updated_at: updatedAt });
      const { id: _id, ...changes } = fields;
      // Compare-and-set on the revision: of two saves racing from the same revision one wins.
      const result = await trx.updateTable('articles').set(changes).where('id', '=', id).where('revision', '=', revision).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw conflict();
      const tagIds = await replaceBylineAndTags(trx, id, content.byline.personIds, content.tags, now, listedAt(fields));
      const kind = restoredFrom !== undefined ? 'restore' : significantUpdate ? 'update-significant' : 'save';
      await addRevision(trx, id, next, content, { userId: actor.userId, action: kind, at: now });
      if (restoredFrom !== undefined) {
        await audit(trx, {
          userId: actor.userId,
          action: 'article.restore',
          targetType: 'article',
          targetId: id,
          details: { restored: restoredFrom, revision: next },
          at: now,
        });
      }
      const after = listingOf(fields, tagIds, content.byline.personIds);
      emit({ type: 'article.updated', payload: { id, before, after, significant: updatedAt !== row.updated_at } });
    });
    return this.get(actor, id);
  }

  async submit(actor: Actor, id: number): Promise<NewsroomArticle> {
    return this.transition(actor, id, 'article.submit', ['draft'], async (row, now) => ({ status: 'submitted', modified_at: now }));
  }

  async publish(actor: Actor, id: number): Promise<NewsroomArticle> {
    return this.transition(actor, id, 'article.publish', ['draft', 'submitted', 'scheduled', 'unpublished'], async (row, now, trx) => {
      this.requirePublishable(contentFromRow(row, await this.personIds(id, trx), []));
      return { status: 'published', published_at: row.published_at ?? now, scheduled_at: null, modified_at: now };
    });
  }

  async schedule(actor: Actor, id: number, at: Date): Promise<NewsroomArticle> {
    if (Number.isNaN(at.getTime()) || at.getTime() <= this.clock.now().getTime()) {
      throw new AppError('UNPROCESSABLE', 'the scheduled time must be in the future');
    }
    return this.transition(actor, id, 'article.schedule', ['draft', 'submitted', 'scheduled', 'unpublished'], async (row, now, trx) => {
      this.requirePublishable(contentFromRow(row, await this.personIds(id, trx), []));
      return { status: 'scheduled', scheduled_at: at.toISOString(), modified_at: now };
    });
  }

  async unpublish(actor: Actor, id: number): Promise<NewsroomArticle> {
    return this.transition(actor, id, 'article.unpublish', ['published', 'scheduled'], async (_row, now) => ({
      status: 'unpublished',
      scheduled_at: null,
      modified_at: now,
    }));
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const row = await this.rowOrThrow(id);
    assertCan(actor, 'article.delete', ref(row));
    const now = this.now();
    await this.writer.write(async (trx, emit) => {
      const before = await readListing(trx, row);
      await trx.deleteFrom('home_slots').where('article_id', '=', id).execute();
      await trx.deleteFrom('corrections').where('article_id', '=', id).execute();
      await trx.deleteFrom('article_people').where('article_id', '=', id).execute();
      await trx.deleteFrom('article_tags').where('article_id', '=', id).execute();
      await trx.deleteFrom('articles').where('id', '=', id).execute();
      await audit(trx, { userId: actor.userId, action: 'article.delete', targetType: 'article', targetId: id, details: { headline: row.headline }, at: now });
      emit({ type: 'article.deleted', payload: { id, before, after: null } });
    });
  }

  /** A public, dated correction note (সংশোধনী). */
  async addCorrection(actor: Actor, id: number, text: string): Promise<NewsroomArticle> {
    const row = await this.rowOrThrow(id);
    assertCan(actor, 'article.correct', ref(row));
    const now = this.now();
    await this.writer.write(async (trx, emit) => {
      await trx
        .insertInto('corrections')
        .values({ id: await nextId(trx, 'corrections'), article_id: id, text, user_id: actor.userId, created_at: now })
        .execute();
      await audit(trx, { userId: actor.userId, action: 'article.correct', targetType: 'article', targetId: id, details: { text }, at: now });
      const listing = await readListing(trx, row);
      emit({ type: 'article.corrected', payload: { id, before: listing, after: listing } });
    });
    return this.get(actor, id);
  }

  async revisions(actor: Actor, id: number) {
    assertCan(actor, 'article.read', ref(await this.rowOrThrow(id)));
    return (await listRevisions(this.db, id)).map((r) => ({
      number: r.number,
      createdAt: r.created_at,
      userId: r.user_id,
      userName: r.user_name,
      action: r.action,
    }));
  }

  async revision(actor: Actor, id: number, number: number) {
    assertCan(actor, 'article.read', ref(await this.rowOrThrow(id)));
    const r = await findRevision(this.db, id, number);
    if (!r) throw new AppError('NOT_FOUND', `revision ${number} not found`);
    return { number: r.number, createdAt: r.created_at, userId: r.user_id, userName: r.user_name, action: r.action, content: r.content };
  }

  async diff(actor: Actor, id: number, from: number, to: number) {
    const [a, b] = [await this.revision(actor, id, from), await this.revision(actor, id, to)];
    return diffContent(a.content, b.content);
  }

  /** Saves an old revision's content as the newest revision. */
  async restore(actor: Actor, id: number, number: number): Promise<NewsroomArticle> {
    const row = await this.rowOrThrow(id);
    assertCan(actor, 'article.restore', ref(row));
    const old = await this.revision(actor, id, number);
    return this.save(actor, id, { ...old.content }, row.revision, false, number);
  }

  /** Publishes every scheduled article whose time has come; each exactly once, whichever process gets there. */
  async publishDue(): Promise<number[]> {
    const now = this.now();
    const due = await this.db
      .selectFrom('articles')
      .select(['id', 'scheduled_at'])
      .where('status', '=', 'scheduled')
      .where('scheduled_at', '<=', now)
      .limit(100)
      .execute();
    const published: number[] = [];
    for (const { id, scheduled_at } of due) {
      // The status condition makes this a compare-and-set: only one process sees a row updated.
      const won = await this.writer.write(async (trx, emit) => {
        const result = await trx
          .updateTable('articles')
          .set((eb) => ({
            status: 'published',
            published_at: eb.fn.coalesce('published_at', eb.val(scheduled_at ?? now)),
            scheduled_at: null,
            modified_at: now,
          }))
          .where('id', '=', id)
          .where('status', '=', 'scheduled')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await audit(trx, { userId: null, action: 'article.publish', targetType: 'article', targetId: id, details: { scheduledFor: scheduled_at }, at: now });
        const row = await this.rowOrThrow(id, trx);
        await syncListedAt(trx, id, listedAt(row));
        const after = await readListing(trx, row);
        emit({ type: 'article.published', payload: { id, before: { ...after, status: 'scheduled' }, after, scheduled: true } });
        return true;
      });
      if (won) published.push(id);
    }
    return published;
  }

  /**
   * Articles for the newsroom's lists, newest first by the list's time (article-list.ts); a section
   * includes its sub-sections; reporters see their own only.
   */
  async list(actor: Actor, filter: ArticleListRequest): Promise<ArticleListItem[]> {
    const { sectionId, ...rest } = filter;
    const sectionIds = sectionId === undefined ? undefined : await this.sectionSubtree(sectionId);
    const visibleTo = can(actor, 'article.list-all') ? undefined : (actor.userId ?? -1);
    return listArticles(this.db, { ...rest, sectionIds, visibleTo });
  }

  /** A section's id and its sub-sections' (a small table, read whole); just the id when there is no such section. */
  private async sectionSubtree(id: number): Promise<number[]> {
    const tree = new SectionTree(await listSections(this.db));
    const node = tree.byIdOrUndefined(id);
    return node ? tree.subtreeIds(node) : [id];
  }

  /** The desk view: my drafts, waiting for review, scheduled, recently published. */
  async desk(actor: Actor) {
    const limit = 20;
    const mine = actor.userId === null ? [] : await this.list(actor, { ownerId: actor.userId, status: 'draft', limit });
    return {
      myDrafts: mine,
      waitingForReview: await this.list(actor, { status: 'submitted', limit }),
      scheduled: await this.list(actor, { status: 'scheduled', limit }),
      recentlyPublished: await this.list(actor, { status: 'published', limit }),
    };
  }

  private async transition(
    actor: Actor,
    id: number,
    action: 'article.submit' | 'article.publish' | 'article.schedule' | 'article.unpublish',
    from: ArticleStatus[],
    change: (row: ArticleTable, now: string, trx: Kysely<Database>) => Promise<Partial<ArticleTable>>,
  ): Promise<NewsroomArticle> {
    const now = this.now();
    await this.writer.write(async (trx, emit) => {
      const row = await this.rowOrThrow(id, trx);
      assertCan(actor, action, ref(row));
      const refused = () => new AppError('INVALID_TRANSITION', `cannot ${action.split('.')[1]} an article that is ${row.status}`);
      if (!from.includes(row.status)) throw refused();
      const set = await change(row, now, trx);
      // Compare-and-set on the status: of two editors acting at once on one article, one acts.
      const result = await trx.updateTable('articles').set(set).where('id', '=', id).where('status', '=', row.status).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw refused();
      if (action !== 'article.submit') {
        await audit(trx, {
          userId: actor.userId,
          action,
          targetType: 'article',
          targetId: id,
          details: { from: row.status, scheduledAt: set.scheduled_at ?? null },
          at: now,
        });
      }
      const before = await readListing(trx, row);
      const next = { ...row, ...set };
      if (listedAt(next) !== listedAt(row)) await syncListedAt(trx, id, listedAt(next));
      emit(transitionEvent(action, id, before, listingOf(next, before.tagIds, before.personIds), next.scheduled_at));
    });
    return this.get(actor, id);
  }

  private requirePublishable(content: ArticleContent): void {
    const missing: string[] = [];
    if (!content.sectionId) missing.push('section');
    if (!content.headline) missing.push('headline');
    if (!documentToPlainText(content.body).trim()) missing.push('body');
    if (!content.byline.personIds.length) missing.push('byline');
    if (content.edition === 'print' && !content.printPage) missing.push('print page');
    if (missing.length) throw new AppError('INVALID_TRANSITION', `cannot publish without: ${missing.join(', ')}`, { missing });
  }

  private async toContent(input: ArticleInput): Promise<ArticleContent> {
    let body;
    try {
      body = documentFromBodyInput(input.body);
    } catch (error) {
      if (error instanceof DocumentError) throw new AppError('INVALID_DOCUMENT', `body: ${error.message}`, error.details);
      throw error;
    }
    const content: ArticleContent = { ...input, body, tags: [...new Set(input.tags)] };
    await checkReferences(this.db, content);
    return content;
  }

  private async view(row: ArticleTable): Promise<NewsroomArticle> {
    const personIds = await this.personIds(row.id);
    const tags = await this.db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select('tags.name')
      .where('article_tags.article_id', '=', row.id)
      .orderBy('article_tags.position')
      .execute();
    const corrections = await this.db
      .selectFrom('corrections')
      .select(['id', 'text', 'created_at'])
      .where('article_id', '=', row.id)
      .orderBy('created_at')
      .execute();
    const section =
      row.section_id === null ? undefined : await this.db.selectFrom('sections').select('path').where('id', '=', row.section_id).executeTakeFirst();
    return {
      ...contentFromRow(
        row,
        personIds,
        tags.map((t) => t.name),
      ),
      id: row.id,
      status: row.status,
      ownerId: row.owner_id,
      revision: row.revision,
      createdAt: row.created_at,
      modifiedAt: row.modified_at,
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
      scheduledAt: row.scheduled_at,
      corrections: corrections.map((c) => ({ id: c.id, text: c.text, createdAt: c.created_at })),
      url: section && row.status === 'published' ? `/${section.path}/${row.id}` : null,
      image: row.image_id === null ? null : ((await imageViews(this.db, await findImagesByIds(this.db, [row.image_id])))[0] ?? null),
    };
  }

  private async personIds(id: number, db: Kysely<Database> = this.db): Promise<number[]> {
    const rows = await db.selectFrom('article_people').select('person_id').where('article_id', '=', id).orderBy('position').execute();
    return rows.map((r) => r.person_id);
  }

  private async rowOrThrow(id: number, db: Kysely<Database> = this.db): Promise<ArticleTable> {
    const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `article ${id} not found`);
    return row;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

const ref = (row: ArticleTable) => ({ ownerId: row.owner_id, status: row.status });

function transitionEvent(
  action: 'article.submit' | 'article.publish' | 'article.schedule' | 'article.unpublish',
  id: number,
  before: ArticleListing,
  after: ArticleListing,
  scheduledAt: string | null,
): Parameters<Emit>[0] {
  const change = { id, before, after };
  switch (action) {
    case 'article.submit':
      return { type: 'article.submitted', payload: change };
    case 'article.publish':
      return { type: 'article.published', payload: { ...change, scheduled: false } };
    case 'article.schedule':
      return { type: 'article.scheduled', payload: { ...change, at: scheduledAt ?? '' } };
    case 'article.unpublish':
      return { type: 'article.unpublished', payload: change };
  }
}

/** The desk: my drafts, waiting for review, scheduled, recently published. */
export type Desk = Awaited<ReturnType<ArticleService['desk']>>;
/** One entry of an article's revision history. */
export type RevisionEntry = Awaited<ReturnType<ArticleService['revisions']>>[number];
/** One field that differs between two revisions. */
export type RevisionChange = Awaited<ReturnType<ArticleService['diff']>>[number];
