import { isListed, type LoggedEvent } from '../content/events/content-event.ts';

/** What an endpoint can ask to be told of (docs/webhooks.md). */
export const WEBHOOK_EVENT_TYPES = ['article.published', 'article.updated', 'article.unpublished', 'article.deleted', 'comment.approved'] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** A test delivery sent from the newsroom app; endpoints always receive it when asked. */
export const PING = 'ping';

/** The content event types the webhook subscriber reads. */
export const WEBHOOK_SOURCE_TYPES = [
  'article.published',
  'article.updated',
  'article.corrected',
  'article.unpublished',
  'article.deleted',
  'comment.approved',
] as const;

/**
 * The webhook event a content event makes, if any. Only what readers could see counts: saving a
 * draft, deleting one that was never published or publishing with a date still to come tells
 * partners nothing. A correction is an update of the public article.
 */
export function webhookTypeFor(event: LoggedEvent): WebhookEventType | undefined {
  switch (event.type) {
    case 'article.published':
      return isListed(event.payload.after) ? 'article.published' : undefined;
    case 'article.updated':
    case 'article.corrected':
      return isListed(event.payload.before) && isListed(event.payload.after) ? 'article.updated' : undefined;
    case 'article.unpublished':
      return isListed(event.payload.before) ? 'article.unpublished' : undefined;
    case 'article.deleted':
      // Public once (taken down since, or not): a partner may still hold it.
      return event.payload.before?.publishedAt ? 'article.deleted' : undefined;
    case 'comment.approved':
      return 'comment.approved';
    default:
      return undefined;
  }
}
