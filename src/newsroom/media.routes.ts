import { textMatches } from '../db/text-match.ts';
import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { idParams, parseInput } from '../lib/parse-input.ts';
import { IMAGE_LIMITS, type Image } from '../content/media/image.repository.ts';
import { saveImage } from '../content/media/save-image.ts';
import { imageViews } from '../content/media/image-view.ts';
import type { ContentWriter } from '../content/events/content-writer.ts';
import { canEditImage, type Actor } from '../content/permissions.ts';
import { adminEndpoint } from './newsroom-endpoint.ts';
import { imageAnswer, pageOf } from './answers.ts';

const patchBody = z
  .object({ caption: z.string().trim().max(500).optional(), credit: z.string().trim().max(120).optional(), alt: z.string().trim().max(500).optional() })
  .strict();
const listQuery = z.object({
  q: z.string().max(100).optional(),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(40),
});

interface MediaRouteDeps {
  db: Kysely<Database>;
  clock: Clock;
  mediaDir: string;
  writer: ContentWriter;
}

/** The media library: upload, list, edit captions and credits. */
export function mediaEndpoints(deps: MediaRouteDeps) {
  return [...libraryEndpoints(deps.db), ...writeEndpoints(deps)];
}

function libraryEndpoints(db: Kysely<Database>) {
  return [
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/media',
      summary: 'The media library, newest first, a page at a time; q searches the caption, alt text and credit',
      response: pageOf(imageAnswer),
      access: { can: 'taxonomy.read' },
      query: listQuery,
      handle: async ({ query }) => {
        let q = db.selectFrom('images').selectAll().orderBy('id', 'desc').limit(query.limit);
        if (query.cursor) q = q.where('id', '<', query.cursor);
        const text = query.q?.trim();
        // What a photo shows is in its caption and alt text; who took it, in its credit.
        if (text) q = q.where((eb) => eb.or(['caption', 'alt', 'credit'].map((column) => textMatches(column, text, 'contains'))));
        const items = await imageViews(db, await q.execute());
        return { items, nextCursor: items.length === query.limit ? (items.at(-1)?.id ?? null) : null };
      },
    }),
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/media/:id',
      summary: 'One image',
      response: z.object({ image: imageAnswer }),
      access: { can: 'taxonomy.read' },
      params: idParams,
      handle: async ({ params }) => {
        const image = await db.selectFrom('images').selectAll().where('id', '=', params.id).executeTakeFirst();
        if (!image) throw new AppError('NOT_FOUND', 'image not found');
        return { image: await viewOne(db, image) };
      },
    }),
  ];
}

function writeEndpoints(deps: MediaRouteDeps) {
  return [
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/media',
      summary: 'Uploads an image (multipart/form-data: "file", and optionally caption, credit, alt)',
      response: z.object({ image: imageAnswer }),
      access: { can: 'media.upload' },
      rawBody: true,
      status: 201,
      handle: async ({ request, actor }) => ({ image: await upload(deps, request, actor) }),
    }),
    adminEndpoint({
      method: 'PATCH',
      path: '/api/admin/media/:id',
      summary: "Changes an image's caption, credit or alt text",
      response: z.object({ image: imageAnswer }),
      access: { can: 'media.edit' },
      params: idParams,
      body: patchBody,
      invalidates: ['article:<each published article showing it>', 'card:<each published article showing it>'],
      handle: async ({ params, body, actor }) => ({ image: await viewOne(deps.db, await editImage(deps, actor, params.id, body)) }),
    }),
  ];
}

async function viewOne(db: Kysely<Database>, image: Image) {
  const [shown] = await imageViews(db, [image]);
  return shown;
}

/** POST /api/admin/media: reads the multipart upload, saves the image and its words. */
async function upload(deps: MediaRouteDeps, request: FastifyRequest, actor: Actor) {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA', 'send the image as multipart/form-data with a "file" field');
  const fields: Record<string, string> = {};
  let bytes: Buffer | undefined;
  for await (const part of request.parts({ limits: { fileSize: IMAGE_LIMITS.bytes, files: 1, fields: 10, fieldSize: 4096 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') throw new AppError('INVALID_INPUT', 'the image field is called "file"');
      bytes = await part.toBuffer();
    } else fields[part.fieldname] = typeof part.value === 'string' ? part.value : '';
  }
  if (!bytes?.length) throw new AppError('INVALID_INPUT', 'no file was sent');
  const meta = parseInput(patchBody, fields);
  const image = await saveImage(
    deps.db,
    deps.mediaDir,
    bytes,
    { caption: meta.caption ?? '', credit: meta.credit ?? '', alt: meta.alt ?? '' },
    deps.clock.now().toISOString(),
  );
  // The first uploader keeps the image (the same bytes again return the stored one).
  if (actor.userId !== null && image.uploaded_by == null) {
    await deps.db.updateTable('images').set({ uploaded_by: actor.userId }).where('id', '=', image.id).where('uploaded_by', 'is', null).execute();
  }
  return viewOne(deps.db, image);
}

/** Saves an image's new words and names the published articles showing it. */
async function editImage(deps: MediaRouteDeps, actor: Actor, id: number, body: z.output<typeof patchBody>): Promise<Image> {
  return deps.writer.write(async (trx, emit) => {
    const image = await trx.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
    if (!image) throw new AppError('NOT_FOUND', 'image not found');
    const onPublicArticle = await trx
      .selectFrom('articles')
      .select('id')
      .where('image_id', '=', id)
      .where('status', 'in', ['published', 'scheduled'])
      .executeTakeFirst();
    if (!canEditImage(actor, { uploaderId: image.uploaded_by ?? null, onPublicArticle: onPublicArticle !== undefined })) {
      throw new AppError('FORBIDDEN', `your role (${actor.role}) may change the words of your own images only, until an article is published with them`);
    }
    if (!Object.keys(body).length) return image;
    await trx.updateTable('images').set(body).where('id', '=', id).execute();
    // The published articles showing it (a caption an article overrides changes nothing there,
    // but naming it too costs one page render).
    const shown = await trx.selectFrom('articles').select('id').where('image_id', '=', id).where('status', '=', 'published').limit(1000).execute();
    emit({ type: 'image.changed', payload: { id, articleIds: shown.map((a) => a.id) } });
    return { ...image, ...body };
  });
}
