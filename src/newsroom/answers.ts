// The shapes the admin API answers with, as zod schemas: each endpoint declares its answer with
// them, /api/docs shows them, and the test suite checks every answer against its declaration
// (`checkAnswers`). Each schema is typed by the server type it describes, or is itself where the
// type comes from (the views built in the route files), so the two cannot drift.
import { z } from 'zod';
import type { Doc } from '../content/document/document-types.ts';
import type { NewsroomArticle } from '../content/articles/newsroom-article.ts';
import type { ArticleListItem, Desk, RevisionChange, RevisionEntry } from '../content/articles/article.service.ts';
import type { ImageView } from '../content/media/image-view.ts';
import type { PublicUser } from './user.repository.ts';
import type { QueuedComment } from '../engage/comments/comment.service.ts';

const time = z.string();
const status = z.enum(['draft', 'submitted', 'scheduled', 'published', 'unpublished']);
const role = z.enum(['reporter', 'sub-editor', 'editor', 'admin']);
const personKind = z.enum(['desk', 'reporter', 'correspondent', 'agency']);

export const imageAnswer: z.ZodType<ImageView> = z.object({
  id: z.number().int(),
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  mime: z.string(),
  caption: z.string(),
  credit: z.string(),
  alt: z.string(),
  createdAt: time,
  variants: z.array(z.object({ width: z.number().int(), format: z.enum(['avif', 'webp', 'jpeg']), url: z.string() })),
});

// The body was validated as a document when it was stored; here it is only an object.
const doc = z.custom<Doc>((value) => typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'doc');

export const articleAnswer: z.ZodType<NewsroomArticle> = z.object({
  id: z.number().int(),
  status,
  ownerId: z.number().int().nullable(),
  revision: z.number().int(),
  createdAt: time,
  modifiedAt: time,
  publishedAt: time.nullable(),
  updatedAt: time.nullable(),
  scheduledAt: time.nullable(),
  corrections: z.array(z.object({ id: z.number().int(), text: z.string(), createdAt: time })),
  url: z.string().nullable(),
  image: imageAnswer.nullable(),
  sectionId: z.number().int().nullable(),
  kicker: z.string(),
  headline: z.string(),
  subheadline: z.string(),
  summary: z.string(),
  body: doc,
  byline: z.object({ kind: z.enum(['desk', 'reporters', 'correspondent', 'agency']), personIds: z.array(z.number().int()) }),
  districtId: z.number().int().nullable(),
  edition: z.enum(['online', 'print']),
  printPage: z.number().int().nullable(),
  breaking: z.boolean(),
  imageId: z.number().int().nullable(),
  imageCaption: z.string().nullable(),
  imageCredit: z.string().nullable(),
  imageAlt: z.string().nullable(),
  tags: z.array(z.string()),
});

export const listItemAnswer: z.ZodType<ArticleListItem> = z.object({
  id: z.number().int(),
  status,
  kicker: z.string(),
  headline: z.string(),
  sectionId: z.number().int().nullable(),
  sectionName: z.string(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string(),
  modifiedAt: time,
  publishedAt: time.nullable(),
  scheduledAt: time.nullable(),
  breaking: z.boolean(),
});

export const deskAnswer: z.ZodType<Desk> = z.object({
  myDrafts: z.array(listItemAnswer),
  waitingForReview: z.array(listItemAnswer),
  scheduled: z.array(listItemAnswer),
  recentlyPublished: z.array(listItemAnswer),
});

export const revisionEntryAnswer: z.ZodType<RevisionEntry> = z.object({
  number: z.number().int(),
  createdAt: time,
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
});

/** One revision with its content as it was saved (the article's input fields). */
export const revisionAnswer = z.object({
  number: z.number().int(),
  createdAt: time,
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  content: z.looseObject({}),
});

export const changeAnswer: z.ZodType<RevisionChange> = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

export const sectionAnswer = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  slug: z.string(),
  path: z.string(),
  name: z.string(),
  position: z.number().int(),
});

export const personAnswer = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  kind: personKind,
  title: z.string(),
  place: z.string(),
  districtId: z.number().int().nullable(),
  label: z.string(),
  /** How many published articles name them (only when asked for: `GET /people?counts=true`). */
  articles: z.number().int().optional(),
});

/** A signed link to an article's preview on the reader site (`POST /articles/:id/preview-link`). */
export const previewLinkAnswer = z.object({
  /** `/preview/{id}?t={token}`. */
  path: z.string(),
  /** The same on the site's public address (`siteUrl`). */
  url: z.string(),
  expiresAt: time,
  /** How long a link opens the preview (hours). */
  hours: z.number().int(),
});

export const districtAnswer = z.object({ id: z.number().int(), slug: z.string(), name: z.string(), divisionId: z.number().int() });
export const tagAnswer = z.object({ id: z.number().int(), slug: z.string(), name: z.string() });

export const auditEntryAnswer = z.object({
  id: z.number().int(),
  at: time,
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  details: z.unknown(),
});

export const userAnswer: z.ZodType<PublicUser> = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  role,
  locale: z.enum(['bn', 'en']),
  disabled: z.boolean(),
  createdAt: time,
});

/** An API token: a newsroom token acts with its role; a `read` token (a partner's) has none and reads the content API only. */
export const tokenAnswer = z.object({
  id: z.number().int(),
  name: z.string(),
  scope: z.enum(['newsroom', 'read']),
  role: role.nullable(),
  createdAt: time,
  lastUsedAt: time.nullable(),
});
/** A token just made: its secret is shown this once. */
export const newTokenAnswer = z.object({ token: tokenAnswer, secret: z.string() });

/** GET /api/admin/health: this process's subscribers, jobs, page cache, route map and memory. */
export const healthAnswer = z.object({
  pid: z.number().int(),
  ok: z.boolean(),
  subscribers: z.array(
    z.object({
      name: z.string(),
      scope: z.enum(['process', 'shared']),
      active: z.boolean(),
      applied: z.number().int(),
      head: z.number().int(),
      failing: z.object({ since: time, attempts: z.number().int(), error: z.string(), retryInMs: z.number() }).optional(),
    }),
  ),
  jobs: z.object({ held: z.boolean() }),
  pageCache: z.looseObject({}),
  searchCache: z.looseObject({}),
  routeMap: z.object({ articles: z.number().int() }),
  memory: z.object({
    rssBytes: z.number(),
    heapUsedBytes: z.number(),
    heapTotalBytes: z.number(),
    externalBytes: z.number(),
    arrayBuffersBytes: z.number(),
  }),
});

export const homeAnswer = z.object({ lead: listItemAnswer.nullable(), top: z.array(listItemAnswer) });

/** `{items, nextCursor}`: a page of a list. */
export const pageOf = <T extends z.ZodType>(item: T, cursor: z.ZodType = z.union([z.string(), z.number()]).nullable()) =>
  z.object({ items: z.array(item), nextCursor: cursor });
/** `{items}`: a whole list. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export type SectionView = z.infer<typeof sectionAnswer>;
export type PersonView = z.infer<typeof personAnswer>;
export type PreviewLinkView = z.infer<typeof previewLinkAnswer>;
export type DistrictView = z.infer<typeof districtAnswer>;
export type TagView = z.infer<typeof tagAnswer>;
export type AuditEntryView = z.infer<typeof auditEntryAnswer>;
export type TokenView = z.infer<typeof tokenAnswer>;

export const queuedCommentAnswer: z.ZodType<QueuedComment> = z.object({
  id: z.number().int(),
  articleId: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'spam']),
  createdAt: time,
  decidedAt: time.nullable(),
  decidedBy: z.number().int().nullable(),
  article: z.object({ headline: z.string(), url: z.string().nullable() }),
  parentBody: z.string().nullable(),
});

export const decidedAnswer = z.object({ decided: z.number().int() });

/** A signed-in session; a bearer token has no user, only its role. */
export const sessionAnswer = z.union([z.object({ user: userAnswer, csrfToken: z.string() }), z.object({ user: z.null(), role, csrfToken: z.null() })]);

export const redirectAnswer = z.object({
  path: z.string(),
  articleId: z.number().int(),
  source: z.enum(['wordpress', 'jsonl', 'manual']),
  createdAt: time,
  /** Where the old link leads now (the article's canonical path), or null while the article is not public (the link answers 404). */
  target: z.string().nullable(),
  headline: z.string().nullable(),
});
export const missedLinkAnswer = z.object({ path: z.string(), hits: z.number().int(), firstAt: time, lastAt: time });
export type RedirectView = z.infer<typeof redirectAnswer>;
export type MissedLinkView = z.infer<typeof missedLinkAnswer>;
