import type { CardRow, ImageWithVariants } from './article.queries.ts';

/** Rows kept of each kind; past this the oldest kept are let go. */
const ROWS = 5_000;
const IMAGES = 5_000;

/**
 * Articles' card rows and images with their variants, held in memory by id as pages read them,
 * so the lists a page shows (the home page's forty cards, an article's related stories) are read
 * from the database once, not on every render. A card row is the article row's list columns,
 * which SQLite reaches only past the body (tens of microseconds a row at 100,000 articles).
 *
 * Kept current by the content events, as the route map and the page cache are: an article event
 * forgets its article, `image.changed` its image (images are otherwise never changed: variants are
 * written with the image), and a resync forgets everything. The tree and places stay in
 * ReferenceData: a row holds the section's id only.
 */
export class CardMemory {
  private readonly rows = new Map<number, CardRow>();
  private readonly images = new Map<number, ImageWithVariants>();
  /** Moves on every forget: rows read before it may be older than what was forgotten. */
  private generation = 0;

  /** The current generation: pass it to `keepRows`/`keepImages` with what was read after it. */
  get version(): number {
    return this.generation;
  }

  row(id: number): CardRow | undefined {
    return this.rows.get(id);
  }

  image(id: number): ImageWithVariants | undefined {
    return this.images.get(id);
  }

  /** Keeps rows read from the database, unless something was forgotten since the read began. */
  keepRows(rows: readonly CardRow[], readAt: number): void {
    if (readAt === this.generation) for (const row of rows) keep(this.rows, row.id, row, ROWS);
  }

  keepImages(images: readonly ImageWithVariants[], readAt: number): void {
    if (readAt === this.generation) for (const image of images) keep(this.images, image.id, image, IMAGES);
  }

  forgetArticles(ids: Iterable<number>): void {
    this.generation++;
    for (const id of ids) this.rows.delete(id);
  }

  forgetImages(ids: Iterable<number>): void {
    this.generation++;
    for (const id of ids) this.images.delete(id);
  }

  clear(): void {
    this.generation++;
    this.rows.clear();
    this.images.clear();
  }
}

function keep<T>(map: Map<number, T>, id: number, value: T, limit: number): void {
  if (!map.has(id) && map.size >= limit) map.delete(map.keys().next().value!);
  map.set(id, value);
}
