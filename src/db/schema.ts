/**
 * Table types for Kysely. Times are ISO 8601 UTC strings made by the application
 * (`2023-09-13T10:57:00.000Z`): they sort as text and mean the same on both dialects.
 * Booleans are integers 0/1 on both dialects.
 */
import type { Generated } from 'kysely';

export interface SectionTable {
  id: number;
  parent_id: number | null;
  slug: string;
  path: string;
  name: string;
  position: number;
  created_at: string;
}

export interface DivisionTable {
  id: number;
  slug: string;
  name: string;
}

export interface DistrictTable {
  id: number;
  division_id: number;
  slug: string;
  name: string;
}

export type PersonKind = 'desk' | 'reporter' | 'correspondent' | 'agency';

export interface PersonTable {
  id: number;
  slug: string;
  name: string;
  kind: PersonKind;
  title: string;
  place: string;
  district_id: number | null;
  bio: string;
  created_at: string;
}

export interface TagTable {
  id: number;
  slug: string;
  name: string;
  created_at: string;
}

export interface ImageTable {
  id: number;
  /** Hash of the bytes as received (upload or import). */
  sha256: string;
  /** Hash of the file as stored (re-encoded without metadata). */
  stored_sha256: string | null;
  path: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  caption: string;
  credit: string;
  alt: string;
  created_at: string;
  /** The user who uploaded it; null for imports, the seed and images from before this was kept. */
  uploaded_by?: number | null;
}

export type ArticleStatus = 'draft' | 'submitted' | 'scheduled' | 'published' | 'unpublished';
export type Edition = 'online' | 'print';

export interface ArticleTable {
  id: number;
  /** Null only for a draft whose section is not chosen yet; publishing needs one. */
  section_id: number | null;
  status: ArticleStatus;
  kicker: string;
  headline: string;
  subheadline: string;
  summary: string;
  /** The body as document JSON. */
  body: string;
  image_id: number | null;
  /** Per-article overrides of the image's caption and credit; null means "use the image's". */
  image_caption: string | null;
  image_credit: string | null;
  image_alt: string | null;
  district_id: number | null;
  edition: Edition;
  print_page: number | null;
  breaking: number;
  published_at: string | null;
  updated_at: string | null;
  scheduled_at: string | null;
  created_at: string;
  modified_at: string;
  /** Hash of the article's content as imported or saved: an identical re-import is a no-op. */
  content_hash: string;
  /** The newsroom user who created it (null for imports). */
  owner_id: number | null;
  /** Number of the latest revision; saves must name it (optimistic concurrency). */
  revision: number;
  byline_kind: BylineKind;
}

export type BylineKind = 'desk' | 'reporters' | 'correspondent' | 'agency';
export type Role = 'reporter' | 'sub-editor' | 'editor' | 'admin';

export interface UserTable {
  id: number;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  locale: 'bn' | 'en';
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
}

/** What an API token may do: act in the newsroom API with its role, or read the content API only (a partner's). */
export type TokenScope = 'newsroom' | 'read';

export interface ApiTokenTable {
  id: number;
  token_hash: string;
  name: string;
  /** A `read` token's role is never used (`reporter`, the least). */
  role: Role;
  scope: TokenScope;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
}

export interface LoginFailureTable {
  key: string;
  at: string;
  /** The sign-in attempt that wrote the row (a throttle records before it checks; see AuthService). */
  attempt?: string | null;
}

export interface RevisionTable {
  article_id: number;
  number: number;
  created_at: string;
  user_id: number | null;
  action: string;
  content: string;
}

export interface CorrectionTable {
  id: number;
  article_id: number;
  text: string;
  user_id: number | null;
  created_at: string;
}

export interface AuditLogTable {
  id: number;
  at: string;
  user_id: number | null;
  action: string;
  target_type: string;
  target_id: string;
  details: string;
}

export interface HomeSlotTable {
  slot: number;
  article_id: number;
}

export interface ImageVariantTable {
  image_id: number;
  width: number;
  format: 'avif' | 'webp' | 'jpeg';
  path: string;
  bytes: number;
}

/** One entry of the write path's outbox: appended in the same transaction as the change it describes. */
export interface ContentEventTable {
  id: number;
  at: string;
  /** One of the ContentEvent types (src/content/events/content-event.ts). */
  type: string;
  /** The event's payload as JSON: ids and what changed, never rendered text. */
  payload: string;
}

export interface EventCursorTable {
  name: string;
  last_id: number;
  updated_at: string;
}

export interface LeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface PopularListTable {
  window: string;
  /** Article ids as a JSON array, most read first. */
  ids: string;
  computed_at: string;
}

export interface ArticlePersonTable {
  article_id: number;
  person_id: number;
  position: number;
  /** The article's published_at while it is published, null otherwise (author pages read by it). */
  published_at: string | null;
}

export interface ArticleTagTable {
  article_id: number;
  tag_id: number;
  position: number;
  /** The article's published_at while it is published, null otherwise (tag pages read by it). */
  published_at: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface IdSequenceTable {
  name: string;
  value: number;
}

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam';

export interface CommentTable {
  id: number;
  article_id: number;
  parent_id: number | null;
  name: string;
  body: string;
  status: CommentStatus;
  ip_hash: string;
  body_key: string;
  created_at: string;
  decided_at: string | null;
  decided_by: number | null;
}

export interface ViewCountTable {
  article_id: number;
  hour: string;
  views: number;
}

export interface ViewSeenTable {
  article_id: number;
  reader: string;
  window: string;
}

/** A registered webhook endpoint (docs/webhooks.md). */
export interface WebhookTable {
  id: number;
  url: string;
  description: string;
  /** JSON array of webhook event types. */
  events: string;
  active: number;
  /** Why it is paused when not by hand: 'failing' (24 hours of failed deliveries). */
  paused_reason: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: string | null;
  failing_since: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event (or ping) for one endpoint: the outbox row the sender posts. */
export interface WebhookDeliveryTable {
  id: number;
  webhook_id: number;
  event_id: number | null;
  type: string;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  first_attempt_at: string | null;
  delivered_at: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
}

export interface WebhookAttemptTable {
  id: number;
  delivery_id: number;
  at: string;
  status_code: number | null;
  duration_ms: number;
  response_body: string | null;
  error: string | null;
  redelivery: number;
}

export type RedirectSource = 'wordpress' | 'jsonl' | 'manual';

/** An old link (normal form, lib/old-path.ts) and the article it now is. */
export interface RedirectTable {
  path: string;
  article_id: number;
  source: RedirectSource;
  created_at: string;
}

/** A 404 on an old-looking path, counted; the table keeps the most asked-for ones only. */
export interface RedirectMissTable {
  path: string;
  hits: number;
  first_at: string;
  last_at: string;
}

/** An imported article by where it came from (`wordpress:{site}:{post id}`). */
export interface ImportKeyTable {
  key: string;
  article_id: number;
}

export interface Database {
  sections: SectionTable;
  divisions: DivisionTable;
  districts: DistrictTable;
  people: PersonTable;
  tags: TagTable;
  images: ImageTable;
  articles: ArticleTable;
  article_people: ArticlePersonTable;
  article_tags: ArticleTagTable;
  settings: SettingTable;
  id_sequences: IdSequenceTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_failures: LoginFailureTable;
  revisions: RevisionTable;
  corrections: CorrectionTable;
  audit_log: AuditLogTable;
  home_slots: HomeSlotTable;
  image_variants: ImageVariantTable;
  content_events: ContentEventTable;
  event_cursors: EventCursorTable;
  leases: LeaseTable;
  popular_lists: PopularListTable;
  comments: CommentTable;
  view_counts: ViewCountTable;
  view_seen: ViewSeenTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
  redirects: RedirectTable;
  redirect_misses: RedirectMissTable;
  import_keys: ImportKeyTable;
}

export type { Generated };
