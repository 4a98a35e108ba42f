// `prokash backup` while a server takes writes, then `prokash restore` into a new database: every
// article, comment, view count, user and image (files included) committed before the backup began.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DIALECTS, POSTGRES_URL, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { articleInput, writeTestImage } from './helpers/fixtures.ts';
import { freePort, runProkash, startProkash, stopProcess } from './helpers/processes.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/database.ts';
import { AuthService } from '../src/newsroom/auth.service.ts';
import { systemClock } from '../src/lib/clock.ts';
import { ensureSectionPath } from '../src/content/sections/section.repository.ts';
import { ensurePerson } from '../src/content/people/person.repository.ts';

for (const dialect of DIALECTS) {
  describe(`backup while serving, restore into an empty database (${dialect})`, () => {
    let t: TestDatabase;
    const children: ChildProcess[] = [];
    const cleanups: Array<() => Promise<void>> = [];
    before(async () => {
      t = await createTestDatabase(dialect);
    });
    after(async () => {
      for (const child of children) await stopProcess(child);
      for (const cleanup of cleanups.reverse()) await cleanup();
      await t.destroy();
    });

    test('a backup taken under publishes, comments and views restores everything committed before it began', async () => {
      const now = new Date().toISOString();
      const sectionId = (await ensureSectionPath(t.db, 'national', now, { national: 'জাতীয়' })).id;
      const deskId = (await ensurePerson(t.db, { kind: 'desk', name: 'প্রকাশ ডেস্ক' }, now)).id;
      const auth = new AuthService(t.db, systemClock);
      await auth.createUser({ name: 'সম্পাদক', email: 'ed@prokash.test', role: 'editor', password: 'long-enough-password' }, null);
      const token = (await auth.createToken('পরীক্ষা', 'admin', null)).secret;
      const port = await freePort();
      const env = { DATABASE_URL: t.url, MEDIA_DIR: join(t.dir, 'media') };
      children.push(await startProkash(['--no-demo', '--port', String(port)], env, t.dir));
      const base = `http://127.0.0.1:${port}`;
      const admin = (method: string, path: string, body?: unknown) =>
        fetch(`${base}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      let published = 0;
      const publish = async () => {
        const created = await admin('POST', '/api/admin/articles', articleInput(sectionId, deskId, { headline: `সংরক্ষণের খবর ${++published}` }));
        assert.equal(created.status, 201);
        const id = ((await created.json()) as { article: { id: number } }).article.id;
        assert.equal((await admin('POST', `/api/admin/articles/${id}/publish`)).status, 200);
        return id;
      };
      const comment = (id: number, n: number) =>
        fetch(`${base}/api/v1/articles/${id}/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: `পাঠক ${n}`, body: `মন্তব্য নম্বর ${n}` }),
        });
      const view = (id: number, n: number) => fetch(`${base}/api/v1/articles/${id}/views`, { method: 'POST', headers: { 'user-agent': `reader-${n}` } });

      // What exists before: articles, images with their files, comments, counted views.
      const ids = [await publish(), await publish(), await publish()];
      for (const colour of ['#8a2b2b', '#2b8a2b']) {
        const path = join(t.dir, `upload-${colour.slice(1)}.jpg`);
        await writeTestImage(path, 640, 360, colour);
        const form = new FormData();
        form.append('file', new Blob([await readFile(path)], { type: 'image/jpeg' }), 'photo.jpg');
        form.append('caption', 'সংরক্ষণের ছবি');
        const res = await fetch(`${base}/api/admin/media`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
        assert.equal(res.status, 201, await res.text());
      }
      for (let n = 0; n < 3; n++) assert.ok([201, 202].includes((await comment(ids[n]!, n)).status));
      for (let n = 0; n < 20; n++) assert.equal((await view(ids[n % 3]!, n)).status, 204);
      await until(async () => (await t.db.selectFrom('view_counts').select('views').execute()).length > 0, 'views flushed');

      // The write load goes on through the backup.
      const state = { stop: false };
      let n = 100;
      const load = (async () => {
        while (!state.stop) {
          const id = await publish();
          await comment(id, ++n);
          await view(id, n);
          await view(ids[0]!, n);
        }
      })();
      await until(async () => published >= 5, 'the load is writing');
      const before = await snapshot(t, t.db);
      const run = await runProkash(['backup', join(t.dir, 'site.tar')], env, t.dir);
      state.stop = true;
      await load;
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /Backed up .* and \d+ media files to/);

      // Restore into a new, empty database and media folder.
      const restored = await emptyDatabase(dialect, t, cleanups);
      const restoreEnv = { DATABASE_URL: restored.url, MEDIA_DIR: join(t.dir, 'restored-media') };
      const back = await runProkash(['restore', join(t.dir, 'site.tar')], restoreEnv, t.dir);
      assert.equal(back.code, 0, back.stderr);
      const handle = await restored.open();
      try {
        const after = await snapshot({ dir: t.dir, mediaDir: restoreEnv.MEDIA_DIR }, handle.db);
        // An article the load changed after the snapshot may come back in that later state.
        const articles = [...before.articles.keys()].filter((id) => !(after.articles.get(id)! >= before.articles.get(id)!));
        assert.deepEqual(articles, [], 'articles committed before the backup, restored as they were or later');
        for (const kind of ['comments', 'users', 'images'] as const) {
          const missing = [...before[kind].keys()].filter((k) => after[kind].get(k) !== before[kind].get(k));
          assert.deepEqual(missing, [], `${kind} committed before the backup, restored as they were`);
        }
        for (const [key, views] of before.views) assert.ok((after.views.get(key) ?? 0) >= views, `views of ${key}`);
        assert.ok(before.images.size >= 2 && before.comments.size >= 3 && before.views.size >= 1);
      } finally {
        await handle.close();
      }
      // The restored site serves.
      const restoredPort = await freePort();
      const server = await startProkash(['--no-demo', '--port', String(restoredPort)], restoreEnv, t.dir);
      children.push(server);
      assert.equal((await fetch(`http://127.0.0.1:${restoredPort}/national/${ids[0]!}`)).status, 200);
      await stopProcess(server);

      // A database that is not empty is refused, and left as it was.
      const again = await runProkash(['restore', join(t.dir, 'site.tar')], { ...restoreEnv, MEDIA_DIR: join(t.dir, 'other-media') }, t.dir);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /is not empty .*restore only into an empty database. Nothing was changed/);
    });
  });
}

// Articles by modified_at (a later state sorts after); the rest by their content.
type Snapshot = Record<'articles' | 'comments' | 'users' | 'images', Map<number, string>> & { views: Map<string, number> };

/** What the database holds, by id: each row's content, and each image with its files' bytes. */
async function snapshot(where: { dir: string; mediaDir?: string }, db: DatabaseHandle['db']): Promise<Snapshot> {
  const mediaDir = where.mediaDir ?? join(where.dir, 'media');
  const articles = await db.selectFrom('articles').select(['id', 'modified_at']).execute();
  const comments = await db.selectFrom('comments').select(['id', 'body', 'status']).execute();
  const users = await db.selectFrom('users').select(['id', 'email', 'role']).execute();
  const images = await db.selectFrom('images').select(['id', 'path', 'caption']).execute();
  const variants = await db.selectFrom('image_variants').select(['image_id', 'path']).execute();
  const views = await db.selectFrom('view_counts').select(['article_id', 'hour', 'views']).execute();
  const files = async (image: { id: number; path: string }) => {
    const paths = [image.path, ...variants.filter((v) => v.image_id === image.id).map((v) => v.path)].sort();
    const hashes = await Promise.all(paths.map(async (p) => `${p}:${(await readFile(join(mediaDir, p))).toString('base64').slice(-40)}`));
    return hashes.join(',');
  };
  return {
    articles: new Map(articles.map((r) => [r.id, r.modified_at])),
    comments: new Map(comments.map((r) => [r.id, `${r.body}|${r.status}`])),
    users: new Map(users.map((r) => [r.id, `${r.email}|${r.role}`])),
    images: new Map(await Promise.all(images.map(async (r) => [r.id, `${r.caption}|${await files(r)}`] as [number, string]))),
    views: new Map(views.map((r) => [`${r.article_id}@${r.hour}`, r.views])),
  };
}

/** A new empty database of the dialect: a new SQLite file, or a new PostgreSQL database (dropped after). */
async function emptyDatabase(
  dialect: string,
  t: TestDatabase,
  cleanups: Array<() => Promise<void>>,
): Promise<{ url: string; open: () => Promise<DatabaseHandle> }> {
  if (dialect === 'sqlite') {
    const url = `sqlite:${join(t.dir, 'restored.db')}`;
    return { url, open: () => openDatabase(url) };
  }
  const name = `prokash_restore_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: POSTGRES_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  url.searchParams.set('schema', 'restored');
  return { url: url.toString(), open: () => openDatabase(url.toString()) };
}

/** Waits for a condition, checking every 50 ms, for at most 20 s (then fails with `what`). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`${what}: not within 20 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
