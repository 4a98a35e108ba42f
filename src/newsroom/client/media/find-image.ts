import { api, query } from '../api.ts';
import type { Image, Page } from '../api-types.ts';

/**
 * One image of the library by id. There is no GET /media/:id; the list is newest (highest id)
 * first with `cursor` meaning "ids below", so the page after id + 1 starts with this image.
 */
export async function findImage(id: number): Promise<Image | undefined> {
  const page = await api<Page<Image>>('GET', `/media${query({ cursor: id + 1, limit: 1 })}`);
  const image = page.items[0];
  return image?.id === id ? image : undefined;
}
