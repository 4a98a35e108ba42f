// Times `prokash import --from wordpress` over a generated export (bench/wordpress-wxr.ts), the
// whole command from start-up to exit, three runs each into a fresh SQLite database, with the
// command's resident memory sampled every 50 ms from /proc. Images are left out.
//   node --import tsx bench/wordpress-import.ts [POSTS=10000] [RUNS=3]
//   node --import tsx bench/wordpress-import.ts --read-only POSTS
//     reads and maps a (large) export without writing, sampling memory: the stream stays flat.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWordPressExport } from './wordpress-wxr.ts';

const BIN = fileURLToPath(new URL('../bin/prokash.js', import.meta.url));
const TSX = import.meta.resolve('tsx');

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/** Runs a node command to its end: wall time, peak RSS, and RSS at each tenth of the run. */
async function measure(args: string[], env: Record<string, string>, cwd: string, typescript = true) {
  const started = performance.now();
  const child = spawn(process.execPath, typescript ? ['--import', TSX, ...args] : args, {
    cwd,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const samples: number[] = [];
  const timer = setInterval(() => void rssOf(child.pid!).then((r) => r && samples.push(r)), 50);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const deciles = Array.from({ length: 10 }, (_, i) => samples[Math.floor((i * samples.length) / 10)] ?? 0);
  return { code, seconds, peak: Math.max(0, ...samples), deciles, out };
}

const mb = (b: number) => `${Math.round(b / 1048576)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const args = process.argv.slice(2);
const readOnly = args[0] === '--read-only';
const posts = Number((readOnly ? args[1] : args[0]) ?? 10_000);
const runs = Number((readOnly ? undefined : args[1]) ?? 3);
const dir = await mkdtemp(join(tmpdir(), 'prokash-wp-bench-'));
try {
  const file = join(dir, 'export.xml');
  const bytes = await writeWordPressExport(file, posts);
  console.log(`export: ${posts} posts, ${(bytes / 1e6).toFixed(1)} MB; machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}`);
  if (readOnly) {
    const script = fileURLToPath(new URL('./wordpress-read.ts', import.meta.url));
    const r = await measure([script, file], {}, dir);
    console.log(`read and map only: ${r.seconds.toFixed(1)} s, peak RSS ${mb(r.peak)}; RSS by tenth of the run: ${r.deciles.map(mb).join(' ')}`);
    console.log(r.out.trim());
  } else {
    // The command as an operator runs it: the compiled CLI (dist/, what `npm install` builds), not
    // the TypeScript source through tsx, whose loader alone adds tens of MB and its start-up.
    console.log('building dist/ (tsc -p tsconfig.build.json)');
    execFileSync(
      process.execPath,
      [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', fileURLToPath(new URL('../tsconfig.build.json', import.meta.url))],
      {
        stdio: 'inherit',
      },
    );
    const times: number[] = [];
    const peaks: number[] = [];
    for (let i = 1; i <= runs; i++) {
      const db = join(dir, `run${i}`);
      const r = await measure([BIN, 'import', '--from', 'wordpress', file], { DATABASE_URL: `sqlite://${db}.sqlite`, MEDIA_DIR: `${db}-media` }, dir, false);
      if (r.code !== 0) throw new Error(`run ${i} exited ${r.code}: ${r.out}`);
      times.push(r.seconds);
      peaks.push(r.peak);
      console.log(
        `run ${i}: ${r.seconds.toFixed(1)} s (${Math.round(posts / r.seconds)} posts/s), peak RSS ${mb(r.peak)}; by tenth of the run: ${r.deciles.map(mb).join(' ')}`,
      );
    }
    const m = median(times);
    console.log(`median of ${runs}: ${m.toFixed(1)} s, ${Math.round(posts / m)} posts/s; peak RSS median ${mb(median(peaks))}`);
  }
  console.log(`file size ${mb((await stat(file)).size)}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
