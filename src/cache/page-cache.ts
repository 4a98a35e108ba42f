import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** A shared piece of many pages (the সর্বশেষ / জনপ্রিয় tabs), spliced in when the page is served. */
export interface Fragment {
  version: number;
  html: string;
}

/** Marks the spliced region in rendered HTML: `<!--fragment:lists-->…<!--/fragment:lists-->`. */
export const fragmentStart = (name: string) => `<!--fragment:${name}-->`;
export const fragmentEnd = (name: string) => `<!--/fragment:${name}-->`;

/** A finished response held in memory, with its compressed variants made once. */
export interface CachedPage {
  status: number;
  contentType: string;
  body: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  etag: string;
  tags: readonly string[];
  storedAt: number;
  /** The page split around its fragments (odd items are fragment names), when it has any. */
  parts?: string[];
  /** What each fragment region held when the page was rendered: used until a fragment is supplied. */
  defaults?: Record<string, string>;
  /** The fragment versions the body was composed with. */
  composedWith?: Record<string, number>;
  /** Response headers per encoding, made on first use (the fast path sends them as they are). */
  headers?: Partial<Record<'br' | 'gzip' | 'identity' | '304', Record<string, string | number>>>;
}

export interface PageCacheOptions {
  /** How long a page is served before it is rebuilt (ms). */
  ttlMs: number;
  /** Upper bound on the bytes held, all variants counted. */
  maxBytes: number;
  now?: () => number;
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  /** Pages served again with a newer fragment, without rendering them again. */
  recomposed: number;
  entries: number;
  bytes: number;
}

const MIN_COMPRESS = 1024; // bytes: below this compression costs more than it saves

/**
 * The reader site's page cache: pages as finished bytes, already compressed, with an ETag.
 * Concurrent misses for one key render once. Entries carry tags; invalidating a tag drops
 * exactly the pages that show it. It is only a speed-up: emptying it never changes what is served.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  /** Which keys carry each tag: invalidation touches only the pages it drops. */
  private readonly byTag = new Map<string, Set<string>>();
  private readonly pending = new Map<string, Promise<CachedPage>>();
  private bytes = 0;
  private readonly stats = { hits: 0, misses: 0, recomposed: 0 };
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Returns the cached page or renders it (once, however many requests wait for it). A page that
   * contains fragment markers is served with the current `fragments` spliced in: when a fragment
   * changes, the page is recomposed and recompressed from its cached parts, not rendered again.
   */
  async getOrRender(
    key: string,
    render: () => Promise<{ status: number; contentType: string; body: string; tags: readonly string[]; cache: boolean }>,
    fragments: Record<string, Fragment> = {},
  ): Promise<CachedPage> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.storedAt < this.options.ttlMs) {
      this.stats.hits++;
      const page = this.composed(key, hit, fragments);
      // Re-insert to keep the map in least-recently-used order.
      this.entries.delete(key);
      this.entries.set(key, page);
      return page;
    }
    const inflight = this.pending.get(key);
    if (inflight) return inflight;
    this.stats.misses++;
    const promise = render()
      .then((result) => {
        const split = splitFragments(result.body);
        const page = split
          ? composePage(result, split.parts, split.defaults, fragments, this.now())
          : buildPage(result.status, result.contentType, result.body, result.tags, this.now());
        if (result.cache && this.options.ttlMs > 0) this.store(key, page);
        return page;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, promise);
    return promise;
  }

  /** The entry as it should be served with these fragment versions (recomposed when one changed). */
  private composed(key: string, page: CachedPage, fragments: Record<string, Fragment>): CachedPage {
    if (!page.parts || !page.composedWith) return page;
    const stale = Object.entries(page.composedWith).some(([name, version]) => fragments[name] && fragments[name].version !== version);
    if (!stale) return page;
    this.stats.recomposed++;
    const next = composePage(page, page.parts, page.defaults ?? {}, fragments, page.storedAt);
    this.store(key, next);
    return next;
  }

  /**
   * The fresh entry for a key, when it can be served as it is with these fragment versions;
   * undefined otherwise (the caller takes the full path, which renders or recomposes). No I/O.
   */
  peek(key: string, fragments: Record<string, Fragment> | undefined): CachedPage | undefined {
    const hit = this.entries.get(key);
    if (!hit || this.now() - hit.storedAt >= this.options.ttlMs) return undefined;
    if (hit.composedWith) {
      if (!fragments) return undefined;
      for (const name in hit.composedWith) if (fragments[name] && fragments[name].version !== hit.composedWith[name]) return undefined;
    }
    this.stats.hits++;
    this.entries.delete(key); // least recently used order
    this.entries.set(key, hit);
    return hit;
  }

  /** Drops every page carrying any of these tags; returns how many. */
  invalidate(tags: readonly string[]): number {
    let dropped = 0;
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) {
        const page = this.entries.get(key);
        if (page) {
          this.remove(key, page);
          dropped++;
        }
      }
    }
    return dropped;
  }

  /** True when a page is held for this key (tests check what an event dropped). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  clear(): void {
    this.entries.clear();
    this.byTag.clear();
    this.bytes = 0;
  }

  getStats(): PageCacheStats {
    return { ...this.stats, entries: this.entries.size, bytes: this.bytes };
  }

  private store(key: string, page: CachedPage): void {
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    const size = sizeOf(page);
    if (size > this.options.maxBytes) return;
    this.entries.set(key, page);
    for (const tag of page.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    this.bytes += size;
    for (const [oldKey, oldPage] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(oldKey, oldPage);
    }
  }

  private remove(key: string, page: CachedPage): void {
    this.entries.delete(key);
    for (const tag of page.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
    this.bytes -= sizeOf(page);
  }
}

function sizeOf(page: CachedPage): number {
  return page.body.length + (page.gzip?.length ?? 0) + (page.br?.length ?? 0);
}

/** Splits HTML at fragment markers: parts = [text, name, text, name, text…]; undefined when there are none. */
function splitFragments(body: string): { parts: string[]; defaults: Record<string, string> } | undefined {
  const re = /<!--fragment:([a-z-]+)-->([\s\S]*?)<!--\/fragment:\1-->/g;
  const parts: string[] = [];
  const defaults: Record<string, string> = {};
  let last = 0;
  for (const m of body.matchAll(re)) {
    parts.push(body.slice(last, m.index), m[1]!);
    defaults[m[1]!] = m[2]!;
    last = m.index! + m[0].length;
  }
  if (!parts.length) return undefined;
  parts.push(body.slice(last));
  return { parts, defaults };
}

function composePage(
  base: { status: number; contentType: string; tags: readonly string[] },
  parts: string[],
  defaults: Record<string, string>,
  fragments: Record<string, Fragment>,
  storedAt: number,
): CachedPage {
  const composedWith: Record<string, number> = {};
  let body = '';
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      body += part;
      return;
    }
    const fragment = fragments[part];
    composedWith[part] = fragment?.version ?? -1;
    body += fragmentStart(part) + (fragment?.html ?? defaults[part] ?? '') + fragmentEnd(part);
  });
  return { ...buildPage(base.status, base.contentType, body, base.tags, storedAt), parts, defaults, composedWith };
}

function buildPage(status: number, contentType: string, text: string, tags: readonly string[], now: number): CachedPage {
  const body = Buffer.from(text, 'utf8');
  const compress = body.length >= MIN_COMPRESS;
  return {
    status,
    contentType,
    body,
    gzip: compress ? gzipSync(body, { level: 6 }) : null,
    br: compress ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : null,
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
    tags,
    storedAt: now,
  };
}

/** HTML with the current fragments spliced in, for pages that are not cached (search, errors, previews). */
export function composeFragments(html: string, fragments: Record<string, Fragment>): string {
  const split = splitFragments(html);
  if (!split) return html;
  return split.parts
    .map((part, i) => (i % 2 === 0 ? part : fragmentStart(part) + (fragments[part]?.html ?? split.defaults[part] ?? '') + fragmentEnd(part)))
    .join('');
}
