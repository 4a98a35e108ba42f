import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompressSync, gzip, constants } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The compressed forms a page can be sent in. */
export type Encoding = 'br' | 'gzip';

/** A shared piece of many pages (the সর্বশেষ / জনপ্রিয় tabs), spliced in when the page is served. */
export interface Fragment {
  version: number;
  html: string;
  /** The HTML as UTF-8, made once per version and shared by every page it is spliced into. */
  bytes?: Buffer;
}

/** Where a fragment's content sits in a page's body, in bytes (between its markers). */
interface Region {
  name: string;
  start: number;
  end: number;
}

/** Marks the spliced region in rendered HTML: `<!--fragment:lists-->…<!--/fragment:lists-->`. */
export const fragmentStart = (name: string) => `<!--fragment:${name}-->`;
export const fragmentEnd = (name: string) => `<!--/fragment:${name}-->`;

/** A finished response held in memory, with its compressed forms made once each. */
export interface CachedPage {
  status: number;
  contentType: string;
  /**
   * The page as it is sent uncompressed. Once the brotli form is made for a page the cache holds,
   * the cache lets this go and keeps only the compressed forms (about a seventh of the bytes):
   * `identityOf` decodes it again for the rare client that takes neither brotli nor gzip.
   */
  body?: Buffer;
  /** The uncompressed body's length in bytes. */
  length: number;
  /** Worth compressing: a body under 1 KB is always sent as it is. */
  compressible: boolean;
  /**
   * The compressed forms made so far. Each is made when a client first asks for it (most ask for
   * brotli: gzip is then never made), once, on the thread pool (PageCache.encode).
   */
  encoded: Partial<Record<Encoding, Buffer>>;
  etag: string;
  tags: readonly string[];
  storedAt: number;
  /** The page's own Cache-Control, when it differs from the reader pages' (send-page.ts). */
  cacheControl?: string;
  /** Where each fragment's content sits in `body`, when the page has any: recomposing slices it. */
  regions?: readonly Region[];
  /** The fragment versions the body was composed with. */
  composedWith?: Record<string, number>;
  /** Response headers per encoding, made on first use (the fast path sends them as they are). */
  headers?: Partial<Record<'br' | 'gzip' | 'identity' | '304', Record<string, string | number>>>;
  /** The key it is stored under, once stored. */
  key?: string;
  /** The fragments (a SharedFragments snapshot) it was last found current with: not checked again. */
  checkedWith?: Record<string, Fragment>;
  /** Its place in the recency order: the cache's use count when it was last moved to the newest end. */
  usedAt?: number;
}

export interface PageCacheOptions {
  /** How long a page is served before it is rebuilt (ms). */
  ttlMs: number;
  /** Upper bound on the bytes held, all variants counted. */
  maxBytes: number;
  now?: () => number;
  /**
   * Whether a render's error allows serving the expired copy still held for the page (the
   * database unavailable or busy): readers get the page as it was rather than an error. A page
   * that was invalidated is never held, so nothing withdrawn comes back this way.
   */
  staleOnError?: (error: unknown) => boolean;
}

/** What a render gives the cache: the page and whether it may be kept. */
export interface RenderResult {
  status: number;
  contentType: string;
  body: string;
  tags: readonly string[];
  cache: boolean;
  cacheControl?: string;
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  /** Pages served again with a newer fragment, without rendering them again. */
  recomposed: number;
  /** Expired pages served because rendering them afresh failed (staleOnError). */
  servedStale: number;
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
  /** Renders under way, each with the invalidation count it started at. */
  private readonly pending = new Map<string, { promise: Promise<CachedPage>; startedAt: number }>();
  /** Invalidations so far; a render started before one may have read what it made stale. */
  private invalidations = 0;
  /** Renders under way, those a newer one replaced in `pending` included. */
  private rendering = 0;
  /** While renders are under way: the count at each tag's last invalidation, and at the last clear(). */
  private readonly invalidatedAt = new Map<string, number>();
  private clearedAt = 0;
  private readonly encoding = new WeakMap<CachedPage, Partial<Record<Encoding, Promise<Buffer>>>>();
  private bytes = 0;
  /** Moves to the newest end of `entries` so far (CachedPage.usedAt). */
  private uses = 0;
  private readonly stats = { hits: 0, misses: 0, recomposed: 0, servedStale: 0 };
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Returns the cached page or renders it (once, however many requests wait for it). A page that
   * contains fragment markers is served with the current `fragments` spliced in: when a fragment
   * changes, the page is recomposed and recompressed from its cached parts, not rendered again.
   */
  async getOrRender(key: string, render: () => Promise<RenderResult>, fragments: Record<string, Fragment> = {}): Promise<CachedPage> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.storedAt < this.options.ttlMs) {
      this.stats.hits++;
      const page = this.composed(key, hit, fragments);
      if (page === hit) this.touch(key, page);
      return page;
    }
    // A render that started before an invalidation may show what it dropped (an approved
    // comment missing): a request made after it renders afresh instead of waiting for that one.
    const inflight = this.pending.get(key);
    if (inflight && inflight.startedAt === this.invalidations) return inflight.promise;
    this.stats.misses++;
    const startedAt = this.invalidations;
    this.rendering++;
    // Even a render that throws at once passes through finally(), so `rendering` stays exact.
    const promise: Promise<CachedPage> = new Promise<RenderResult>((resolve) => resolve(render()))
      .then((result) => {
        const page = renderedPage(result, fragments, this.now());
        if (result.cache && this.options.ttlMs > 0 && !this.invalidatedSince(startedAt, result.tags)) this.store(key, page);
        return page;
      })
      .catch((error: unknown) => {
        // The entry is looked up again: one invalidated meanwhile is gone and is not served.
        const expired = this.entries.get(key);
        if (!expired || !this.options.staleOnError?.(error)) throw error;
        this.stats.servedStale++;
        return this.composed(key, expired, fragments);
      })
      .finally(() => {
        if (this.pending.get(key)?.promise === promise) this.pending.delete(key);
        if (--this.rendering === 0) this.invalidatedAt.clear();
      });
    this.pending.set(key, { promise, startedAt });
    return promise;
  }

  /** True when one of these tags was invalidated (or everything cleared) after the count `since`. */
  private invalidatedSince(since: number, tags: readonly string[]): boolean {
    return this.clearedAt > since || tags.some((tag) => (this.invalidatedAt.get(tag) ?? 0) > since);
  }

  /** The entry as it should be served with these fragment versions (recomposed when one changed). */
  private composed(key: string, page: CachedPage, fragments: Record<string, Fragment>): CachedPage {
    if (!page.regions || !page.composedWith) return page;
    const stale = Object.entries(page.composedWith).some(([name, version]) => fragments[name] && fragments[name].version !== version);
    if (!stale) return page;
    this.stats.recomposed++;
    const next = recompose(page, fragments);
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
    if (hit.composedWith && hit.checkedWith !== fragments) {
      if (!fragments) return undefined;
      for (const name in hit.composedWith) if (fragments[name] && fragments[name].version !== hit.composedWith[name]) return undefined;
      // The same snapshot means the same versions: the next request need not compare them again.
      hit.checkedWith = fragments;
    }
    this.stats.hits++;
    this.touch(key, hit);
    return hit;
  }

  /**
   * Keeps `entries` in least-recently-used order, nearly: a page already among the newer half is
   * not moved again (a hot page hit thousands of times a second would otherwise be deleted and
   * re-inserted as often), so eviction, which takes the oldest first, never reaches a page used
   * since half the cache was last used.
   */
  private touch(key: string, page: CachedPage): void {
    if (page.usedAt !== undefined && this.uses - page.usedAt < this.entries.size >> 1) return;
    this.entries.delete(key);
    this.entries.set(key, page);
    page.usedAt = ++this.uses;
  }

  /** A page's body in this encoding: made on first need (once, on the thread pool), then kept. */
  encode(page: CachedPage, encoding: Encoding): Promise<Buffer> {
    const made = page.encoded[encoding];
    if (made) return Promise.resolve(made);
    let pending = this.encoding.get(page);
    if (!pending) this.encoding.set(page, (pending = {}));
    return (pending[encoding] ??= compress(identityOf(page), encoding).then((bytes) => {
      page.encoded[encoding] = bytes;
      // Counted while the page is held; a page dropped meanwhile takes its bytes with it.
      if (page.key !== undefined && this.entries.get(page.key) === page) {
        this.bytes += bytes.length;
        // A held page keeps its brotli form and lets the uncompressed one go (most readers take
        // brotli; the others are served from it): the same bytes hold about five times the pages.
        if (encoding === 'br' && page.body) {
          this.bytes -= page.body.length;
          page.body = undefined;
        }
        this.evict();
      }
      return bytes;
    }));
  }

  /** Drops every page carrying any of these tags; returns how many. */
  invalidate(tags: readonly string[]): number {
    let dropped = 0;
    const count = ++this.invalidations;
    for (const tag of tags) {
      if (this.rendering) this.invalidatedAt.set(tag, count);
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
    this.clearedAt = ++this.invalidations;
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
    page.key = key;
    page.usedAt = ++this.uses;
    this.entries.set(key, page);
    for (const tag of page.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    this.bytes += size;
    this.evict();
  }

  /** Drops the least recently used pages until the cache fits its limit. */
  private evict(): void {
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
  return (page.body?.length ?? 0) + (page.encoded.gzip?.length ?? 0) + (page.encoded.br?.length ?? 0);
}

// One output chunk for a whole page: zlib's default 16 KB chunks cost a round trip to the thread
// pool (and a copy) each.
const CHUNK = 128 * 1024; // bytes

async function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'gzip') return ownBytes(await gzipAsync(body, { level: 6, chunkSize: CHUNK }));
  // A window just larger than the page compresses it as well as the default 4 MB one, and costs
  // 40% less CPU, most of it in setting up and freeing the encoder (measured on a 42 KB article).
  // Never above 64 KB (2^16): with a larger window quality 5 takes another match finder whose
  // 1 MB table is allocated, zeroed and freed for every page — an 84 KB home page took 4.7 ms of
  // CPU (1.9 ms of it in the kernel, faulting those pages in) instead of 1.1 ms, for 1.4 % fewer
  // bytes (8,410 against 8,527).
  const window = Math.max(10, Math.min(16, Math.ceil(Math.log2(body.length + 1))));
  const params = { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length, [constants.BROTLI_PARAM_LGWIN]: window };
  return ownBytes(await brotliAsync(body, { chunkSize: CHUNK, params }));
}

// zlib hands back a view into its output chunk: kept as it is, a 7 KB page would hold on to the
// whole 128 KB chunk for as long as it is cached (measured: 160 MB of buffers behind 41 MB of pages).
function ownBytes(bytes: Buffer): Buffer {
  return bytes.byteLength === bytes.buffer.byteLength ? bytes : Buffer.from(bytes);
}

const FRAGMENT = /<!--fragment:([a-z-]+)-->([\s\S]*?)<!--\/fragment:\1-->/g;

/** A rendered page with the current fragments spliced into its regions, and where they sit. */
function renderedPage(result: Omit<RenderResult, 'cache'>, fragments: Record<string, Fragment>, now: number): CachedPage {
  const pieces: Buffer[] = [];
  const regions: Region[] = [];
  const composedWith: Record<string, number> = {};
  let offset = 0;
  let last = 0;
  const push = (bytes: Buffer) => {
    pieces.push(bytes);
    offset += bytes.length;
  };
  for (const m of result.body.matchAll(FRAGMENT)) {
    const name = m[1]!;
    push(Buffer.from(result.body.slice(last, m.index + fragmentStart(name).length), 'utf8'));
    const fragment = fragments[name];
    composedWith[name] = fragment?.version ?? -1;
    const start = offset;
    push(fragment ? fragmentBytes(fragment) : Buffer.from(m[2]!, 'utf8'));
    regions.push({ name, start, end: offset });
    last = m.index + m[0].length - fragmentEnd(name).length;
  }
  if (!regions.length) return buildPage(result.status, result.contentType, Buffer.from(result.body, 'utf8'), result.tags, now, result.cacheControl);
  push(Buffer.from(result.body.slice(last), 'utf8'));
  return buildPage(result.status, result.contentType, Buffer.concat(pieces, offset), result.tags, now, result.cacheControl, regions, composedWith);
}

/** The page with newer fragments in its regions: byte slices of the old body around them. */
function recompose(page: CachedPage, fragments: Record<string, Fragment>): CachedPage {
  const pieces: Buffer[] = [];
  const regions: Region[] = [];
  const composedWith: Record<string, number> = {};
  let offset = 0;
  let last = 0;
  const body = identityOf(page);
  for (const region of page.regions!) {
    const before = body.subarray(last, region.start);
    const fragment = fragments[region.name];
    const content = fragment ? fragmentBytes(fragment) : body.subarray(region.start, region.end);
    composedWith[region.name] = fragment?.version ?? page.composedWith?.[region.name] ?? -1;
    pieces.push(before, content);
    offset += before.length;
    regions.push({ name: region.name, start: offset, end: offset + content.length });
    offset += content.length;
    last = region.end;
  }
  const tail = body.subarray(last);
  pieces.push(tail);
  return buildPage(
    page.status,
    page.contentType,
    Buffer.concat(pieces, offset + tail.length),
    page.tags,
    page.storedAt,
    page.cacheControl,
    regions,
    composedWith,
  );
}

function fragmentBytes(fragment: Fragment): Buffer {
  return (fragment.bytes ??= Buffer.from(fragment.html, 'utf8'));
}

/**
 * Every page is made here with every field, in one order, so that all pages share one shape and
 * the fast path's reads of them stay monomorphic (fields added later would give each page its own).
 */
function buildPage(
  status: number,
  contentType: string,
  body: Buffer,
  tags: readonly string[],
  now: number,
  cacheControl?: string,
  regions?: readonly Region[],
  composedWith?: Record<string, number>,
): CachedPage {
  return {
    status,
    contentType,
    body,
    length: body.length,
    compressible: body.length >= MIN_COMPRESS,
    encoded: { br: undefined, gzip: undefined },
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
    tags,
    storedAt: now,
    cacheControl,
    regions,
    composedWith,
    headers: undefined,
    key: undefined,
    checkedWith: undefined,
    usedAt: undefined,
  };
}

/**
 * A page's uncompressed bytes: held until its brotli form is made, decoded from that afterwards
 * (about 0.1 ms for an article page; only clients that take no compression, and recomposing a
 * page around a newer fragment, need it).
 */
export function identityOf(page: CachedPage): Buffer {
  if (page.body) return page.body;
  const br = page.encoded.br;
  if (!br) throw new Error('a cached page holds neither its body nor its brotli form');
  return brotliDecompressSync(br);
}

/** HTML with the current fragments spliced in, for pages that are not cached (search, errors, previews). */
export function composeFragments(html: string, fragments: Record<string, Fragment>): string {
  return html.replace(FRAGMENT, (whole, name: string) => (fragments[name] ? fragmentStart(name) + fragments[name].html + fragmentEnd(name) : whole));
}
