// A page whose cache time ran out while the database cannot answer (here: PostgreSQL past the
// statement timeout, the articles table locked by another session) is served as it was, instead
// of a 503; a page never cached still answers 503 with Retry-After. PostgreSQL only: SQLite in WAL
// mode never makes a reader wait for a writer, and another process cannot lock readers out of a
// WAL database it shares, so there is no such outage to reproduce on SQLite (the cache's rule
// itself is tested in src/cache/page-cache.test.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { POSTGRES_URL, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { freePort, startProkash, stopProcess } from './helpers/processes.ts';

const TTL_S = 1;

{
  describe('expired pages while the database cannot answer (postgres)', { skip: !POSTGRES_URL && 'PROKASH_TEST_POSTGRES_URL not set' }, () => {
    let t: TestDatabase;
    let server: ChildProcess | undefined;
    let base = '';
    let pages: string[] = [];

    before(async () => {
      t = await createTestDatabase('postgres');
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      server = await startProkash(
        [],
        {
          DATABASE_URL: t.url,
          PORT: String(port),
          MEDIA_DIR: join(t.dir, 'media'),
          PAGE_CACHE_TTL: String(TTL_S),
          DATABASE_STATEMENT_TIMEOUT: '1500',
        },
        t.dir,
      );
      const latest = (await (await fetch(`${base}/api/v1/articles?limit=2`)).json()) as { items: { url: string }[] };
      pages = latest.items.map((a) => new URL(a.url).pathname);
      assert.equal(pages.length, 2);
    });
    after(async () => {
      if (server) await stopProcess(server);
      await t.destroy();
    });

    /** Holds the database so that the server's queries cannot run, until `release` is called. */
    async function block(): Promise<() => Promise<void>> {
      const holder = new pg.Client({ connectionString: POSTGRES_URL });
      await holder.connect();
      const schema = new URL(t.url).searchParams.get('schema');
      await holder.query('begin');
      await holder.query(`lock table "${schema}".articles in access exclusive mode`);
      return async () => {
        await holder.query('rollback');
        await holder.end();
      };
    }

    test('the expired copy is served; a page never cached answers 503 with Retry-After; afterwards pages render afresh', { timeout: 60_000 }, async () => {
      const [cached, never] = pages as [string, string];
      const first = await fetch(`${base}${cached}`);
      assert.equal(first.status, 200);
      const html = await first.text();
      await new Promise((resolve) => setTimeout(resolve, TTL_S * 1000 + 200)); // expired
      const release = await block();
      try {
        const stale = await fetch(`${base}${cached}`, { signal: AbortSignal.timeout(30_000) });
        assert.equal(stale.status, 200);
        assert.equal(await stale.text(), html);
        const fresh = await fetch(`${base}${never}`, { signal: AbortSignal.timeout(30_000) });
        assert.equal(fresh.status, 503);
        assert.ok(fresh.headers.get('retry-after'));
      } finally {
        await release();
      }
      assert.equal((await fetch(`${base}${never}`)).status, 200, 'rendered once the database answers');
      const health = (await (await fetch(`${base}/healthz`)).json()) as { ok: boolean };
      assert.equal(health.ok, true);
    });
  });
}
