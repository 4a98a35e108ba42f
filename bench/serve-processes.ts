// The serving benchmark's child processes: Prokash servers, bare ceiling servers, wrk. Every child
// is registered here as it is spawned and stopped by its own PID (SIGTERM, then SIGKILL), from the
// benchmark's `finally` and on SIGINT/SIGTERM; nothing is ever stopped by name.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const children = new Set<ChildProcess>();
// Worker processes seen under our servers (pid → start time), stopped if they outlive their parent.
const descendants = new Map<number, string>();

/**
 * CPU pinning (taskset): the servers on one core, the load generator on another, so that neither
 * steals the other's core (on two cores, unpinned runs swung by a third from round to round).
 */
export const pinning: { enabled: boolean; server: string; load: string } = { enabled: false, server: '0', load: '1' };

/** Spawns a child that `stopAll` will stop; on `cpus` when pinning is on. */
export function spawnTracked(command: string, args: string[], options: SpawnOptions, cpus?: string): ChildProcess {
  const child = pinning.enabled && cpus ? spawn('taskset', ['-c', cpus, command, ...args], options) : spawn(command, args, options);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Stops one child we started: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c)));
  killLeftoverDescendants();
}

let interrupted = false;

/** Whether Ctrl-C (or SIGTERM) was received: the benchmark stops starting new work. */
export const wasInterrupted = () => interrupted;

/** On Ctrl-C or SIGTERM: stop every child by PID, run `cleanup`, exit 130. A second signal exits at once. */
export function stopOnSignals(cleanup: () => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      process.stderr.write(`\n${signal}: stopping the benchmark's child processes\n`);
      void stopAll().finally(() => {
        cleanup();
        process.exit(130);
      });
    });
  }
}

function killLeftoverDescendants(): void {
  for (const [pid, start] of descendants) {
    // Only the very process we saw (same PID and start time), never a recycled PID.
    if (startTime(pid) === start) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
    }
  }
  descendants.clear();
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ProkashServer {
  name: string;
  child: ChildProcess;
  pid: number;
  base: string;
  /** Warnings, errors and stray output the server printed (first few of each kind). */
  problems: Map<string, number>;
}

export interface ProkashLaunch {
  /** Checkout root whose bin/prokash.js runs. */
  root: string;
  /** Run the compiled dist/ instead of the TypeScript source. */
  built: boolean;
  env: Record<string, string>;
  cwd: string;
  timeoutMs: number;
}

/** Node arguments for the CLI of a checkout: from source through tsx unless `built`. */
export function cliArgs(launch: Pick<ProkashLaunch, 'root' | 'built'>): string[] {
  const bin = join(launch.root, 'bin', 'prokash.js');
  return launch.built ? [bin] : ['--import', import.meta.resolve('tsx'), bin];
}

function cliEnv(launch: Pick<ProkashLaunch, 'built' | 'env'>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...launch.env };
  if (launch.built) delete env.PROKASH_FROM_SOURCE;
  else env.PROKASH_FROM_SOURCE = '1'; // never a stale dist/ while src/ is being changed
  return env;
}

/** `prokash start --no-demo --port P …` as a child; resolves once it says it is serving. */
export async function startProkash(
  name: string,
  launch: ProkashLaunch,
  extraArgs: string[],
  cpus: string | undefined = pinning.server,
): Promise<ProkashServer> {
  const port = await freePort();
  const args = [...cliArgs(launch), 'start', '--no-demo', '--port', String(port), ...extraArgs];
  const child = spawnTracked(
    process.execPath,
    args,
    { cwd: launch.cwd, env: cliEnv({ ...launch, env: { LOG_LEVEL: 'info', HOST: '127.0.0.1', ...launch.env } }), stdio: ['ignore', 'pipe', 'pipe'] },
    cpus,
  );
  const server: ProkashServer = { name, child, pid: child.pid!, base: `http://127.0.0.1:${port}`, problems: new Map() };
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: not serving within ${launch.timeoutMs / 1000} s:\n${out.slice(-4000)}`)), launch.timeoutMs);
    const onLine = (line: string, stream: 'stdout' | 'stderr') => {
      if (out.length < 100_000) out += `${line}\n`;
      if (line.includes('is serving')) {
        clearTimeout(timer);
        resolve();
      } else noteProblem(server, line, stream);
    };
    lines(child.stdout!, (l) => onLine(l, 'stdout'));
    lines(child.stderr!, (l) => onLine(l, 'stderr'));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name}: exited (${code ?? signal}) before serving:\n${out.slice(-4000)}`));
    });
  });
  return server;
}

/** Runs a CLI command of the checkout to completion; resolves with its stdout. */
export async function runCli(launch: ProkashLaunch, args: string[]): Promise<string> {
  const child = spawnTracked(process.execPath, [...cliArgs(launch), ...args], { cwd: launch.cwd, env: cliEnv(launch), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), launch.timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`prokash ${args.join(' ')} exited ${code}: ${err}`);
  return out;
}

// Structured log lines at warn (40) or above, and anything that is not a log line, are kept.
function noteProblem(server: ProkashServer, line: string, stream: string): void {
  if (!line.trim()) return;
  let key: string;
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
    if ((entry.level ?? 0) < 40) return;
    key = `level ${entry.level}: ${entry.msg ?? ''}${entry.err?.message ? ` (${entry.err.message})` : ''}`;
  } catch {
    key = `${stream}: ${line}`;
  }
  key = key.slice(0, 300);
  if (server.problems.has(key) || server.problems.size < 20) server.problems.set(key, (server.problems.get(key) ?? 0) + 1);
}

function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let rest = '';
  stream.on('data', (d: Buffer) => {
    const parts = (rest + d.toString('utf8')).split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) onLine(p);
  });
}

export interface Rss {
  /** Resident set of each Node process of the tree (the server and its worker processes), MB. */
  processes: number;
  maxMb: number;
  sumMb: number;
}

/**
 * VmRSS of a server and its Node descendants (worker processes, if any). Other descendants, such
 * as the esbuild service tsx starts to compile the source, are not the server's and are left out.
 */
export function rssOf(pid: number): Rss {
  const tree = [pid, ...nodeDescendants(pid)];
  const mbs = tree.map((p) => vmRssKb(p) / 1024).filter((mb) => mb > 0);
  return { processes: mbs.length, maxMb: Math.max(0, ...mbs), sumMb: mbs.reduce((a, b) => a + b, 0) };
}

function nodeDescendants(root: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(`/proc/${name}/stat`);
    if (!stat) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(name)]);
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of byParent.get(p) ?? []) {
      if (readProc(`/proc/${c}/comm`)?.trim() === 'node') {
        out.push(c);
        descendants.set(c, startTime(c) ?? '');
      }
      walk(c);
    }
  };
  walk(root);
  return out;
}

function vmRssKb(pid: number): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readProc(`/proc/${pid}/status`) ?? '');
  return m ? Number(m[1]) : 0;
}

function startTime(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
