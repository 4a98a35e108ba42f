import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newWebhookSecret, signatureHeader, verifySignature } from '../src/webhooks/webhook-signature.ts';
import { nextAttemptAt, MAX_RETRY_MS, RETRY_FOR_MS } from '../src/webhooks/webhook-retry.ts';
import { webhookUrlProblem } from '../src/webhooks/webhook-url.ts';
import { documentedVerifier } from './helpers/webhook-receiver.ts';

test('a signature made by the server verifies with the documented Node recipe, and only then', async () => {
  const verify = await documentedVerifier();
  const secret = newWebhookSecret();
  assert.match(secret, /^whsec_[A-Za-z0-9_-]{43}$/, '32 random bytes');
  const body = JSON.stringify({ id: 7, type: 'article.published', createdAt: '2026-11-27T06:00:00.000Z', data: { article: { headline: 'ঢাকায় বৃষ্টি' } } });
  const t = 1_796_191_200;
  const header = signatureHeader([secret], t, body);
  assert.match(header, /^t=1796191200,v1=[0-9a-f]{64}$/);
  assert.equal(verify(header, body, secret, t + 10), true);
  assert.equal(verify(header, Buffer.from(body), secret, t + 10), true, 'raw bytes as well as a string');
  assert.equal(verifySignature(header, body, secret, t + 10), true, 'the server-side check agrees');

  assert.equal(verify(header, body, newWebhookSecret(), t), false, 'the wrong secret');
  const changed = Buffer.from(body);
  changed[changed.length - 3]! ^= 1; // one byte of the body
  assert.equal(verify(header, changed, secret, t), false, 'a body changed by one byte');
  assert.equal(verify(header, body, secret, t + 301), false, 'a timestamp older than 5 minutes');
  assert.equal(verify(header, body, secret, t + 300), true, 'five minutes exactly is still accepted');
  assert.equal(verify(header.replace('t=1796191200', 't=1796191201'), body, secret, t), false, 'a timestamp changed');
  assert.equal(verify('v1=abc', body, secret, t), false, 'no timestamp');
  assert.equal(verify('', body, secret, t), false, 'no header');
});

test('during a rotation the header carries both signatures, and either secret verifies', async () => {
  const verify = await documentedVerifier();
  const [next, old] = [newWebhookSecret(), newWebhookSecret()];
  const body = '{"id":1}';
  const header = signatureHeader([next, old], 100, body);
  assert.equal(header.split(',').filter((p) => p.startsWith('v1=')).length, 2);
  assert.equal(verify(header, body, next, 100), true);
  assert.equal(verify(header, body, old, 100), true);
  assert.equal(verify(header, body, newWebhookSecret(), 100), false);
});

test('retries back off from about 30 s, doubling to at most an hour, for 24 hours from the first try', () => {
  const first = Date.parse('2026-11-27T06:00:00Z');
  const waits = [1, 2, 3, 4].map((n) => nextAttemptAt(first, first, n, 0.5)! - first);
  assert.deepEqual(waits, [30_000, 60_000, 120_000, 240_000], 'no jitter at the middle of the range');
  assert.equal(nextAttemptAt(first, first, 1, 0)! - first, 24_000, '−20 %');
  assert.equal(nextAttemptAt(first, first, 1, 0.999_999)! - first, 36_000, '+20 %');
  assert.equal(nextAttemptAt(first, first, 30, 0.999)! - first, MAX_RETRY_MS, 'capped at an hour, jitter included');
  const late = first + RETRY_FOR_MS - 60_000;
  assert.equal(nextAttemptAt(first, late, 20, 0.5), first + RETRY_FOR_MS, 'the last try at 24 hours');
  assert.equal(nextAttemptAt(first, first + RETRY_FOR_MS, 21, 0.5), undefined, 'then it is over');
});

test('endpoint URLs: http or https, absolute, without credentials; local addresses allowed', () => {
  for (const ok of ['http://127.0.0.1:8080/hook', 'https://partner.example.com/prokash?x=1', 'https://[::1]/h', 'https://xn--54b7fta0cc.com/']) {
    assert.equal(webhookUrlProblem(ok), undefined, ok);
  }
  for (const bad of [
    'ftp://example.com/',
    'javascript:alert(1)',
    'example.com/hook',
    '/hook',
    'https://user:pw@example.com/',
    'https://user@example.com/',
    `https://e.com/${'a'.repeat(2000)}`,
  ]) {
    assert.ok(webhookUrlProblem(bad), bad);
  }
});
