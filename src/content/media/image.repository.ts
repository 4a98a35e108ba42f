import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { Kysely } from 'kysely';
import type { Database, ImageTable } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { nextId } from '../ids.ts';

export type Image = ImageTable;

const FORMATS: Record<string, { mime: string; ext: string }> = {
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
    throw new AppError('IMAGE_NOT_FOUND', 422, `image file not found: ${path}`);
  }
  if (!info.isFile()) throw new AppError('IMAGE_NOT_FOUND', 422, `image is not a file: ${path}`);
  if (info.size > IMAGE_LIMITS.bytes) throw new AppError('IMAGE_TOO_LARGE', 422, `image is over ${IMAGE_LIMITS.bytes} bytes`);
  const bytes = await readFile(path);
  let meta;
  try {
    meta = await sharp(bytes, { limitInputPixels: IMAGE_LIMITS.pixels }).metadata();
  } catch {
    throw new AppError('IMAGE_UNREADABLE', 422, `not a readable image: ${path}`);
  }
  const format = meta.format ? FORMATS[meta.format] : undefined;
  if (!format || !meta.width || !meta.height) {
    throw new AppError('IMAGE_TYPE', 422, `unsupported image type (${meta.format ?? 'unknown'}): ${path}`);
  }
  if (meta.width * meta.height > IMAGE_LIMITS.pixels) throw new AppError('IMAGE_TOO_LARGE', 422, 'image has too many pixels');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { sourcePath: path, sha256, ...format, width: meta.width, height: meta.height, bytes: info.size };
}

/** Copies the file into the media folder under a content-addressed name; a no-op when present. */
export async function storeImageFile(mediaDir: string, file: ImageFile, now: string): Promise<string> {
  const relative = `${now.slice(0, 4)}/${now.slice(5, 7)}/${file.sha256.slice(0, 20)}.${file.ext}`;
  const target = join(mediaDir, relative);
  const exists = await stat(target).then(
    (s) => s.size === file.bytes,
    () => false,
  );
  if (!exists) {
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    await copyFile(file.sourcePath, temp);
    await rename(temp, target); // readers never see a half-written file
  }
  return relative;
}

export async function findImageBySha(db: Kysely<Database>, sha256: string): Promise<Image | undefined> {
  return db.selectFrom('images').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

export async function findImagesByIds(db: Kysely<Database>, ids: readonly number[]): Promise<Image[]> {
  if (!ids.length) return [];
  return db.selectFrom('images').selectAll().where('id', 'in', [...ids]).execute();
}

/** Records an image (deduplicated by content); the first caption and credit given become its defaults. */
export async function ensureImage(
  db: Kysely<Database>,
  file: ImageFile,
  path: string,
  meta: { caption: string; credit: string; alt: string },
  now: string,
): Promise<Image> {
  const found = await findImageBySha(db, file.sha256);
  if (found) return found;
  const image: Image = {
    id: await nextId(db, 'images'),
    sha256: file.sha256,
    path,
    mime: file.mime,
    width: file.width,
    height: file.height,
    bytes: file.bytes,
    caption: meta.caption,
    credit: meta.credit,
    alt: meta.alt,
    created_at: now,
  };
  await db.insertInto('images').values(image).execute();
  return image;
}
