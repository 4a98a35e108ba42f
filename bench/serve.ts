// The serving benchmark: `prokash start` as production runs it (its own process, log level info)
// over a generated corpus, loaded by wrk from this machine, beside a ceiling — a bare node:http
// server in its own process sending the very bytes Prokash sent — measured in interleaved rounds.
//
//   npm run bench -- [--articles 2000] [--db FILE | --dialect postgres [--schema S]] [--scenarios a,b]
//                    [--seconds 5] [--rounds 5] [--connections 50] [--prokash DIR] [--source]
//                    [--server-args "..."] [--publishes 20] [--start-timeout 120] [--soak-minutes 10] [--write-doc]
//
// The servers run the compiled dist/ as production does (built first with tsc), unless --source
// (TypeScript through tsx: a loader that costs memory and start time, not speed once loaded).
//
// Everything listens on 127.0.0.1; every child process is stopped by PID at the end, on Ctrl-C and
// on failure. Exit code 1 when any scenario failed. See bench/serve-*.ts for the parts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { prepareCorpus, type Corpus } from './serve-corpus.ts';
import {
  pinning,
  rssOf,
  runCli,
  startProkash,
  stopAll,
  stopChild,
  stopOnSignals,
  wasInterrupted,
  type ProkashLaunch,
  type ProkashServer,
  type Rss,
} from './serve-processes.ts';
import { measurePublishVisible } from './serve-publish.ts';
import { machine, renderReport, rssText, writeDoc, type Row } from './serve-report.ts';
import { median, runScenario, type Scenario } from './serve-run.ts';
import { findWrk } from './serve-wrk.ts';
import { runSoak } from './serve-soak.ts';

const SCENARIOS = [
  'warm-article',
  'warm-home',
  '304',
  'section',
  'warm-article-2w',
  'cold-article',
  'cold-home',
  'cold-section',
  'search',
  'cold-search',
  'beacon',
  'publish-visible',
] as const;
type ScenarioName = (typeof SCENARIOS)[number];

// A phone browser, as most readers of a Bangladeshi daily are.
const HEADERS = {
  'user-agent': 'Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'accept-encoding': 'br, gzip',
};
// Names, inflected nouns, two-word and Latin queries, as in bench/search.ts.
const QUERIES = ['পুতিন', 'হাসিনা', 'রাশিয়া', 'জাতিসংঘ', 'ঢাকায়', 'শিক্ষার্থীদের', 'নির্বাচনে', 'ঢাকার যানজট', 'পদ্মা সেতু', 'putin'];

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    db: { type: 'string' },
    dialect: { type: 'string', default: 'sqlite' },
    schema: { type: 'string' },
    prokash: { type: 'string' },
    source: { type: 'boolean', default: false },
    'server-args': { type: 'string', default: '' },
    scenarios: { type: 'string', default: SCENARIOS.join(',') },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    publishes: { type: 'string', default: '20' },
    'start-timeout': { type: 'string', default: '120' },
    'write-doc': { type: 'boolean', default: false },
    'soak-minutes': { type: 'string', default: '0' },
    'no-pin': { type: 'boolean', default: false },
  },
});
const N = positiveInt('articles');
const seconds = positiveInt('seconds');
const rounds = positiveInt('rounds');
const connections = positiveInt('connections');
const dialect = values.dialect === 'postgres' ? 'postgres' : values.dialect === 'sqlite' ? 'sqlite' : usage(`--dialect sqlite|postgres, not ${values.dialect}`);
const selected = values.scenarios
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const s of selected) if (!(SCENARIOS as readonly string[]).includes(s)) usage(`unknown scenario ${s}; known: ${SCENARIOS.join(', ')}`);
const wanted = SCENARIOS.filter((s) => selected.includes(s)); // always in this order: the beacon's views and the publishes change pages, so they come last
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const root = resolve(values.prokash ?? repoRoot);
const serverArgs = values['server-args'].split(/\s+/).filter(Boolean);

function build(): boolean {
  log('building dist/ (tsc -p tsconfig.build.json)');
  execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repoRoot, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  return true;
}
const log = (line: string) => process.stderr.write(`${line}\n`);
// Pinned unless told otherwise, on a machine with at least two cores and taskset.
pinning.enabled = !values['no-pin'] && availableParallelism() >= 2 && existsSync('/usr/bin/taskset');
// This checkout is built before it is measured; another (--prokash) runs built only if it has a dist/.
const built = !values.source && (root !== resolve(repoRoot) ? existsSync(join(root, 'dist', 'cli', 'main.js')) : build());

function positiveInt(name: 'articles' | 'seconds' | 'rounds' | 'connections'): number {
  const n = Number(values[name]);
  return Number.isInteger(n) && n > 0 ? n : usage(`--${name} takes a positive whole number`);
}

function usage(message: string): never {
  console.error(`bench/serve.ts: ${message}`);
  process.exit(2);
}

type ServerKind = 'warm' | 'cold' | 'workers';

function scenario(name: Exclude<ScenarioName, 'publish-visible'>, c: Corpus): Scenario & { server: ServerKind } {
  const get = { method: 'GET' as const, expect: 200 as const };
  switch (name) {
    case 'warm-article':
      return { name, server: 'warm', ...get, paths: [c.featured.path], ceiling: true };
    case 'warm-home':
      return { name, server: 'warm', ...get, paths: ['/'], ceiling: true };
    case '304':
      return { name, server: 'warm', method: 'GET', expect: 304, paths: [c.featured.path], ceiling: true, conditional: true };
    case 'section':
      return { name, server: 'warm', ...get, paths: [c.sectionPath], ceiling: true };
    // The same page as warm-article, from a `--workers 2` server: its ratio to warm-article is the workers' gain.
    case 'warm-article-2w':
      return { name, server: 'workers', ...get, paths: [c.featured.path], ceiling: true };
    case 'cold-section':
      return { name, server: 'cold', ...get, paths: c.sectionPaths, ceiling: false };
    case 'cold-article':
      return { name, server: 'cold', ...get, paths: c.spread, ceiling: false };
    case 'cold-home':
      return { name, server: 'cold', ...get, paths: ['/'], ceiling: false };
    // The same ten queries asked again and again, as readers do when a story breaks: answered
    // from the search pages cache while the index stands still.
    case 'search':
      return { name, server: 'warm', ...get, paths: QUERIES.map((q) => `/search?q=${encodeURIComponent(q)}`), ceiling: false };
    // …and run every time (the cache is off with the page cache): what a search itself costs.
    case 'cold-search':
      return { name, server: 'cold', ...get, paths: QUERIES.map((q) => `/search?q=${encodeURIComponent(q)}`), ceiling: false };
    case 'beacon':
      return { name, server: 'warm', method: 'POST', expect: 204, paths: [`/api/v1/articles/${c.featured.id}/views`], ceiling: true };
  }
}

/** The checkout's commit, `-dirty` when its working tree has changes. */
function revision(dir: string): string {
  try {
    return execFileSync('git', ['-C', dir, 'describe', '--always', '--dirty'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'not a git checkout';
  }
}

function commandLine(): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
  const args = process.argv.slice(2).map(quote).join(' ');
  return process.env.npm_lifecycle_event === 'bench'
    ? `npm run bench${args ? ` -- ${args}` : ''}`
    : `node --import tsx bench/serve.ts${args ? ` ${args}` : ''}`;
}

const addRss = (a: Rss, b: Rss): Rss => ({ processes: a.processes + b.processes, maxMb: Math.max(a.maxMb, b.maxMb), sumMb: a.sumMb + b.sumMb });

async function main(): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'prokash-bench-serve-'));
  stopOnSignals(() => rmSync(scratch, { recursive: true, force: true }));
  const started = new Date();
  let machineLine = '';
  const servers: ProkashServer[] = [];
  const rows: Row[] = [];
  const rssStartEnd: string[] = [];
  let corpusLine = '';
  let corpus: Corpus | undefined;
  try {
    corpus = await prepareCorpus({
      root,
      articles: N,
      dialect,
      file: resolve(values.db ?? join(scratch, 'corpus.db')),
      pgUrl: process.env.PROKASH_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      schema: values.schema ?? `bench_${N}`,
      log,
    });
    const where =
      dialect === 'sqlite' ? (values.db ? `SQLite ${resolve(values.db)}` : 'SQLite, temporary file') : `PostgreSQL schema ${values.schema ?? `bench_${N}`}`;
    corpusLine = `${N.toLocaleString('en-US')} articles (${where}; ${corpus.built ? `built and indexed in ${corpus.buildSeconds.toFixed(1)} s` : 'reused'}), ${corpus.spread.length} spread for cold-article; featured ${corpus.featured.path}, section ${corpus.sectionPath}`;
    machineLine = machine(dialect, corpus.serverVersion);
    const launch: ProkashLaunch = {
      root,
      built,
      env: { DATABASE_URL: corpus.url, MEDIA_DIR: join(scratch, 'media') },
      cwd: scratch,
      timeoutMs: Number(values['start-timeout']) * 1000,
    };
    const needs = (kind: ServerKind) => wanted.some((n) => (n === 'publish-visible' ? kind === 'warm' : scenario(n, corpus!).server === kind));
    const warm = needs('warm') ? await startProkash('warm', launch, serverArgs) : undefined;
    // The page cache off: every request renders its page.
    // Not pinned: a render uses the main thread and compresses on the thread pool, on both cores.
    const cold = needs('cold') ? await startProkash('cold', { ...launch, env: { ...launch.env, PAGE_CACHE_TTL: '0' } }, serverArgs, undefined) : undefined;
    // Two workers need both cores: not pinned (the load generator still is).
    const workers = needs('workers') ? await startProkash('workers', launch, [...serverArgs, '--workers', '2'], undefined) : undefined;
    for (const s of [warm, cold, workers]) if (s) servers.push(s);
    const startRss = new Map(servers.map((s) => [s.name, rssOf(s.pid)]));
    const endRss = new Map<string, Rss>();
    const settings = { seconds, warmupSeconds: Math.min(seconds, 3), rounds, connections, headers: HEADERS, scratchDir: scratch, log };
    for (const name of wanted) {
      if (wasInterrupted()) break;
      log(`— ${name}`);
      try {
        if (name === 'publish-visible') rows.push(await publishVisible(launch, warm!, corpus));
        else {
          const s = scenario(name, corpus);
          rows.push(await runScenario(s, s.server === 'warm' ? warm! : s.server === 'cold' ? cold! : workers!, settings));
          if (name === 'warm-article-2w') gainOfWorkers(rows);
        }
      } catch (error) {
        rows.push({ scenario: name, failures: [(error as Error).message.split('\n')[0]!], notes: [] });
      }
      // A server goes once its scenarios are done, so that publish-visible has exactly the
      // processes it names on the database, and no idle server shares the cores.
      for (const [kind, server] of [
        ['cold', cold],
        ['workers', workers],
      ] as const) {
        if (
          server &&
          !endRss.has(kind) &&
          !wanted.slice(wanted.indexOf(name) + 1).some((n) => n !== 'publish-visible' && scenario(n, corpus!).server === kind)
        ) {
          endRss.set(kind, rssOf(server.pid));
          await stopChild(server.child);
        }
      }
    }
    const kinds: Record<string, string> = { warm: 'page cache on', cold: 'page cache off', workers: '--workers 2, page cache on' };
    // Last: a long run of mixed reading on the page-cache-on server, for memory over time.
    const soakMinutes = Number(values['soak-minutes']);
    if (soakMinutes > 0 && warm && !wasInterrupted()) {
      log(`— soak, ${soakMinutes} minutes`);
      const paths = [...corpus.spread, '/', corpus.sectionPath, ...corpus.sectionPaths.slice(0, 20)];
      rows.push(await runSoak(warm, { minutes: soakMinutes, paths, headers: HEADERS, connections, scratchDir: scratch, log }));
    }
    for (const s of servers)
      rssStartEnd.push(`${s.name} server (${kinds[s.name]}) ${rssText(startRss.get(s.name))} → ${rssText(endRss.get(s.name) ?? rssOf(s.pid))}`);
  } finally {
    await stopAll();
    rmSync(scratch, { recursive: true, force: true });
  }
  const serverLog = servers.flatMap((s) => [...s.problems].map(([problem, count]) => `${s.name} server: ${problem}${count > 1 ? ` ×${count}` : ''}`));
  const report = renderReport(
    {
      command: commandLine(),
      corpus: corpusLine,
      date: started,
      dialect,
      tool: `${findWrk() ? 'wrk -t1 (Debian)' : 'autocannon (wrk not found)'}${pinning.enabled ? `; for the ceiling comparisons the page-cache-on server and the ceiling run on CPU ${pinning.server} and wrk on CPU ${pinning.load}; the cold and --workers 2 servers and their load are not pinned` : '; not pinned'}`,
      prokash: `${root} @ ${revision(root)}${built ? ' (dist/, as production runs)' : ' (from source, tsx)'}${serverArgs.length ? ` with ${serverArgs.join(' ')}` : ''}`,
      rows,
      rssStartEnd,
      serverLog,
    },
    machineLine,
  );
  console.log(report);
  if (values['write-doc']) log(`written into ${writeDoc(report)}`);
  return rows.some((r) => r.failures.length) ? 1 : 0;
}

/** warm-article-2w's gain: its req/s over warm-article's (target ≥ 1.3). */
function gainOfWorkers(rows: Row[]): void {
  const one = rows.find((r) => r.scenario === 'warm-article')?.rps;
  const two = rows.find((r) => r.scenario === 'warm-article-2w');
  if (one && two?.rps) two.notes.push(`${(two.rps / one).toFixed(2)} × warm-article (one process) in the same run`);
}

async function publishVisible(launch: ProkashLaunch, warm: ProkashServer, corpus: Corpus): Promise<Row> {
  const row: Row = { scenario: 'publish-visible', failures: [], notes: [] };
  const out = await runCli(launch, ['token', 'create', '--role', 'editor', '--name', 'bench-publish']);
  const token = out
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith('pk_'));
  if (!token) throw new Error(`no token in the output of prokash token create: ${out}`);
  // Two workers behind one port beside the single process, over the same database, each with its
  // own page cache: what a publish must reach.
  const second = await startProkash('second', launch, [...serverArgs, '--workers', '2'], undefined);
  try {
    const publishes = Number(values.publishes);
    const result = await measurePublishVisible({
      api: warm.base,
      token,
      publishes,
      deskId: corpus.deskId,
      timeoutMs: 15_000,
      log,
      sectionId: corpus.sectionIds.get('national') ?? [...corpus.sectionIds.values()][0]!,
      targets: [
        { name: 'warm', base: warm.base },
        { name: 'second (2 workers)', base: second.base, workers: 2 },
      ],
    });
    row.failures.push(...result.failures);
    if (result.visibleMs.length) {
      const sorted = [...result.visibleMs].sort((a, b) => a - b);
      row.p50Ms = median(sorted);
      row.p99Ms = sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)];
    }
    row.notes.push(
      `${result.visibleMs.length} of ${publishes} publishes, p50/p99 = publish request sent → article page 200 and linked from the home page on every process (one alone, and both workers of a --workers 2 server); the publish request alone p50 ${result.publishMs.length ? median(result.publishMs).toFixed(1) : '—'} ms`,
    );
    row.rss = addRss(rssOf(warm.pid), rssOf(second.pid));
    for (const [problem, count] of second.problems) row.notes.push(`second server log: ${problem}${count > 1 ? ` ×${count}` : ''}`);
  } finally {
    await stopChild(second.child);
  }
  return row;
}

process.exitCode = await main().catch(async (error: unknown) => {
  log(`bench/serve.ts failed: ${(error as Error).stack ?? String(error)}`);
  await stopAll();
  return 1;
});
