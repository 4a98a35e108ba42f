import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { assertCan, type Actor } from '../content/permissions.ts';
import { audit } from '../content/audit.ts';
import { nextId } from '../content/ids.ts';
import { PING, type WebhookEventType } from './webhook-events.ts';
import { newWebhookSecret } from './webhook-signature.ts';
import { webhookUrlProblem } from './webhook-url.ts';
import type { WebhookOutbox } from './webhook-outbox.ts';
import type { AttemptResult, WebhookSender } from './webhook-sender.ts';
import { attemptsOf, deliveryPage, findDelivery, findWebhook, listWebhooks, webhookView, type DeliveryRow, type WebhookView } from './webhook.repository.ts';

/** How long the secret before a rotation still signs deliveries (ms). */
export const ROTATION_OVERLAP_MS = 24 * 3600_000;

export interface WebhookInput {
  url: string;
  events: WebhookEventType[];
  active: boolean;
  description: string;
}

/** One try at a delivery, as the app shows it. */
export interface AttemptView {
  id: number;
  at: string;
  statusCode: number | null;
  durationMs: number;
  responseBody: string | null;
  error: string | null;
  redelivery: boolean;
}

/** A delivery with every try made at it. */
export interface DeliveryView {
  id: number;
  eventId: number | null;
  type: string;
  status: DeliveryRow['status'];
  attempts: AttemptView[];
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface WebhookServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  outbox: WebhookOutbox;
  sender: WebhookSender;
}

/** Registering endpoints, rotating their secrets, reading their delivery logs: admins only. */
export class WebhookService {
  constructor(private readonly deps: WebhookServiceDeps) {}

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  async list(actor: Actor): Promise<WebhookView[]> {
    assertCan(actor, 'webhook.manage');
    return (await listWebhooks(this.deps.db)).map(webhookView);
  }

  /** Registers an endpoint; its secret is in the answer this once. */
  async create(actor: Actor, input: WebhookInput): Promise<{ webhook: WebhookView; secret: string }> {
    assertCan(actor, 'webhook.manage');
    checkUrl(input.url);
    const { db } = this.deps;
    const secret = newWebhookSecret();
    const now = this.now();
    const id = await db.transaction().execute(async (trx) => {
      const id = await nextId(trx, 'webhooks');
      await trx
        .insertInto('webhooks')
        .values({
          id,
          url: input.url,
          description: input.description,
          events: JSON.stringify(input.events),
          active: input.active ? 1 : 0,
          paused_reason: null,
          secret,
          previous_secret: null,
          previous_secret_until: null,
          failing_since: null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await audit(trx, { userId: actor.userId, action: 'webhook.create', targetType: 'webhook', targetId: id, details: { url: input.url }, at: now });
      return id;
    });
    return { webhook: webhookView((await findWebhook(db, id))!), secret };
  }

  /** Changes what is sent where; turning an endpoint on again clears an automatic pause. */
  async update(actor: Actor, id: number, patch: Partial<WebhookInput>): Promise<WebhookView> {
    assertCan(actor, 'webhook.manage');
    if (patch.url !== undefined) checkUrl(patch.url);
    const { db } = this.deps;
    await this.findOrThrow(id);
    const now = this.now();
    await db
      .updateTable('webhooks')
      .set({
        ...(patch.url !== undefined ? { url: patch.url } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.events !== undefined ? { events: JSON.stringify(patch.events) } : {}),
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0, paused_reason: null, failing_since: null } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await audit(db, { userId: actor.userId, action: 'webhook.update', targetType: 'webhook', targetId: id, details: { fields: Object.keys(patch) }, at: now });
    if (patch.active) this.deps.sender.wake();
    return webhookView((await findWebhook(db, id))!);
  }

  /** Removes an endpoint with its deliveries and their log. */
  async remove(actor: Actor, id: number): Promise<void> {
    assertCan(actor, 'webhook.manage');
    const row = await this.findOrThrow(id);
    await this.deps.db.transaction().execute(async (trx) => {
      const deliveries = trx.selectFrom('webhook_deliveries').select('id').where('webhook_id', '=', id);
      await trx.deleteFrom('webhook_attempts').where('delivery_id', 'in', deliveries).execute();
      await trx.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
      await trx.deleteFrom('webhooks').where('id', '=', id).execute();
      await audit(trx, { userId: actor.userId, action: 'webhook.delete', targetType: 'webhook', targetId: id, details: { url: row.url }, at: this.now() });
    });
  }

  /** A new secret, shown this once; the old one signs as well for 24 hours (two `v1=`). */
  async rotate(actor: Actor, id: number): Promise<{ webhook: WebhookView; secret: string }> {
    assertCan(actor, 'webhook.manage');
    const row = await this.findOrThrow(id);
    const now = this.deps.clock.now();
    const secret = newWebhookSecret();
    await this.deps.db
      .updateTable('webhooks')
      .set({
        secret,
        previous_secret: row.secret,
        previous_secret_until: new Date(now.getTime() + ROTATION_OVERLAP_MS).toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await audit(this.deps.db, { userId: actor.userId, action: 'webhook.rotate', targetType: 'webhook', targetId: id, at: now.toISOString() });
    return { webhook: webhookView((await findWebhook(this.deps.db, id))!), secret };
  }

  /** An endpoint's deliveries, newest first, a page at a time (`next` is the cursor for `before`). */
  async deliveries(actor: Actor, id: number, page: { limit: number; before?: number }): Promise<{ items: DeliveryView[]; next: number | null }> {
    assertCan(actor, 'webhook.manage');
    await this.findOrThrow(id);
    const rows = await deliveryPage(this.deps.db, id, page.limit, page.before);
    const items = await this.views(rows);
    return { items, next: rows.length === page.limit ? rows.at(-1)!.id : null };
  }

  /** Posts a delivery again at once (logged as a redelivery), whatever became of it before. */
  async redeliver(actor: Actor, id: number, deliveryId: number): Promise<DeliveryView> {
    assertCan(actor, 'webhook.manage');
    await this.findOrThrow(id);
    const delivery = await findDelivery(this.deps.db, id, deliveryId);
    if (!delivery) throw new AppError('NOT_FOUND', `delivery ${deliveryId} of webhook ${id} not found`);
    await this.send(delivery, true);
    return this.viewOf(id, deliveryId);
  }

  /** Sends a `ping` now, logged with the endpoint's deliveries. */
  async ping(actor: Actor, id: number): Promise<DeliveryView> {
    assertCan(actor, 'webhook.manage');
    await this.findOrThrow(id);
    const { db } = this.deps;
    const now = this.now();
    const deliveryId = await nextId(db, 'webhook_deliveries');
    const row: DeliveryRow = {
      id: deliveryId,
      webhook_id: id,
      event_id: null,
      type: PING,
      body: this.deps.outbox.pingBody(),
      // Not left for the sender: a ping is tried once, here, and never retried.
      status: 'failed',
      attempts: 0,
      next_attempt_at: null,
      first_attempt_at: null,
      delivered_at: null,
      last_status: null,
      last_error: null,
      created_at: now,
    };
    await db.insertInto('webhook_deliveries').values(row).execute();
    await this.send(row, true);
    return this.viewOf(id, deliveryId);
  }

  private async send(delivery: DeliveryRow, redelivery: boolean): Promise<AttemptResult | undefined> {
    return this.deps.sender.attempt(delivery, redelivery);
  }

  private async viewOf(id: number, deliveryId: number): Promise<DeliveryView> {
    const [view] = await this.views([(await findDelivery(this.deps.db, id, deliveryId))!]);
    return view!;
  }

  private async views(rows: DeliveryRow[]): Promise<DeliveryView[]> {
    const attempts = await attemptsOf(
      this.deps.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      type: r.type,
      status: r.status,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
      deliveredAt: r.delivered_at,
      createdAt: r.created_at,
      attempts: attempts
        .filter((a) => a.delivery_id === r.id)
        .map((a) => ({
          id: a.id,
          at: a.at,
          statusCode: a.status_code,
          durationMs: a.duration_ms,
          responseBody: a.response_body,
          error: a.error,
          redelivery: a.redelivery === 1,
        })),
    }));
  }

  private async findOrThrow(id: number) {
    const row = await findWebhook(this.deps.db, id);
    if (!row) throw new AppError('NOT_FOUND', `webhook ${id} not found`);
    return row;
  }
}

function checkUrl(url: string): void {
  const problem = webhookUrlProblem(url);
  if (problem) throw new AppError('WEBHOOK_URL_INVALID', problem, [{ path: 'url', message: problem }]);
}
