// Issue 15: a failed image write must leave nothing behind. The faults are real file-system
// failures that hold for root too (tests may run as root, where chmod stops nothing): a folder
// standing where a variant file must go (rename fails, EISDIR) and a file standing where a folder
// must be made (ENOTDIR).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { buildTestApp, TEST_NOW } from './helpers/app.ts';
import { AdminClient, multipartBody } from './helpers/admin-client.ts';
import { ERRORS } from '../src/lib/errors.ts';
import type { App } from '../src/app.ts';

const MONTH = `${TEST_NOW.slice(0, 4)}/${TEST_NOW.slice(5, 7)}`; // where TEST_NOW's uploads go

/** Every file and folder under `dir`, relative to it. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.map((e) => relative(dir, join(e.parentPath, e.name)) + (e.isDirectory() ? '/' : '')).sort();
}

/** A JPEG no other test uploads (its colour is its seed). */
async function photo(seed: number): Promise<Buffer> {
  const background = { r: seed % 256, g: (seed * 7) % 256, b: (seed * 13) % 256 };
  return sharp({ create: { width: 1500, height: 1000, channels: 3, background } })
    .jpeg()
    .toBuffer();
}

const baseOf = (bytes: Buffer) => `${MONTH}/${createHash('sha256').update(bytes).digest('hex').slice(0, 20)}`;

for (const dialect of DIALECTS) {
  describe(`a failed image write leaves nothing behind (${dialect})`, () => {
    let t: TestDatabase;
    let app: App;
    let admin: AdminClient;
    let media: string;

    before(async () => {
      t = await createTestDatabase(dialect);
      app = await buildTestApp(t, undefined, { seed: false });
      media = join(t.dir, 'media');
      admin = await AdminClient.setup(app.server, 'সম্পাদক', 'editor@prokash.test', 'ঢাকা-2026-secret');
    });
    after(async () => {
      await app.server.close();
      await t.destroy();
    });

    const upload = (bytes: Buffer) => {
      const body = multipartBody({ name: 'photo.jpg', type: 'image/jpeg', data: bytes }, { caption: 'নদীর ছবি' });
      return app.server.inject({
        method: 'POST',
        url: '/api/admin/media',
        payload: body.payload,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': body.contentType },
      });
    };
    const rows = async (bytes: Buffer) => {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const images = await t.db.selectFrom('images').select('id').where('sha256', '=', sha).execute();
      const variants = await t.db
        .selectFrom('image_variants')
        .select('image_id')
        .where('path', 'like', `${baseOf(bytes)}%`)
        .execute();
      return { images: images.length, variants: variants.length };
    };

    test('a variant that cannot be written half way: 507, no row, no file, no .tmp; the same upload then works', async () => {
      const bytes = await photo(1);
      const base = baseOf(bytes);
      // The original and the first variants are written before this one fails.
      const blocker = join(media, `${base}-720.webp`);
      await mkdir(blocker, { recursive: true });
      const before = await tree(media);

      const failed = await upload(bytes);
      assert.equal(failed.statusCode, 507, failed.body);
      const { error } = failed.json();
      assert.equal(error.code, 'MEDIA_UNWRITABLE');
      assert.equal(error.messageBn, ERRORS.MEDIA_UNWRITABLE.bn);
      assert.deepEqual(error.details, { errno: 'EISDIR' });
      assert.doesNotMatch(failed.body, new RegExp(media.replaceAll('/', '\\/')), 'the answer does not show the server path');
      assert.deepEqual(await rows(bytes), { images: 0, variants: 0 }, 'no row is left');
      assert.deepEqual(await tree(media), before, 'no file is left: not the original, not a variant, not a .tmp');

      await rm(blocker, { recursive: true });
      const again = await upload(bytes);
      assert.equal(again.statusCode, 201, again.body);
      const image = again.json().image;
      assert.deepEqual(
        image.variants.map((v: { format: string; width: number }) => `${v.format}:${v.width}`).sort(),
        [...[320, 480, 720, 960, 1280].map((w) => `avif:${w}`), ...[320, 480, 720, 960, 1280, 1500].flatMap((w) => [`webp:${w}`, `jpeg:${w}`])].sort(),
        'the second upload is complete, not the remains of the first',
      );
      for (const v of image.variants) assert.equal((await app.server.inject({ method: 'GET', url: v.url })).statusCode, 200, v.url);
      assert.deepEqual(await rows(bytes), { images: 1, variants: 17 });
      assert.deepEqual(
        (await tree(media)).filter((p) => p.endsWith('.tmp')),
        [],
      );
    });

    test('a media folder that cannot be made (a file in its place): 507 with nothing written, then it works', async () => {
      const bytes = await photo(2);
      // As a full or read-only disk: the month's folder cannot be created.
      await rm(join(media, MONTH), { recursive: true, force: true });
      await mkdir(join(media, MONTH.slice(0, 4)), { recursive: true });
      await writeFile(join(media, MONTH), 'not a folder');
      const failed = await upload(bytes);
      assert.equal(failed.statusCode, 507, failed.body);
      assert.equal(failed.json().error.code, 'MEDIA_UNWRITABLE');
      assert.deepEqual(await rows(bytes), { images: 0, variants: 0 });
      assert.deepEqual(await tree(media), [`${MONTH.slice(0, 4)}/`, MONTH]);

      await rm(join(media, MONTH));
      const again = await upload(bytes);
      assert.equal(again.statusCode, 201, again.body);
      assert.deepEqual(await rows(bytes), { images: 1, variants: 17 });
    });

    // chmod stops nobody when the tests run as root; the two faults above hold for every user.
    test(
      'a read-only media folder: 507 with nothing written',
      { skip: process.getuid?.() === 0 ? 'running as root: chmod does not stop writes' : false },
      async () => {
        const bytes = await photo(3);
        const month = join(media, MONTH);
        await mkdir(month, { recursive: true });
        await chmod(month, 0o555);
        try {
          const failed = await upload(bytes);
          assert.equal(failed.statusCode, 507, failed.body);
          assert.deepEqual(failed.json().error.details, { errno: 'EACCES' });
          assert.deepEqual(await rows(bytes), { images: 0, variants: 0 });
        } finally {
          await chmod(month, 0o755);
        }
      },
    );
  });
}
