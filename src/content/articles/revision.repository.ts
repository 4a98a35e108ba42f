import type { Kysely } from 'kysely';
import type { Database, RevisionTable } from '../../db/schema.ts';
import type { ArticleContent } from './article-content.ts';

export type Revision = Omit<RevisionTable, 'content'> & { content: ArticleContent };

/** Records revision `number` of an article: every save is one. */
export async function addRevision(
  db: Kysely<Database>,
  articleId: number,
  number: number,
  content: ArticleContent,
  meta: { userId: number | null; action: string; at: string },
): Promise<void> {
  await db
    .insertInto('revisions')
    .values({ article_id: articleId, number, created_at: meta.at, user_id: meta.userId, action: meta.action, content: JSON.stringify(content) })
    .execute();
}

export async function listRevisions(db: Kysely<Database>, articleId: number) {
  return db
    .selectFrom('revisions')
    .leftJoin('users', 'users.id', 'revisions.user_id')
    .select(['revisions.number', 'revisions.created_at', 'revisions.user_id', 'revisions.action', 'users.name as user_name'])
    .where('revisions.article_id', '=', articleId)
    .orderBy('revisions.number', 'desc')
    .limit(500)
    .execute();
}

export async function findRevision(db: Kysely<Database>, articleId: number, number: number): Promise<(Revision & { user_name: string | null }) | undefined> {
  const row = await db
    .selectFrom('revisions')
    .leftJoin('users', 'users.id', 'revisions.user_id')
    .selectAll('revisions')
    .select('users.name as user_name')
    .where('revisions.article_id', '=', articleId)
    .where('revisions.number', '=', number)
    .executeTakeFirst();
  return row && { ...row, content: JSON.parse(row.content) as ArticleContent };
}
