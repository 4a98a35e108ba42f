import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { nextId } from '../ids.ts';
import { IMAGE_FORMATS, IMAGE_LIMITS, findImageBySha, type Image } from './image.repository.ts';

/** Widths of the responsive variants (px); each is made in WebP and JPEG when the image is wider. */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920] as const;

/**
 * Stores an image given as bytes: the type is sniffed from the bytes, the size and pixels are
 * limited, the picture is turned upright and re-encoded without its metadata (EXIF, GPS), and
 * responsive variants are written. The same bytes stored twice give the same image.
 */
export async function saveImage(
  db: Kysely<Database>,
  mediaDir: string,
  bytes: Buffer,
  meta: { caption: string; credit: string; alt: string },
  now: string,
): Promise<Image> {
  if (bytes.length > IMAGE_LIMITS.bytes) throw new AppError('TOO_LARGE', `images are limited to ${IMAGE_LIMITS.bytes / 1024 / 1024} MB`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = await findImageBySha(db, sha256);
  if (existing) return existing;
  const info = await sniff(bytes);
  const base = `${now.slice(0, 4)}/${now.slice(5, 7)}/${sha256.slice(0, 20)}`;
  const animated = info.format === 'gif' && (info.pages ?? 1) > 1;
  const clean = sharp(bytes, { limitInputPixels: IMAGE_LIMITS.pixels, animated }).rotate();
  const original = await encode(clean, info.format).toBuffer({ resolveWithObject: true });
  const path = `${base}.${IMAGE_FORMATS[info.format]!.ext}`;
  await writeAtomically(join(mediaDir, path), original.data);
  const image: Image = {
    id: await nextId(db, 'images'),
    sha256,
    stored_sha256: createHash('sha256').update(original.data).digest('hex'),
    path,
    mime: IMAGE_FORMATS[info.format]!.mime,
    width: original.info.width,
    height: animated ? (info.pageHeight ?? original.info.height) : original.info.height,
    bytes: original.data.length,
    caption: meta.caption,
    credit: meta.credit,
    alt: meta.alt,
    created_at: now,
  };
  await db.insertInto('images').values(image).execute();
  if (!animated) await writeVariants(db, mediaDir, image, original.data, base);
  return image;
}

async function sniff(bytes: Buffer) {
  let meta;
  try {
    meta = await sharp(bytes, { limitInputPixels: IMAGE_LIMITS.pixels }).metadata();
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/pixel limit/i.test(message)) throw new AppError('TOO_LARGE', `images are limited to ${IMAGE_LIMITS.pixels} pixels`);
    throw new AppError('UNSUPPORTED_MEDIA', 'the file is not an image this site can read (JPEG, PNG, WebP, GIF, AVIF)');
  }
  if (!IMAGE_FORMATS[meta.format] || !meta.width || !meta.height) {
    throw new AppError('UNSUPPORTED_MEDIA', `unsupported image type: ${meta.format}`);
  }
  if (meta.width * (meta.pageHeight ?? meta.height) > IMAGE_LIMITS.pixels) throw new AppError('TOO_LARGE', 'the image has too many pixels');
  return { ...meta, format: meta.format };
}

function encode(pipeline: Sharp, format: string): Sharp {
  // No withMetadata(): sharp drops EXIF, GPS and XMP unless asked to keep them.
  switch (format) {
    case 'jpeg':
      return pipeline.jpeg({ quality: 88, mozjpeg: true });
    case 'png':
      return pipeline.png({ compressionLevel: 9 });
    case 'webp':
      return pipeline.webp({ quality: 85 });
    case 'gif':
      return pipeline.gif();
    default:
      return pipeline.avif({ quality: 60 });
  }
}

async function writeVariants(db: Kysely<Database>, mediaDir: string, image: Image, source: Buffer, base: string) {
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w < image.width);
  if (!widths.length || widths.at(-1)! < image.width) widths.push(Math.min(image.width, 2400));
  for (const width of widths) {
    for (const format of ['webp', 'jpeg'] as const) {
      const resized = sharp(source).resize({ width, withoutEnlargement: true });
      const data = await (format === 'webp' ? resized.webp({ quality: 78 }) : resized.jpeg({ quality: 80, mozjpeg: true })).toBuffer();
      const path = `${base}-${width}.${format === 'webp' ? 'webp' : 'jpg'}`;
      await writeAtomically(join(mediaDir, path), data);
      await db.insertInto('image_variants').values({ image_id: image.id, width, format, path, bytes: data.length }).execute();
    }
  }
}

async function writeAtomically(target: string, data: Buffer): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, data);
  await rename(temp, target); // readers never see a half-written file
}

/** The variants of some images, for srcset. */
export async function findVariants(db: Kysely<Database>, imageIds: readonly number[]) {
  if (!imageIds.length) return [];
  return db
    .selectFrom('image_variants')
    .selectAll()
    .where('image_id', 'in', [...imageIds])
    .orderBy('width')
    .execute();
}
