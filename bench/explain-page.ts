// Times every query one cold render of a page runs and prints the slowest with their SQLite
// plans: the tool for finding where a page's cost grows with the archive. Not part of `npm run bench`.
//
//   node --import tsx bench/explain-page.ts --db FILE.db [--runs 3] PATH [PATH…]
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/load-config.ts';
import { openDatabase } from '../src/db/database.ts';
import { buildApp } from '../src/app.ts';
import { systemClock } from '../src/lib/clock.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { db: { type: 'string' }, runs: { type: 'string', default: '3' }, summary: { type: 'boolean', default: false } },
});
if (!values.db || !positionals.length) throw new Error('usage: bench/explain-page.ts --db FILE.db PATH [PATH…]');
const seen: Array<{ sql: string; parameters: readonly unknown[]; ms: number }> = [];
let recording = false;
const handle = await openDatabase(`sqlite:${values.db}`, {
  onQuery: (event) => {
    if (recording && event.level === 'query') seen.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
  },
});
const config = loadConfig({ env: {}, file: undefined, overrides: { databaseUrl: `sqlite:${values.db}`, logLevel: 'silent', pageCacheTtl: 0 } });
const app = await buildApp({ config, database: handle, clock: systemClock, logger: false, scheduler: false, timers: false, pollMs: 0 });
const runs = Number(values.runs);
// --summary: many paths, one line at the end: mean time per page and the query shapes that cost most.
const shapes = new Map<string, { n: number; ms: number }>();
let pages = 0;
let pageMs = 0;
for (const path of positionals) {
  for (let run = 1; run <= runs; run++) {
    seen.length = 0;
    recording = true;
    const t0 = performance.now();
    const res = await app.server.inject({ url: path, headers: { 'accept-encoding': 'br' } });
    const total = performance.now() - t0;
    recording = false;
    if (run < runs) continue; // the last run, on warm statement and page caches
    if (values.summary) {
      pages++;
      pageMs += total;
      for (const q of seen) {
        const shape = q.sql
          .replace(/\s+/g, ' ')
          .replace(/\(\?(, \?)*\)/g, '(…)')
          .slice(0, 120);
        const entry = shapes.get(shape) ?? { n: 0, ms: 0 };
        entry.n++;
        entry.ms += q.ms;
        shapes.set(shape, entry);
      }
      continue;
    }
    console.log(`\n${path}: ${res.statusCode}, ${total.toFixed(2)} ms, ${seen.length} queries, ${seen.reduce((s, q) => s + q.ms, 0).toFixed(2)} ms in queries`);
    for (const q of [...seen].sort((a, b) => b.ms - a.ms).slice(0, 6)) {
      const plan = handle.native!.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as Array<{ detail: string }>;
      console.log(`  ${q.ms.toFixed(2).padStart(7)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 200)}`);
      for (const p of plan) console.log(`             ${p.detail}`);
    }
  }
}
if (values.summary) {
  console.log(`${pages} pages, ${(pageMs / pages).toFixed(2)} ms a page`);
  for (const [shape, e] of [...shapes].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12))
    console.log(`${(e.ms / pages).toFixed(3).padStart(8)} ms/page ×${(e.n / pages).toFixed(1)}  ${shape}`);
}
await app.server.close();
