// What the page fast path's own code costs per cached page served: the time of
// `createPageFastPath(...)(req, res)` in a tight loop, in process, with a request object shaped as
// node:http makes it and a response whose writeHead and end do nothing. What it leaves out is
// node:http's own work and the kernel's (the serving benchmark's ceiling measures those); what it
// keeps is the key, the fragments, the cache lookup, the ETag check, the encoding and the headers.
// Each checkout in its own process (they share module names):
//
//   node --import tsx bench/fast-path-cpu.ts --db FILE.db [--prokash DIR] [--path /health/100000] [--calls 2000000]
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    prokash: { type: 'string', default: process.cwd() },
    path: { type: 'string' },
    calls: { type: 'string', default: '2000000' },
    rounds: { type: 'string', default: '5' },
  },
});
if (!values.db) throw new Error('usage: bench/fast-path-cpu.ts --db FILE.db [--prokash DIR] [--path URL] [--calls N] [--rounds N]');
const root = resolve(values.prokash);
const from = (path: string) => import(pathToFileURL(resolve(root, path)).href);
const [{ loadConfig }, { openDatabase }, { buildApp }, { systemClock }, { createPageFastPath }] = await Promise.all([
  from('src/config/load-config.ts'),
  from('src/db/database.ts'),
  from('src/app.ts'),
  from('src/lib/clock.ts'),
  from('src/site/page-fast-path.ts'),
]);
const url = `sqlite:${resolve(values.db)}`;
const database = await openDatabase(url);
const config = loadConfig({ env: {}, file: false, overrides: { databaseUrl: url, logLevel: 'silent' } });
const app = await buildApp({ config, database, clock: systemClock, logger: false, scheduler: false, timers: false, pollMs: 0 });
const accept = 'gzip, deflate, br';
const path = values.path ?? (await newestArticlePath());
for (let i = 0; i < 3; i++) await app.server.inject({ url: path, headers: { 'accept-encoding': accept } }); // rendered, then brotli made
const serve = createPageFastPath(app.cache, () => app.pages.fragments.current(), false);
const socket = { remoteAddress: '127.0.0.1' };
const res = { writeHead: () => res, end: () => undefined };
const calls = Number(values.calls);
const samples: number[] = [];
for (let round = 0; round <= Number(values.rounds); round++) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    // A new request object each time, its URL a new string, as the parser makes them.
    const req = { method: 'GET', url: `${path} `.trimEnd(), headers: { host: 'localhost', 'accept-encoding': accept }, socket };
    if (!serve(req, res)) throw new Error(`${path}: not answered by the fast path`);
  }
  if (round > 0) samples.push(Number(process.hrtime.bigint() - t) / calls); // round 0 warms the JIT
}
samples.sort((a, b) => a - b);
console.log(`${root} ${path}: ${samples[samples.length >> 1]!.toFixed(0)} ns per page served (median of ${samples.length} rounds of ${calls})`);
await app.server.close();

async function newestArticlePath(): Promise<string> {
  const res = await app.server.inject({ url: '/latest' });
  const href = /<h[23] class="card__title"><a href="([^"]+)"/.exec(res.body)?.[1];
  if (!href) throw new Error('no article on /latest');
  return href;
}
