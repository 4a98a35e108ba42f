import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

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
  private readonly pending = new Map<string, Promise<CachedPage>>();
  private bytes = 0;
  private readonly stats = { hits: 0, misses: 0 };
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Returns the cached page or renders it (once, however many requests wait for it). */
  async getOrRender(
    key: string,
    render: () => Promise<{ status: number; contentType: string; body: string; tags: readonly string[]; cache: boolean }>,
  ): Promise<CachedPage> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.storedAt < this.options.ttlMs) {
      this.stats.hits++;
      // Re-insert to keep the map in least-recently-used order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const inflight = this.pending.get(key);
    if (inflight) return inflight;
    this.stats.misses++;
    const promise = render()
      .then((result) => {
        const page = buildPage(result.status, result.contentType, result.body, result.tags, this.now());
        if (result.cache && this.options.ttlMs > 0) this.store(key, page);
        return page;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, promise);
    return promise;
  }

  /** Drops every page carrying any of these tags. */
  invalidate(tags: readonly string[]): number {
    const wanted = new Set(tags);
    let dropped = 0;
    for (const [key, page] of this.entries) {
      if (page.tags.some((t) => wanted.has(t))) {
        this.remove(key, page);
        dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.entries.clear();
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
    this.bytes += size;
    for (const [oldKey, oldPage] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(oldKey, oldPage);
    }
  }

  private remove(key: string, page: CachedPage): void {
    this.entries.delete(key);
    this.bytes -= sizeOf(page);
  }
}

function sizeOf(page: CachedPage): number {
  return page.body.length + (page.gzip?.length ?? 0) + (page.br?.length ?? 0);
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
