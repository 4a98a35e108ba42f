import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config/config-schema.ts';
import { isEventsMessage } from '../content/events/cluster-signal.ts';

// A worker that dies this soon after starting is crashing at start: wait before the next try.
const CRASH_WINDOW_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * glibc's malloc gives each thread that allocates (the libuv pool compressing pages, SQLite) an
 * arena of its own, up to eight per core, and memory freed in one is not returned to the others:
 * under a long load soak a worker's RSS wandered 300–400 MB with its JS heap and Buffers flat.
 * Two arenas held it at 270–350 MB (docs/reliability.md). Read by glibc when a process starts, so
 * it is given to the workers; an operator's own value wins.
 */
const WORKER_ENV = { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };

/**
 * The cluster primary of `prokash start --workers N`: it starts N serving workers on one port,
 * relays "events up to id N" from the worker that wrote them to every other (on SQLite that is
 * how they hear of each other's writes within milliseconds; the event log stays the record),
 * replaces a worker that dies, and stops them all on SIGTERM or SIGINT. It serves nothing and
 * opens no database itself.
 */
export async function runClusterPrimary(config: Config, count: number): Promise<number> {
  const started = new Map<number, number>(); // worker id → start time
  let backoffMs = 250;
  let stopping = false;
  let serving = 0;

  const fork = (): Worker => {
    const worker = cluster.fork(WORKER_ENV);
    started.set(worker.id, Date.now());
    worker.on('message', (message: unknown) => {
      if (isEventsMessage(message)) {
        for (const other of Object.values(cluster.workers ?? {})) if (other && other !== worker && other.isConnected()) other.send(message);
      } else if (isServing(message) && ++serving === count) {
        console.log(`${config.siteName} is serving ${config.siteUrl} with ${count} workers (primary ${process.pid})`);
      }
    });
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (stopping) return;
    console.error(`worker ${worker.process.pid} stopped (${signal || `exit ${code}`}); starting another`);
    backoffMs = lived < CRASH_WINDOW_MS ? Math.min(backoffMs * 2, MAX_BACKOFF_MS) : 250;
    setTimeout(
      () => {
        if (!stopping) fork();
      },
      lived < CRASH_WINDOW_MS ? backoffMs : 0,
    );
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    if (!workers.length) process.exit(0);
    let left = workers.length;
    for (const worker of workers) {
      worker.once('exit', () => --left === 0 && process.exit(0));
      worker.process.kill(signal);
    }
    // A worker that does not stop in time is ended.
    setTimeout(() => workers.forEach((w) => w.process.kill('SIGKILL')), 10_000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  for (let i = 0; i < count; i++) fork();
  return -1; // keep running
}

function isServing(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { prokash?: string }).prokash === 'serving';
}
