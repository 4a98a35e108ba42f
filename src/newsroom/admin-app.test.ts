import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAdminApp, ADMIN_CONTENT_SECURITY_POLICY } from './admin-app.ts';

const INDEX = '<!doctype html><title>প্রকাশ নিউজরুম</title><script type="module" src="/admin/assets/index-abc123.js"></script>';

async function appOver(distDir: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  // Stands in for the site-wide security hook, which sets the reader policy on every response.
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('content-security-policy', "default-src 'self'");
    return payload;
  });
  registerAdminApp(app, { distDir });
  await app.ready();
  return app;
}

describe('the admin app is served from its build', () => {
  let dir: string;
  let app: FastifyInstance;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prokash-admin-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), INDEX);
    await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    await writeFile(join(dir, 'assets', 'index-abc123.css'), 'body{}');
    await writeFile(join(dir, 'favicon.svg'), '<svg/>');
    await writeFile(join(dir, 'secret.txt'), 'top');
    app = await appOver(dir);
  });
  after(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  for (const url of ['/admin', '/admin/', '/admin/articles/42', '/admin/users?x=1']) {
    test(`${url} gets index.html, not cached, with the admin policy`, async () => {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 200);
      assert.equal(res.body, INDEX);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.equal(res.headers['cache-control'], 'no-cache');
      assert.equal(res.headers['content-security-policy'], ADMIN_CONTENT_SECURITY_POLICY);
    });
  }

  test('hashed assets are immutable and typed', async () => {
    const js = await app.inject({ url: '/admin/assets/index-abc123.js' });
    assert.equal(js.statusCode, 200);
    assert.equal(js.body, 'console.log(1)');
    assert.match(String(js.headers['content-type']), /^text\/javascript/);
    assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
    const css = await app.inject({ url: '/admin/assets/index-abc123.css' });
    assert.match(String(css.headers['content-type']), /^text\/css/);
  });

  test('other files in the build are served but revalidated', async () => {
    const res = await app.inject({ url: '/admin/favicon.svg' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-cache');
  });

  test('a missing file is a 404, not the app', async () => {
    const res = await app.inject({ url: '/admin/assets/gone-123.js' });
    assert.equal(res.statusCode, 404);
  });

  test('the policy allows no inline script', () => {
    const script = ADMIN_CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    assert.equal(script, "script-src 'self'");
  });

  for (const url of [
    '/admin/../secret.txt',
    '/admin/%2e%2e/secret.txt',
    '/admin/assets/%2e%2e/%2e%2e/secret.txt',
    '/admin/assets/..%2f..%2fpackage.json',
    '/admin/assets/%5c..%5csecret.txt',
    '/admin/.hidden.js',
    '/admin/assets/x%00.js',
  ]) {
    test(`no way out of the build folder: ${url}`, async () => {
      const res = await app.inject({ url });
      assert.ok([400, 404].includes(res.statusCode) || res.body === INDEX, `${url} gave ${res.statusCode}`);
      assert.notEqual(res.body, 'top');
    });
  }
});

describe('without a build', () => {
  test('every /admin path answers 503 saying how to build, in Bengali and English', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prokash-admin-empty-'));
    const app = await appOver(join(dir, 'nothing-here'));
    try {
      for (const url of ['/admin', '/admin/articles/1']) {
        const res = await app.inject({ url });
        assert.equal(res.statusCode, 503);
        assert.match(res.body, /npm run build:admin/);
        assert.match(res.body, /তৈরি হয়নি/);
        assert.match(res.body, /has not been built/);
        assert.equal(res.headers['cache-control'], 'no-store');
      }
    } finally {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
