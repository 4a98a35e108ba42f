import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../../test/helpers/databases.ts';
import { fixedClock } from '../../lib/clock.ts';
import { VIEW_LIMITS, ViewCounter, addressKey, isBot } from './view-counter.ts';
import { PopularLists } from './popular-lists.ts';

const UA = (n: number) => `Mozilla/5.0 (Linux; Android 13; Reader ${n}) Chrome/120 Mobile`;

test('an IPv6 reader is known by the /64, an IPv4 one by the whole address', () => {
  assert.equal(addressKey('2001:db8:aa:bb:1:2:3:4'), '2001:db8:aa:bb::/64');
  assert.equal(addressKey('2001:0DB8:00aa:bb::9'), '2001:db8:aa:bb::/64');
  assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(addressKey('::1'), '0:0:0:0::/64');
  assert.equal(addressKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
  assert.equal(addressKey('203.0.113.5'), '203.0.113.5');
  assert.equal(addressKey('::ffff:203.0.113.5'), '::ffff:203.0.113.5');
});

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
        (n % 2 ? a : b).record(2, `10.1.0.${n % 200}`, UA(n % 200)); // 200 readers, 100 of them twice, across both
      }
      await Promise.all([a.flush(), b.flush()]);
      assert.equal(await total(2), 200);
      a.record(2, '192.0.2.11', UA(1));
      await a.stop(); // shutdown writes what is pending
      assert.equal(await total(2), 201);
    });

    test('an address counts at most its share of readers of an article, however many agents it sends', async () => {
      clock.set('2026-11-27T09:05:00Z');
      const counter = new ViewCounter(t.db, clock, 'secret');
      for (let n = 0; n < 500; n++) counter.record(3, '198.51.100.20', UA(n)); // one script, 500 agents
      for (let n = 0; n < 500; n++) counter.record(3, `2001:db8:aa:bb:${n.toString(16)}::1`, UA(n)); // one IPv6 /64
      for (let n = 0; n < 100; n++) counter.record(3, `10.2.0.${n}`, UA(n)); // 100 readers on their own addresses
      await counter.flush();
      assert.equal(await total(3), 2 * VIEW_LIMITS.perAddress + 100);
      for (let n = 0; n < 10; n++) counter.record(4, '198.51.100.20', UA(n)); // another article: its own share
      await counter.stop();
      assert.equal(await total(4), 10);
    });

    test('articles that are not public are not counted, and do not take memory', async () => {
      clock.set('2026-11-27T10:05:00Z');
      const counter = new ViewCounter(t.db, clock, 'secret', undefined, (id) => id === 5);
      assert.equal(counter.record(5, '192.0.2.30', UA(1)), true);
      for (const id of [6, 2_147_483_000]) assert.equal(counter.record(id, '192.0.2.30', UA(1)), false);
      await counter.stop();
      assert.equal(await total(5), 1);
      const stray = await t.db.selectFrom('view_seen').select('article_id').where('article_id', 'in', [6, 2_147_483_000]).execute();
      assert.deepEqual(stray, []);
    });

    test('the pending map stays bounded while a flush is under way: beyond it beacons are dropped', async () => {
      clock.set('2026-11-27T11:05:00Z');
      const saved = VIEW_LIMITS.maxPending;
      VIEW_LIMITS.maxPending = 100;
      try {
        const counter = new ViewCounter(t.db, clock, 'secret');
        let taken = 0;
        // All at once, in one turn of the event loop: the first early flush is still writing.
        for (let n = 0; n < 350; n++) if (counter.record(7, `10.3.${n >> 8}.${n & 255}`, UA(n))) taken++;
        assert.equal(taken, 200, 'one map being written and one full map, no more');
        await counter.stop();
        assert.equal(await total(7), 200, 'what was taken is counted');
      } finally {
        VIEW_LIMITS.maxPending = saved;
      }
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
