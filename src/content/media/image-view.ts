import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Image } from './image.repository.ts';
import { findVariants } from './save-image.ts';

/** An image as the newsroom API shows it (docs/admin-api.md, Image). */
export interface ImageView {
  id: number;
  url: string;
  width: number;
  height: number;
  mime: string;
  caption: string;
  credit: string;
  alt: string;
  createdAt: string;
  variants: Array<{ width: number; format: 'avif' | 'webp' | 'jpeg'; url: string }>;
}

/** Images with their responsive variants, in the order given. */
export async function imageViews(db: Kysely<Database>, images: readonly Image[]): Promise<ImageView[]> {
  const variants = await findVariants(
    db,
    images.map((i) => i.id),
  );
  return images.map((i) => ({
    id: i.id,
    url: `/media/${i.path}`,
    width: i.width,
    height: i.height,
    mime: i.mime,
    caption: i.caption,
    credit: i.credit,
    alt: i.alt,
    createdAt: i.created_at,
    variants: variants.filter((v) => v.image_id === i.id).map((v) => ({ width: v.width, format: v.format, url: `/media/${v.path}` })),
  }));
}
