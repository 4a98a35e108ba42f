import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../../test/helpers/databases.ts';
import { fixedClock } from '../../lib/clock.ts';
import { ViewCounter, isBot } from './view-counter.ts';
import { PopularLists } from './popular-lists.ts';

const UA = (n: number) => `Mozilla/5.0 (Linux; Android 13; Reader ${n}) Chrome/120 Mobile`;

test('known bots and empty agents are not readers', () => {
  for (const ua of ['Googlebot/2.1', 'facebookexternalhit/1.1', 'curl/8.0', 'python-requests/2.31', '', 'Mozilla/5.0 (compatible; bingbot/2.0)'])
    assert.equal(isBot(ua), true, ua);
  assert.equal(isBot(UA(1)), false);
});

for (const dialect of DIALECTS) {
  describe(`view counting (${dialect})`, () => {
    let t: TestDatabase;
    const clock = fixedClock('2026-11-27T06:05:00Z');
    const total = async (articleId: number) => {
      const row = await t.db
        .selectFrom('view_counts')
        .select((eb) => eb.fn.sum<number | string | null>('views').as('n'))
        .where('article_id', '=', articleId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    };
    before(async () => {
      t = await createTestDatabase(dialect);
    });
    after(async () => t.destroy());

    test('a reader counts once per article per 30-minute window, without a write per view', async () => {
      const counter = new ViewCounter(t.db, clock, 'secret');
      for (let i = 0; i < 5; i++) counter.record(1, '192.0.2.1', UA(1));
      counter.record(1, '192.0.2.2', UA(1));
      counter.record(1, '192.0.2.1', 'Googlebot/2.1');
      assert.equal(await total(1), 0, 'nothing written before a flush');
      assert.equal(await counter.flush(), 2);
      assert.equal(await total(1), 2);
      counter.record(1, '192.0.2.1', UA(1));
      assert.equal(await counter.flush(), 0, 'the same reader in the same window');
      clock.set('2026-11-27T06:31:00Z');
      counter.record(1, '192.0.2.1', UA(1));
      assert.equal(await counter.flush(), 1, 'a new window counts again');
    });

    test('two processes counting the same readers together count each once', async () => {
      clock.set('2026-11-27T07:05:00Z');
      const a = new ViewCounter(t.db, clock, 'secret');
      const b = new ViewCounter(t.db, clock, 'secret');
      for (let n = 0; n < 300; n++) {
        (n % 2 ? a : b).record(2, '192.0.2.10', UA(n % 200)); // 200 readers, 100 of them twice, across both
      }
      await Promise.all([a.flush(), b.flush()]);
      assert.equal(await total(2), 200);
      a.record(2, '192.0.2.11', UA(1));
      await a.stop(); // shutdown writes what is pending
      assert.equal(await total(2), 201);
    });

    test('popular lists follow the counted views', async () => {
      clock.set('2026-11-27T08:00:00Z');
      const ids = (await t.db.selectFrom('articles').select('id').execute()).map((r) => r.id);
      // This database has no articles: popular lists only rank published ones.
      const popular = new PopularLists(t.db, clock);
      await popular.recompute();
      assert.deepEqual(popular.ids('24h'), ids);
    });
  });
}
