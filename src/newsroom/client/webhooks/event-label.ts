import type { MessageKey, Translate } from '../i18n/translate.ts';

const LABELS: Record<string, MessageKey> = {
  'article.published': 'webhooks.type.published',
  'article.updated': 'webhooks.type.updated',
  'article.unpublished': 'webhooks.type.unpublished',
  'article.deleted': 'webhooks.type.deleted',
  'comment.approved': 'webhooks.type.commentApproved',
  ping: 'webhooks.type.ping',
};

/** A webhook event type in the reader's words (an unknown one as sent). */
export function eventLabel(type: string, t: Translate): string {
  const key = LABELS[type];
  return key ? t(key) : type;
}
