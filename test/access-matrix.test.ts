// Who may call what, read from the route declarations themselves (the OpenAPI document at /api/docs
// lists every declared endpoint with its access rule), so a route added later is covered at once:
// every admin route for every role, by session and by API token, and for nobody; CSRF on every
// state-changing one. Then the article rules the declarations leave to the service, through HTTP.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { buildTestApp, TEST_NOW } from './helpers/app.ts';
import { AdminClient } from './helpers/admin-client.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { can, ROLES, type Action } from '../src/content/permissions.ts';
import type { Role } from '../src/db/schema.ts';
import type { App } from '../src/app.ts';

const PASSWORD = 'ঢাকা-2026-secret';
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Route {
  method: Method;
  path: string;
  access: string;
}
const NO_SUCH_ID = '2147483000';
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

for (const dialect of DIALECTS) {
  describe(`access to every admin route (${dialect})`, () => {
    let t: TestDatabase;
    let app: App;
    const clock = fixedClock(TEST_NOW);
    let routes: Route[] = [];
    const sessions = {} as Record<Role, AdminClient>;
    const tokens = {} as Record<Role, AdminClient>;
    let sectionId: number;
    let deskId: number;

    before(async () => {
      t = await createTestDatabase(dialect);
      app = await buildTestApp(t, clock);
      const docs = (await app.server.inject({ method: 'GET', url: '/api/docs' })).json<{ paths: Record<string, Record<string, { 'x-access': string }>> }>();
      routes = Object.entries(docs.paths).flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, op]) => ({ method: method.toUpperCase() as Method, path, access: op['x-access'] })),
      );
      routes = routes.filter((r) => r.path.startsWith('/api/admin/'));
      sessions.admin = await AdminClient.setup(app.server, 'প্রশাসক', 'admin@prokash.test', PASSWORD);
      for (const role of ROLES) {
        if (role !== 'admin') {
          await sessions.admin.call('POST', '/api/admin/users', { name: role, email: `${role}@prokash.test`, role, password: PASSWORD }, 201);
          sessions[role] = await AdminClient.login(app.server, `${role}@prokash.test`, PASSWORD);
        }
        const { secret } = await sessions.admin.call('POST', '/api/admin/tokens', { name: `${role} feed`, role }, 201);
        tokens[role] = AdminClient.withToken(app.server, secret);
      }
      sectionId = (await t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow()).id;
      deskId = (await t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow()).id;
    });
    after(async () => {
      await app.server.close();
      await t.destroy();
    });

    const url = (path: string) => path.replace(/\{\w+\}/g, NO_SUCH_ID);
    const bodyOf = (method: Method) => (method === 'GET' || method === 'DELETE' ? undefined : {});
    const describeCall = (r: Route, who: string, status: number, body: string) => `${who} ${r.method} ${r.path} (${r.access}): ${status} ${body.slice(0, 200)}`;

    test('the declarations list the admin routes, each with an access rule', () => {
      assert.ok(routes.length >= 40, `${routes.length} admin routes declared`);
      for (const r of routes) assert.match(r.access, /^(public|signed-in|can:[a-z.-]+)$/, `${r.method} ${r.path}`);
    });

    test('nobody signed in: every route that is not public answers 401, and does nothing', async () => {
      const before = await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      for (const r of routes.filter((r) => r.access !== 'public')) {
        const res = await app.server.inject({ method: r.method, url: url(r.path), ...(bodyOf(r.method) ? { payload: bodyOf(r.method) } : {}) });
        assert.equal(res.statusCode, 401, describeCall(r, 'nobody', res.statusCode, res.body));
        assert.equal(res.json().error.code, 'UNAUTHENTICATED');
        const bad = await app.server.inject({ method: r.method, url: url(r.path), headers: { authorization: 'Bearer pk_not-a-token' } });
        assert.equal(bad.statusCode, 401, describeCall(r, 'a wrong bearer token', bad.statusCode, bad.body));
      }
      const after = await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n), 'nothing was written');
    });

    for (const kind of ['session', 'API token'] as const) {
      test(`every role by ${kind}: a route needing a permission answers 403 exactly where the role lacks it`, async () => {
        let checked = 0;
        for (const role of ROLES) {
          const client = kind === 'session' ? sessions[role] : tokens[role];
          for (const r of routes.filter((r) => r.access !== 'public')) {
            const res = await client.request(r.method, url(r.path), bodyOf(r.method));
            const what = describeCall(r, `${role} ${kind}`, res.statusCode, res.body);
            assert.ok(res.statusCode < 500, what);
            assert.notEqual(res.statusCode, 401, what);
            if (r.access.startsWith('can:')) {
              const allowed = can({ role, userId: kind === 'session' ? 1 : null, name: role }, r.access.slice(4) as Action);
              if (allowed) assert.notEqual(res.statusCode, 403, what);
              else assert.deepEqual([res.statusCode, res.json().error.code], [403, 'FORBIDDEN'], what);
            }
            checked++;
          }
        }
        assert.ok(checked >= 4 * 30);
      });
    }

    test('CSRF: every state-changing admin route refuses a session cookie without the token, before doing anything', async () => {
      const changing = routes.filter((r) => r.method !== 'GET');
      assert.ok(changing.length >= 20);
      for (const r of changing) {
        for (const headers of [{}, { 'x-csrf-token': 'x'.repeat(43) }]) {
          const res = await app.server.inject({
            method: r.method,
            url: url(r.path),
            headers: { cookie: sessions.admin.cookie, ...headers },
            ...(bodyOf(r.method) ? { payload: bodyOf(r.method) } : {}),
          });
          assert.deepEqual([res.statusCode, res.json().error.code], [403, 'CSRF_FAILED'], describeCall(r, 'admin without CSRF', res.statusCode, res.body));
        }
      }
      // The session still works: the refusals did not sign anyone out.
      await sessions.admin.call('GET', '/api/admin/session', undefined, 200);
    });

    const input = (headline: string) => ({ sectionId, headline, body: doc('প্রথম অনুচ্ছেদ।'), byline: { kind: 'desk', personIds: [deskId] }, tags: [] });
    const counts = async () => {
      const n = async (table: 'articles' | 'revisions' | 'content_events') =>
        Number(
          (
            await t.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number | string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return { articles: await n('articles'), revisions: await n('revisions'), events: await n('content_events') };
    };

    test('a refused create writes nothing: a reporter API token is 403 and no draft, revision or event is left', async () => {
      const before = await counts();
      const res = await tokens.reporter.request('POST', '/api/admin/articles', input('টোকেনের খসড়া'));
      assert.deepEqual([res.statusCode, res.json().error.code], [403, 'FORBIDDEN'], res.body);
      assert.deepEqual(await counts(), before);
      // A sub-editor's token may file (and read back) what it files.
      const { article } = await tokens['sub-editor'].call('POST', '/api/admin/articles', input('ডেস্কের খসড়া'), 201);
      await tokens['sub-editor'].call('GET', `/api/admin/articles/${article.id}`, undefined, 200);
    });

    /** A new article in the given state, with one earlier revision. */
    async function articleIn(status: 'draft' | 'submitted' | 'published' | 'scheduled' | 'unpublished', owner: Role = 'reporter') {
      const { article } = await sessions[owner].call('POST', '/api/admin/articles', input(`${status} খবর`), 201);
      await sessions[owner].call('PUT', `/api/admin/articles/${article.id}`, { ...input(`${status} খবর, দ্বিতীয় রূপ`), revision: 1 }, 200);
      if (status === 'submitted') await sessions[owner].call('POST', `/api/admin/articles/${article.id}/submit`, undefined, 200);
      if (status === 'published' || status === 'unpublished') await sessions.editor.call('POST', `/api/admin/articles/${article.id}/publish`, undefined, 200);
      if (status === 'unpublished') await sessions.editor.call('POST', `/api/admin/articles/${article.id}/unpublish`, undefined, 200);
      if (status === 'scheduled') {
        await sessions.editor.call('POST', `/api/admin/articles/${article.id}/schedule`, { at: new Date(Date.parse(TEST_NOW) + 3_600_000).toISOString() }, 200);
      }
      return (await sessions.admin.call('GET', `/api/admin/articles/${article.id}`, undefined, 200)).article as {
        id: number;
        revision: number;
        headline: string;
      };
    }

    // docs/admin-api.md, Roles: [what, state, reporter (owner), sub-editor, editor] — true when allowed.
    type Step = 'edit' | 'restore' | 'submit' | 'publish' | 'schedule' | 'unpublish' | 'correct' | 'delete';
    const RULES: Array<[Step, 'draft' | 'submitted' | 'published' | 'scheduled' | 'unpublished', boolean, boolean, boolean]> = [
      ['edit', 'draft', true, true, true],
      ['edit', 'submitted', false, true, true],
      ['edit', 'published', false, false, true],
      ['edit', 'scheduled', false, false, true],
      ['edit', 'unpublished', false, true, true],
      ['restore', 'draft', true, true, true],
      ['restore', 'submitted', false, true, true],
      ['restore', 'published', false, false, true],
      ['restore', 'scheduled', false, false, true],
      ['submit', 'draft', true, true, true],
      ['publish', 'submitted', false, false, true],
      ['schedule', 'submitted', false, false, true],
      ['unpublish', 'published', false, false, true],
      ['correct', 'published', false, false, true],
      ['delete', 'draft', false, false, true],
    ];

    test('article rules by state, through the API: only editors change what readers read (or will read)', async () => {
      for (const [step, state, ...allowed] of RULES) {
        for (const [i, role] of (['reporter', 'sub-editor', 'editor'] as const).entries()) {
          const article = await articleIn(state);
          const client = sessions[role];
          const res =
            step === 'edit'
              ? await client.request('PUT', `/api/admin/articles/${article.id}`, { ...input('বদলে দেওয়া শিরোনাম'), revision: article.revision })
              : step === 'restore'
                ? await client.request('POST', `/api/admin/articles/${article.id}/revisions/1/restore`)
                : step === 'delete'
                  ? await client.request('DELETE', `/api/admin/articles/${article.id}`)
                  : step === 'correct'
                    ? await client.request('POST', `/api/admin/articles/${article.id}/corrections`, { text: 'সংশোধনী' })
                    : step === 'schedule'
                      ? await client.request('POST', `/api/admin/articles/${article.id}/schedule`, {
                          at: new Date(Date.parse(TEST_NOW) + 7_200_000).toISOString(),
                        })
                      : await client.request('POST', `/api/admin/articles/${article.id}/${step}`);
          const what = `${role} ${step} a ${state} article: ${res.statusCode} ${res.body.slice(0, 160)}`;
          if (allowed[i]) assert.ok(res.statusCode >= 200 && res.statusCode < 300, what);
          else {
            assert.deepEqual([res.statusCode, res.json().error.code], [403, 'FORBIDDEN'], what);
            const row = await t.db.selectFrom('articles').select(['revision', 'headline']).where('id', '=', article.id).executeTakeFirst();
            assert.deepEqual(row, { revision: article.revision, headline: article.headline }, `refused, and unchanged: ${what}`);
          }
        }
      }
    });
  });
}
