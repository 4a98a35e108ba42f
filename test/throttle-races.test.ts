// The sign-in throttle and the comment rate limit under requests that truly overlap: the app
// listens on 127.0.0.1 and the requests go over real HTTP at once, then the answers are counted.
// Before, each counted first and recorded after, so 45 parallel wrong passwords were all checked
// (the limit is 10) and parallel comments got past the 5-per-address limit on PostgreSQL.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { DIALECTS } from './helpers/databases.ts';
import { useTestApp } from './helpers/app.ts';
import { AdminClient } from './helpers/admin-client.ts';
import { AUTH_LIMITS } from '../src/newsroom/auth.service.ts';
import { COMMENT_LIMITS } from '../src/engage/comments/comment.service.ts';

const PASSWORD = 'ঢাকা-2026-secret';
const EDITOR_KEY = `acct:${createHash('sha256').update('editor@prokash.test').digest('hex')}`;

for (const dialect of DIALECTS) {
  describe(`throttles under parallel requests (${dialect})`, () => {
    const ctx = useTestApp(dialect);
    let base = '';

    before(async () => {
      await AdminClient.setup(ctx.app.server, 'সম্পাদক', 'editor@prokash.test', PASSWORD);
      await ctx.app.server.listen({ port: 0, host: '127.0.0.1' });
      const address = ctx.app.server.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });

    async function signInStorm(email: string, address: string, n: number) {
      const answers = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          fetch(`${base}/api/admin/session`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
            body: JSON.stringify({ email, password: `wrong password ${i}` }),
          }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error: { code: string; message: string; messageBn: string } } })),
        ),
      );
      return answers;
    }

    test('45 parallel wrong passwords for one account: at most the limit are checked, the rest refused', async () => {
      const answers = await signInStorm('editor@prokash.test', '198.51.100.1', 45);
      const checked = answers.filter((a) => a.status === 401);
      const refused = answers.filter((a) => a.status === 429);
      assert.equal(checked.length + refused.length, 45, JSON.stringify(answers.map((a) => a.status)));
      assert.ok(checked.length <= AUTH_LIMITS.refuseAfter, `${checked.length} passwords checked; the limit is ${AUTH_LIMITS.refuseAfter}`);
      assert.ok(refused.every((a) => a.body.error.code === 'RATE_LIMITED'));
      const failures = await ctx.t.db.selectFrom('login_failures').select('key').where('key', '=', EDITOR_KEY).execute();
      assert.equal(failures.length, checked.length, 'every checked try is recorded');
      assert.ok(failures.length <= AUTH_LIMITS.refuseAfter, `refused tries leave no failure behind (${failures.length})`);

      // An unknown account looks the same under the same storm: no enumeration by answer.
      const unknown = await signInStorm('nobody@prokash.test', '198.51.100.2', 45);
      assert.ok(unknown.filter((a) => a.status === 401).length <= AUTH_LIMITS.refuseAfter);
      const bodies = (list: typeof answers, status: number) => new Set(list.filter((a) => a.status === status).map((a) => JSON.stringify(a.body)));
      for (const status of [401, 429]) {
        const [known, other] = [bodies(answers, status), bodies(unknown, status)];
        assert.ok(known.size <= 1 && other.size <= 1, 'one answer per status');
        if (known.size && other.size) assert.deepEqual(other, known, `the ${status} answers are the same`);
      }
    });

    test('a second storm, then single tries: no more than the limit are ever checked in the window; then even the right password waits', async () => {
      const second = await signInStorm('editor@prokash.test', '198.51.100.4', 45);
      let checked = (await ctx.t.db.selectFrom('login_failures').select('key').where('key', '=', EDITOR_KEY).execute()).length;
      assert.ok(checked <= AUTH_LIMITS.refuseAfter, `${checked} checked over two storms`);
      assert.ok(second.every((a) => a.status === 401 || a.status === 429));
      const one = (password: string) =>
        fetch(`${base}/api/admin/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.3' },
          body: JSON.stringify({ email: 'editor@prokash.test', password }),
        }).then((r) => r.status);
      for (let i = 0; i <= AUTH_LIMITS.refuseAfter; i++) {
        const status = await one(`still wrong ${i}`);
        if (status === 429) break;
        assert.equal(status, 401);
        checked++;
      }
      assert.equal(checked, AUTH_LIMITS.refuseAfter, 'exactly the limit, counting every storm');
      assert.equal(await one(PASSWORD), 429);
    });

    test('parallel comments from one address: exactly the limit are taken', async () => {
      const n = COMMENT_LIMITS.perAddress + 7;
      const statuses = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          fetch(`${base}/api/v1/articles/251042/comments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.99' },
            body: JSON.stringify({ name: 'পাঠক', body: `একই ঠিকানা থেকে ${i + 1} নম্বর মন্তব্য` }),
          }).then((r) => r.status),
        ),
      );
      const taken = statuses.filter((s) => s === 201 || s === 202).length;
      assert.equal(taken, COMMENT_LIMITS.perAddress, JSON.stringify(statuses));
      assert.equal(statuses.filter((s) => s === 429).length, n - COMMENT_LIMITS.perAddress);
      const stored = await ctx.t.db.selectFrom('comments').select('id').where('body', 'like', 'একই ঠিকানা%').execute();
      assert.equal(stored.length, COMMENT_LIMITS.perAddress);
    });
  });
}
