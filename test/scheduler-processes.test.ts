import { articleInput } from './helpers/fixtures.ts';
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { ArticleService } from '../src/content/articles/article.service.ts';
import { ContentWriter } from '../src/content/events/content-writer.ts';
import { AuthService } from '../src/newsroom/auth.service.ts';
import { fixedClock } from '../src/lib/clock.ts';
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

    test('a due article is published once, dated at its time, and both processes serve it; a later one waits', async () => {
      // The newsroom scheduled these a minute ago (its clock), for times that have come since,
      // except the last: the processes find two due at their first look and must publish each once.
      const realNow = Date.now();
      const newsroomClock = fixedClock(new Date(realNow - 60_000));
      const now = newsroomClock.now().toISOString();
      const section = await ensureSectionPath(t.db, 'national', now, { national: 'জাতীয়' });
      const desk = await ensurePerson(t.db, { kind: 'desk', name: 'প্রকাশ ডেস্ক' }, now);
      const auth = new AuthService(t.db, newsroomClock);
      const editor = await auth.createUser({ name: 'সম্পাদক', email: 'ed@prokash.test', role: 'editor', password: 'long-enough-password' }, null);
      const articles = new ArticleService({ db: t.db, clock: newsroomClock, writer: new ContentWriter({ db: t.db, clock: newsroomClock }) });
      const actor = { role: editor.role, userId: editor.id, name: editor.name };
      const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'নির্ধারিত সময়ে প্রকাশিত।' }] }] };
      const make = (headline: string) => articles.create(actor, articleInput(section.id, desk.id, { headline, body }));
      const due = await make('ঠিক সময়ে প্রকাশ');
      const later = await make('এক ঘণ্টা পরে প্রকাশ');
      const dueAt = new Date(realNow - 30_000);
      await articles.schedule(actor, due.id, dueAt);
      await articles.schedule(actor, later.id, new Date(realNow + 3_600_000));

      const ports = [await freePort(), await freePort()];
      const env = { DATABASE_URL: t.url, MEDIA_DIR: join(t.dir, 'media') };
      children.push(...(await Promise.all(ports.map((port) => startProkash(['--no-demo', '--port', String(port)], env, t.dir)))));
      const url = (port: number, id: number) => `http://127.0.0.1:${port}/national/${id}`;

      const status = async (id: number) => (await t.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
      await until(async () => (await status(due.id)) === 'published', 'the due article is published');
      // Each process serves it once the event reaches it (the other reads the log when told, or on its next poll).
      for (const port of ports) await until(async () => (await fetch(url(port, due.id))).status === 200, `process on ${port} serves it`);

      // One more article comes due now: when it is published, the scheduler has looked again since
      // the first, and that look must not have published the first a second time.
      const next = await make('পরের খবর');
      await t.db
        .updateTable('articles')
        .set({ status: 'scheduled', scheduled_at: new Date(realNow - 10_000).toISOString() })
        .where('id', '=', next.id)
        .execute();
      await until(async () => (await status(next.id)) === 'published', 'the next due article is published');

      const entries = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'article.publish').where('target_id', '=', String(due.id)).execute();
      assert.equal(entries.length, 1, 'published exactly once');
      const row = await t.db.selectFrom('articles').select('published_at').where('id', '=', due.id).executeTakeFirstOrThrow();
      assert.equal(row.published_at, dueAt.toISOString(), 'dated at its scheduled time');
      assert.equal(await status(later.id), 'scheduled', 'not before its time');
      for (const port of ports) assert.equal((await fetch(url(port, later.id))).status, 404);
    });
  });
}

/** Waits for a condition, checking every 50 ms, for at most 15 s (then fails with `what`). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`${what}: not within 15 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
