import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../test/helpers/databases.ts';
import { fixedClock } from '../lib/clock.ts';
import { AUTH_LIMITS, AuthService, csrfTokenFor, csrfTokenMatches } from './auth.service.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

test('passwords are scrypt hashes that verify only the right password', async () => {
  const hash = await hashPassword('সোনার বাংলা ১৯৭১');
  assert.match(hash, /^scrypt\$32768\$8\$1\$/);
  assert.equal(await verifyPassword('সোনার বাংলা ১৯৭১', hash), true);
  assert.equal(await verifyPassword('সোনার বাংলা ১৯৭২', hash), false);
  assert.notEqual(await hashPassword('same'), await hashPassword('same'), 'salted');
});

test('the CSRF token belongs to its session', () => {
  const token = csrfTokenFor('session-a');
  assert.equal(csrfTokenMatches('session-a', token), true);
  assert.equal(csrfTokenMatches('session-b', token), false);
  assert.equal(csrfTokenMatches('session-a', ''), false);
});

for (const dialect of DIALECTS) {
  describe(`sessions and tokens (${dialect})`, () => {
    let t: TestDatabase;
    const clock = fixedClock('2026-11-27T06:00:00Z');
    before(async () => {
      t = await createTestDatabase(dialect);
    });
    after(async () => t.destroy());

    test('a session ends after the idle limit and after the absolute limit, and on sign-out', async () => {
      const auth = new AuthService(t.db, clock);
      const user = await auth.createUser({ name: 'ক', email: 'k@prokash.test', role: 'editor', password: 'long-enough-1' }, null);
      const meta = { ip: '127.0.0.1', userAgent: 'test' };
      const idle = await auth.openSession(user, meta);
      clock.set(new Date(Date.parse('2026-11-27T06:00:00Z') + AUTH_LIMITS.sessionIdleMs - 60_000));
      assert.equal((await auth.sessionUser(idle.token))?.id, user.id, 'still alive just before the idle limit');
      clock.set(new Date(Date.parse('2026-11-27T06:00:00Z') + 2 * AUTH_LIMITS.sessionIdleMs - 90_000));
      assert.equal((await auth.sessionUser(idle.token))?.id, user.id, 'use keeps it alive');
      clock.set(new Date(Date.parse('2026-11-27T06:00:00Z') + 3 * AUTH_LIMITS.sessionIdleMs));
      assert.equal(await auth.sessionUser(idle.token), undefined, 'idle too long');

      clock.set('2026-11-27T06:00:00Z');
      const busy = await auth.openSession(user, meta);
      const step = AUTH_LIMITS.sessionIdleMs / 2;
      let at = Date.parse('2026-11-27T06:00:00Z');
      while (at + step < Date.parse('2026-11-27T06:00:00Z') + AUTH_LIMITS.sessionMaxMs) {
        at += step;
        clock.set(new Date(at));
        assert.ok(await auth.sessionUser(busy.token));
      }
      clock.set(new Date(Date.parse('2026-11-27T06:00:00Z') + AUTH_LIMITS.sessionMaxMs));
      assert.equal(await auth.sessionUser(busy.token), undefined, 'absolute limit');

      clock.set('2026-11-27T06:00:00Z');
      const s = await auth.openSession(user, meta);
      await auth.closeSession(s.token);
      assert.equal(await auth.sessionUser(s.token), undefined);
      const stored = await t.db.selectFrom('sessions').select('token_hash').execute();
      assert.ok(
        stored.every((r) => r.token_hash !== s.token && r.token_hash.length === 64),
        'only hashes are stored',
      );
    });

    test('API tokens are stored hashed and name their role', async () => {
      const auth = new AuthService(t.db, clock);
      const { secret } = await auth.createToken('wire', 'sub-editor', null);
      assert.match(secret, /^pk_[A-Za-z0-9_-]{32}$/);
      assert.deepEqual(await auth.tokenActor(secret), { role: 'sub-editor', userId: null, name: 'token:wire' });
      assert.equal(await auth.tokenActor(`${secret}x`), undefined);
      const rows = await t.db.selectFrom('api_tokens').select('token_hash').execute();
      assert.ok(!rows.some((r) => r.token_hash.includes(secret)));
    });
  });
}
