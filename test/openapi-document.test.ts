import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DIALECTS } from './helpers/databases.ts';
import { useTestApp } from './helpers/app.ts';
import { OpenApiCheck, PATH_ALIASES } from './helpers/openapi-check.ts';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Operation = {
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  'x-access'?: string;
  responses: Record<string, { content?: Record<string, unknown> }>;
};

const operations = (doc: { paths: Record<string, Record<string, Operation>> }) =>
  Object.entries(doc.paths).flatMap(([path, ops]) => METHODS.flatMap((m) => (ops[m] ? [{ path, method: m, op: ops[m] }] : [])));

for (const dialect of DIALECTS) {
  describe(`the OpenAPI document (${dialect})`, () => {
    const ctx = useTestApp(dialect);
    const doc = async () => (await ctx.get('/api/docs')).json();

    test('every /api route the server registers is in the document, with its method', async () => {
      const documented = new Set(operations(await doc()).map(({ path, method }) => `${method.toUpperCase()} ${path}`));
      const missing: string[] = [];
      let seen = 0;
      for (const { method, url } of ctx.app.registeredRoutes) {
        if (!url.startsWith('/api/') || method === 'HEAD') continue; // HEAD: Fastify's own for every GET
        seen++;
        const path = (PATH_ALIASES[url] ?? url).replace(/:(\w+)/g, '{$1}');
        if (!documented.has(`${method} ${path}`)) missing.push(`${method} ${url}`);
      }
      assert.ok(seen >= 60, `${seen} API routes registered`);
      assert.deepEqual(missing, [], `registered but not documented:\n${missing.join('\n')}`);
      for (const named of ['GET /api/v1/search', 'PATCH /api/admin/sections/{id}', 'PATCH /api/admin/people/{id}', 'GET /api/admin/articles/{id}/preview']) {
        assert.ok(documented.has(named), named);
      }
    });

    test('every operation has an operationId, a tag, security, and declares what it answers', async () => {
      const d = await doc();
      const problems: string[] = [];
      const ids = new Set<string>();
      const tags = new Set(d.tags.map((t: { name: string; description: string }) => (assert.ok(t.description, t.name), t.name)));
      for (const { path, method, op } of operations(d)) {
        const at = `${method.toUpperCase()} ${path}`;
        if (!op.operationId || !/^[a-z][A-Za-z0-9]*$/.test(op.operationId)) problems.push(`${at}: operationId ${op.operationId}`);
        else if (ids.has(op.operationId)) problems.push(`${at}: operationId ${op.operationId} twice`);
        ids.add(op.operationId ?? '');
        if (!op.tags?.length || !op.tags.every((t) => tags.has(t))) problems.push(`${at}: tags ${JSON.stringify(op.tags)}`);
        if (!Array.isArray(op.security)) problems.push(`${at}: no security`);
        if (op['x-access'] === 'public' && (op.security ?? []).some((s) => Object.keys(s as object).some((k) => k === 'session')))
          problems.push(`${at}: public, yet asks for a session`);
        const success = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
        if (!success.length) problems.push(`${at}: no success answer`);
        // The rule other branches' endpoints meet too: an answer with a body declares its schema.
        for (const status of success) if (status !== '204' && !op.responses[status]!.content) problems.push(`${at}: ${status} declares no body schema`);
        if (!op.responses['4XX']) problems.push(`${at}: no 4XX (the error shape)`);
      }
      assert.deepEqual(problems, []);
      const status = (path: string, method: string) => Object.keys(d.paths[path][method].responses).filter((s) => /^2/.test(s));
      assert.deepEqual(status('/api/admin/session', 'delete'), ['204']);
      assert.deepEqual(status('/api/v1/articles/{id}/views', 'post'), ['204']);
      assert.deepEqual(status('/api/admin/articles', 'post'), ['201']);
      assert.deepEqual(d.paths['/api/v1/articles/{id}/comments'].get.security, [], 'the reader endpoints ask for nothing');
      assert.deepEqual(d.paths['/api/v1/articles'].get.security, [{}, { bearer: [] }], 'the content API: no credentials, or a partner token');
    });

    test('Redocly CLI (recommended rules) finds no error in the served document, offline', async (t) => {
      const dir = mkdtempSync(join(tmpdir(), 'prokash-openapi-'));
      try {
        const file = join(dir, 'openapi.json');
        writeFileSync(file, (await ctx.get('/api/docs')).body);
        const cli = resolve('node_modules/@redocly/cli/bin/cli.js');
        const noNetwork = resolve('test/helpers/no-network.mjs');
        // Telemetry off (it would post to Redocly's servers), no update notice; any connection refused and named.
        const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', CI: 'true', NODE_OPTIONS: '' };
        const run = spawnSync(process.execPath, ['--import', noNetwork, cli, 'lint', '--extends', 'recommended', '--format', 'json', file], {
          env,
          encoding: 'utf8',
          timeout: 120_000,
        });
        assert.doesNotMatch(run.stderr, /prokash-test: network attempt/, 'Redocly CLI tried to reach the network');
        const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
          totals: { errors: number; warnings: number };
          problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
        };
        for (const p of report.problems) t.diagnostic(`${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
        const errors = report.problems.filter((p) => p.severity === 'error');
        assert.deepEqual(
          errors.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`),
          [],
        );
        assert.equal(run.status, 0, run.stderr);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('the answer check fails on what the document does not describe (it can fail)', async () => {
      const check = new OpenApiCheck(await doc());
      const json = (status: number, body: unknown) => ({
        statusCode: status,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
      });
      const good = await ctx.get('/api/v1/sections');
      assert.equal(check.problem('GET', '/api/v1/sections', good), undefined);
      assert.match(check.problem('GET', '/api/v1/sections', json(200, { items: [{ path: 'x' }] })) ?? '', /does not match/);
      assert.match(check.problem('GET', '/api/v1/sections', json(200, { items: [], extra: 1 })) ?? '', /additionalProperties|does not match/);
      assert.match(check.problem('GET', '/api/v1/sections', json(201, { items: [] })) ?? '', /not documented/);
      assert.match(check.problem('GET', '/api/v1/sections', json(400, { oops: true })) ?? '', /does not match/);
      assert.match(check.problem('PUT', '/api/v1/sections', json(200, {})) ?? '', /no operation/);
      assert.match(check.problem('DELETE', '/api/admin/session', json(204, { a: 1 })) ?? '', /no body/);
      const html = { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
      assert.match(check.problem('GET', '/api/docs/index.html', html) ?? '', /content-type/);
    });

    test('the browsable page lists every operation by tag, served from the site', async () => {
      const page = await ctx.get('/api/docs/');
      assert.equal(page.statusCode, 200);
      assert.match(page.headers['content-type'] as string, /^text\/html/);
      assert.equal((await ctx.get('/api/docs/index.html')).body, page.body);
      const d = await doc();
      for (const { op } of operations(d)) assert.ok(page.body.includes(`id="${op.operationId}"`), op.operationId);
      assert.doesNotMatch(page.body, /<script|https?:\/\/(?!prokash\.test)[a-z]/i, 'no script, nothing loaded from elsewhere');
      const css = await ctx.get('/api/docs/api-docs.css');
      assert.equal(css.statusCode, 200);
      assert.match(css.headers['content-type'] as string, /^text\/css/);
    });
  });
}
