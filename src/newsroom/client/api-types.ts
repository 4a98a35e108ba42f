// The shapes of docs/admin-api.md, as the app reads and sends them: imported from the server's
// own types and zod schemas (type-only imports, erased from the bundle), never copied, so the app
// and the server cannot drift apart.
import type { z } from 'zod';
import type { Doc } from '../../content/document/document-types.ts';
import type { ArticleStatus, BylineKind, PersonKind, Role, UserTable } from '../../db/schema.ts';
import type { articleInputSchema } from '../../content/articles/article-input.schema.ts';
import type { NewsroomArticle } from '../../content/articles/newsroom-article.ts';
import type { ArticleListItem, Desk, RevisionChange, RevisionEntry } from '../../content/articles/article.service.ts';
import type { ImageView } from '../../content/media/image-view.ts';
import type { SiteSettings } from '../../content/settings/settings.service.ts';
import type { CommentSettings } from '../../engage/comments/comment-settings.ts';
import type { QueuedComment } from '../../engage/comments/comment.service.ts';
import type { PublicUser } from '../user.repository.ts';
import type { PersonBody, PersonPatch } from '../manage.routes.ts';
import type { WebhookView } from '../../webhooks/webhook.repository.ts';
import type { DeliveryView } from '../../webhooks/webhook.service.ts';
import type { WebhookEventType } from '../../webhooks/webhook-events.ts';
import type { MissedLinkView, RedirectView } from '../answers.ts';
import type { AuditEntryView, DistrictView, PersonView, PreviewLinkView, SectionView, TagView, TokenView } from '../answers.ts';

export type { ArticleStatus, BylineKind, CommentSettings, Desk, PersonBody, PersonKind, PersonPatch, QueuedComment, Role };
export type Locale = UserTable['locale'];
export type User = PublicUser;

export interface Session {
  user: User;
  csrfToken: string;
}

/** An article in the desk and the lists. */
export type Item = ArticleListItem;

/** What the article form sends: the server's input schema, with the body as a document. */
export type ArticleInput = Omit<z.output<typeof articleInputSchema>, 'body'> & { body: Doc };

export type Article = NewsroomArticle;
export type Correction = NewsroomArticle['corrections'][number];
export type Image = ImageView;
export type Revision = RevisionEntry;
export type Change = RevisionChange;
export type Section = SectionView;
export type Person = PersonView;
/** A signed link to an article's preview on the reader site. */
export type PreviewLink = PreviewLinkView;
export type District = DistrictView;
export type Tag = TagView;
export type ApiToken = TokenView;
export type Webhook = WebhookView;
export type WebhookDelivery = DeliveryView;
export type WebhookEvent = WebhookEventType;
/** The events an endpoint can ask for, in the order the form offers them (webhooks/webhook-events.ts). */
export const WEBHOOK_EVENTS: readonly WebhookEvent[] = ['article.published', 'article.updated', 'article.unpublished', 'article.deleted', 'comment.approved'];
export type Settings = SiteSettings;
export type AuditEntry = AuditEntryView;
export type Redirect = RedirectView;
export type MissedLink = MissedLinkView;

export interface HomeSlots {
  lead: Item | null;
  top: Item[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursor pages whose cursor is an id (comments, audit). */
export interface IdPage<T> {
  items: T[];
  nextCursor: number | string | null;
}
