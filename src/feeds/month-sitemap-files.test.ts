import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { SectionTree } from '../content/sections/section-tree.ts';
import { MonthSitemapFiles, type MonthFingerprint } from './month-sitemap-files.ts';

describe('month sitemap files', () => {
  const dirs: string[] = [];
  after(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });
  const fingerprint = (count: number): MonthFingerprint => ({
    part: { year: 2026, month: 11, part: 1 },
    count,
    lastmod: '2026-11-30T12:00:00.000Z',
    siteUrl: 'http://prokash.test',
    timeZone: 'Asia/Dhaka',
    tree: new SectionTree([]),
  });

  // Chunks far above the compressors' buffers fill both at once; gzip then drains while brotli is
  // still awaited. Waiting afterwards for a 'drain' gzip has already emitted never ended: the
  // month was never written, the request never answered (seen on a large month in CI).
  test('a month larger than both compressors can hold at once is written whole, not left waiting', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prokash-month-files-'));
    dirs.push(dir);
    const chunks = Array.from({ length: 6 }, () => randomBytes(150_000).toString('hex'));
    async function* content() {
      yield* chunks;
    }
    const files = await new MonthSitemapFiles(dir).files(fingerprint(5000), content);
    const whole = chunks.join('');
    assert.equal(brotliDecompressSync(await readFile(files.br.path)).toString(), whole);
    assert.equal(gunzipSync(await readFile(files.gzip.path)).toString(), whole);
    assert.deepEqual((await readdir(dir)).sort(), [files.br.path, files.gzip.path].map((p) => p.slice(dir.length + 1)).sort(), 'no temporary file left');
  });

  test('a failing source leaves no file behind, and the next request writes the month', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prokash-month-files-'));
    dirs.push(dir);
    const files = new MonthSitemapFiles(dir);
    async function* failing() {
      yield '<urlset>';
      throw new Error('connection lost');
    }
    await assert.rejects(files.files(fingerprint(3), failing), /connection lost/);
    assert.deepEqual(await readdir(dir), []);
    async function* good() {
      yield '<urlset></urlset>';
    }
    const made = await files.files(fingerprint(3), good);
    assert.equal(gunzipSync(await readFile(made.gzip.path)).toString(), '<urlset></urlset>');
  });
});
