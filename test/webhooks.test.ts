import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { buildTestApp, TEST_NOW } from './helpers/app.ts';
import { AdminClient } from './helpers/admin-client.ts';
import { documentedVerifier, startReceiver, type Receiver, type Verify } from './helpers/webhook-receiver.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { WebhookSender } from '../src/webhooks/webhook-sender.ts';
import { RETRY_FOR_MS } from '../src/webhooks/webhook-retry.ts';
import type { App } from '../src/app.ts';

const PASSWORD = 'ঢাকা-2026-secret';
const doc = (...paragraphs: string[]) => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
// A receiver that hangs is cut off after this long here (10 s in production): bounded test time.
const TIMEOUT_MS = 1000;

for (const dialect of DIALECTS) {
  describe(`webhooks (${dialect})`, () => {
    let t: TestDatabase;
    let app: App;
    const clock = fixedClock(TEST_NOW);
    let admin: AdminClient;
    let receiver: Receiver;
    let verify: Verify;
    let deskId: number;
    let sectionId: number;
    let hook: { id: number; secret: string };
    const nowS = () => Math.floor(clock.now().getTime() / 1000);

    before(async () => {
      t = await createTestDatabase(dialect);
      app = await buildTestApp(t, clock, { webhookTimeoutMs: TIMEOUT_MS });
      const owner = await AdminClient.setup(app.server, 'সম্পাদক', 'admin@prokash.test', PASSWORD);
      // A token, not a session: the tests move the clock by days, past a session's life.
      admin = AdminClient.withToken(app.server, (await owner.call('POST', '/api/admin/tokens', { name: 'ওয়েবহুক পরীক্ষা', role: 'admin' }, 201)).secret);
      deskId = (await t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow()).id;
      sectionId = (await t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow()).id;
      receiver = await startReceiver();
      verify = await documentedVerifier();
    });
    after(async () => {
      await receiver.close();
      await app.server.close();
      await t.destroy();
    });

    /** Creates and publishes an article; answers its id. */
    async function publish(headline: string): Promise<number> {
      const input = { sectionId, headline, body: doc('প্রথম অনুচ্ছেদ।'), byline: { kind: 'desk', personIds: [deskId] }, tags: ['পরীক্ষা'] };
      const { article } = await admin.call<{ article: { id: number } }>('POST', '/api/admin/articles', input, 201);
      await admin.call('POST', `/api/admin/articles/${article.id}/publish`, undefined, 200);
      return article.id;
    }
    /** Waits until the events are applied (the outbox filled) and every due delivery was tried. */
    async function sendDue(): Promise<number> {
      await app.events.settle();
      return app.webhooks.sender.run();
    }
    const deliveries = (id = hook.id) =>
      admin.call<{
        items: {
          id: number;
          type: string;
          status: string;
          eventId: number | null;
          attempts: { statusCode: number | null; error: string | null; redelivery: boolean; durationMs: number; responseBody: string | null }[];
        }[];
      }>('GET', `/api/admin/webhooks/${id}/deliveries`, undefined, 200);

    test('only admins manage webhooks; others get 403', async () => {
      const { user } = await admin.call(
        'POST',
        '/api/admin/users',
        { name: 'সম্পাদক দুই', email: 'editor@prokash.test', role: 'editor', password: PASSWORD },
        201,
      );
      assert.ok(user.id);
      const editor = await AdminClient.login(app.server, 'editor@prokash.test', PASSWORD);
      for (const [method, url, body] of [
        ['GET', '/api/admin/webhooks', undefined],
        ['POST', '/api/admin/webhooks', { url: receiver.url, events: ['article.published'] }],
        ['POST', '/api/admin/webhooks/1/ping', undefined],
        ['GET', '/api/admin/webhooks/1/deliveries', undefined],
      ] as const) {
        const res = await editor.request(method, url, body);
        assert.equal(res.statusCode, 403, `${method} ${url}`);
        assert.equal(res.json().error.code, 'FORBIDDEN');
      }
      const anonymous = await app.server.inject({ method: 'GET', url: '/api/admin/webhooks' });
      assert.equal(anonymous.statusCode, 401);
    });

    test('bad input is a 400 with a Bengali and an English message, and nothing is stored', async () => {
      for (const url of ['ftp://example.com/hook', 'https://user:pw@example.com/hook', 'not a url', 'javascript:alert(1)']) {
        const res = await admin.request('POST', '/api/admin/webhooks', { url, events: ['article.published'] });
        assert.equal(res.statusCode, 400, url);
        const { error } = res.json();
        assert.equal(error.code, 'WEBHOOK_URL_INVALID', url);
        assert.match(error.messageBn, /ওয়েবহুকের ঠিকানা/);
        assert.match(error.message, /URL|http/);
        assert.deepEqual(
          error.details.map((d: { path: string }) => d.path),
          ['url'],
        );
      }
      for (const body of [
        { url: receiver.url, events: [] },
        { url: receiver.url, events: ['article.created'] },
        { url: receiver.url },
        { url: receiver.url, events: ['article.published'], secret: 'mine' },
      ]) {
        const res = await admin.request('POST', '/api/admin/webhooks', body);
        assert.equal(res.statusCode, 400, JSON.stringify(body));
        assert.equal(res.json().error.code, 'INVALID_INPUT');
        assert.match(res.json().error.messageBn, /[\u0980-\u09ff]/);
      }
      const patch = await admin.request('PATCH', '/api/admin/webhooks/999', { active: false });
      assert.equal(patch.statusCode, 404);
      assert.deepEqual((await admin.call('GET', '/api/admin/webhooks', undefined, 200)).items, []);
    });

    test('an endpoint is made with a server secret shown once; a publish delivers once, signed, with the API article', async () => {
      const made = await admin.call(
        'POST',
        '/api/admin/webhooks',
        {
          url: receiver.url,
          events: ['article.published', 'article.updated', 'article.unpublished', 'article.deleted', 'comment.approved'],
          description: 'অংশীদার অ্যাপ',
        },
        201,
      );
      assert.match(made.secret, /^whsec_[A-Za-z0-9_-]{43}$/);
      hook = { id: made.webhook.id, secret: made.secret };
      const listed = await admin.call('GET', '/api/admin/webhooks', undefined, 200);
      assert.equal(listed.items.length, 1);
      assert.doesNotMatch(JSON.stringify(listed), /whsec_/, 'the secret is never shown again');

      const id = await publish('ওয়েবহুক: প্রথম খবর');
      await sendDue();
      const [got] = await receiver.waitFor(1);
      assert.equal(receiver.received.length, 1);
      assert.equal(got!.headers['content-type'], 'application/json');
      assert.equal(got!.headers['user-agent'], 'Prokash-Webhooks/1');
      assert.equal(got!.headers['prokash-event'], 'article.published');
      assert.match(String(got!.headers['prokash-delivery']), /^\d+$/);
      assert.equal(verify(String(got!.headers['prokash-signature']), got!.body, hook.secret, nowS()), true, 'the documented recipe verifies it');
      assert.equal(verify(String(got!.headers['prokash-signature']), got!.body, 'whsec_wrong', nowS()), false);

      const payload = JSON.parse(got!.body);
      const event = await t.db
        .selectFrom('content_events')
        .select(['id', 'at'])
        .where('type', '=', 'article.published')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(payload.id, event.id, "the content event's id");
      assert.equal(payload.type, 'article.published');
      assert.equal(payload.createdAt, event.at);
      const api = await app.server.inject({ method: 'GET', url: `/api/v1/articles/${id}` });
      assert.deepEqual(payload.data.article, api.json().article, 'the public API shape, field for field');
      assert.equal(payload.data.article.headline, 'ওয়েবহুক: প্রথম খবর');
      assert.equal(payload.data.article.url, `http://prokash.test/national/${id}`);

      // Another pass, a restart of the sender, and the event read again: nothing is sent twice.
      assert.equal(await sendDue(), 0);
      const restarted = new WebhookSender({ db: t.db, clock, timeoutMs: TIMEOUT_MS });
      assert.equal(await restarted.run(), 0);
      await t.db.updateTable('event_cursors').set({ last_id: 0 }).where('name', '=', 'webhooks').execute();
      await app.jobs.stop();
      await app.jobs.renew(); // the lease taken again: the subscriber restarts from its saved cursor
      await sendDue();
      assert.equal(
        (await t.db.selectFrom('webhook_deliveries').select('id').where('event_id', '=', event.id).execute()).length,
        1,
        'one row per event and endpoint',
      );
      assert.equal(receiver.received.length, 1);
      const log = await deliveries();
      assert.equal(log.items[0]!.status, 'delivered');
      assert.equal(log.items[0]!.attempts.length, 1);
      assert.equal(log.items[0]!.attempts[0]!.statusCode, 200);
      assert.equal(log.items[0]!.attempts[0]!.responseBody, 'ok');
    });

    test('a receiver answering 500, then one that times out, is retried with backoff until a 2xx, then never again', async () => {
      receiver.received.length = 0;
      receiver.mode = 500;
      await publish('ওয়েবহুক: দ্বিতীয় খবর');
      await sendDue();
      await receiver.waitFor(1);
      let [delivery] = (await deliveries()).items;
      assert.equal(delivery!.status, 'pending');
      assert.equal(delivery!.attempts[0]!.statusCode, 500);
      assert.equal(delivery!.attempts[0]!.responseBody!.length, 1024, 'the first 1 KB of the answer is kept');
      const row = await t.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', delivery!.id).executeTakeFirstOrThrow();
      const wait = Date.parse(row.next_attempt_at!) - clock.now().getTime();
      assert.ok(wait >= 24_000 && wait <= 36_000, `about 30 s (${wait} ms)`);

      assert.equal(await sendDue(), 0, 'not before its time');
      clock.set(new Date(clock.now().getTime() + 40_000));
      receiver.mode = 'hang';
      await sendDue();
      [delivery] = (await deliveries()).items;
      assert.equal(delivery!.attempts.length, 2);
      assert.equal(delivery!.attempts[1]!.statusCode, null);
      assert.match(delivery!.attempts[1]!.error!, /no answer within/);
      assert.ok(delivery!.attempts[1]!.durationMs >= TIMEOUT_MS - 50);

      receiver.mode = 204;
      clock.set(new Date(clock.now().getTime() + 3 * 60_000));
      await sendDue();
      [delivery] = (await deliveries()).items;
      assert.equal(delivery!.status, 'delivered');
      assert.deepEqual(
        delivery!.attempts.map((a) => a.statusCode),
        [500, null, 204],
      );
      clock.set(new Date(clock.now().getTime() + 3600_000));
      assert.equal(await sendDue(), 0, 'acknowledged: never sent again');
      const bodies = new Set(receiver.received.map((r) => r.body));
      assert.equal(bodies.size, 1, 'every try sends the same bytes (the same id)');
      assert.equal(receiver.received.length, 3);
      clock.set(TEST_NOW);
    });

    test('a healthy endpoint gets events in order, each with a larger id; a failing one does not hold back the rest', async () => {
      receiver.received.length = 0;
      receiver.mode = 200;
      for (let i = 1; i <= 5; i++) await publish(`ক্রম ${i}`);
      await sendDue();
      await receiver.waitFor(5);
      const ids = receiver.received.map((r) => JSON.parse(r.body).id as number);
      assert.deepEqual(
        ids,
        [...ids].sort((a, b) => a - b),
      );
      assert.equal(new Set(ids).size, 5);
      assert.deepEqual(
        receiver.received.map((r) => JSON.parse(r.body).data.article.headline),
        ['ক্রম ১', 'ক্রম ২', 'ক্রম ৩', 'ক্রম ৪', 'ক্রম ৫'].map((h) => h.replace(/[১-৫]/, (d) => String('০১২৩৪৫৬৭৮৯'.indexOf(d)))),
      );
    });

    test('an admin redelivers a delivery and sends a test ping; both are logged', async () => {
      receiver.received.length = 0;
      const [latest] = (await deliveries()).items;
      const { delivery } = await admin.call('POST', `/api/admin/webhooks/${hook.id}/deliveries/${latest!.id}/redeliver`, undefined, 200);
      assert.equal(delivery.attempts.length, 2);
      assert.equal(delivery.attempts[1].redelivery, true);
      assert.equal(delivery.attempts[1].statusCode, 200);
      assert.equal(receiver.received.length, 1);
      assert.equal(JSON.parse(receiver.received[0]!.body).id, latest!.eventId, 'the same event id');
      const missing = await admin.request('POST', `/api/admin/webhooks/${hook.id}/deliveries/999999/redeliver`);
      assert.equal(missing.statusCode, 404);

      const ping = await admin.call('POST', `/api/admin/webhooks/${hook.id}/ping`, undefined, 200);
      assert.equal(ping.delivery.type, 'ping');
      assert.equal(ping.delivery.status, 'delivered');
      const got = receiver.received[1]!;
      assert.equal(got.headers['prokash-event'], 'ping');
      assert.equal(verify(String(got.headers['prokash-signature']), got.body, hook.secret, nowS()), true);

      const page = await admin.call('GET', `/api/admin/webhooks/${hook.id}/deliveries?limit=2`, undefined, 200);
      assert.equal(page.items.length, 2);
      assert.ok(page.items[0].id > page.items[1].id, 'newest first');
      const nextPage = await admin.call('GET', `/api/admin/webhooks/${hook.id}/deliveries?limit=2&before=${page.next}`, undefined, 200);
      assert.ok(nextPage.items.every((d: { id: number }) => d.id < page.next));
    });

    test('update, unpublish, delete and an approved comment are sent; a draft saved is not', async () => {
      receiver.received.length = 0;
      const id = await publish('ওয়েবহুক: বদলাবে');
      const { article } = await admin.call('GET', `/api/admin/articles/${id}`, undefined, 200);
      const saved = { sectionId, headline: 'ওয়েবহুক: বদলেছে', body: doc('প্রথম অনুচ্ছেদ।'), byline: { kind: 'desk', personIds: [deskId] }, tags: ['পরীক্ষা'] };
      await admin.call('PUT', `/api/admin/articles/${id}`, { ...saved, revision: article.revision }, 200);
      const { article: draft } = await admin.call(
        'POST',
        '/api/admin/articles',
        { sectionId, headline: 'খসড়া', body: doc('খসড়া।'), byline: { kind: 'desk', personIds: [deskId] } },
        201,
      );
      assert.ok(draft.id);
      const posted = await app.comments.post(id, { name: 'পাঠক', body: 'ভালো খবর।', parentId: null, website: '' }, { ip: '203.0.113.9' });
      if (posted.status === 'pending') await admin.call('POST', '/api/admin/comments/decide', { ids: [posted.id], action: 'approve' }, 200);
      await admin.call('POST', `/api/admin/articles/${id}/unpublish`, undefined, 200);
      await admin.call('DELETE', `/api/admin/articles/${id}`, undefined, 204);
      await sendDue();
      await receiver.waitFor(5).catch(() => assert.fail(receiver.received.map((r) => r.body.slice(0, 60)).join('\n')));
      const got = receiver.received.map((r) => JSON.parse(r.body));
      assert.deepEqual(
        got.map((p) => p.type),
        ['article.published', 'article.updated', 'comment.approved', 'article.unpublished', 'article.deleted'],
      );
      assert.equal(got[2].data.comment.body, 'ভালো খবর।');
      assert.equal(got[2].data.article.id, id);
      assert.deepEqual(got[4].data.article, { id, url: `http://prokash.test/national/${id}` });
    });

    test('after a rotation both secrets sign for 24 hours, then only the new one', async () => {
      receiver.received.length = 0;
      const { secret } = await admin.call('POST', `/api/admin/webhooks/${hook.id}/rotate-secret`, undefined, 200);
      assert.notEqual(secret, hook.secret);
      await admin.call('POST', `/api/admin/webhooks/${hook.id}/ping`, undefined, 200);
      const during = receiver.received[0]!;
      const header = String(during.headers['prokash-signature']);
      assert.equal(header.match(/v1=/g)!.length, 2);
      assert.equal(verify(header, during.body, secret, nowS()), true);
      assert.equal(verify(header, during.body, hook.secret, nowS()), true);
      clock.set(new Date(clock.now().getTime() + 24 * 3600_000 + 1000));
      await admin.call('POST', `/api/admin/webhooks/${hook.id}/ping`, undefined, 200);
      const afterwards = receiver.received[1]!;
      assert.equal(String(afterwards.headers['prokash-signature']).match(/v1=/g)!.length, 1);
      assert.equal(verify(String(afterwards.headers['prokash-signature']), afterwards.body, hook.secret, nowS()), false);
      assert.equal(verify(String(afterwards.headers['prokash-signature']), afterwards.body, secret, nowS()), true);
      hook.secret = secret;
      clock.set(TEST_NOW);
    });

    test('a delivery failing for 24 hours is marked failed and the endpoint paused; redirects are not followed', async () => {
      receiver.received.length = 0;
      receiver.mode = 302;
      await publish('ওয়েবহুক: ব্যর্থ হবে');
      const start = clock.now().getTime();
      let tries = await sendDue();
      for (let round = 0; round < 60; round++) {
        const next = await t.db
          .selectFrom('webhook_deliveries')
          .select('next_attempt_at')
          .where('status', '=', 'pending')
          .orderBy('next_attempt_at')
          .executeTakeFirst();
        if (!next?.next_attempt_at) break;
        clock.set(next.next_attempt_at);
        tries += await sendDue();
      }
      assert.ok(clock.now().getTime() - start <= RETRY_FOR_MS + 60_000, 'over at 24 hours');
      assert.ok(tries >= 25 && tries <= 40, `about 30 tries in 24 hours (${tries})`);
      const [delivery] = (await deliveries()).items;
      assert.equal(delivery!.status, 'failed');
      assert.match(delivery!.attempts[0]!.error!, /redirect not followed/);
      const { items } = await admin.call('GET', '/api/admin/webhooks', undefined, 200);
      assert.equal(items[0].active, false);
      assert.equal(items[0].pausedReason, 'failing');

      receiver.mode = 200;
      receiver.received.length = 0;
      await publish('ওয়েবহুক: থামানো অবস্থায়');
      await sendDue();
      assert.equal(receiver.received.length, 0, 'a paused endpoint gets nothing');
      const resumed = await admin.call('PATCH', `/api/admin/webhooks/${hook.id}`, { active: true }, 200);
      assert.equal(resumed.webhook.pausedReason, null);
      clock.set(TEST_NOW);
    });

    test('tries older than 30 days are pruned, with the finished deliveries left without any', async () => {
      const before = await t.db
        .selectFrom('webhook_attempts')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.ok(Number(before.n) > 0);
      const oldest = await t.db.selectFrom('webhook_deliveries').select('id').where('status', '=', 'delivered').orderBy('id').executeTakeFirstOrThrow();
      await t.db.updateTable('webhook_attempts').set({ at: '2026-10-01T00:00:00.000Z' }).where('delivery_id', '=', oldest.id).execute();
      await t.db.updateTable('webhook_deliveries').set({ created_at: '2026-10-01T00:00:00.000Z' }).where('id', '=', oldest.id).execute();
      const pruned = await app.webhooks.sender.prune(new Date(clock.now().getTime() - 30 * 24 * 3600_000).toISOString());
      assert.ok(pruned >= 1);
      assert.equal((await t.db.selectFrom('webhook_attempts').select('id').where('delivery_id', '=', oldest.id).execute()).length, 0);
      assert.equal((await t.db.selectFrom('webhook_deliveries').select('id').where('id', '=', oldest.id).execute()).length, 0);
      const after = await t.db
        .selectFrom('webhook_attempts')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n) - pruned, 'newer tries are kept');
    });

    test('a publish answers as fast with a receiver that hangs as without webhooks', async () => {
      receiver.mode = 'hang';
      const timed = async (headline: string) => {
        const started = performance.now();
        await publish(headline);
        return performance.now() - started;
      };
      await admin.call('PATCH', `/api/admin/webhooks/${hook.id}`, { active: false }, 200);
      const without = Math.min(await timed('ছাড়া ১'), await timed('ছাড়া ২'));
      await admin.call('PATCH', `/api/admin/webhooks/${hook.id}`, { active: true }, 200);
      const withHanging = Math.min(await timed('সহ ১'), await timed('সহ ২'));
      assert.ok(
        withHanging < without + 250 && withHanging < 1000,
        `publish ${withHanging.toFixed(0)} ms with a hanging receiver, ${without.toFixed(0)} ms without`,
      );
      await app.events.settle();
    });
  });
}
