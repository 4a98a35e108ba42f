import type { Kysely } from 'kysely';
import type { Database, RedirectSource } from '../../db/schema.ts';
import { textMatches } from '../../db/text-match.ts';
import type { Emit } from '../events/content-writer.ts';

export interface Redirect {
  path: string;
  articleId: number;
  source: RedirectSource;
  createdAt: string;
}

const CHUNK = 200; // rows per multi-row insert, well under both dialects' parameter limits

/**
 * Points old paths (already in normal form) at an article, replacing what they pointed at before,
 * and emits one `redirects.changed` event for them. Call inside the ContentWriter's transaction.
 * Paths that already point at the same article are left as they are (a re-import writes nothing).
 */
export async function setRedirects(
  trx: Kysely<Database>,
  entries: ReadonlyArray<{ path: string; articleId: number }>,
  source: RedirectSource,
  now: string,
  emit: Emit,
): Promise<number> {
  const wanted = new Map(entries.map((e) => [e.path, e.articleId]));
  if (!wanted.size) return 0;
  const paths = [...wanted.keys()];
  const current = new Map<string, number>();
  for (let i = 0; i < paths.length; i += 500) {
    const rows = await trx
      .selectFrom('redirects')
      .select(['path', 'article_id'])
      .where('path', 'in', paths.slice(i, i + 500))
      .execute();
    for (const r of rows) current.set(r.path, r.article_id);
  }
  const changed = [...wanted].filter(([path, id]) => current.get(path) !== id).map(([path, articleId]) => ({ path, articleId }));
  if (!changed.length) return 0;
  for (let i = 0; i < changed.length; i += CHUNK) {
    await trx
      .insertInto('redirects')
      .values(changed.slice(i, i + CHUNK).map((c) => ({ path: c.path, article_id: c.articleId, source, created_at: now })))
      .onConflict((oc) =>
        oc
          .column('path')
          .doUpdateSet((eb) => ({ article_id: eb.ref('excluded.article_id'), source: eb.ref('excluded.source'), created_at: eb.ref('excluded.created_at') })),
      )
      .execute();
  }
  emit({ type: 'redirects.changed', payload: { set: changed, removed: [] } });
  return changed.length;
}

/** Removes one old path; true when it existed. Call inside the ContentWriter's transaction. */
export async function deleteRedirect(trx: Kysely<Database>, path: string, emit: Emit): Promise<boolean> {
  const result = await trx.deleteFrom('redirects').where('path', '=', path).executeTakeFirst();
  if (!Number(result.numDeletedRows)) return false;
  emit({ type: 'redirects.changed', payload: { set: [], removed: [path] } });
  return true;
}

export async function findRedirect(db: Kysely<Database>, path: string): Promise<Redirect | undefined> {
  const row = await db.selectFrom('redirects').selectAll().where('path', '=', path).executeTakeFirst();
  return row && redirectOf(row);
}

/**
 * One page of redirects in path order after `after` (keyset), optionally those whose path
 * contains `q` or that point at article `articleId`.
 */
export async function listRedirects(
  db: Kysely<Database>,
  options: { q?: string; articleId?: number; after?: string; limit: number },
): Promise<{ items: Redirect[]; next: string | null }> {
  let query = db
    .selectFrom('redirects')
    .selectAll()
    .orderBy('path')
    .limit(options.limit + 1);
  if (options.after !== undefined) query = query.where('path', '>', options.after);
  if (options.articleId !== undefined) query = query.where('article_id', '=', options.articleId);
  if (options.q) query = query.where(textMatches('path', options.q, 'contains'));
  const rows = await query.execute();
  const items = rows.slice(0, options.limit).map(redirectOf);
  return { items, next: rows.length > options.limit ? items.at(-1)!.path : null };
}

/** Every redirect, a keyset page at a time (the in-memory map loads with it). */
export async function* allRedirects(db: Kysely<Database>, pageSize = 20_000): AsyncGenerator<Array<{ path: string; article_id: number }>> {
  for (let after = ''; ;) {
    const rows = await db.selectFrom('redirects').select(['path', 'article_id']).where('path', '>', after).orderBy('path').limit(pageSize).execute();
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.path;
  }
}

function redirectOf(row: { path: string; article_id: number; source: RedirectSource; created_at: string }): Redirect {
  return { path: row.path, articleId: row.article_id, source: row.source, createdAt: row.created_at };
}
