// CPU time of a cold render, in process: what one page costs the server when the page cache is
// off, read as the process's CPU time (process.cpuUsage) rather than wall time, so that a machine
// busy with other work changes the figure far less than it changes req/s. Compares this checkout
// with another (`--prokash DIR`, loaded from its own src/ in the same process, turn about) on the
// same database. Not part of `npm run bench`; the serving benchmark measures throughput.
//
//   node --import tsx bench/render-cpu.ts --db FILE.db [--prokash DIR] [--pages 1000] [--rounds 3]
//                                          [--encoding br|identity] [--kinds article,home,section]
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    prokash: { type: 'string', multiple: true, default: [] },
    pages: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
    encoding: { type: 'string', default: 'br' },
    kinds: { type: 'string', default: 'article,home,section' },
  },
});
if (!values.db) throw new Error('usage: bench/render-cpu.ts --db FILE.db [--prokash DIR] [--pages N] [--rounds N]');
const file = resolve(values.db);
const pages = Number(values.pages);
const rounds = Number(values.rounds);
const kinds = values.kinds.split(',');
const headers = values.encoding === 'identity' ? {} : { 'accept-encoding': values.encoding };

interface Subject {
  name: string;
  inject(url: string): Promise<{ statusCode: number }>;
  close(): Promise<void>;
}

async function load(root: string, name: string): Promise<Subject> {
  const from = (path: string) => import(pathToFileURL(resolve(root, path)).href);
  const [{ loadConfig }, { openDatabase }, { buildApp }, { systemClock }] = await Promise.all([
    from('src/config/load-config.ts'),
    from('src/db/database.ts'),
    from('src/app.ts'),
    from('src/lib/clock.ts'),
  ]);
  const url = `sqlite:${file}`;
  const database = await openDatabase(url);
  const config = loadConfig({ env: {}, file: false, overrides: { databaseUrl: url, logLevel: 'silent', pageCacheTtl: 0 } });
  const app = await buildApp({ config, database, clock: systemClock, logger: false, scheduler: false, timers: false, pollMs: 0 });
  return {
    name,
    inject: (path) => app.server.inject({ url: path, headers }),
    close: () => app.server.close(),
  };
}

async function paths(): Promise<Record<string, string[]>> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { readonly: true });
  const max = (db.prepare('SELECT max(id) AS n FROM articles').get() as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT a.id, s.path FROM articles a JOIN sections s ON s.id = a.section_id
       WHERE a.status = 'published' AND a.id % ? = 0 ORDER BY a.id LIMIT ?`,
    )
    .all(Math.max(1, Math.floor(max / pages)), pages) as Array<{ id: number; path: string }>;
  const sections = db.prepare('SELECT path FROM sections').all() as Array<{ path: string }>;
  db.close();
  return {
    article: rows.map((r) => `/${r.path}/${r.id}`),
    home: Array.from({ length: Math.max(100, pages / 4) }, () => '/'),
    section: Array.from({ length: Math.max(50, pages / 4) }, (_, i) => `/${sections[i % sections.length]!.path}`),
  };
}

/** CPU microseconds per page (user + system, every thread of the process) and wall ms per page. */
async function measure(subject: Subject, urls: string[]): Promise<{ cpuUs: number; wallMs: number }> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  for (const url of urls) {
    const res = await subject.inject(url);
    if (res.statusCode !== 200) throw new Error(`${subject.name} ${url}: ${res.statusCode}`);
  }
  const used = process.cpuUsage(cpu);
  return { cpuUs: (used.user + used.system) / urls.length, wallMs: (performance.now() - t0) / urls.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const urls = await paths();
const subjects = [await load(process.cwd(), 'this checkout')];
for (const dir of values.prokash) subjects.push(await load(dir, dir));
console.log(`${file}: ${urls.article!.length} article pages; accept-encoding ${values.encoding}; ${rounds} rounds, subjects in turn`);
for (const kind of kinds) {
  const list = urls[kind];
  if (!list) throw new Error(`unknown kind ${kind}`);
  for (const s of subjects) await measure(s, list.slice(0, 50)); // statement caches, JIT
  const samples = new Map(subjects.map((s) => [s.name, [] as Array<{ cpuUs: number; wallMs: number }>]));
  for (let r = 0; r < rounds; r++) {
    for (const s of r % 2 ? [...subjects].reverse() : subjects) samples.get(s.name)!.push(await measure(s, list));
  }
  const base = median(samples.get(subjects[0]!.name)!.map((x) => x.cpuUs));
  for (const s of subjects) {
    const xs = samples.get(s.name)!;
    const cpu = median(xs.map((x) => x.cpuUs));
    const ratio = s === subjects[0] ? '' : `  (this checkout costs ${(base / cpu).toFixed(2)}× its CPU)`;
    console.log(
      `${kind.padEnd(8)} ${s.name.padEnd(24)} CPU ${(cpu / 1000).toFixed(3)} ms/page (${(1e6 / cpu).toFixed(0)} pages per CPU-second), wall ${median(xs.map((x) => x.wallMs)).toFixed(3)} ms${ratio}`,
    );
  }
}
for (const s of subjects) await s.close();
