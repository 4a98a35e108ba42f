import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { normalizeOldPath } from '../lib/old-path.ts';
import { audit } from '../content/audit.ts';
import type { ContentWriter } from '../content/events/content-writer.ts';
import { deleteRedirect, findRedirect, listRedirects, setRedirects, type Redirect } from '../content/redirects/redirect.repository.ts';
import { listMissedLinks, type MissedLinks } from '../content/redirects/missed-links.ts';
import { adminEndpoint } from './newsroom-endpoint.ts';
import { listOf, missedLinkAnswer, pageOf, redirectAnswer, type RedirectView } from './answers.ts';

const oldPath = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(2000)
  .transform((link, ctx) => {
    const path = normalizeOldPath(link);
    if (path === undefined) {
      ctx.addIssue({ code: 'custom', message: 'is not a path or URL of a page (e.g. /2025/11/02/some-slug/ or /?p=123)' });
      return z.NEVER;
    }
    return path;
  });
const listQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    articleId: z.coerce.number().int().positive().optional(),
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
const addBody = z.object({ path: oldPath, articleId: z.number().int().positive() }).strict();
const deleteQuery = z.object({ path: oldPath }).strict();
const missedQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }).strict();

export interface RedirectDeps {
  db: Kysely<Database>;
  clock: Clock;
  writer: ContentWriter;
  missedLinks: MissedLinks;
  /** The canonical path of a public article (`national/42`), from memory. */
  articlePath: (id: number) => string | undefined;
}

/** Old links (issue 17): list, search, add and delete redirects; the old-looking paths that answered 404. */
export function redirectEndpoints(deps: RedirectDeps) {
  const { db } = deps;
  const view = async (items: Redirect[]): Promise<RedirectView[]> => {
    const ids = [...new Set(items.map((r) => r.articleId))];
    const rows = ids.length ? await db.selectFrom('articles').select(['id', 'headline']).where('id', 'in', ids).execute() : [];
    const headlines = new Map(rows.map((r) => [r.id, r.headline]));
    return items.map((r) => {
      const path = deps.articlePath(r.articleId);
      return { ...r, target: path ? `/${path}` : null, headline: headlines.get(r.articleId) ?? null };
    });
  };
  return [
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/redirects',
      summary: 'Old links and the articles they lead to, in path order (search by part of the path)',
      response: pageOf(redirectAnswer, z.string().nullable()),
      access: { can: 'redirect.manage' },
      query: listQuery,
      handle: async ({ query }) => {
        const page = await listRedirects(db, { q: query.q || undefined, articleId: query.articleId, after: query.cursor, limit: query.limit });
        return { items: await view(page.items), nextCursor: page.next };
      },
    }),
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/redirects',
      summary: 'Points an old link (a path or a full URL of the old site) at an article',
      response: redirectAnswer,
      status: 201,
      access: { can: 'redirect.manage' },
      body: addBody,
      handle: async ({ actor, body }) => {
        const article = await db.selectFrom('articles').select('id').where('id', '=', body.articleId).executeTakeFirst();
        if (!article) throw new AppError('UNPROCESSABLE', `no article has id ${body.articleId}`);
        const now = deps.clock.now().toISOString();
        await deps.writer.write(async (trx, emit) => {
          await setRedirects(trx, [{ path: body.path, articleId: body.articleId }], 'manual', now, emit);
          await audit(trx, { userId: actor.userId, action: 'redirect.add', targetType: 'redirect', targetId: body.path, details: body, at: now });
        });
        const saved = await findRedirect(db, body.path);
        return (await view([saved!]))[0];
      },
    }),
    adminEndpoint({
      method: 'DELETE',
      path: '/api/admin/redirects',
      summary: 'Removes an old link (it answers 404 again)',
      status: 204,
      access: { can: 'redirect.manage' },
      query: deleteQuery,
      handle: async ({ actor, query }) => {
        const now = deps.clock.now().toISOString();
        const removed = await deps.writer.write(async (trx, emit) => {
          const done = await deleteRedirect(trx, query.path, emit);
          if (done) await audit(trx, { userId: actor.userId, action: 'redirect.delete', targetType: 'redirect', targetId: query.path, details: {}, at: now });
          return done;
        });
        if (!removed) throw new AppError('NOT_FOUND', `no redirect for ${query.path}`);
        return undefined;
      },
    }),
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/redirects/missed',
      summary: 'Old-looking paths that answered 404, most asked for first (at most 1,000 are kept)',
      response: listOf(missedLinkAnswer),
      access: { can: 'redirect.manage' },
      query: missedQuery,
      handle: async ({ query }) => {
        await deps.missedLinks.flush(); // this process's latest counts
        return { items: await listMissedLinks(db, query.limit) };
      },
    }),
  ];
}
