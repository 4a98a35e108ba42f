import { textMatches } from '../db/text-match.ts';
import '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { assertCan } from '../content/permissions.ts';
import { requireActor } from './admin-auth.ts';
import { idParams, parseInput } from '../lib/parse-input.ts';
import { IMAGE_LIMITS, type Image } from '../content/media/image.repository.ts';
import { saveImage } from '../content/media/save-image.ts';
import { imageViews } from '../content/media/image-view.ts';
import type { ContentWriter } from '../content/events/content-writer.ts';

const patchBody = z.object({ caption: z.string().trim().max(500).optional(), credit: z.string().trim().max(120).optional(), alt: z.string().trim().max(500).optional() }).strict();
const listQuery = z.object({ q: z.string().max(100).optional(), cursor: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(100).default(40) });

/** The media library: upload, list, edit captions and credits. */
export function registerMediaRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock; mediaDir: string; writer: ContentWriter }): void {
  const { db } = deps;

  const view = (images: Image[]) => imageViews(db, images);

  app.post('/api/admin/media', async (request, reply) => {
    const actor = requireActor(request);
    assertCan(actor, 'media.upload');
    if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA', 'send the image as multipart/form-data with a "file" field');
    const fields: Record<string, string> = {};
    let bytes: Buffer | undefined;
    for await (const part of request.parts({ limits: { fileSize: IMAGE_LIMITS.bytes, files: 1, fields: 10, fieldSize: 4096 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw new AppError('INVALID_INPUT', 'the image field is called "file"');
        bytes = await part.toBuffer();
      } else fields[part.fieldname] = String(part.value ?? '');
    }
    if (!bytes?.length) throw new AppError('INVALID_INPUT', 'no file was sent');
    const meta = parseInput(patchBody, fields);
    const image = await saveImage(db, deps.mediaDir, bytes, { caption: meta.caption ?? '', credit: meta.credit ?? '', alt: meta.alt ?? '' }, deps.clock.now().toISOString());
    const [shown] = await view([image]);
    return reply.code(201).send({ image: shown });
  });

  app.get('/api/admin/media', async (request) => {
    assertCan(requireActor(request), 'taxonomy.read');
    const query = parseInput(listQuery, request.query);
    let q = db.selectFrom('images').selectAll().orderBy('id', 'desc').limit(query.limit);
    if (query.cursor) q = q.where('id', '<', query.cursor);
    if (query.q) q = q.where(textMatches('caption', query.q, 'contains'));
    const items = await view(await q.execute());
    return { items, nextCursor: items.length === query.limit ? (items.at(-1)?.id ?? null) : null };
  });

  app.get('/api/admin/media/:id', async (request) => {
    assertCan(requireActor(request), 'taxonomy.read');
    const { id } = parseInput(idParams, request.params);
    const image = await db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
    if (!image) throw new AppError('NOT_FOUND', 'image not found');
    const [shown] = await view([image]);
    return { image: shown };
  });

  app.patch('/api/admin/media/:id', async (request) => {
    assertCan(requireActor(request), 'media.edit');
    const { id } = parseInput(idParams, request.params);
    const body = parseInput(patchBody, request.body);
    const image = await deps.writer.write(async (trx, emit) => {
      const image = await trx.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
      if (!image) throw new AppError('NOT_FOUND', 'image not found');
      if (!Object.keys(body).length) return image;
      await trx.updateTable('images').set(body).where('id', '=', id).execute();
      // The published articles showing it (a caption an article overrides changes nothing there,
      // but naming it too costs one page render).
      const shown = await trx.selectFrom('articles').select('id').where('image_id', '=', id).where('status', '=', 'published').limit(1000).execute();
      emit({ type: 'image.changed', payload: { id, articleIds: shown.map((a) => a.id) } });
      return { ...image, ...body };
    });
    const [shown] = await view([image]);
    return { image: shown };
  });
}
