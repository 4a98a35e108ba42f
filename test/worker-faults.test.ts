// `prokash start --workers 2` under faults: a scheduled publish that fell due while nothing ran,
// and one worker killed with SIGKILL under traffic.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { articleInput } from './helpers/fixtures.ts';
import { freePort, startProkash, stopProcess } from './helpers/processes.ts';
import { ArticleService } from '../src/content/articles/article.service.ts';
import { ContentWriter } from '../src/content/events/content-writer.ts';
import { AuthService } from '../src/newsroom/auth.service.ts';
import { systemClock } from '../src/lib/clock.ts';
import { ensureSectionPath } from '../src/content/sections/section.repository.ts';
import { ensurePerson } from '../src/content/people/person.repository.ts';

/** One GET on a connection of its own: its status, or 0 when it was never answered. */
function get(port: number, path: string, token = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false, headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: 0, body: '' }));
    });
    // A connection handed to the worker as it dies is never answered; a live worker on a busy
    // machine (CI runs two test files beside Chromium) can take seconds, which is not a loss.
    req.setTimeout(15_000, () => req.destroy(new Error('no answer in 15 s')));
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end();
  });
}

for (const dialect of DIALECTS) {
  describe(`two workers under faults (${dialect})`, () => {
    let t: TestDatabase;
    let cluster: ChildProcess | undefined;
    before(async () => {
      t = await createTestDatabase(dialect);
    });
    after(async () => {
      if (cluster) await stopProcess(cluster);
      await t.destroy();
    });

    test('a publish that fell due while every process was down is published at start, once; a worker killed under traffic loses only its own requests', async () => {
      const realNow = Date.now();
      const now = new Date(realNow - 60_000).toISOString();
      const section = await ensureSectionPath(t.db, 'national', now, { national: 'জাতীয়' });
      const desk = await ensurePerson(t.db, { kind: 'desk', name: 'প্রকাশ ডেস্ক' }, now);
      const auth = new AuthService(t.db, systemClock);
      const editor = await auth.createUser({ name: 'সম্পাদক', email: 'ed@prokash.test', role: 'editor', password: 'long-enough-password' }, null);
      const token = (await auth.createToken('পরীক্ষা', 'admin', null)).secret;
      const articles = new ArticleService({ db: t.db, clock: systemClock, writer: new ContentWriter({ db: t.db, clock: systemClock }) });
      const actor = { role: editor.role, userId: editor.id, name: editor.name };
      const due = await articles.create(actor, articleInput(section.id, desk.id, { headline: 'বন্ধ থাকার সময় নির্ধারিত খবর' }));
      await articles.schedule(actor, due.id, new Date(realNow + 3_600_000));
      // It fell due while nothing ran.
      await t.db
        .updateTable('articles')
        .set({ scheduled_at: new Date(realNow - 30_000).toISOString() })
        .where('id', '=', due.id)
        .execute();

      const port = await freePort();
      cluster = await startProkash(['--no-demo', '--port', String(port), '--workers', '2'], { DATABASE_URL: t.url, MEDIA_DIR: join(t.dir, 'media') }, t.dir);
      let noticedAt = 0;
      cluster.stderr!.on('data', (d: Buffer) => {
        if (!noticedAt && /worker \d+ stopped \(SIGKILL\)/.test(d.toString())) noticedAt = Date.now();
      });
      const path = `/national/${due.id}`;
      await until(async () => (await get(port, path)).status === 200, 'the due article served');
      const publishes = await t.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'article.publish')
        .where('target_id', '=', String(due.id))
        .execute();
      assert.equal(publishes.length, 1, 'published exactly once by the two workers');

      const pids = async () => {
        const seen = new Set<number>();
        for (let i = 0; i < 6; i++) {
          const res = await get(port, '/api/admin/health', token);
          if (res.status === 200) seen.add((JSON.parse(res.body) as { pid: number }).pid);
        }
        return seen;
      };
      // The first worker may serve before the second listens (a busy machine): wait for both.
      let workers = new Set<number>();
      await until(async () => (workers = await pids()).size === 2, 'both workers answering');
      const victim = [...workers][0]!;

      // Eight readers, one request at a time each, until the primary has replaced the worker.
      const answers: Array<{ started: number; status: number }> = [];
      let replaced = false;
      const reader = async () => {
        while (!replaced) {
          const started = Date.now();
          answers.push({ started, status: (await get(port, path)).status });
        }
      };
      const readers = Array.from({ length: 8 }, reader);
      await until(async () => answers.length >= 40, 'traffic flowing');
      process.kill(victim, 'SIGKILL');
      await until(async () => {
        const now = await pids();
        return now.size === 2 && !now.has(victim);
      }, 'a new worker in its place');
      const afterReplacement = answers.length;
      await until(async () => answers.length >= afterReplacement + 40, 'traffic after the replacement');
      replaced = true;
      await Promise.all(readers);

      assert.ok(noticedAt > 0, 'the primary saw the worker die');
      const lost = answers.filter((a) => a.status !== 200);
      assert.ok(lost.length <= 8, `at most the requests in flight on the killed worker were lost (${lost.length})`);
      assert.deepEqual(
        lost.filter((a) => a.started > noticedAt),
        [],
        'nothing lost once the primary knew',
      );
      assert.ok(answers.filter((a) => a.status === 200).length >= 80);
      const publishesAfter = await t.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'article.publish')
        .where('target_id', '=', String(due.id))
        .execute();
      assert.equal(publishesAfter.length, 1, 'the new worker did not publish it again');
    });
  });
}

/** Waits for a condition, checking every 20 ms, for at most 60 s (then fails with `what`). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`${what}: not within 60 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
