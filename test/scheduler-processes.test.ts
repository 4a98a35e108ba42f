import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { ArticleService } from '../src/content/articles/article.service.ts';
import { ContentWriter } from '../src/content/events/content-writer.ts';
import { AuthService } from '../src/newsroom/auth.service.ts';
import { systemClock } from '../src/lib/clock.ts';
import { ensureSectionPath } from '../src/content/sections/section.repository.ts';
import { ensurePerson } from '../src/content/people/person.repository.ts';
import { freePort, startProkash, stopProcess } from './helpers/processes.ts';

for (const dialect of DIALECTS) {
  describe(`scheduled publishing with two processes (${dialect})`, () => {
    let t: TestDatabase;
    const children: ChildProcess[] = [];
    before(async () => {
      t = await createTestDatabase(dialect);
    });
    after(async () => {
      for (const child of children) await stopProcess(child);
      await t.destroy();
    });

    test('the article is published once, on time, and both processes serve it', async () => {
      const now = new Date().toISOString();
      const section = await ensureSectionPath(t.db, 'national', now, { national: 'জাতীয়' });
      const desk = await ensurePerson(t.db, { kind: 'desk', name: 'প্রকাশ ডেস্ক' }, now);
      const auth = new AuthService(t.db, systemClock);
      const editor = await auth.createUser({ name: 'সম্পাদক', email: 'ed@prokash.test', role: 'editor', password: 'long-enough-password' }, null);
      const articles = new ArticleService({ db: t.db, clock: systemClock, writer: new ContentWriter({ db: t.db, clock: systemClock }) });
      const actor = { role: editor.role, userId: editor.id, name: editor.name };
      const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'নির্ধারিত সময়ে প্রকাশিত।' }] }] };
      const article = await articles.create(actor, {
        sectionId: section.id, kicker: '', headline: 'ঠিক সময়ে প্রকাশ', subheadline: '', summary: '', body,
        byline: { kind: 'desk', personIds: [desk.id] }, districtId: null, edition: 'online', printPage: null, breaking: false,
        imageId: null, imageCaption: null, imageCredit: null, imageAlt: null, tags: [],
      });

      const ports = [await freePort(), await freePort()];
      const env = { DATABASE_URL: t.url, MEDIA_DIR: join(t.dir, 'media') };
      children.push(...(await Promise.all(ports.map((port) => startProkash(['--no-demo', '--port', String(port)], env, t.dir)))));
      const at = new Date(Date.now() + 3000);
      await articles.schedule(actor, article.id, at);
      const url = (port: number) => `http://127.0.0.1:${port}/national/${article.id}`;
      assert.equal((await fetch(url(ports[0]!))).status, 404, 'not before its time');

      const deadline = Date.now() + 15_000;
      let publishedSeenAt = 0;
      while (Date.now() < deadline) {
        const row = await t.db.selectFrom('articles').select('status').where('id', '=', article.id).executeTakeFirstOrThrow();
        if (row.status === 'published') {
          publishedSeenAt = Date.now();
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(publishedSeenAt, 'published within 15 s');
      assert.ok(publishedSeenAt - at.getTime() < 2500, `published ${publishedSeenAt - at.getTime()} ms after its time`);
      // The process that published serves it at once; the other within its next read of the event log.
      for (const port of ports) {
        let status = 0;
        while ((status = (await fetch(url(port))).status) !== 200 && Date.now() - publishedSeenAt < 1000) await new Promise((r) => setTimeout(r, 20));
        assert.equal(status, 200, `process on ${port} serves it within a second (${Date.now() - publishedSeenAt} ms)`);
      }
      await new Promise((r) => setTimeout(r, 2500)); // both schedulers have ticked again since
      const entries = await t.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'article.publish')
        .where('target_id', '=', String(article.id))
        .execute();
      assert.equal(entries.length, 1, 'published exactly once');
      const row = await t.db.selectFrom('articles').select('published_at').where('id', '=', article.id).executeTakeFirstOrThrow();
      assert.equal(row.published_at, at.toISOString(), 'dated at its scheduled time');
    });
  });
}
