import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import type { ContentReader } from '../content/content-reader.ts';
import type { SiteJob } from '../content/jobs/site-jobs.ts';
import type { PublicComment } from '../engage/comments/comment.service.ts';
import { WebhookOutbox } from './webhook-outbox.ts';
import { WebhookSender } from './webhook-sender.ts';
import { WebhookService } from './webhook.service.ts';

/** How long tries are kept in the log (ms). */
export const ATTEMPTS_KEPT_MS = 30 * 24 * 3600_000;

export interface WebhooksDeps {
  db: Kysely<Database>;
  clock: Clock;
  reader: ContentReader;
  comments: (articleId: number) => Promise<PublicComment[]>;
  siteUrl: string;
  /** How long a receiver has to answer (ms; 10 s unless a test says otherwise). */
  timeoutMs?: number;
  /** How often due deliveries and retries are looked for when nothing woke the sender (ms). */
  pollMs?: number;
  log?: (error: unknown) => void;
}

export interface Webhooks {
  outbox: WebhookOutbox;
  sender: WebhookSender;
  service: WebhookService;
  /** The site jobs: sending what is due, and pruning the log. */
  jobs: SiteJob[];
}

/** The webhook pieces, wired: the outbox the subscriber fills, the sender, the admin service. */
export function createWebhooks(deps: WebhooksDeps): Webhooks {
  const { db, clock } = deps;
  const outbox = new WebhookOutbox({ db, clock, reader: deps.reader, comments: deps.comments, siteUrl: deps.siteUrl });
  const sender = new WebhookSender({ db, clock, timeoutMs: deps.timeoutMs, log: deps.log });
  const service = new WebhookService({ db, clock, outbox, sender });
  const jobs: SiteJob[] = [
    { name: 'webhook-deliveries', everyMs: deps.pollMs ?? 1000, run: () => sender.run() },
    { name: 'webhook-prune', everyMs: 3600_000, run: () => sender.prune(new Date(clock.now().getTime() - ATTEMPTS_KEPT_MS).toISOString()) },
  ];
  return { outbox, sender, service, jobs };
}
