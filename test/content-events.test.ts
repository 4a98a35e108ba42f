import { articleInput } from './helpers/fixtures.ts';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase } from './helpers/databases.ts';
import { TEST_NOW, useTestApp } from './helpers/app.ts';
import { fixedClock } from '../src/lib/clock.ts';
import type { Actor } from '../src/content/permissions.ts';
import { ContentWriter } from '../src/content/events/content-writer.ts';
import { EventDispatcher } from '../src/content/events/event-dispatcher.ts';
import { eventCursors, lastEventId, pruneEvents, readEvents } from '../src/content/events/event-log.ts';
import type { LoggedEvent } from '../src/content/events/content-event.ts';
import { importArticles } from '../src/content/exchange/import-articles.ts';

const EDITOR: Actor = { role: 'admin', userId: null, name: 'সম্পাদক' };

for (const dialect of DIALECTS) {
  describe(`content events (${dialect})`, () => {
    const ctx = useTestApp(dialect);

    const eventsAfter = async (id: number) => readEvents(ctx.t.db, id, 1000);
    const input = async (headline: string) => {
      const section = await ctx.t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow();
      const desk = await ctx.t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow();
      return articleInput(section.id, desk.id, {
        headline,
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ঘটনার বিবরণ।' }] }] },
        tags: ['ঘটনা'],
      });
    };

    test('every write appends its typed event in its own transaction, dated by the clock', async () => {
      const start = await lastEventId(ctx.t.db);
      const a = await ctx.app.articles.create(EDITOR, await input('ঘটনার খবর'));
      const saved = await ctx.app.articles.save(EDITOR, a.id, await input('ঘটনার খবর, হালনাগাদ'), a.revision, false);
      await ctx.app.articles.publish(EDITOR, a.id);
      await ctx.app.articles.addCorrection(EDITOR, a.id, 'নাম ভুল ছিল।');
      await ctx.app.articles.unpublish(EDITOR, a.id);
      await ctx.app.articles.schedule(EDITOR, a.id, new Date(Date.parse(TEST_NOW) + 60_000));
      await ctx.app.articles.remove(EDITOR, a.id);
      const events = await eventsAfter(start);
      assert.deepEqual(
        events.map((e) => e.type),
        ['article.created', 'article.updated', 'article.published', 'article.corrected', 'article.unpublished', 'article.scheduled', 'article.deleted'],
      );
      for (const e of events) assert.equal(e.at, new Date(TEST_NOW).toISOString(), `${e.type} is dated by the clock`);
      const published = events.find((e) => e.type === 'article.published');
      assert.ok(published);
      assert.equal(published.payload.id, a.id);
      assert.equal(published.payload.before?.status, 'draft');
      assert.equal(published.payload.after?.status, 'published');
      assert.equal(published.payload.after.tagIds.length, 1);
      assert.equal(saved.revision, 2);
      const deleted = events.at(-1)!;
      assert.ok(deleted.type === 'article.deleted' && deleted.payload.after === null && deleted.payload.before?.status === 'scheduled');
    });

    test('a write that fails leaves no event; a refused transition neither', async () => {
      const a = await ctx.app.articles.create(EDITOR, await input('দ্বন্দ্বের খবর'));
      const start = await lastEventId(ctx.t.db);
      await assert.rejects(ctx.app.articles.save(EDITOR, a.id, await input('পুরোনো সংস্করণে'), a.revision + 5, false), /CONFLICT|saved by someone else/);
      await assert.rejects(ctx.app.articles.unpublish(EDITOR, a.id), /cannot unpublish/);
      assert.equal(await lastEventId(ctx.t.db), start);
      assert.deepEqual(await eventsAfter(start), []);
    });

    test('comments, people, sections, settings, the home page and imports announce themselves', async () => {
      const start = await lastEventId(ctx.t.db);
      await ctx.app.comments.decide(EDITOR, [], 'approve').catch(() => {}); // nothing to decide: no event
      const comment = await ctx.app.comments.post(251042, { name: 'পাঠক', body: 'ভালো প্রতিবেদন।', parentId: null, website: '' }, { ip: '10.0.0.1' });
      await ctx.app.comments.decide(EDITOR, [comment.id!], 'approve');
      const imported = await importArticles({
        writer: ctx.app.writer,
        lines: [
          JSON.stringify({
            id: 990001,
            section: 'national',
            headline: 'আমদানি করা খবর',
            body: 'প্রথম অনুচ্ছেদ।',
            byline: { desk: 'প্রকাশ ডেস্ক' },
            published_at: '2026-11-27T10:00:00+06:00',
            status: 'published',
            tags: [],
          }),
        ],
        baseDir: ctx.t.dir,
        mediaDir: `${ctx.t.dir}/media`,
        clock: fixedClock(TEST_NOW),
      });
      assert.equal(imported.created, 1);
      const types = (await eventsAfter(start)).map((e) => e.type);
      assert.deepEqual(types, ['comment.approved', 'comments.changed', 'article.imported']);
      const approved = (await eventsAfter(start)).find((e) => e.type === 'comment.approved');
      assert.deepEqual(approved?.payload, { id: comment.id, articleId: 251042 });
      assert.equal((await ctx.get('/national/990001')).statusCode, 200, 'an import reaches this process at once');
    });
  });

  describe(`the event dispatcher (${dialect})`, () => {
    test('a failing subscriber is retried alone from the log; the others and the writes carry on', async () => {
      const t = await createTestDatabase(dialect);
      try {
        const clock = fixedClock(TEST_NOW);
        const seen: number[] = [];
        const retried: number[] = [];
        let failures = 2;
        const dispatcher = new EventDispatcher({
          db: t.db,
          pollMs: 0,
          subscribers: [
            { name: 'steady', scope: 'process', types: ['home.curated'], apply: (events) => void seen.push(...events.map((e) => e.id)), resync() {} },
            {
              name: 'flaky',
              scope: 'process',
              types: ['home.curated'],
              apply(events: readonly LoggedEvent[]) {
                if (failures-- > 0) throw new Error('the index is down');
                retried.push(...events.map((e) => e.id));
              },
              resync() {},
            },
          ],
        });
        await dispatcher.start();
        const writer = new ContentWriter({ db: t.db, clock, announce: () => dispatcher.drain() });
        for (let i = 0; i < 3; i++) await writer.write((_trx, emit) => (emit({ type: 'home.curated', payload: { articleIds: [i] } }), Promise.resolve()));
        assert.deepEqual(seen, [1, 2, 3], 'the steady subscriber has every event at once');
        const failing = dispatcher.status().find((s) => s.name === 'flaky')!;
        assert.ok(failing.failing && failing.failing.attempts >= 1, 'the failure shows in the status');
        assert.ok(failing.applied < 3);
        const deadline = Date.now() + 10_000;
        while (retried.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        assert.deepEqual(retried, [1, 2, 3], 'the failed events came again, from the log, in order');
        await dispatcher.settle();
        const recovered = dispatcher.status().find((s) => s.name === 'flaky')!;
        assert.equal(recovered.failing, undefined);
        assert.equal(recovered.applied, 3);
        dispatcher.stop();
      } finally {
        await t.destroy();
      }
    });

    test('a failing delivery (the wake-up of other processes) never fails the write; the log still has the event', async () => {
      const t = await createTestDatabase(dialect);
      try {
        const writer = new ContentWriter({
          db: t.db,
          clock: fixedClock(TEST_NOW),
          announce: () => {
            throw new Error('NOTIFY failed: connection lost');
          },
        });
        const stalled = new ContentWriter({ db: t.db, clock: fixedClock(TEST_NOW), announce: () => new Promise(() => {}), announceWaitMs: 50 });
        assert.equal(await writer.write((_trx, emit) => (emit({ type: 'home.curated', payload: { articleIds: [1] } }), Promise.resolve('written'))), 'written');
        assert.equal(
          await stalled.write((_trx, emit) => (emit({ type: 'home.curated', payload: { articleIds: [2] } }), Promise.resolve('written'))),
          'written',
          'a delivery that hangs is waited for briefly',
        );
        assert.deepEqual(
          (await readEvents(t.db, 0, 10)).map((e) => e.type === 'home.curated' && e.payload.articleIds[0]),
          [1, 2],
        );
      } finally {
        await t.destroy();
      }
    });

    test('a shared subscriber carries on from its saved cursor, in whichever process holds the lease', async () => {
      const t = await createTestDatabase(dialect);
      try {
        const clock = fixedClock(TEST_NOW);
        const cursors = eventCursors(t.db, () => TEST_NOW);
        const writer = new ContentWriter({ db: t.db, clock });
        const applied: Array<[string, number]> = [];
        const make = (name: string) =>
          new EventDispatcher({
            db: t.db,
            pollMs: 0,
            subscribers: [
              {
                name: 'search-index',
                scope: 'shared',
                types: ['home.curated'],
                apply: (events) => void applied.push(...events.map((e): [string, number] => [name, e.id])),
                resync() {},
              },
            ],
          });
        const first = make('first');
        await first.start();
        await first.setShared(true, cursors);
        await writer.write((_trx, emit) => (emit({ type: 'home.curated', payload: { articleIds: [1] } }), Promise.resolve()));
        await first.settle();
        await first.setShared(false, cursors); // the lease moved on
        first.stop();
        await writer.write((_trx, emit) => (emit({ type: 'home.curated', payload: { articleIds: [2] } }), Promise.resolve()));
        const second = make('second');
        await second.start();
        await second.setShared(true, cursors);
        await second.settle();
        assert.deepEqual(
          applied,
          [
            ['first', 1],
            ['second', 2],
          ],
          'each event applied once, by the holder of the time',
        );
        assert.equal(await cursors.read('search-index'), 2);
        second.stop();
      } finally {
        await t.destroy();
      }
    });

    test('a process cut off while the log was pruned rebuilds instead of missing events', async () => {
      const t = await createTestDatabase(dialect);
      try {
        const writer = new ContentWriter({ db: t.db, clock: fixedClock('2026-01-01T00:00:00Z') });
        let resyncs = 0;
        const dispatcher = new EventDispatcher({
          db: t.db,
          pollMs: 0,
          subscribers: [
            {
              name: 'pages',
              scope: 'process',
              types: ['home.curated'],
              apply() {},
              resync: () => {
                resyncs++;
              },
            },
          ],
        });
        await dispatcher.start();
        for (let i = 0; i < 3; i++) await writer.write((_trx, emit) => (emit({ type: 'home.curated', payload: { articleIds: [i] } }), Promise.resolve()));
        assert.equal(await pruneEvents(t.db, '2027-01-01T00:00:00Z', 1), 2, 'all but the newest pruned');
        await dispatcher.drain();
        assert.equal(resyncs, 1);
        assert.equal(dispatcher.status()[0]!.applied, 3);
        dispatcher.stop();
      } finally {
        await t.destroy();
      }
    });
  });

  describe(`a failing subscriber in the server (${dialect})`, () => {
    const ctx = useTestApp(dialect);

    test('degrades to a stale page, never a failed write or a 500, and catches up', async () => {
      const routes = ctx.app.routes;
      const apply = routes.apply.bind(routes);
      routes.apply = () => {
        throw new Error('route map broken');
      };
      try {
        const national = await ctx.t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow();
        const desk = await ctx.t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow();
        const a = await ctx.app.articles.create(EDITOR, articleInput(national.id, desk.id, { headline: 'ভাঙা সাবস্ক্রাইবার' }));
        const published = await ctx.app.articles.publish(EDITOR, a.id);
        assert.equal(published.status, 'published', 'the write succeeded');
        const stale = await ctx.get(`/national/${a.id}`);
        assert.equal(stale.statusCode, 404, 'this process does not know yet: a stale answer, not a 500');
        assert.ok(ctx.app.events.status().find((s) => s.name === 'routes')?.failing);
        routes.apply = apply;
        const deadline = Date.now() + 10_000;
        let status = 0;
        while ((status = (await ctx.get(`/national/${a.id}`)).statusCode) !== 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        assert.equal(status, 200, 'retried from the log once it works again');
        assert.equal(ctx.app.events.status().find((s) => s.name === 'routes')?.failing, undefined);
      } finally {
        routes.apply = apply;
      }
    });
  });
}
