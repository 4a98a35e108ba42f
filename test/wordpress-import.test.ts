import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { freePort, NODE_ARGS, runProkash, startProkash, stopProcess } from './helpers/processes.ts';
import { writeWordPressExport } from '../bench/wordpress-wxr.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/wordpress/', import.meta.url));
const EXPORT = join(FIXTURE, 'export.xml');
const UPLOADS = join(FIXTURE, 'uploads');
const SITE = 'https://old.example.com';
const BUDGET = 'বাজেট-ঘোষণা';
const CRICKET = 'ক্রিকেট-জয়';
const KHELA = encodeURIComponent('খেলা').toLowerCase();

/** Waits until `check` passes (a running server learns of an import within its poll interval). */
async function eventually(check: () => Promise<void>, limitMs = 15_000): Promise<void> {
  const until = Date.now() + limitMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

for (const dialect of DIALECTS) {
  describe(`prokash import --from wordpress (${dialect})`, () => {
    let t: TestDatabase;
    let env: Record<string, string>;
    let server: ChildProcess;
    let base = '';
    const ids = new Map<string, number>();
    const get = (path: string) => fetch(`${base}${path}`, { redirect: 'manual' });

    before(async () => {
      t = await createTestDatabase(dialect);
      env = { DATABASE_URL: t.url, MEDIA_DIR: join(t.dir, 'media') };
      const port = await freePort();
      // A server runs before and through the import: it must see the posts without a restart.
      server = await startProkash(['--port', String(port)], env, t.dir);
      base = `http://127.0.0.1:${port}`;
    });
    after(async () => {
      await stopProcess(server);
      await t.destroy();
    });

    test('imports the posts, skips and names the rest, exit 0', async () => {
      const run = await runProkash(['import', '--from', 'wordpress', EXPORT, '--uploads', UPLOADS], env, t.dir);
      assert.equal(run.code, 0, run.stderr + run.stdout);
      assert.match(run.stdout, /4 posts, 4 imported, 0 updated, 0 unchanged, 0 failed, 5 skipped/);
      assert.match(run.stdout, /skipped 1 × private post: "গোপন নোট"/);
      assert.match(run.stdout, /skipped 1 × page: "আমাদের সম্পর্কে"/);
      assert.match(run.stdout, /skipped 1 × menu item: "প্রচ্ছদ"/);
      assert.match(run.stdout, /skipped 2 × attachment/);
      assert.match(run.stdout, /1 unapproved comments were not imported/);
      assert.match(run.stdout, /images missing .*: 1 \(2025\/11\/missing-photo\.jpg\)/);
      for (const row of await t.db.selectFrom('import_keys').selectAll().execute()) ids.set(row.key.split(':').at(-1)!, row.article_id);
      assert.deepEqual([...ids.keys()].sort(), ['101', '102', '103', '104']);
      assert.ok(
        [...ids.keys()].every((k) => k),
        'keyed by the site and the post id',
      );
      assert.ok((await t.db.selectFrom('import_keys').select('key').execute()).every((r) => r.key.startsWith(`wordpress:${SITE}:`)));
    });

    test('sections, times, statuses, people and tags follow the WordPress rules', async () => {
      const articles = await t.db
        .selectFrom('articles')
        .innerJoin('sections', 'sections.id', 'articles.section_id')
        .select(['articles.id', 'status', 'published_at', 'scheduled_at', 'sections.path', 'sections.name', 'summary'])
        .where('articles.id', 'in', [...ids.values()])
        .execute();
      const byPost = (post: string) => articles.find((a) => a.id === ids.get(post))!;
      // Filed in জাতীয় and its child ঢাকা: lands in the child, named in Bengali.
      assert.deepEqual([byPost('101').path, byPost('101').name], ['national/dhaka', 'ঢাকা']);
      // A Bengali category slug gets an ASCII path of its own; its title stays Bengali.
      assert.deepEqual([byPost('102').path, byPost('102').name], ['category-4', 'খেলা']);
      const national = await t.db.selectFrom('sections').select('name').where('path', '=', 'national').executeTakeFirstOrThrow();
      assert.equal(national.name, 'জাতীয়');
      // post_date 2025-11-02 10:30:00 in Dhaka (+06:00) = post_date_gmt 04:30 UTC.
      assert.equal(byPost('101').published_at, '2025-11-02T04:30:00.000Z');
      assert.equal(byPost('101').summary, 'করমুক্ত আয়ের সীমা সাড়ে তিন লাখ টাকা।');
      assert.deepEqual([byPost('103').status, byPost('103').published_at], ['draft', null]);
      assert.deepEqual([byPost('104').status, byPost('104').scheduled_at], ['scheduled', '2026-12-20T03:00:00.000Z']);
      const people = await t.db.selectFrom('people').select('name').where('name', 'in', ['রহিম উদ্দিন', 'করিম হাসান']).execute();
      assert.equal(people.length, 2, 'both authors are people');
      const tags = await t.db.selectFrom('tags').select('name').where('name', 'in', ['বাজেট', 'অর্থনীতি', 'ক্রিকেট']).execute();
      assert.equal(tags.length, 3);
      assert.equal((await t.db.selectFrom('articles').select('id').where('headline', '=', 'গোপন নোট').execute()).length, 0, 'a private post is not imported');
    });

    test('a running server serves the imported posts, their images and comments, with nothing of the old host', async () => {
      const budget = `/national/dhaka/${ids.get('101')}`;
      await eventually(async () => assert.equal((await get(budget)).status, 200));
      const html = await (await get(budget)).text();
      assert.ok(html.includes('বাজেট ঘোষণা: করমুক্ত আয়ের সীমা বাড়ল'));
      assert.ok(html.includes('সংসদে বাজেট উপস্থাপন করছেন অর্থমন্ত্রী।'), 'the featured image keeps its attachment caption');
      assert.ok(html.includes('পিআইডি'), 'and its credit');
      assert.ok(html.includes('কারওয়ান বাজারে ক্রেতাদের ভিড়।'), 'an inline [caption] image is a figure with its caption');
      assert.ok(html.includes('ভালো বাজেট, তবে মূল্যস্ফীতির কী হবে?'), 'an approved comment shows');
      assert.ok(!html.includes('UNAPPROVED'), 'an unapproved comment never shows');
      for (const gone of ['wp-content', 'old.example.com', 'uploads.invalid', '[related_posts', '[gallery', '[caption', 'wp:paragraph']) {
        assert.ok(!html.includes(gone), `the page holds "${gone}"`);
      }
      const media = [...html.matchAll(/(?:src|srcset)="([^"]+)"/g)]
        .flatMap((m) => m[1]!.split(',').map((s) => s.trim().split(' ')[0]!))
        .filter((u) => u.includes('/media/'));
      assert.ok(media.length >= 2, 'the featured and the inline image are served by the site');
      for (const url of new Set(media)) {
        const res = await get(new URL(url, base).pathname);
        assert.equal(res.status, 200, url);
        assert.match(res.headers.get('content-type') ?? '', /^image\//);
      }
      const cricket = await (await get(`/category-4/${ids.get('102')}`)).text();
      assert.ok(cricket.includes('করিম হাসান'));
      assert.ok(cricket.includes('খেলার পরের সংবাদ সম্মেলন সন্ধ্যায়।'), 'an unknown shortcode goes, its text stays');
      assert.ok(!cricket.includes('[su_note') && !cricket.includes('[embed'), 'no shortcode is shown as text');
      assert.ok(cricket.includes('dQw4w9WgXcQ'), '[embed] of a YouTube video becomes an embed');
      const section = await (await get('/category-4')).text();
      assert.ok(section.includes('খেলা'));
    });

    test('every old link of the export answers one 301 to its article', async () => {
      const budget = `/national/dhaka/${ids.get('101')}`;
      const cricket = `/category-4/${ids.get('102')}`;
      const encoded = encodeURIComponent(BUDGET);
      const links: Array<[string, string]> = [
        [`/2025/11/02/${encoded.toLowerCase()}/`, budget],
        [`/2025/11/02/${encoded}/`, budget],
        [`/2025/11/02/${encoded}`, budget],
        [`/2025/11/02/${BUDGET}/`, budget],
        ['/2025/11/02/budget-2025/', budget], // _wp_old_slug
        ['/national/dhaka/budget-2025/', budget],
        [`/national/dhaka/${encoded}/`, budget], // /%category%/%postname%/
        ['/?p=101', budget],
        ['/archives/101', budget],
        [`/${KHELA}/${encodeURIComponent(CRICKET)}/`, cricket], // the export's own <link>
        [`/${KHELA.toUpperCase()}/${CRICKET}`, cricket],
        [`/2025/11/10/${encodeURIComponent(CRICKET)}/`, cricket],
        ['/?p=102', cricket],
        ['/archives/102', cricket],
      ];
      const stored = await t.db
        .selectFrom('redirects')
        .select(['path', 'article_id'])
        .where('article_id', 'in', [ids.get('101')!, ids.get('102')!])
        .execute();
      for (const r of stored) links.push([encodeURI(r.path), r.article_id === ids.get('101') ? budget : cricket]);
      await eventually(async () => assert.equal((await get('/?p=101')).status, 301));
      for (const [link, target] of links) {
        const res = await get(link);
        assert.equal(res.status, 301, link);
        assert.equal(res.headers.get('location'), target, link);
        assert.equal((await get(target)).status, 200, `${link}: one hop`);
      }
    });

    test('old links of drafts, scheduled and private posts answer 404, never the home page', async () => {
      for (const link of ['/?p=103', '/2025/11/20/election-prep/', '/?p=104', '/2026/12/20/metro-line/', '/2025/11/05/private-note/', '/?p=105', '/about/']) {
        const res = await get(link);
        assert.equal(res.status, 404, link);
        assert.equal(res.headers.get('location'), null, link);
      }
    });

    test('a second run of the same file changes nothing', async () => {
      const count = async () => ({
        articles: (await t.db.selectFrom('articles').select('id').execute()).length,
        redirects: (await t.db.selectFrom('redirects').select('path').execute()).length,
        comments: (await t.db.selectFrom('comments').select('id').execute()).length,
        events: (await t.db.selectFrom('content_events').select('id').execute()).length,
        images: (await t.db.selectFrom('images').select('id').execute()).length,
      });
      const before = await count();
      const run = await runProkash(['import', '--from', 'wordpress', EXPORT, '--uploads', UPLOADS], env, t.dir);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /4 posts, 0 imported, 0 updated, 4 unchanged, 0 failed/);
      assert.deepEqual(await count(), before);
    });

    test('bad arguments are refused with exit 2', async () => {
      assert.equal((await runProkash(['import', '--from', 'wordpress', join(t.dir, 'nope.xml')], env, t.dir)).code, 2);
      assert.equal((await runProkash(['import', '--from', 'wordpress', EXPORT, '--uploads', join(t.dir, 'nope')], env, t.dir)).code, 2);
      assert.equal((await runProkash(['import', '--from', 'drupal', EXPORT], env, t.dir)).code, 2);
    });

    test('killed with SIGKILL in the middle, a rerun completes without duplicates', async () => {
      const file = join(t.dir, 'many.xml');
      await writeWordPressExport(file, 3000);
      const child = spawn(process.execPath, [...NODE_ARGS, 'import', '--from', 'wordpress', file], {
        cwd: t.dir,
        env: { ...process.env, PROKASH_FROM_SOURCE: '1', LOG_LEVEL: 'silent', ...env },
        stdio: 'ignore',
      });
      const keyed = async () =>
        (await t.db.selectFrom('import_keys').select('key').where('key', 'like', 'wordpress:https://bench.example.com:%').execute()).length;
      await eventually(async () => assert.ok((await keyed()) > 0), 60_000);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('close', r));
      const partial = await keyed();
      assert.ok(partial < 3000, `killed before the end (${partial} written)`);
      const rerun = await runProkash(['import', '--from', 'wordpress', file], env, t.dir, 120_000);
      assert.equal(rerun.code, 0, rerun.stderr);
      assert.match(rerun.stdout, new RegExp(`3000 posts, ${3000 - partial} imported, 0 updated, ${partial} unchanged`));
      assert.equal(await keyed(), 3000);
      const posts = await t.db.selectFrom('articles').select('id').where('headline', 'like', '% 1500').execute();
      assert.equal(posts.length, 1, 'no post twice');
    });
  });
}
