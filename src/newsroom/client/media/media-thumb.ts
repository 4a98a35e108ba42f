import type { Image } from '../api-types.ts';

/** The smallest variant at least `width` wide (or the original), for thumbnails. */
export function thumbnailUrl(image: Image, width = 320): string {
  const sorted = [...image.variants].sort((a, b) => a.width - b.width);
  return (sorted.find((v) => v.width >= width) ?? sorted.at(-1))?.url ?? image.url;
}
