import type { Kysely, Selectable } from 'kysely';
import type { Database, WebhookAttemptTable, WebhookDeliveryTable, WebhookTable } from '../db/schema.ts';
import type { WebhookEventType } from './webhook-events.ts';

export type WebhookRow = Selectable<WebhookTable>;
export type DeliveryRow = Selectable<WebhookDeliveryTable>;
export type AttemptRow = Selectable<WebhookAttemptTable>;

/** An endpoint as the admin API shows it: never its secret. */
export interface WebhookView {
  id: number;
  url: string;
  description: string;
  events: WebhookEventType[];
  active: boolean;
  /** 'failing' when it was paused because its deliveries failed for 24 hours straight. */
  pausedReason: 'failing' | null;
  failingSince: string | null;
  /** Until when deliveries are signed with the secret before the last rotation as well. */
  previousSecretUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export function webhookView(row: WebhookRow): WebhookView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: JSON.parse(row.events) as WebhookEventType[],
    active: row.active === 1,
    pausedReason: row.paused_reason === 'failing' ? 'failing' : null,
    failingSince: row.failing_since,
    previousSecretUntil: row.previous_secret_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findWebhook(db: Kysely<Database>, id: number): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listWebhooks(db: Kysely<Database>): Promise<WebhookRow[]> {
  return db.selectFrom('webhooks').selectAll().orderBy('id').execute();
}

/** The active endpoints, for the outbox (a site has a handful). */
export function activeWebhooks(db: Kysely<Database>): Promise<WebhookRow[]> {
  return db.selectFrom('webhooks').selectAll().where('active', '=', 1).orderBy('id').execute();
}

/** The secrets a delivery is signed with at `now`: the current one, and the one before it during a rotation. */
export function signingSecrets(row: WebhookRow, now: string): string[] {
  return row.previous_secret && row.previous_secret_until && row.previous_secret_until > now ? [row.secret, row.previous_secret] : [row.secret];
}

export function findDelivery(db: Kysely<Database>, webhookId: number, id: number): Promise<DeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).where('webhook_id', '=', webhookId).executeTakeFirst();
}

/** One page of an endpoint's deliveries, newest first, before the delivery id `before`. */
export function deliveryPage(db: Kysely<Database>, webhookId: number, limit: number, before?: number): Promise<DeliveryRow[]> {
  let query = db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('id', 'desc').limit(limit);
  if (before !== undefined) query = query.where('id', '<', before);
  return query.execute();
}

/** The attempts at these deliveries, oldest first. */
export async function attemptsOf(db: Kysely<Database>, deliveryIds: readonly number[]): Promise<AttemptRow[]> {
  if (!deliveryIds.length) return [];
  return db.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', deliveryIds).orderBy('delivery_id').orderBy('id').execute();
}
