import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { adminEndpoint } from './newsroom-endpoint.ts';
import { homeAnswer } from './answers.ts';
import { listItemOf, listItemQuery } from '../content/articles/article.service.ts';
import { audit } from '../content/audit.ts';
import type { ContentWriter } from '../content/events/content-writer.ts';

/** Top-story slots after the lead. */
export const TOP_SLOTS = 8;
const homeBody = z
  .object({ leadId: z.number().int().positive().nullable(), topIds: z.array(z.number().int().positive()).max(TOP_SLOTS) })
  .strict()
  .refine((b) => new Set([...(b.leadId ? [b.leadId] : []), ...b.topIds]).size === b.topIds.length + (b.leadId ? 1 : 0), 'an article can fill one slot only');

/** The lead story (slot 0) and the top stories (1–8), each as the newsroom's lists show it. */
async function currentHome(db: Kysely<Database>) {
  const slots = await db.selectFrom('home_slots').select(['slot', 'article_id']).orderBy('slot').execute();
  const ids = slots.map((s) => s.article_id);
  const rows = ids.length ? await listItemQuery(db).where('articles.id', 'in', ids).execute() : [];
  const items = new Map(rows.map((r) => [r.id, listItemOf(r)]));
  const at = (slot: (typeof slots)[number]) => items.get(slot.article_id);
  const lead = slots.find((s) => s.slot === 0);
  return { lead: (lead && at(lead)) ?? null, top: slots.filter((s) => s.slot > 0).flatMap((s) => at(s) ?? []) };
}

/** Home-page curation: slot 0 is the lead story, 1–8 the top stories. */
export function homeEndpoints(deps: { db: Kysely<Database>; clock: Clock; writer: ContentWriter }) {
  const { db } = deps;
  return [
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/home',
      summary: 'The lead and top stories of the home page',
      response: homeAnswer,
      access: 'signed-in',
      handle: () => currentHome(db),
    }),
    adminEndpoint({
      method: 'PUT',
      path: '/api/admin/home',
      summary: 'Sets the lead and top stories (published articles only)',
      response: homeAnswer,
      access: { can: 'home.curate' },
      body: homeBody,
      invalidates: ['home', 'card:<each article in or out>'],
      handle: async ({ actor, body }) => {
        const ids = [...(body.leadId ? [body.leadId] : []), ...body.topIds];
        if (ids.length) {
          const found = await db.selectFrom('articles').select('id').where('id', 'in', ids).where('status', '=', 'published').execute();
          const missing = ids.filter((id) => !found.some((f) => f.id === id));
          if (missing.length) throw new AppError('UNPROCESSABLE', `only published articles can fill slots: ${missing.join(', ')}`);
        }
        await deps.writer.write(async (trx, emit) => {
          const previous = await trx.selectFrom('home_slots').select('article_id').execute();
          await trx.deleteFrom('home_slots').execute();
          const rows = [...(body.leadId ? [{ slot: 0, article_id: body.leadId }] : []), ...body.topIds.map((article_id, i) => ({ slot: i + 1, article_id }))];
          if (rows.length) await trx.insertInto('home_slots').values(rows).execute();
          await audit(trx, {
            userId: actor.userId,
            action: 'home.curate',
            targetType: 'home',
            targetId: 'home',
            details: body,
            at: deps.clock.now().toISOString(),
          });
          emit({ type: 'home.curated', payload: { articleIds: [...new Set([...previous.map((p) => p.article_id), ...ids])] } });
        });
        return currentHome(db);
      },
    }),
  ];
}
