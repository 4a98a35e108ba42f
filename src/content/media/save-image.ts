import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Sharp } from 'sharp';
import { loadSharp } from '../../lib/load-sharp.ts';
import type { Kysely } from 'kysely';
import type { Database, ImageVariantTable } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { nextId } from '../ids.ts';
import { IMAGE_FORMATS, IMAGE_LIMITS, findImageBySha, type Image } from './image.repository.ts';
import { mediaWriteError } from './media-write-error.ts';

/**
 * Widths of the responsive variants (px); each is made in every VARIANT_FORMATS when the image is
 * wider. Chromium takes the first file at least as wide as the drawn width times the screen's
 * density, so the widths follow what the layout draws: a phone's 120 px thumbnail at 2× and 3×
 * (320, 480), a 360 px phone's full-width picture (328 px) at 2× (720), then wider screens.
 */
export const VARIANT_WIDTHS = [320, 480, 720, 960, 1280, 1920] as const;

/** Formats of the variants, smallest first: a browser takes the first <source> it can show, JPEG is the fallback. */
export const VARIANT_FORMATS = ['avif', 'webp', 'jpeg'] as const;

export type VariantFormat = (typeof VARIANT_FORMATS)[number];

const VARIANT_EXT: Record<VariantFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };

// AVIF costs the most to encode and saves the most on phones: a 1080 px-wide phone screen (360 px
// at 3×) is served by 1280. Wider screens take the 1280 AVIF or, without AVIF, the WebP.
const AVIF_MAX_WIDTH = 1280; // px

/**
 * Stores an image given as bytes: the type is sniffed from the bytes, the size and pixels are
 * limited, the picture is turned upright and re-encoded without its metadata (EXIF, GPS), and
 * responsive variants are written. The same bytes stored twice give the same image.
 *
 * All or nothing: every file is encoded and written first, the rows last (in one transaction, or
 * in the caller's); when anything fails, the files written so far are removed and no row exists,
 * so the same upload can be tried again. A media folder that cannot be written (full, read-only,
 * no permission) is MEDIA_UNWRITABLE.
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
  const sharp = await loadSharp();
  const clean = sharp(bytes, { limitInputPixels: IMAGE_LIMITS.pixels, animated }).rotate();
  const original = await encode(clean, info.format).toBuffer({ resolveWithObject: true });
  const path = `${base}.${IMAGE_FORMATS[info.format]!.ext}`;
  const variants = animated ? [] : await encodeVariants(original.data, original.info.width, base);
  const files = new MediaFiles(mediaDir);
  try {
    await files.write(path, original.data);
    for (const v of variants) await files.write(v.row.path, v.data);
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
    await insertRows(
      db,
      image,
      variants.map((v) => ({ ...v.row, image_id: image.id })),
    );
    return image;
  } catch (error) {
    await files.removeAll();
    throw mediaWriteError(error) ?? error;
  }
}

async function insertRows(db: Kysely<Database>, image: Image, variants: ImageVariantTable[]): Promise<void> {
  const insert = async (trx: Kysely<Database>) => {
    await trx.insertInto('images').values(image).execute();
    if (variants.length) await trx.insertInto('image_variants').values(variants).execute();
  };
  // Inside the caller's transaction (an import) its rollback removes them; otherwise one of our own.
  if (db.isTransaction) await insert(db);
  else await db.transaction().execute(insert);
}

async function sniff(bytes: Buffer) {
  let meta;
  try {
    meta = await (await loadSharp())(bytes, { limitInputPixels: IMAGE_LIMITS.pixels }).metadata();
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

/** The widths an image of this width gets: those of VARIANT_WIDTHS below it, and its own (at most 2400). */
export function variantWidths(imageWidth: number): number[] {
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w < imageWidth);
  if (!widths.length || widths.at(-1)! < imageWidth) widths.push(Math.min(imageWidth, 2400));
  return widths;
}

async function encodeVariant(source: Buffer, width: number, format: VariantFormat): Promise<Buffer> {
  const sharp = await loadSharp();
  const resized = sharp(source).resize({ width, withoutEnlargement: true });
  // AVIF at effort 0 (of 0–9): several times faster to make than the default effort 4, and still
  // a third smaller than the WebP on photographs (docs/benchmarks.md, "Images").
  if (format === 'avif') return resized.avif({ quality: 50, effort: 0 }).toBuffer();
  if (format === 'webp') return resized.webp({ quality: 78 }).toBuffer();
  return resized.jpeg({ quality: 80, mozjpeg: true }).toBuffer();
}

// Encoded side by side: sharp runs each on libuv's pool, so the widths overlap on spare cores.
async function encodeVariants(source: Buffer, imageWidth: number, base: string) {
  const wanted = variantWidths(imageWidth).flatMap((width) =>
    VARIANT_FORMATS.filter((format) => format !== 'avif' || width <= AVIF_MAX_WIDTH).map((format) => ({ width, format })),
  );
  return Promise.all(
    wanted.map(async ({ width, format }) => {
      const data = await encodeVariant(source, width, format);
      const row: Omit<ImageVariantTable, 'image_id'> = { width, format, path: `${base}-${width}.${VARIANT_EXT[format]}`, bytes: data.length };
      return { row, data };
    }),
  );
}

/** Files written for one image, so that a failure part way can take them all back. */
class MediaFiles {
  private readonly written: string[] = [];

  constructor(private readonly mediaDir: string) {}

  /** Writes to a temporary name and renames it: readers never see a half-written file. */
  async write(path: string, data: Buffer): Promise<void> {
    const target = join(this.mediaDir, path);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    try {
      await writeFile(temp, data, { flag: 'wx' });
      await rename(temp, target);
      this.written.push(target);
    } finally {
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }

  /** Removes every file this image wrote; a file that cannot be removed is left, nothing else fails. */
  async removeAll(): Promise<void> {
    for (const target of this.written) await rm(target, { force: true }).catch(() => undefined);
  }
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
