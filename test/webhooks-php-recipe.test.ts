// The PHP verification recipe of docs/webhooks.md, run as written by PHP's own web server and sent
// what Prokash signs: a receiver that copies it must accept Prokash's deliveries and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newWebhookSecret, signatureHeader } from '../src/webhooks/webhook-signature.ts';
import { freePort } from './helpers/processes.ts';

const php = spawnSync('php', ['--version']).status === 0;
// `.ci/run` installs php-cli, so CI always runs it; a machine without PHP says why it skips.
const skip = php ? false : 'PHP is not installed (apt-get install php-cli)';

test('the documented PHP recipe accepts what Prokash signs, and refuses a wrong secret, a changed body and an old timestamp', { skip }, async () => {
  const docs = await readFile(new URL('../docs/webhooks.md', import.meta.url), 'utf8');
  const recipe = /```php\n([\s\S]*?)```/.exec(docs)?.[1];
  assert.ok(recipe, 'docs/webhooks.md has a PHP block');
  const dir = await mkdtemp(join(tmpdir(), 'prokash-php-'));
  const secret = newWebhookSecret();
  await writeFile(join(dir, 'receiver.php'), recipe);
  const port = await freePort();
  const server = spawn('php', ['-S', `127.0.0.1:${port}`, join(dir, 'receiver.php')], {
    env: { ...process.env, PROKASH_WEBHOOK_SECRET: secret },
    stdio: 'ignore',
  });
  try {
    const post = async (header: string, body: string) => {
      for (let i = 0; ; i++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'prokash-signature': header },
            body,
          });
          return res.status;
        } catch (error) {
          if (i === 50) throw error; // PHP's server not up within 5 s
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    };
    const body = JSON.stringify({ id: 42, type: 'article.published', createdAt: new Date().toISOString(), data: { article: { headline: 'ঢাকায় বৃষ্টি' } } });
    const now = Math.floor(Date.now() / 1000);
    assert.equal(await post(signatureHeader([secret], now, body), body), 204, 'a delivery as Prokash signs it');
    assert.equal(await post(signatureHeader([newWebhookSecret(), secret], now, body), body), 204, 'during a rotation, the old secret still verifies');
    assert.equal(await post(signatureHeader([newWebhookSecret()], now, body), body), 400, 'another secret');
    assert.equal(await post(signatureHeader([secret], now, body), body.replace('বৃষ্টি', 'রোদ')), 400, 'a changed body');
    assert.equal(await post(signatureHeader([secret], now - 301, body), body), 400, 'older than five minutes');
    assert.equal(await post('', body), 400, 'no signature');
  } finally {
    server.kill();
    await rm(dir, { recursive: true, force: true });
  }
});
