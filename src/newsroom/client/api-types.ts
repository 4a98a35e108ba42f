// The shapes of docs/admin-api.md, as the app reads and sends them.
import type { Doc } from '../../content/document/document-types.ts';

export type Role = 'reporter' | 'sub-editor' | 'editor' | 'admin';
export type Locale = 'bn' | 'en';
export type ArticleStatus = 'draft' | 'submitted' | 'scheduled' | 'published' | 'unpublished';
export type BylineKind = 'desk' | 'reporters' | 'correspondent' | 'agency';

export interface User {
  id: number;
  name: string;
  email: string;
  role: Role;
  locale: Locale;
  disabled: boolean;
  createdAt: string;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Item {
  id: number;
  status: ArticleStatus;
  kicker: string;
  headline: string;
  sectionId: number | null;
  sectionName: string | null;
  ownerId: number;
  ownerName: string;
  modifiedAt: string;
  publishedAt: string | null;
  scheduledAt: string | null;
  breaking: boolean;
}

export interface Desk {
  myDrafts: Item[];
  waitingForReview: Item[];
  scheduled: Item[];
  recentlyPublished: Item[];
}

export interface ArticleInput {
  sectionId: number | null;
  kicker: string;
  headline: string;
  subheadline: string;
  summary: string;
  body: Doc;
  byline: { kind: BylineKind; personIds: number[] };
  districtId: number | null;
  edition: 'online' | 'print';
  printPage: number | null;
  breaking: boolean;
  imageId: number | null;
  imageCaption: string | null;
  imageCredit: string | null;
  imageAlt: string | null;
  tags: string[];
}

export interface Correction {
  id: number;
  text: string;
  createdAt: string;
}

export interface Article extends ArticleInput {
  id: number;
  status: ArticleStatus;
  ownerId: number;
  revision: number;
  createdAt: string;
  modifiedAt: string;
  publishedAt: string | null;
  updatedAt: string | null;
  scheduledAt: string | null;
  corrections: Correction[];
  url: string | null;
  image: Image | null;
}

export interface Image {
  id: number;
  url: string;
  width: number;
  height: number;
  mime: string;
  caption: string;
  credit: string;
  alt: string;
  createdAt: string;
  variants: Array<{ width: number; format: 'webp' | 'jpeg'; url: string }>;
}

export interface Revision {
  number: number;
  createdAt: string;
  userId: number | null;
  userName: string | null;
  action: string;
}

export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

export interface Section {
  id: number;
  parentId: number | null;
  slug: string;
  path: string;
  name: string;
  position: number;
}

export interface Person {
  id: number;
  slug: string;
  name: string;
  kind: BylineKind | string;
  title: string | null;
  place: string | null;
  districtId: number | null;
  label: string;
}

export interface District {
  id: number;
  slug: string;
  name: string;
  divisionId: number;
}

export interface Tag {
  id: number;
  slug: string;
  name: string;
}

export interface ApiToken {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface Settings {
  siteName: string;
  hijriOffset: number;
  timeZone: string;
}

export interface HomeSlots {
  lead: Item | null;
  top: Item[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface QueuedComment {
  id: number;
  articleId: number;
  parentId: number | null;
  name: string;
  body: string;
  status: 'pending' | 'approved' | 'rejected' | 'spam';
  createdAt: string;
  decidedAt: string | null;
  decidedBy: number | null;
  article: { headline: string; url: string | null };
  parentBody: string | null;
}

export interface CommentSettings {
  mode: 'pre' | 'post';
  blockedWords: string[];
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  details: unknown;
}

/** Cursor pages whose cursor is an id (comments, audit). */
export interface IdPage<T> {
  items: T[];
  nextCursor: number | string | null;
}
