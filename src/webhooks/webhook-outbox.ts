import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import type { LoggedEvent } from '../content/events/content-event.ts';
import type { ContentReader } from '../content/content-reader.ts';
import type { PublicComment } from '../engage/comments/comment.service.ts';
import { nextId } from '../content/ids.ts';
import { publicArticleAnswers } from '../api/article-answers.ts';
import { webhookTypeFor, type WebhookEventType } from './webhook-events.ts';
import { activeWebhooks } from './webhook.repository.ts';

export interface WebhookOutboxDeps {
  db: Kysely<Database>;
  clock: Clock;
  reader: ContentReader;
  /** An article's approved comments (the public comments API's list). */
  comments: (articleId: number) => Promise<PublicComment[]>;
  siteUrl: string;
}

/** The JSON a receiver gets (docs/webhooks.md). */
export interface WebhookPayload {
  /** The content event's id: the same on every retry and redelivery; 0 for a ping. */
  id: number;
  type: WebhookEventType | 'ping';
  /** When the event happened (ISO UTC). */
  createdAt: string;
  data: Record<string, unknown>;
}

/**
 * Turns content events into deliveries: one row per (event, endpoint that wants its type), made
 * at most once (a unique index on the pair), so an event read again after a crash makes none.
 * The body is built here, once per event, and frozen in the row: every try sends the same bytes.
 */
export class WebhookOutbox {
  private readonly answers: ReturnType<typeof publicArticleAnswers>;

  constructor(private readonly deps: WebhookOutboxDeps) {
    this.answers = publicArticleAnswers(deps.siteUrl);
  }

  /** Adds the deliveries these events make; returns how many rows were new. */
  async add(events: readonly LoggedEvent[]): Promise<number> {
    const relevant = events.flatMap((event) => {
      const type = webhookTypeFor(event);
      return type ? [{ event, type }] : [];
    });
    if (!relevant.length) return 0;
    const endpoints = await activeWebhooks(this.deps.db);
    let added = 0;
    for (const { event, type } of relevant) {
      const wanting = endpoints.filter((w) => (JSON.parse(w.events) as string[]).includes(type));
      if (!wanting.length) continue;
      const body = JSON.stringify({ id: event.id, type, createdAt: event.at, data: await this.data(event, type) } satisfies WebhookPayload);
      for (const endpoint of wanting) added += await this.insert(endpoint.id, event.id, type, body);
    }
    return added;
  }

  /** A ping's body: no event, just proof that the endpoint and its secret work. */
  pingBody(): string {
    const now = this.deps.clock.now().toISOString();
    return JSON.stringify({ id: 0, type: 'ping', createdAt: now, data: { site: this.deps.siteUrl } } satisfies WebhookPayload);
  }

  private async insert(webhookId: number, eventId: number, type: string, body: string): Promise<number> {
    const { db } = this.deps;
    const id = await nextId(db, 'webhook_deliveries');
    const result = await db
      .insertInto('webhook_deliveries')
      .values({
        id,
        webhook_id: webhookId,
        event_id: eventId,
        type,
        body,
        status: 'pending',
        attempts: 0,
        next_attempt_at: this.deps.clock.now().toISOString(),
        first_attempt_at: null,
        delivered_at: null,
        last_status: null,
        last_error: null,
        created_at: this.deps.clock.now().toISOString(),
      })
      .onConflict((oc) => oc.columns(['event_id', 'webhook_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n);
  }

  /**
   * What the event is about, in the content API's shapes: the public article (as it is when the
   * delivery is made, normally within a second of the event); for an unpublished article the
   * article as it stands; for a deleted one only its id and the address it had.
   */
  private async data(event: LoggedEvent, type: WebhookEventType): Promise<Record<string, unknown>> {
    const { reader } = this.deps;
    const tree = await reader.sections();
    if (event.type === 'comment.approved') {
      const { id, articleId } = event.payload;
      const found = await reader.article(tree, articleId);
      const comment = (await this.deps.comments(articleId)).flatMap((c) => [c, ...c.replies]).find((c) => c.id === id);
      return {
        comment: comment ? { id, articleId, name: comment.name, body: comment.body, createdAt: comment.createdAt } : { id, articleId },
        article: found ? this.answers.summary(found) : { id: articleId },
      };
    }
    if (!('before' in event.payload)) return {};
    const articleId = event.payload.id;
    if (type === 'article.deleted') {
      const sectionId = event.payload.before?.sectionId;
      const path = sectionId ? tree.byIdOrUndefined(sectionId)?.path : undefined;
      return { article: { id: articleId, url: path ? `${this.deps.siteUrl}/${path}/${articleId}` : null } };
    }
    if (type === 'article.unpublished') {
      const preview = await reader.preview(tree, articleId);
      return { article: preview ? this.answers.article(preview.article) : { id: articleId } };
    }
    const found = await reader.article(tree, articleId);
    return { article: found ? this.answers.article(found) : { id: articleId } };
  }
}
