// What the app offers each role (docs/admin-api.md "Roles"). The server enforces the same rules;
// this only hides buttons a user could not use.
import type { ArticleStatus, Role } from './api-types.ts';

const RANK: Record<Role, number> = { reporter: 0, 'sub-editor': 1, editor: 2, admin: 3 };

export type Action =
  | 'publish'
  | 'schedule'
  | 'unpublish'
  | 'delete'
  | 'correct'
  | 'curateHome'
  | 'manageUsers'
  | 'manageTokens'
  | 'editSettings'
  | 'moderate'
  | 'manageSections'
  | 'managePeople'
  | 'readAudit';

const LEAST_ROLE: Record<Action, Role> = {
  publish: 'editor',
  schedule: 'editor',
  unpublish: 'editor',
  delete: 'editor',
  correct: 'editor',
  curateHome: 'editor',
  manageUsers: 'admin',
  manageTokens: 'admin',
  editSettings: 'admin',
  moderate: 'sub-editor',
  manageSections: 'admin',
  managePeople: 'admin',
  readAudit: 'admin',
};

/** Whether `role` may do `action` at all. */
export function can(role: Role, action: Action): boolean {
  return RANK[role] >= RANK[LEAST_ROLE[action]];
}

export interface ArticleAccess {
  status: ArticleStatus;
  ownerId: number;
}

/** Whether `role` (user `userId`) may save changes to this article. */
export function canEditArticle(role: Role, userId: number, article: ArticleAccess): boolean {
  if (RANK[role] >= RANK.editor) return true;
  if (RANK[role] >= RANK['sub-editor']) return article.status !== 'published';
  return article.ownerId === userId && article.status === 'draft';
}

/** Whether `role` may send this article for review now. */
export function canSubmitArticle(role: Role, userId: number, article: ArticleAccess): boolean {
  return article.status === 'draft' && canEditArticle(role, userId, article);
}

export const ROLES: readonly Role[] = ['reporter', 'sub-editor', 'editor', 'admin'];
