import type { ArticleStatus, Edition } from '../../db/schema.ts';

/**
 * What readers could see of an article at one moment: enough to name every page that lists it
 * (its section and the sections above, its tags, people and district, the day it was published).
 */
export interface ArticleListing {
  status: ArticleStatus;
  sectionId: number | null;
  publishedAt: string | null;
  tagIds: number[];
  personIds: number[];
  districtId: number | null;
  breaking: boolean;
  edition: Edition;
}

/** An article before and after one change (null before a create, null after a delete). */
export interface ArticleChange {
  id: number;
  before: ArticleListing | null;
  after: ArticleListing | null;
}

/**
 * Every event a write can append, by type, with its payload: ids and what changed, never
 * rendered text. Payloads are stored as JSON; a type's shape changes only by adding fields.
 */
export interface ContentEventPayloads {
  'article.created': ArticleChange;
  /** Content saved (or an old revision restored); `significant` when readers see it as আপডেট. */
  'article.updated': ArticleChange & { significant: boolean };
  'article.submitted': ArticleChange;
  /** Published by an editor, or by the schedule when its time came (`scheduled`). */
  'article.published': ArticleChange & { scheduled: boolean };
  'article.scheduled': ArticleChange & { at: string };
  'article.unpublished': ArticleChange;
  'article.corrected': ArticleChange;
  'article.deleted': ArticleChange;
  /** Written by `prokash import` (created or updated). */
  'article.imported': ArticleChange;
  /** Comments became visible or stopped being visible on these articles. */
  'comments.changed': { articleIds: number[] };
  /** A comment became visible (approved by a moderator, or posted under post-moderation). */
  'comment.approved': { id: number; articleId: number };
  'section.changed': { id: number };
  'person.changed': { id: number };
  /** An image's caption, credit or alt text changed; these public articles show it. */
  'image.changed': { id: number; articleIds: number[] };
  'home.curated': { articleIds: number[] };
  'settings.changed': { keys: string[] };
  /** Old links added or pointed elsewhere (`set`) and taken away (`removed`), paths in normal form. */
  'redirects.changed': { set: Array<{ path: string; articleId: number }>; removed: string[] };
  /** The জনপ্রিয় lists were recomputed (read them from popular_lists). */
  'popular.changed': Record<string, never>;
}

export type ContentEventType = keyof ContentEventPayloads;

/** An event about to be appended. */
export type ContentEvent = { [T in ContentEventType]: { type: T; payload: ContentEventPayloads[T] } }[ContentEventType];

/** An event as the log holds it. */
export type LoggedEvent = ContentEvent & { id: number; at: string };

export const ARTICLE_EVENT_TYPES = [
  'article.created',
  'article.updated',
  'article.submitted',
  'article.published',
  'article.scheduled',
  'article.unpublished',
  'article.corrected',
  'article.deleted',
  'article.imported',
] as const satisfies readonly ContentEventType[];

export type ArticleEventType = (typeof ARTICLE_EVENT_TYPES)[number];
export type ArticleEvent = Extract<LoggedEvent, { type: ArticleEventType }>;

export const CONTENT_EVENT_TYPES: readonly ContentEventType[] = [
  ...ARTICLE_EVENT_TYPES,
  'comments.changed',
  'comment.approved',
  'section.changed',
  'person.changed',
  'image.changed',
  'home.curated',
  'settings.changed',
  'popular.changed',
  'redirects.changed',
];

export function isArticleEvent(event: LoggedEvent): event is ArticleEvent {
  return (ARTICLE_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** True when readers can see an article in this state at `now` (ISO UTC). */
export function isPublicAt(listing: ArticleListing | null, now: string): boolean {
  return !!listing && listing.status === 'published' && listing.publishedAt !== null && listing.publishedAt <= now;
}

/** True when readers see it now or will without another write (published with a future date). */
export function isListed(listing: ArticleListing | null): listing is ArticleListing {
  return !!listing && listing.status === 'published' && listing.publishedAt !== null;
}
