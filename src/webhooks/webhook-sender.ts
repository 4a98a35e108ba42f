import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { nextId } from '../content/ids.ts';
import { postWebhook, type PostOutcome } from './webhook-post.ts';
import { nextAttemptAt, RETRY_FOR_MS } from './webhook-retry.ts';
import { signatureHeader } from './webhook-signature.ts';
import { findWebhook, signingSecrets, type DeliveryRow, type WebhookRow } from './webhook.repository.ts';

export interface WebhookSenderOptions {
  db: Kysely<Database>;
  clock: Clock;
  /** How long a receiver has to answer (ms). */
  timeoutMs?: number;
  /** Endpoints posted to at once (each endpoint's own deliveries go one at a time, in order). */
  concurrency?: number;
  /** Deliveries read per query. */
  batch?: number;
  random?: () => number;
  log?: (error: unknown) => void;
}

/** One try at one delivery, as the log keeps it. */
export interface AttemptResult extends PostOutcome {
  attemptId: number;
  delivered: boolean;
}

const USER_AGENT = 'Prokash-Webhooks/1';

/**
 * Posts due deliveries. It runs as a site job (once for the whole site, under the lease), woken at
 * once when this process adds delivery rows and polling otherwise. Each endpoint's deliveries go
 * one at a time in event order; one that fails is retried later with backoff and does not hold
 * back the ones after it (docs/webhooks.md, Ordering). A delivery is claimed before it is posted,
 * and marked delivered in the same statement that logs its 2xx, so it is never posted again.
 */
export class WebhookSender {
  private running: Promise<number> | undefined;
  private again = false;

  constructor(private readonly o: WebhookSenderOptions) {}

  /**
   * Sends soon what is due: called by the webhook subscriber when it added rows, which only the
   * holder of the site's lease runs (the claim below keeps a lease changing hands harmless).
   */
  wake(): void {
    void this.run().catch((error: unknown) => this.o.log?.(error));
  }

  /** Sends everything due now; resolves with how many tries were made (tests await it). */
  run(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let tries = 0;
      try {
        do tries += await this.pass();
        while (this.wokenMeanwhile());
      } finally {
        this.running = undefined;
      }
      return tries;
    })();
    return this.running;
  }

  /** Whether wake() was called during the last pass (then another pass reads what it added). */
  private wokenMeanwhile(): boolean {
    const again = this.again;
    this.again = false;
    return again;
  }

  private async pass(): Promise<number> {
    let tries = 0;
    for (;;) {
      const due = await this.due();
      if (!due.length) return tries;
      const byEndpoint = new Map<number, DeliveryRow[]>();
      for (const d of due) {
        const lane = byEndpoint.get(d.webhook_id);
        if (lane) lane.push(d);
        else byEndpoint.set(d.webhook_id, [d]);
      }
      const lanes = [...byEndpoint.values()];
      const lanesStopped = { any: false };
      const workers = Array.from({ length: Math.min(this.o.concurrency ?? 4, lanes.length) }, async () => {
        for (let lane = lanes.shift(); lane; lane = lanes.shift()) {
          for (const delivery of lane) {
            if (!(await this.claim(delivery))) continue;
            const result = await this.attempt(delivery, false);
            tries++;
            // An endpoint that just failed is not tried again in this pass: its next deliveries
            // stay due and go at the next poll, one try each, instead of ten seconds per row now.
            if (result && !result.delivered) {
              lanesStopped.any = true;
              break;
            }
          }
        }
      });
      await Promise.all(workers);
      if (lanesStopped.any || due.length < (this.o.batch ?? 100)) return tries;
    }
  }

  /** Pending deliveries whose time has come, of active endpoints, oldest event first. */
  private due(): Promise<DeliveryRow[]> {
    return this.o.db
      .selectFrom('webhook_deliveries')
      .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
      .selectAll('webhook_deliveries')
      .where('webhook_deliveries.status', '=', 'pending')
      .where('webhook_deliveries.next_attempt_at', '<=', this.o.clock.now().toISOString())
      .where('webhooks.active', '=', 1)
      .orderBy('webhook_deliveries.id')
      .limit(this.o.batch ?? 100)
      .execute();
  }

  /**
   * Takes a delivery for one try: its next time is moved past the try's end, so a second sender
   * (two lease holders for a moment) finds it not due, and a crash mid-try brings it back later.
   */
  private async claim(delivery: DeliveryRow): Promise<boolean> {
    const until = new Date(this.o.clock.now().getTime() + (this.o.timeoutMs ?? 10_000) + 60_000).toISOString();
    const result = await this.o.db
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: until })
      .where('id', '=', delivery.id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '=', delivery.next_attempt_at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Posts a delivery once and logs the try. A scheduled try moves the delivery on (delivered, a
   * later try, or failed after 24 hours); a redelivery asked for by an admin is logged as one and
   * marks it delivered on a 2xx, but never reschedules it.
   */
  async attempt(delivery: DeliveryRow, redelivery: boolean): Promise<AttemptResult | undefined> {
    const endpoint = await findWebhook(this.o.db, delivery.webhook_id);
    if (!endpoint) return undefined;
    const now = this.o.clock.now();
    const t = Math.floor(now.getTime() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      'prokash-event': delivery.type,
      'prokash-delivery': String(delivery.id),
      'prokash-signature': signatureHeader(signingSecrets(endpoint, now.toISOString()), t, delivery.body),
    };
    const outcome = await postWebhook(endpoint.url, headers, delivery.body, this.o.timeoutMs ?? 10_000);
    return this.record(endpoint, delivery, outcome, redelivery);
  }

  private async record(endpoint: WebhookRow, delivery: DeliveryRow, outcome: PostOutcome, redelivery: boolean): Promise<AttemptResult> {
    const now = this.o.clock.now();
    const at = now.toISOString();
    const delivered = outcome.error === null;
    const firstAt = delivery.first_attempt_at ?? at;
    return this.o.db.transaction().execute(async (trx) => {
      const attemptId = await nextId(trx, 'webhook_attempts');
      await trx
        .insertInto('webhook_attempts')
        .values({
          id: attemptId,
          delivery_id: delivery.id,
          at,
          status_code: outcome.statusCode,
          duration_ms: outcome.durationMs,
          response_body: outcome.body,
          error: outcome.error,
          redelivery: redelivery ? 1 : 0,
        })
        .execute();
      const base = { attempts: delivery.attempts + 1, first_attempt_at: firstAt, last_status: outcome.statusCode, last_error: outcome.error };
      if (delivered) {
        await trx
          .updateTable('webhook_deliveries')
          .set({ ...base, status: 'delivered', delivered_at: at, next_attempt_at: null })
          .where('id', '=', delivery.id)
          .execute();
      } else if (!redelivery) {
        const next = nextAttemptAt(Date.parse(firstAt), now.getTime(), delivery.attempts + 1, (this.o.random ?? Math.random)());
        const moved = next === undefined ? { status: 'failed' as const, next_attempt_at: null } : { next_attempt_at: new Date(next).toISOString() };
        await trx
          .updateTable('webhook_deliveries')
          .set({ ...base, ...moved })
          .where('id', '=', delivery.id)
          .execute();
      } else {
        await trx.updateTable('webhook_deliveries').set({ last_status: outcome.statusCode, last_error: outcome.error }).where('id', '=', delivery.id).execute();
      }
      await this.endpointHealth(trx, endpoint.id, delivered, now);
      return { ...outcome, attemptId, delivered };
    });
  }

  /** A 2xx clears an endpoint's failing mark; 24 hours of nothing but failures pause it. */
  private async endpointHealth(trx: Kysely<Database>, id: number, delivered: boolean, now: Date): Promise<void> {
    const at = now.toISOString();
    if (delivered) {
      await trx.updateTable('webhooks').set({ failing_since: null }).where('id', '=', id).where('failing_since', 'is not', null).execute();
      return;
    }
    await trx.updateTable('webhooks').set({ failing_since: at }).where('id', '=', id).where('failing_since', 'is', null).execute();
    const pauseBefore = new Date(now.getTime() - RETRY_FOR_MS).toISOString();
    await trx
      .updateTable('webhooks')
      .set({ active: 0, paused_reason: 'failing', updated_at: at })
      .where('id', '=', id)
      .where('active', '=', 1)
      .where('failing_since', '<=', pauseBefore)
      .execute();
  }

  /** Drops attempts older than `before` (ISO UTC), and the finished deliveries no attempt is left of. */
  async prune(before: string): Promise<number> {
    const { db } = this.o;
    const result = await db.deleteFrom('webhook_attempts').where('at', '<', before).executeTakeFirst();
    await db
      .deleteFrom('webhook_deliveries')
      .where('status', '!=', 'pending')
      .where('created_at', '<', before)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('webhook_attempts').select('id').whereRef('webhook_attempts.delivery_id', '=', 'webhook_deliveries.id'))))
      .execute();
    return Number(result.numDeletedRows);
  }
}
