import { createHash, createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { CommentStatus, CommentTable, Database } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { nextId } from '../../content/ids.ts';
import { templatesOf } from '../../db/query-template.ts';
import { assertCan, type Actor } from '../../content/permissions.ts';
import { audit } from '../../content/audit.ts';
import { countLinks, duplicateKey, findBlockedWords } from './abuse-fold.ts';
import { loadCommentSettings, saveCommentSettings, type CommentSettings } from './comment-settings.ts';
import type { ContentWriter } from '../../content/events/content-writer.ts';

/** Abuse limits. */
export const COMMENT_LIMITS = {
  perAddress: 5, // comments from one address…
  perAddressWindowMs: 10 * 60 * 1000, // …in ten minutes
  maxLinks: 2,
  duplicateWindowMs: 24 * 60 * 60 * 1000,
};

export const commentInputSchema = z
  .object({
    name: z.string().trim().min(1, 'নাম লিখুন').max(60, 'নাম ৬০ অক্ষরের মধ্যে রাখুন'),
    body: z.string().trim().min(2, 'মন্তব্য লিখুন').max(2000, 'মন্তব্য ২০০০ অক্ষরের মধ্যে রাখুন'),
    parentId: z.number().int().positive().nullable().default(null),
    /** The honeypot: people never see this field; robots fill it. */
    website: z.string().max(500).default(''),
  })
  .strict();

export type CommentInput = z.output<typeof commentInputSchema>;

export interface PublicComment {
  id: number;
  name: string;
  body: string;
  createdAt: string;
  replies: PublicComment[];
}

export interface CommentServiceOptions {
  db: Kysely<Database>;
  clock: Clock;
  secret: string;
  /** Writes that change what readers see (an approved comment) go through it with their event. */
  writer: ContentWriter;
}

/** Reader comments: plain text, one level of replies, moderated, with abuse controls that fold evasions. */
export class CommentService {
  constructor(private readonly o: CommentServiceOptions) {}

  /** Takes a comment: 'pending' (pre-moderation), 'approved' (post-moderation) or silently 'dropped' (honeypot). */
  async post(articleId: number, input: CommentInput, meta: { ip: string }): Promise<{ status: 'pending' | 'approved' | 'dropped'; id?: number }> {
    if (input.website) return { status: 'dropped' };
    const { db } = this.o;
    const now = this.o.clock.now();
    const article = await db.selectFrom('articles').select(['id', 'status']).where('id', '=', articleId).executeTakeFirst();
    if (!article || article.status !== 'published') throw new AppError('NOT_FOUND', 'খবরটি পাওয়া যায়নি');
    const ipHash = createHmac('sha256', this.o.secret).update(meta.ip).digest('hex').slice(0, 32);
    await this.checkRate(db, ipHash, now);
    const settings = await loadCommentSettings(db);
    if (countLinks(input.body) + countLinks(input.name) > COMMENT_LIMITS.maxLinks) {
      throw new AppError('TOO_MANY_LINKS', `একটি মন্তব্যে ${COMMENT_LIMITS.maxLinks}টির বেশি লিংক দেওয়া যায় না`);
    }
    if (findBlockedWords(`${input.name} ${input.body}`, settings.blockedWords).length) {
      throw new AppError('BLOCKED_WORDS', 'মন্তব্যে এমন শব্দ আছে যা এই সাইটে প্রকাশ করা যায় না');
    }
    const bodyKey = createHash('sha256').update(duplicateKey(input.body)).digest('hex');
    const since = new Date(now.getTime() - COMMENT_LIMITS.duplicateWindowMs).toISOString();
    const dup = await db
      .selectFrom('comments')
      .select('id')
      .where('article_id', '=', articleId)
      .where('body_key', '=', bodyKey)
      .where('created_at', '>=', since)
      .executeTakeFirst();
    if (dup) throw new AppError('DUPLICATE_COMMENT', 'একই মন্তব্য আগেই জমা পড়েছে');
    if (input.parentId !== null) await this.checkParent(articleId, input.parentId);
    const status: CommentStatus = settings.mode === 'post' ? 'approved' : 'pending';
    const id = await this.o.writer.write(async (trx, emit) => {
      // nextId locks the comments' sequence row until this commits, so posts pass here one at a
      // time: the count below sees every post committed before it (PostgreSQL reads committed rows
      // afresh for each statement; SQLite writes one at a time). The check above only saves work.
      const id = await nextId(trx, 'comments');
      await this.checkRate(trx, ipHash, now);
      const row: CommentTable = {
        id,
        article_id: articleId,
        parent_id: input.parentId,
        name: input.name,
        body: input.body,
        status,
        ip_hash: ipHash,
        body_key: bodyKey,
        created_at: now.toISOString(),
        decided_at: null,
        decided_by: null,
      };
      await trx.insertInto('comments').values(row).execute();
      if (status === 'approved') {
        emit({ type: 'comments.changed', payload: { articleIds: [articleId] } });
        emit({ type: 'comment.approved', payload: { id, articleId } });
      }
      return id;
    });
    return { status, id };
  }

  /** Approved comments of an article, newest first, each with its approved replies (oldest first). */
  async approved(articleId: number): Promise<PublicComment[]> {
    const { db } = this.o;
    const rows = await templatesOf(db).run('approved-comments', [articleId], ([id]) =>
      db
        .selectFrom('comments')
        .select(['id', 'parent_id', 'name', 'body', 'created_at'])
        .where('article_id', '=', id)
        .where('status', '=', 'approved')
        .orderBy('created_at', 'desc')
        .limit(1000),
    );
    const top = rows
      .filter((r) => r.parent_id === null)
      .map((r) => ({ id: r.id, name: r.name, body: r.body, createdAt: r.created_at, replies: [] as PublicComment[] }));
    for (const r of [...rows].reverse()) {
      const parent = top.find((t) => t.id === r.parent_id);
      parent?.replies.push({ id: r.id, name: r.name, body: r.body, createdAt: r.created_at, replies: [] });
    }
    return top;
  }

  /** The moderation queue with each comment's article. */
  async queue(actor: Actor, filter: { status: CommentStatus; limit: number; before?: number }) {
    assertCan(actor, 'comment.moderate');
    let q = this.o.db
      .selectFrom('comments')
      .innerJoin('articles', 'articles.id', 'comments.article_id')
      .leftJoin('sections', 'sections.id', 'articles.section_id')
      .leftJoin('comments as parent', 'parent.id', 'comments.parent_id')
      .select([
        'comments.id',
        'comments.article_id',
        'comments.parent_id',
        'comments.name',
        'comments.body',
        'comments.status',
        'comments.created_at',
        'comments.decided_at',
        'comments.decided_by',
        'articles.headline',
        'sections.path as section_path',
        'parent.body as parent_body',
      ])
      .where('comments.status', '=', filter.status)
      .orderBy('comments.id', 'desc')
      .limit(filter.limit);
    if (filter.before) q = q.where('comments.id', '<', filter.before);
    const rows = await q.execute();
    return rows.map((r) => ({
      id: r.id,
      articleId: r.article_id,
      parentId: r.parent_id,
      name: r.name,
      body: r.body,
      status: r.status,
      createdAt: r.created_at,
      decidedAt: r.decided_at,
      decidedBy: r.decided_by,
      article: { headline: r.headline, url: r.section_path ? `/${r.section_path}/${r.article_id}` : null },
      parentBody: r.parent_body,
    }));
  }

  /** Approves, rejects or marks spam; every decision is audit-logged. */
  async decide(actor: Actor, ids: number[], decision: 'approve' | 'reject' | 'spam'): Promise<number> {
    assertCan(actor, 'comment.moderate');
    const status: CommentStatus = decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'spam';
    const now = this.o.clock.now().toISOString();
    const articles = new Set<number>();
    await this.o.writer.write(async (trx, emit) => {
      const rows = await trx.selectFrom('comments').select(['id', 'article_id', 'status']).where('id', 'in', ids).execute();
      if (rows.length !== new Set(ids).size) throw new AppError('NOT_FOUND', 'some comments were not found');
      await trx.updateTable('comments').set({ status, decided_at: now, decided_by: actor.userId }).where('id', 'in', ids).execute();
      for (const r of rows) {
        if (r.status === 'approved' || status === 'approved') articles.add(r.article_id);
        if (r.status !== 'approved' && status === 'approved') emit({ type: 'comment.approved', payload: { id: r.id, articleId: r.article_id } });
        await audit(trx, {
          userId: actor.userId,
          action: `comment.${decision}`,
          targetType: 'comment',
          targetId: r.id,
          details: { from: r.status, articleId: r.article_id },
          at: now,
        });
      }
      if (articles.size) emit({ type: 'comments.changed', payload: { articleIds: [...articles] } });
    });
    return ids.length;
  }

  async settings(actor: Actor): Promise<CommentSettings> {
    assertCan(actor, 'comment.moderate');
    return loadCommentSettings(this.o.db);
  }

  async saveSettings(actor: Actor, settings: CommentSettings): Promise<CommentSettings> {
    assertCan(actor, 'comment.moderate');
    const now = this.o.clock.now().toISOString();
    await saveCommentSettings(this.o.db, settings, now);
    await audit(this.o.db, {
      userId: actor.userId,
      action: 'comment.settings',
      targetType: 'settings',
      targetId: 'comments',
      details: { mode: settings.mode, blockedWords: settings.blockedWords.length },
      at: now,
    });
    return settings;
  }

  private async checkRate(db: Kysely<Database>, ipHash: string, now: Date): Promise<void> {
    const since = new Date(now.getTime() - COMMENT_LIMITS.perAddressWindowMs).toISOString();
    const row = await db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('ip_hash', '=', ipHash)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    if (Number(row.n) >= COMMENT_LIMITS.perAddress) {
      throw new AppError('RATE_LIMITED', 'অল্প সময়ে অনেক মন্তব্য এসেছে; কিছুক্ষণ পরে আবার চেষ্টা করুন', {
        retryAfterSeconds: Math.ceil(COMMENT_LIMITS.perAddressWindowMs / 1000),
      });
    }
  }

  private async checkParent(articleId: number, parentId: number): Promise<void> {
    const parent = await this.o.db.selectFrom('comments').select(['article_id', 'parent_id', 'status']).where('id', '=', parentId).executeTakeFirst();
    if (!parent || parent.article_id !== articleId || parent.status !== 'approved')
      throw new AppError('UNPROCESSABLE', 'parentId: no such comment on this article');
    if (parent.parent_id !== null) throw new AppError('UNPROCESSABLE', 'parentId: replies go one level deep');
  }
}

/** A comment in the moderation queue (GET /api/admin/comments). */
export type QueuedComment = Awaited<ReturnType<CommentService['queue']>>[number];
