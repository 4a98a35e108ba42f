// Times `prokash import FILE.jsonl` (the compiled CLI as shipped, dist/ built first) over a
// generated file of Bengali articles (bench/corpus.ts: 16–36 sentences in about ten paragraphs,
// two tags, a section, a byline; no images), into a fresh SQLite file and a fresh PostgreSQL schema
// each run, with the command's resident memory sampled every 50 ms from /proc. Every run is
// checked: all lines created, none failed, every article in the search index.
//
//   node --import tsx bench/jsonl-import.ts [--articles 20000] [--rounds 3] [--dialect sqlite,postgres]
//       [--prokash DIR] [--postgres URL] [--body html|doc] [--no-build]
//   node --import tsx bench/jsonl-import.ts --articles N --write-only FILE
//     writes the file and stops (to profile a run: node --cpu-prof bin/prokash.js import FILE)
//
// --prokash DIR times another checkout's dist/ in the same run, turn about with this one (the order
// alternates by round), so the figure to quote is the ratio of the two medians, not an absolute
// rate (the machine's speed varies by 10–20 % from one hour to the next). PostgreSQL runs only when
// a URL is given (--postgres, or PROKASH_TEST_POSTGRES_URL); each run gets a schema of its own,
// dropped afterwards.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { generateCorpus } from './corpus.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '3' },
    dialect: { type: 'string', default: 'sqlite,postgres' },
    prokash: { type: 'string' },
    postgres: { type: 'string' },
    body: { type: 'string', default: 'html' },
    'no-build': { type: 'boolean', default: false },
    'write-only': { type: 'string' },
  },
});
const ARTICLES = Number(values.articles);
const ROUNDS = Number(values.rounds);
const PG_URL = values.postgres ?? process.env.PROKASH_TEST_POSTGRES_URL;
const dialects = values.dialect.split(',').filter((d) => d === 'sqlite' || (d === 'postgres' && PG_URL));
const HERE = fileURLToPath(new URL('..', import.meta.url));
const checkouts = [{ name: 'this', dir: HERE }, ...(values.prokash ? [{ name: 'baseline', dir: resolve(values.prokash) }] : [])];

const SECTIONS = ['national', 'politics', 'world/asia', 'sports/cricket', 'country', 'economy', 'entertainment', 'opinion'];
const DESKS = ['প্রকাশ ডেস্ক', 'আন্তর্জাতিক ডেস্ক', 'খেলা ডেস্ক'];
const REPORTERS = ['তানজিলা রহমান', 'রফিক আহমেদ', 'শামীম হোসেন', 'নুসরাত জাহান', 'মাহমুদুল হাসান', 'সাবরিনা ইসলাম'];

/** Writes the JSON Lines file: one record per corpus article, ids from 1. */
async function writeFile(path: string): Promise<number> {
  const out = createWriteStream(path);
  let n = 0;
  for (const a of generateCorpus(ARTICLES, { sections: SECTIONS.length, seed: 11 })) {
    const body =
      values.body === 'doc'
        ? { type: 'doc', content: a.body.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
        : a.body.map((p) => `<p>${p}</p>`).join('\n');
    const byline =
      n % 4 === 0
        ? { desk: DESKS[n % DESKS.length] }
        : n % 4 === 3
          ? { correspondent: { place: 'দেবিদ্বার', district: 'cumilla' } }
          : { authors: [REPORTERS[n % REPORTERS.length]!, ...(n % 5 === 0 ? [REPORTERS[(n + 1) % REPORTERS.length]!] : [])] };
    const record = {
      id: a.id,
      section: SECTIONS[a.sectionIndex],
      kicker: a.kicker,
      headline: a.headline,
      summary: a.summary,
      body,
      byline,
      published_at: a.publishedAt,
      tags: a.tags,
      status: 'published',
    };
    n++;
    if (!out.write(JSON.stringify(record) + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
  return (await stat(path)).size;
}

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/** Runs the checkout's CLI to its end: wall time, the import's own time (its report line), peak RSS. */
async function runImport(dir: string, file: string, env: Record<string, string>) {
  const started = performance.now();
  const child = spawn(process.execPath, [join(dir, 'bin/prokash.js'), 'import', file], {
    cwd: tmpdir(),
    env: { ...process.env, LOG_LEVEL: 'silent', PROKASH_FROM_SOURCE: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  let peak = 0;
  const timer = setInterval(() => void rssOf(child.pid!).then((r) => (peak = Math.max(peak, r))), 50);
  const code = await new Promise<number | null>((r) => child.on('close', r));
  clearInterval(timer);
  const wall = (performance.now() - started) / 1000;
  const expected = `${ARTICLES} lines, ${ARTICLES} created, 0 updated, 0 unchanged, 0 failed`;
  if (code !== 0 || !out.includes(expected)) throw new Error(`${dir}: exit ${code}, expected "${expected}":\n${out.slice(-2000)}`);
  const own = Number(/failed \(([\d.]+) s\)/.exec(out)?.[1]);
  return { wall, own, peak };
}

async function countIndexed(dialect: string, target: string): Promise<number> {
  if (dialect === 'sqlite') {
    const db = new SQLite(target, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM search_docs').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${target}.search_docs`)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

async function dropSchema(schema: string) {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (b: number) => Math.round(b / 1048576);

if (values['write-only']) {
  console.log(`${values['write-only']}: ${((await writeFile(values['write-only'])) / 1e6).toFixed(1)} MB`);
  process.exit(0);
}

const work = await mkdtemp(join(tmpdir(), 'prokash-jsonl-bench-'));
try {
  const file = join(work, 'articles.jsonl');
  const bytes = await writeFile(file);
  console.log(
    `file: ${ARTICLES} articles (${values.body} bodies), ${(bytes / 1e6).toFixed(1)} MB; machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (!values['no-build'])
    for (const c of checkouts) {
      console.log(`building ${c.dir}/dist (tsc -p tsconfig.build.json)`);
      execFileSync(process.execPath, [join(c.dir, 'node_modules/typescript/bin/tsc'), '-p', join(c.dir, 'tsconfig.build.json')], { stdio: 'inherit' });
    }
  type Result = { wall: number; own: number; peak: number };
  const results = new Map<string, Result[]>();
  for (let round = 1; round <= ROUNDS; round++) {
    for (const dialect of dialects) {
      // Turn about: the order of the checkouts alternates by round.
      const order = round % 2 ? checkouts : [...checkouts].reverse();
      for (const c of order) {
        const tag = `${round}-${c.name}-${dialect}`.replace(/\W/g, '_');
        let env: Record<string, string>;
        let target: string;
        if (dialect === 'sqlite') {
          target = join(work, `${tag}.sqlite`);
          env = { DATABASE_URL: `sqlite://${target}`, MEDIA_DIR: join(work, `${tag}-media`) };
        } else {
          target = `bench_jsonl_${process.pid}_${tag}`.toLowerCase();
          const url = new URL(PG_URL!);
          url.searchParams.set('schema', target);
          env = { DATABASE_URL: url.toString(), MEDIA_DIR: join(work, `${tag}-media`) };
        }
        try {
          const r = await runImport(c.dir, file, env);
          const indexed = await countIndexed(dialect, target);
          if (indexed !== ARTICLES) throw new Error(`${c.name} ${dialect}: ${indexed} of ${ARTICLES} articles in the search index`);
          const key = `${c.name} ${dialect}`;
          results.set(key, [...(results.get(key) ?? []), r]);
          console.log(
            `round ${round} ${key}: ${r.wall.toFixed(2)} s wall (${Math.round(ARTICLES / r.wall)}/s), import ${r.own.toFixed(1)} s (${Math.round(ARTICLES / r.own)}/s), peak RSS ${mb(r.peak)} MB`,
          );
        } finally {
          if (dialect === 'sqlite')
            await rm(target, { force: true }).then(() => rm(`${target}-wal`, { force: true }).then(() => rm(`${target}-shm`, { force: true })));
          else await dropSchema(target);
          await rm(env.MEDIA_DIR!, { recursive: true, force: true });
        }
      }
    }
  }
  console.log(`\nmedians of ${ROUNDS} (articles/s from the command's wall time, start-up to exit; "import" from its own report line):`);
  for (const dialect of dialects) {
    const line = (name: string) => {
      const rs = results.get(`${name} ${dialect}`)!;
      const wall = median(rs.map((r) => r.wall));
      const own = median(rs.map((r) => r.own));
      return {
        wall,
        own,
        text: `${Math.round(ARTICLES / wall)}/s wall, ${Math.round(ARTICLES / own)}/s import, peak RSS ${mb(median(rs.map((r) => r.peak)))} MB (max ${mb(Math.max(...rs.map((r) => r.peak)))})`,
      };
    };
    const now = line('this');
    console.log(`${dialect}: this ${now.text}`);
    if (values.prokash) {
      const base = line('baseline');
      console.log(`${dialect}: baseline ${base.text}`);
      console.log(`${dialect}: ratio this/baseline ${(base.wall / now.wall).toFixed(2)} (wall), ${(base.own / now.own).toFixed(2)} (import)`);
    }
  }
  console.log(
    `load at end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
