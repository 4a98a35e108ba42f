// The load soak (issue 15): `npm run soak -- --minutes N [--dialect sqlite|postgres] [--articles 2000]`.
// On loopback only, for N minutes, 256 connections mix article and home views, conditional
// requests (304), view beacons, searches and comment posts against `prokash start --workers 2`,
// while an editor account publishes an article and updates it every 10 s. It prints and records
// (JSON, --record FILE) the 5xx count (must be 0), p50/p99 per kind, the RSS of each process at
// the start and the end, and afterwards checks that every accepted comment and every counted view
// is in the database (views reach it within 5 s: the check waits for the flush). Exit 1 on a 5xx,
// a lost comment or view, or a failed editor action.
import { parseArgs } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { prepareCorpus } from './serve-corpus.ts';
import { startProkash, stopAll, stopChild, stopOnSignals } from './serve-processes.ts';
import { openDatabase } from '../src/db/database.ts';
import { AuthService } from '../src/newsroom/auth.service.ts';
import { systemClock } from '../src/lib/clock.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '1' },
    dialect: { type: 'string', default: 'sqlite' },
    articles: { type: 'string', default: '2000' },
    record: { type: 'string' },
  },
});
const minutes = Number(values.minutes);
if (!(minutes > 0 && minutes <= 120)) throw new Error('--minutes takes a number from 0 to 120');
const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
const pgUrl = process.env.PROKASH_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'prokash-soak-'));
const schema = `soak_${randomBytes(4).toString('hex')}`;
const log = (line: string) => process.stderr.write(`${line}\n`);
const QUERIES = ['পুতিন', 'হাসিনা', 'রাশিয়া', 'জাতিসংঘ', 'ঢাকায়', 'শিক্ষার্থীদের', 'নির্বাচনে', 'ঢাকার যানজট', 'পদ্মা সেতু', 'putin'];
const EDIT_EVERY_MS = 10_000;
// Beacons go to BEACON_ARTICLES articles as BEACON_READERS readers each: every (article, reader)
// pair counts once in its hour, so the views the database must hold are the pairs sent.
const BEACON_ARTICLES = 100;
const BEACON_READERS = 50;

stopOnSignals(() => rmSync(scratch, { recursive: true, force: true }));
const result = await soak().finally(async () => {
  await stopAll();
  if (dialect === 'postgres') await dropSchema().catch(() => undefined);
  rmSync(scratch, { recursive: true, force: true });
});
const text = JSON.stringify(result, null, 2);
if (values.record) writeFileSync(values.record, `${text}\n`);
console.log(text);
process.exit(result.problems.length ? 1 : 0);

async function soak() {
  const corpus = await prepareCorpus({ root, articles: Number(values.articles), dialect, file: join(scratch, 'soak.db'), pgUrl, schema, log });
  const url = dialect === 'sqlite' ? corpus.url : `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${schema}`;
  const db = await openDatabase(url);
  const auth = new AuthService(db.db, systemClock);
  await auth.createUser({ name: 'সম্পাদক', email: 'soak-editor@prokash.test', role: 'editor', password: 'soak-password-long-enough' }, null);
  const token = (await auth.createToken('soak', 'editor', null)).secret;
  const adminToken = (await auth.createToken('soak-health', 'admin', null)).secret;
  const server = await startProkash(
    'soak',
    {
      root,
      built: false,
      env: { DATABASE_URL: url, MEDIA_DIR: join(scratch, 'media'), LOG_LEVEL: 'warn', TRUST_PROXY: 'true' },
      cwd: scratch,
      timeoutMs: 300_000,
    },
    ['--workers', '2'],
    undefined,
  );
  const base = server.base;
  const featured = corpus.featured.path;
  const etag = (await fetch(`${base}${featured}`)).headers.get('etag') ?? '"none"';
  const rssStart = processRss(server.pid);
  const seconds = Math.round(minutes * 60);
  const statuses = new Map<string, Map<number, number>>();
  const count = (kind: string, status: number) => {
    const m = statuses.get(kind) ?? new Map<number, number>();
    m.set(status, (m.get(status) ?? 0) + 1);
    statuses.set(kind, m);
  };
  const spread = corpus.spread;
  const beaconIds = spread.slice(-BEACON_ARTICLES).map((p) => Number(/\/(\d+)$/.exec(p)![1]));
  const pairs = new Set<string>();
  let beacon = 0;
  let commentN = 0;
  let search = 0;
  let article = 0;
  const kinds: Array<{ kind: string; connections: number; request: autocannon.Request }> = [
    { kind: 'article', connections: 96, request: { method: 'GET', setupRequest: (r) => ({ ...r, path: spread[article++ % spread.length]! }) } },
    { kind: 'home', connections: 40, request: { method: 'GET', path: '/' } },
    { kind: '304', connections: 40, request: { method: 'GET', path: featured, headers: { 'if-none-match': etag } } },
    {
      kind: 'beacon',
      connections: 40,
      request: {
        method: 'POST',
        setupRequest: (r) => {
          const n = beacon++;
          const id = beaconIds[n % beaconIds.length]!;
          const reader = Math.floor(n / beaconIds.length) % BEACON_READERS;
          pairs.add(`${id}/${reader}`);
          // Each reader from an address of its own, as behind a proxy: one address is capped at 30 readers an article.
          const headers = { 'user-agent': `soak-reader-${reader}`, 'x-forwarded-for': `10.0.${reader}.1` };
          return { ...r, path: `/api/v1/articles/${id}/views`, headers };
        },
      },
    },
    {
      kind: 'search',
      connections: 32,
      request: { method: 'GET', setupRequest: (r) => ({ ...r, path: `/search?q=${encodeURIComponent(QUERIES[search++ % QUERIES.length]!)}` }) },
    },
    {
      kind: 'comment',
      connections: 8,
      request: {
        method: 'POST',
        setupRequest: (r) => ({
          ...r,
          path: `/api/v1/articles/${beaconIds[commentN % beaconIds.length]!}/comments`,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'পাঠক', body: `দীর্ঘ পরীক্ষার মন্তব্য ${++commentN}` }),
        }),
      },
    },
  ];
  const editor = editorLoop(base, token, corpus.sectionIds.values().next().value!, corpus.deskId);
  let rssWarm: Record<string, number> = {};
  const warm = setTimeout(() => (rssWarm = processRss(server.pid)), Math.min(60_000, (seconds * 1000) / 4));
  // Every minute, to tell memory that levels off from memory that keeps growing.
  const rssByMinute: Array<Record<string, number>> = [];
  // And what each worker says of itself: the JS heap, Buffers outside it, the page cache's bytes.
  const healthByMinute: Array<Record<string, WorkerMemory>> = [];
  const sampler = setInterval(() => {
    rssByMinute.push(processRss(server.pid));
    void workerMemory(base, adminToken).then((m) => healthByMinute.push(m));
  }, 60_000);
  const runs = await Promise.all(
    kinds.map(
      (k) =>
        new Promise<{ kind: string; result: autocannon.Result }>((resolve, reject) => {
          const instance = autocannon({ url: base, connections: k.connections, duration: seconds, requests: [k.request], timeout: 30 }, (error, result) =>
            error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve({ kind: k.kind, result }),
          );
          instance.on('response', (_client, status) => count(k.kind, status));
        }),
    ),
  );
  clearTimeout(warm);
  clearInterval(sampler);
  const edits = await editor.stop();
  const rssEnd = processRss(server.pid);
  await stopChild(server.child);

  // After the servers stopped (their last flush is on the way out) the database must hold every
  // accepted comment and every counted view.
  const commentsAccepted = [201, 202].reduce((n, s) => n + (statuses.get('comment')?.get(s) ?? 0), 0);
  const commentsStored = Number(
    (
      await db.db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const viewsStored = Number(
    (
      await db.db
        .selectFrom('view_counts')
        .select((eb) => eb.fn.sum<number | string | null>('views').as('n'))
        .where('article_id', 'in', beaconIds)
        .executeTakeFirstOrThrow()
    ).n ?? 0,
  );
  await db.close();
  const problems: string[] = [];
  const fiveXx = [...statuses.values()].reduce((n, m) => n + [...m].filter(([s]) => s >= 500).reduce((a, [, c]) => a + c, 0), 0);
  if (fiveXx) problems.push(`${fiveXx} answers were 5xx`);
  // A post that timed out may still have been stored: fewer stored than accepted is a loss.
  if (commentsStored < commentsAccepted) problems.push(`${commentsAccepted} comments accepted, ${commentsStored} stored`);
  if (viewsStored < pairs.size) problems.push(`${pairs.size} views counted (distinct reader and article), ${viewsStored} stored`);
  problems.push(...edits.failures);
  const kindsOut = runs.map(({ kind, result }) => ({
    kind,
    connections: result.connections,
    requests: result.requests.total,
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses: Object.fromEntries(statuses.get(kind) ?? []),
  }));
  return {
    command: `npm run soak -- --minutes ${minutes} --dialect ${dialect}`,
    dialect,
    minutes,
    articles: corpus.articles,
    fiveXx,
    kinds: kindsOut,
    editor: { publishes: edits.publishes, updates: edits.updates },
    comments: { accepted: commentsAccepted, stored: commentsStored },
    views: { counted: pairs.size, stored: viewsStored },
    rssMb: { start: rssStart, afterWarmUp: rssWarm, end: rssEnd, byMinute: rssByMinute },
    workersMbByMinute: healthByMinute,
    problems,
  };
}

/** An editor publishing a new article and updating it every 10 s, through the admin API. */
function editorLoop(base: string, token: string, sectionId: number, deskId: number) {
  const state = { stopped: false };
  const running = () => !state.stopped;
  const failures: string[] = [];
  let publishes = 0;
  let updates = 0;
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const input = (headline: string) => ({
    sectionId,
    headline,
    kicker: '',
    subheadline: '',
    summary: 'দীর্ঘ পরীক্ষার সারাংশ।',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${headline}: বিস্তারিত।` }] }] },
    byline: { kind: 'desk', personIds: [deskId] },
    tags: [],
  });
  const loop = (async () => {
    for (let n = 1; running(); n++) {
      const tick = Date.now();
      try {
        const created = await call('POST', '/api/admin/articles', input(`দীর্ঘ পরীক্ষার খবর ${n}`));
        if (created.status !== 201) throw new Error(`create ${created.status} ${await created.text()}`);
        const { article } = (await created.json()) as { article: { id: number } };
        const published = await call('POST', `/api/admin/articles/${article.id}/publish`);
        if (published.status !== 200) throw new Error(`publish ${published.status} ${await published.text()}`);
        publishes++;
        const { revision } = ((await published.json()) as { article: { revision: number } }).article;
        const updated = await call('PUT', `/api/admin/articles/${article.id}`, { ...input(`দীর্ঘ পরীক্ষার খবর ${n} (হালনাগাদ)`), revision });
        if (updated.status !== 200) throw new Error(`update ${updated.status} ${await updated.text()}`);
        updates++;
      } catch (error) {
        // fetch's own message is only "fetch failed": the reason (a reset, a timeout) is its cause.
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        failures.push(`editor: ${error instanceof Error ? error.message : String(error)}${cause}`.slice(0, 300));
      }
      while (running() && Date.now() - tick < EDIT_EVERY_MS) await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    stop: async () => {
      state.stopped = true;
      await loop;
      return { failures, publishes, updates };
    },
  };
}

interface WorkerMemory {
  heapUsed: number;
  heapTotal: number;
  external: number;
  pageCache: number;
  pageCacheEntries: number;
}

/**
 * Each worker's own account of its memory (MB), from /api/admin/health: a worker is whichever
 * the primary hands the connection to, so ask a few times until both have answered.
 */
async function workerMemory(base: string, token: string): Promise<Record<string, WorkerMemory>> {
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
  const out: Record<string, WorkerMemory> = {};
  for (let i = 0; i < 12 && Object.keys(out).length < 2; i++) {
    try {
      const res = await fetch(`${base}/api/admin/health`, { headers: { authorization: `Bearer ${token}`, connection: 'close' } });
      const h = (await res.json()) as {
        pid: number;
        memory: { heapUsedBytes: number; heapTotalBytes: number; externalBytes: number };
        pageCache: { bytes: number; entries: number };
      };
      out[`worker ${h.pid}`] = {
        heapUsed: mb(h.memory.heapUsedBytes),
        heapTotal: mb(h.memory.heapTotalBytes),
        external: mb(h.memory.externalBytes),
        pageCache: mb(h.pageCache.bytes),
        pageCacheEntries: h.pageCache.entries,
      };
    } catch {
      // a busy worker; the next minute asks again
    }
  }
  return out;
}

/** VmRSS in MB of the server and each of its Node worker processes, by role and pid. */
function processRss(primary: number): Record<string, number> {
  const rss = (pid: number) => Math.round(Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  const out: Record<string, number> = { [`primary ${primary}`]: rss(primary) };
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === primary && readFileSync(`/proc/${name}/comm`, 'utf8').trim() === 'node') out[`worker ${name}`] = rss(Number(name));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

async function dropSchema() {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}
