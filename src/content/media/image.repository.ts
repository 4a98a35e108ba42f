import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { loadSharp } from '../../lib/load-sharp.ts';
import type { Kysely } from 'kysely';
import type { Database, ImageTable } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';

export type Image = ImageTable;

/** Image types taken in, by sharp's format name: the type comes from the bytes, never the file name. */
export const IMAGE_FORMATS: Record<string, { mime: string; ext: string }> = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
  gif: { mime: 'image/gif', ext: 'gif' },
  avif: { mime: 'image/avif', ext: 'avif' },
};

/** Limits for images taken in. */
export const IMAGE_LIMITS = {
  bytes: 25 * 1024 * 1024, // bytes
  pixels: 80_000_000, // width × height
};

/** A local image file, checked and hashed, ready to be stored. */
export interface ImageFile {
  sourcePath: string;
  sha256: string;
  mime: string;
  ext: string;
  width: number;
  height: number;
  bytes: number;
}

/** Reads and checks an image file: the type is sniffed from its bytes, never from its name. */
export async function inspectImageFile(path: string): Promise<ImageFile> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new AppError('IMAGE_NOT_FOUND', `image file not found: ${path}`);
  }
  if (!info.isFile()) throw new AppError('IMAGE_NOT_FOUND', `image is not a file: ${path}`);
  if (info.size > IMAGE_LIMITS.bytes) throw new AppError('IMAGE_TOO_LARGE', `image is over ${IMAGE_LIMITS.bytes} bytes`);
  const bytes = await readFile(path);
  let meta;
  try {
    meta = await (await loadSharp())(bytes, { limitInputPixels: IMAGE_LIMITS.pixels }).metadata();
  } catch {
    throw new AppError('IMAGE_UNREADABLE', `not a readable image: ${path}`);
  }
  const format = IMAGE_FORMATS[meta.format];
  if (!format || !meta.width || !meta.height) {
    throw new AppError('IMAGE_TYPE', `unsupported image type (${meta.format}): ${path}`);
  }
  if (meta.width * meta.height > IMAGE_LIMITS.pixels) throw new AppError('IMAGE_TOO_LARGE', 'image has too many pixels');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { sourcePath: path, sha256, ...format, width: meta.width, height: meta.height, bytes: info.size };
}

/** The image whose received or stored bytes have this hash. */
export async function findImageBySha(db: Kysely<Database>, sha256: string): Promise<Image | undefined> {
  return db
    .selectFrom('images')
    .selectAll()
    .where((eb) => eb.or([eb('sha256', '=', sha256), eb('stored_sha256', '=', sha256)]))
    .orderBy('id')
    .executeTakeFirst();
}

export async function findImagesByIds(db: Kysely<Database>, ids: readonly number[]): Promise<Image[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('images')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}
