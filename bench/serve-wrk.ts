// The load generator: Debian's wrk (one thread, a Lua script per scenario for method, headers and
// round-robin paths), or autocannon in this process when wrk is not installed. wrk is preferred:
// it is C, so on a two-core machine it leaves more of the CPU to the server under test.
import { accessSync, constants, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { pinning, spawnTracked } from './serve-processes.ts';

export interface LoadSpec {
  /** `http://127.0.0.1:PORT` */
  base: string;
  method: 'GET' | 'POST';
  /** Requested in turn (round-robin); one path is the common case. */
  paths: string[];
  headers: Record<string, string>;
  /** The status every answer must have (checked exactly only by autocannon; see `unexpected`). */
  expectStatus: number;
  seconds: number;
  connections: number;
  /** Run the load generator on its own core (when the server is pinned to the other). */
  pinned?: boolean;
}

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Bytes received, headers included. */
  bytes: number;
  /** Answers with an unexpected status: wrk can only count those ≥ 400; autocannon counts all. */
  unexpected: number;
  /** Connect, read, write errors and timeouts. */
  socketErrors: number;
  tool: 'wrk' | 'autocannon';
}

let wrkPath: string | null | undefined;

/** wrk on the PATH, or null. */
export function findWrk(): string | null {
  if (wrkPath !== undefined) return wrkPath;
  wrkPath = null;
  for (const dir of (process.env.PATH ?? '').split(':').filter(Boolean)) {
    try {
      accessSync(join(dir, 'wrk'), constants.X_OK);
      return (wrkPath = join(dir, 'wrk'));
    } catch {
      /* not here */
    }
  }
  return wrkPath;
}

export async function runLoad(spec: LoadSpec, scratchDir: string): Promise<LoadResult> {
  const wrk = findWrk();
  return wrk ? runWrk(wrk, spec, scratchDir) : runAutocannon(spec);
}

let scripts = 0;

/** The Lua script: fixed method and headers; a `request` function only when there are several paths. */
export function luaScript(spec: Pick<LoadSpec, 'method' | 'paths' | 'headers'>): string {
  const q = (s: string) => JSON.stringify(s); // URL-encoded paths and header values are ASCII: a JSON string is a Lua string
  const out = [`wrk.method = ${q(spec.method)}`];
  for (const [k, v] of Object.entries(spec.headers)) out.push(`wrk.headers[${q(k)}] = ${q(v)}`);
  if (spec.paths.length === 1) out.push(`wrk.path = ${q(spec.paths[0]!)}`);
  else {
    // One Lua state per wrk thread (-t1): the counter walks the list in order.
    out.push(`local paths = {`, ...spec.paths.map((p) => `  ${q(p)},`), `}`, `local i = 0`);
    out.push(`request = function()`, `  i = i % #paths + 1`, `  return wrk.format(nil, paths[i])`, `end`);
  }
  return `${out.join('\n')}\n`;
}

async function runWrk(wrk: string, spec: LoadSpec, scratchDir: string): Promise<LoadResult> {
  for (const p of spec.paths) if (/[^\x21-\x7e]/.test(p)) throw new Error(`path not URL-encoded: ${p}`);
  const script = join(scratchDir, `load-${++scripts}.lua`);
  writeFileSync(script, luaScript(spec));
  // A long timeout: a slow answer must count in the latencies, not vanish as a socket error.
  const args = ['-t1', `-c${spec.connections}`, `-d${spec.seconds}s`, '--timeout', '30s', '--latency', '-s', script, `${spec.base}${spec.paths[0]}`];
  const child = spawnTracked(wrk, args, { stdio: ['ignore', 'pipe', 'pipe'] }, spec.pinned ? pinning.load : undefined);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const watchdog = setTimeout(() => child.kill('SIGKILL'), (spec.seconds + 60) * 1000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(watchdog);
  if (code !== 0) throw new Error(`wrk exited ${code}: ${out}`);
  return parseWrk(out);
}

const TIME: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const SIZE: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

/** Reads req/s, p50, p99, totals and errors from `wrk --latency` output. */
export function parseWrk(out: string): LoadResult {
  const num = (re: RegExp) => {
    const m = re.exec(out);
    if (!m) throw new Error(`wrk output without ${re}:\n${out}`);
    return m;
  };
  const pct = (p: number) => {
    const m = num(new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$`, 'm'));
    return Number(m[1]) * TIME[m[2]!]!;
  };
  const totals = num(/(\d+) requests in ([\d.]+)(us|ms|s|m|h), ([\d.]+)(B|KB|MB|GB|TB) read/);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(num(/Requests\/sec:\s+([\d.]+)/)[1]),
    p50Ms: pct(50),
    p99Ms: pct(99),
    requests: Number(totals[1]),
    bytes: Number(totals[4]) * SIZE[totals[5]!]!,
    unexpected: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
    socketErrors: socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
    tool: 'wrk',
  };
}

async function runAutocannon(spec: LoadSpec): Promise<LoadResult> {
  const result = await autocannon({
    url: `${spec.base}${spec.paths[0]}`,
    method: spec.method,
    headers: spec.headers,
    connections: spec.connections,
    duration: spec.seconds,
    ...(spec.paths.length > 1 ? { requests: spec.paths.map((path) => ({ path, method: spec.method })) } : {}),
  });
  const stats = result.statusCodeStats ?? {};
  const expected = stats[`${spec.expectStatus}`]?.count ?? 0;
  const answered = Object.values(stats).reduce((a, s) => a + (s.count ?? 0), 0);
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    bytes: result.throughput.total,
    unexpected: answered - expected,
    socketErrors: result.errors,
    tool: 'autocannon',
  };
}
