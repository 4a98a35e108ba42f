import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PreviewLinks, PREVIEW_LINK_TTL_MS } from './preview-link.ts';

const NOW = new Date('2026-11-27T06:00:00Z');
const links = new PreviewLinks('a-secret-of-the-site');

test('a link names one article until 48 hours from when it was made', () => {
  const link = links.make(251042, NOW);
  assert.equal(PREVIEW_LINK_TTL_MS, 48 * 3600_000);
  assert.equal(link.expiresAt.toISOString(), '2026-11-29T06:00:00.000Z');
  assert.equal(link.path, `/preview/251042?t=${link.token}`);
  assert.deepEqual(links.check(251042, link.token, NOW), { ok: true, expiresAt: link.expiresAt });
  assert.equal(links.check(251042, link.token, new Date(link.expiresAt.getTime() - 1)).ok, true);
  assert.deepEqual(links.check(251042, link.token, link.expiresAt), { ok: false, reason: 'expired', expiresAt: link.expiresAt });
});

test('anything else is invalid: another article, another expiry, another secret, any changed character, not a token', () => {
  const { token } = links.make(7, NOW);
  const [expires, signature] = token.split('.') as [string, string];
  const cases: unknown[] = [
    `${Number(expires) + 1}.${signature}`,
    `${expires}.${signature.slice(0, -1)}`,
    `${expires}.${signature}x`,
    '',
    'abc',
    undefined,
    ['x'],
    ...[...signature].map((c, i) => `${expires}.${signature.slice(0, i)}${c === 'A' ? 'B' : 'A'}${signature.slice(i + 1)}`),
  ];
  for (const bad of cases) assert.deepEqual(links.check(7, bad, NOW), { ok: false, reason: 'invalid' }, String(bad));
  assert.deepEqual(links.check(8, token, NOW), { ok: false, reason: 'invalid' });
  assert.deepEqual(new PreviewLinks('another-secret').check(7, token, NOW), { ok: false, reason: 'invalid' });
  // An expired link with a changed signature is invalid, not expired: nothing forged is told apart.
  assert.deepEqual(links.check(7, `${Number(expires) + 1}.${signature}`, new Date('2030-01-01')), { ok: false, reason: 'invalid' });
});
