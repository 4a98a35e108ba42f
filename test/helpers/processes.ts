import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/prokash.js', import.meta.url));

/**
 * Node arguments that run the CLI from TypeScript source: tsx preloaded (by absolute URL, since
 * children run in temporary folders) rather than registered from inside the CLI.
 */
export const NODE_ARGS = ['--import', import.meta.resolve('tsx'), BIN];

/** What a finished `prokash` command printed. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one `prokash …` command from source to its end (killed after `limitMs`, 60 s unless given). */
export function runProkash(args: string[], env: Record<string, string>, cwd: string, limitMs = 60_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, ...args], {
      cwd,
      env: { ...process.env, PROKASH_FROM_SOURCE: '1', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `prokash start …` from source and resolves once it serves; the caller stops it by PID. */
export async function startProkash(args: string[], env: Record<string, string>, cwd: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...NODE_ARGS, 'start', ...args], {
    cwd,
    env: { ...process.env, PROKASH_FROM_SOURCE: '1', LOG_LEVEL: 'silent', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no start within 60 s: ${out}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('is serving')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}: ${out}`));
    });
  });
  return child;
}

/** Stops a process this test started and waits until it is gone. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise((resolve) => child.once('close', resolve));
  child.kill('SIGTERM');
  await closed;
}
