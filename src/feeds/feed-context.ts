import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import type { ContentReader } from '../content/content-reader.ts';

/** What every feed, sitemap and robots builder reads. Settings are functions: the newsroom changes them at run time. */
export interface FeedContext {
  reader: ContentReader;
  /** For the sitemap's keyset walk, which ContentReader does not offer (see sitemap.queries.ts). */
  db: Kysely<Database>;
  clock: Clock;
  mediaDir: string;
  siteName: () => string;
  /** Absolute origin without a trailing slash, e.g. "https://example.com.bd". */
  siteUrl: string;
  timeZone: () => string;
  /** Bengali district names by id (correspondents' bylines), from memory. */
  districtNames: () => ReadonlyMap<number, string>;
}

/** A finished feed document and the cache tags naming what it shows. */
export interface FeedDocument {
  body: string;
  tags: string[];
}
