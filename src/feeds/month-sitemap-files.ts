import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createGunzip, createGzip } from 'node:zlib';
import { pipeline as streamPipeline, type Readable } from 'node:stream';
import type { SectionTree } from '../content/sections/section-tree.ts';
import { monthSitemapPath, type MonthPart } from './sitemaps.ts';

/** Bump when the sitemap's markup changes, so files written by an older version are not served. */
const FORMAT = 1;

/** What a month part's file is made from; any change to it makes a new file. */
export interface MonthFingerprint {
  part: MonthPart;
  /** Public articles in the whole month and their newest publication or update. */
  count: number;
  lastmod: string | null;
  siteUrl: string;
  timeZone: string;
  tree: SectionTree;
}

/** A month part made once: its brotli and gzip files on disk and the ETag naming their content. */
export interface MonthFiles {
  etag: string;
  br: { path: string; bytes: number };
  gzip: { path: string; bytes: number };
}

// A section moved or renamed changes the articles' URLs: the tree's paths are part of the key.
const treeKeys = new WeakMap<SectionTree, string>();

function treeKey(tree: SectionTree): string {
  let key = treeKeys.get(tree);
  if (!key) {
    const paths = [...tree.all()].map((s) => `${s.id}=${s.path}`).join('\n');
    key = createHash('sha256').update(paths).digest('hex').slice(0, 16);
    treeKeys.set(tree, key);
  }
  return key;
}

function keyOf(f: MonthFingerprint): string {
  const facts = [FORMAT, f.siteUrl, f.timeZone, f.part.year, f.part.month, f.part.part, f.count, f.lastmod, treeKey(f.tree)];
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 20);
}

/**
 * Month sitemaps compressed once, not per request: each part is written as brotli and gzip
 * files in `dir`, named by a key of everything its content depends on (the month's article
 * count and newest change, the section paths, the origin and zone). A request costs the one
 * aggregate query that computes the key and a file read; a publish, update or unpublish in that
 * month changes the key, so the next request writes the part anew and removes the old files.
 * Several processes (workers, machines sharing nothing) agree without being told: the key is
 * read from the database. A month is written streaming, a few hundred rows at a time, so its
 * size never shows in memory.
 */
export class MonthSitemapFiles {
  private readonly building = new Map<string, Promise<MonthFiles>>();

  constructor(private readonly dir: string) {}

  /** The files of a part, written first if its content changed since they were made. */
  files(fingerprint: MonthFingerprint, content: () => AsyncIterable<string>): Promise<MonthFiles> {
    const key = keyOf(fingerprint);
    const base = `${monthSitemapPath(fingerprint.part).slice('/sitemaps/'.length, -'.xml'.length)}.${key}.xml`;
    let pending = this.building.get(base);
    if (!pending) {
      pending = this.existing(base, key)
        .then((found) => found ?? this.write(base, key, brotliQuality(fingerprint.count), content))
        .finally(() => this.building.delete(base));
      this.building.set(base, pending);
    }
    return pending;
  }

  private async existing(base: string, key: string): Promise<MonthFiles | undefined> {
    try {
      const [br, gzip] = await Promise.all([stat(join(this.dir, `${base}.br`)), stat(join(this.dir, `${base}.gz`))]);
      return this.named(base, key, br.size, gzip.size);
    } catch {
      return undefined;
    }
  }

  private named(base: string, key: string, brBytes: number, gzipBytes: number): MonthFiles {
    return { etag: `"sm-${key}"`, br: { path: join(this.dir, `${base}.br`), bytes: brBytes }, gzip: { path: join(this.dir, `${base}.gz`), bytes: gzipBytes } };
  }

  private async write(base: string, key: string, quality: number, content: () => AsyncIterable<string>): Promise<MonthFiles> {
    await mkdir(this.dir, { recursive: true });
    const temp = `.${process.pid}-${randomBytes(4).toString('hex')}`;
    const brPath = join(this.dir, `${base}.br`);
    const gzPath = join(this.dir, `${base}.gz`);
    const br = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } });
    const gzip = createGzip({ level: 9 });
    const written = Promise.all([pipeline(br, createWriteStream(brPath + temp)), pipeline(gzip, createWriteStream(gzPath + temp))]);
    try {
      for await (const chunk of content()) {
        br.write(chunk);
        gzip.write(chunk);
        // Wait for whichever is still full: one may drain while the other is awaited, and its
        // 'drain' has then been emitted already (awaiting it again would wait for ever).
        if (br.writableNeedDrain) await once(br, 'drain');
        if (gzip.writableNeedDrain) await once(gzip, 'drain');
      }
      br.end();
      gzip.end();
      await written;
      await rename(brPath + temp, brPath);
      await rename(gzPath + temp, gzPath);
    } catch (error) {
      br.destroy();
      gzip.destroy();
      await written.catch(() => undefined);
      await Promise.all([unlink(brPath + temp).catch(() => undefined), unlink(gzPath + temp).catch(() => undefined)]);
      throw error;
    }
    await this.removeOlder(base);
    const made = await this.existing(base, key);
    if (!made) throw new Error(`month sitemap ${base} vanished after it was written`);
    return made;
  }

  // Files of the same part made from older content; one being read stays readable until closed.
  private async removeOlder(base: string): Promise<void> {
    const part = base.slice(0, base.indexOf('.'));
    const names = await readdir(this.dir);
    const stale = names.filter((n) => n.startsWith(`${part}.`) && !n.startsWith(base) && /\.xml\.(br|gz)$/.test(n));
    await Promise.all(stale.map((n) => unlink(join(this.dir, n)).catch(() => undefined)));
  }
}

/**
 * Made once and read many times, so brotli's best quality where it is quick; a month of many
 * thousand articles at quality 11 would keep its first crawler waiting for seconds (see
 * docs/feeds.md for the figures), so large months are written at quality 9.
 */
export function brotliQuality(articles: number): number {
  return articles <= BROTLI_BEST_UP_TO ? 11 : 9;
}
const BROTLI_BEST_UP_TO = 1000;

/** The stored form a request takes: brotli, gzip, or the XML itself unzipped from the gzip file. */
export async function openMonthFile(
  files: MonthFiles,
  acceptEncoding: string,
): Promise<{ encoding: 'br' | 'gzip' | undefined; bytes?: number; stream: Readable }> {
  // Opened before anything is sent: a file removed meanwhile (a newer one was just made) is an
  // ENOENT here, which the caller answers by asking for the files again.
  if (/\bbr\b/.test(acceptEncoding)) return { encoding: 'br', bytes: files.br.bytes, stream: (await open(files.br.path)).createReadStream() };
  const gzip = (await open(files.gzip.path)).createReadStream();
  if (/\bgzip\b/.test(acceptEncoding)) return { encoding: 'gzip', bytes: files.gzip.bytes, stream: gzip };
  const xml = createGunzip();
  streamPipeline(gzip, xml, () => undefined);
  return { encoding: undefined, stream: xml };
}
