// What the app offers each role: the server's own rules (content/permissions.ts, docs/admin-api.md
// "Roles"), asked of a signed-in user. The server enforces them; here they only hide buttons a
// user could not use.
import { can as actorCan, ROLES, type Action, type ArticleRef } from '../../content/permissions.ts';
import type { Role } from './api-types.ts';

export { ROLES };
export type { Action };

/** Whether `role` may do `action` at all. */
export function can(role: Role, action: Action): boolean {
  return actorCan({ role, userId: null, name: '' }, action);
}

/** Whether `role` (user `userId`) may save changes to this article. */
export function canEditArticle(role: Role, userId: number, article: ArticleRef): boolean {
  return actorCan({ role, userId, name: '' }, 'article.edit', article);
}

/** Whether `role` may send this article for review now. */
export function canSubmitArticle(role: Role, userId: number, article: ArticleRef): boolean {
  return article.status === 'draft' && actorCan({ role, userId, name: '' }, 'article.submit', article);
}
