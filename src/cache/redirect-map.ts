import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { allRedirects } from '../content/redirects/redirect.repository.ts';
import type { ContentEventPayloads } from '../content/events/content-event.ts';

/**
 * Every old link (normal form, lib/old-path.ts) and the article it now is, in memory, so an old
 * link is answered without a query. Loaded at start; kept current by `redirects.changed` events.
 * Where the article lives now comes from the route map, so the answer is always one hop.
 */
export class RedirectMap {
  private map = new Map<string, number>();

  constructor(private readonly db: Kysely<Database>) {}

  async load(): Promise<void> {
    const map = new Map<string, number>();
    for await (const page of allRedirects(this.db)) for (const r of page) map.set(r.path, r.article_id);
    this.map = map;
  }

  apply(change: ContentEventPayloads['redirects.changed']): void {
    for (const path of change.removed) this.map.delete(path);
    for (const { path, articleId } of change.set) this.map.set(path, articleId);
  }

  /** The article an old path (normal form) points at. */
  articleOf(path: string): number | undefined {
    return this.map.get(path);
  }

  get size(): number {
    return this.map.size;
  }
}
