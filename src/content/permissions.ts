import type { ArticleStatus, Role } from '../db/schema.ts';
import { AppError } from '../lib/errors.ts';

export const ROLES: readonly Role[] = ['reporter', 'sub-editor', 'editor', 'admin'];

/** Everything a newsroom actor can try; routes, the CLI and the app all go through `assertCan`. */
export type Action =
  | 'article.create'
  | 'article.read'
  | 'article.edit'
  | 'article.submit'
  | 'article.publish'
  | 'article.schedule'
  | 'article.unpublish'
  | 'article.delete'
  | 'article.correct'
  | 'article.restore'
  | 'article.list-all'
  | 'home.curate'
  | 'media.upload'
  | 'media.edit'
  | 'taxonomy.read'
  | 'section.manage'
  | 'person.manage'
  | 'user.manage'
  | 'token.manage'
  | 'settings.manage'
  | 'audit.read'
  | 'webhook.manage'
  | 'comment.moderate'
  | 'redirect.manage';

const RANK: Record<Role, number> = { reporter: 0, 'sub-editor': 1, editor: 2, admin: 3 };

/** The least role that may take each action (before the ownership rules below). */
const MINIMUM: Record<Action, Role> = {
  'article.create': 'reporter',
  'article.read': 'reporter',
  'article.edit': 'reporter',
  'article.submit': 'reporter',
  'article.publish': 'editor',
  'article.schedule': 'editor',
  'article.unpublish': 'editor',
  'article.delete': 'editor',
  'article.correct': 'editor',
  'article.restore': 'reporter',
  'article.list-all': 'sub-editor',
  'home.curate': 'editor',
  'media.upload': 'reporter',
  'media.edit': 'reporter',
  'taxonomy.read': 'reporter',
  'section.manage': 'admin',
  // Desks, reporters and correspondents come and go with the news: an editor adds and edits them.
  'person.manage': 'editor',
  'user.manage': 'admin',
  'token.manage': 'admin',
  'settings.manage': 'admin',
  'audit.read': 'admin',
  'webhook.manage': 'admin',
  'comment.moderate': 'sub-editor',
  // Old links point readers at articles: the editors who publish them keep them.
  'redirect.manage': 'editor',
};

/** Who is acting: a signed-in user, or an API token with a role of its own. */
export interface Actor {
  role: Role;
  userId: number | null;
  name: string;
}

/** The article an action is about, for the ownership rules. */
export interface ArticleRef {
  ownerId: number | null;
  status: ArticleStatus;
}

/** Whether the actor may take the action (on this article, when it is about one). */
export function can(actor: Actor, action: Action, article?: ArticleRef): boolean {
  if (RANK[actor.role] < RANK[MINIMUM[action]]) return false;
  // A reporter's work is their own drafts: an API token with that role is nobody, so it could only
  // write a draft no one may read back. Refused before anything is written.
  if (action === 'article.create' && actor.userId === null) return RANK[actor.role] >= RANK['sub-editor'];
  if (!article) return true;
  // Changing what readers read, or will read at a time an editor set, is an editor's call
  // (docs/admin-api.md, Roles).
  const rewrites = action === 'article.edit' || action === 'article.restore';
  if (rewrites && (article.status === 'published' || article.status === 'scheduled')) return RANK[actor.role] >= RANK.editor;
  if (RANK[actor.role] >= RANK['sub-editor']) return true;
  // A reporter works on their own articles only, and only until they hand them in.
  const own = article.ownerId !== null && article.ownerId === actor.userId;
  if (action === 'article.read') return own;
  if (action === 'article.edit' || action === 'article.submit' || action === 'article.restore') return own && article.status === 'draft';
  return own;
}

/** The image an edit of its words is about, for the ownership rule. */
export interface ImageRef {
  uploaderId: number | null;
  /** Whether a published or scheduled article shows it. */
  onPublicArticle: boolean;
}

/**
 * Whether the actor may change an image's caption, credit or alt text: sub-editors and above any
 * image; a reporter only an image they uploaded that no published or scheduled article shows
 * (what readers see under a photo is edited like the article's own text).
 */
export function canEditImage(actor: Actor, image: ImageRef): boolean {
  if (!can(actor, 'media.edit')) return false;
  if (RANK[actor.role] >= RANK['sub-editor']) return true;
  return image.uploaderId !== null && image.uploaderId === actor.userId && !image.onPublicArticle;
}

/** Throws 403 FORBIDDEN unless `can`. */
export function assertCan(actor: Actor, action: Action, article?: ArticleRef): void {
  if (!can(actor, action, article)) throw new AppError('FORBIDDEN', `your role (${actor.role}) may not ${action.replace('.', ' ')}`);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
