import { z } from 'zod';
import { idParams, MAX_ID } from '../lib/parse-input.ts';
import { adminEndpoint } from './newsroom-endpoint.ts';
import { WEBHOOK_EVENT_TYPES } from '../webhooks/webhook-events.ts';
import { MAX_WEBHOOK_URL } from '../webhooks/webhook-url.ts';
import type { WebhookService } from '../webhooks/webhook.service.ts';

const events = z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length);
// The URL's own rules (scheme, no credentials) answer WEBHOOK_URL_INVALID from the service.
const url = z.string().trim().min(1).max(MAX_WEBHOOK_URL);
const description = z.string().trim().max(300);
const createBody = z.object({ url, events, active: z.boolean().default(true), description: description.default('') }).strict();
const patchBody = z.object({ url: url.optional(), events: events.optional(), active: z.boolean().optional(), description: description.optional() }).strict();
const deliveryParams = z.object({ id: idParams.shape.id, deliveryId: z.coerce.number().int().positive().max(MAX_ID) });
const pageQuery = z
  .object({ before: z.coerce.number().int().positive().max(MAX_ID).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) })
  .strict();

const webhookAnswer = z.object({
  id: z.number().int(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  active: z.boolean(),
  pausedReason: z.enum(['failing']).nullable(),
  failingSince: z.string().nullable(),
  previousSecretUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const attemptAnswer = z.object({
  id: z.number().int(),
  at: z.string(),
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int(),
  responseBody: z.string().nullable(),
  error: z.string().nullable(),
  redelivery: z.boolean(),
});
const deliveryAnswer = z.object({
  id: z.number().int(),
  eventId: z.number().int().nullable(),
  type: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.array(attemptAnswer),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
const withSecret = z.object({ webhook: webhookAnswer, secret: z.string() });

/** `/api/admin/webhooks`: endpoints, their secrets and their delivery logs (admins; docs/webhooks.md). */
export function webhookEndpoints(service: WebhookService) {
  const access = { can: 'webhook.manage' } as const;
  return [
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/webhooks',
      summary: 'Every webhook endpoint (never its secret)',
      access,
      response: z.object({ items: z.array(webhookAnswer) }),
      handle: async ({ actor }) => ({ items: await service.list(actor) }),
    }),
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/webhooks',
      summary: 'Registers a webhook endpoint; its signing secret is in this answer only',
      access,
      body: createBody,
      status: 201,
      response: withSecret,
      handle: ({ actor, body }) => service.create(actor, body),
    }),
    adminEndpoint({
      method: 'PATCH',
      path: '/api/admin/webhooks/:id',
      summary: "Changes an endpoint's URL, events, description, or pauses and resumes it",
      access,
      params: idParams,
      body: patchBody,
      response: z.object({ webhook: webhookAnswer }),
      handle: async ({ actor, params, body }) => ({ webhook: await service.update(actor, params.id, body) }),
    }),
    adminEndpoint({
      method: 'DELETE',
      path: '/api/admin/webhooks/:id',
      summary: 'Removes an endpoint with its delivery log',
      access,
      params: idParams,
      status: 204,
      handle: async ({ actor, params }) => {
        await service.remove(actor, params.id);
      },
    }),
    ...deliveryEndpoints(service),
  ];
}

function deliveryEndpoints(service: WebhookService) {
  const access = { can: 'webhook.manage' } as const;
  return [
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/webhooks/:id/rotate-secret',
      summary: 'Makes a new signing secret, shown this once; the old one also signs for 24 hours',
      access,
      params: idParams,
      response: withSecret,
      handle: ({ actor, params }) => service.rotate(actor, params.id),
    }),
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/webhooks/:id/ping',
      summary: 'Sends a test `ping` now and answers with its logged try',
      access,
      params: idParams,
      response: z.object({ delivery: deliveryAnswer }),
      handle: async ({ actor, params }) => ({ delivery: await service.ping(actor, params.id) }),
    }),
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/webhooks/:id/deliveries',
      summary: "An endpoint's deliveries with every try, newest first; `next` is the cursor for `before`",
      access,
      params: idParams,
      query: pageQuery,
      response: z.object({ items: z.array(deliveryAnswer), next: z.number().int().nullable() }),
      handle: ({ actor, params, query }) => service.deliveries(actor, params.id, query),
    }),
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/webhooks/:id/deliveries/:deliveryId/redeliver',
      summary: 'Posts a delivery again now (logged as a redelivery)',
      access,
      params: deliveryParams,
      response: z.object({ delivery: deliveryAnswer }),
      handle: async ({ actor, params }) => ({ delivery: await service.redeliver(actor, params.id, params.deliveryId) }),
    }),
  ];
}
