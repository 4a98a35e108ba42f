// The ceiling: what node:http alone does on this machine for the same answer. A response is
// captured from Prokash (status, every header but the per-connection ones, body bytes) with the
// scenario's own request headers; a bare node:http server in its own process then answers every
// request with exactly that. Prokash ÷ ceiling is the share of the machine's HTTP capacity left
// after Prokash's own work.
import http from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { pinning, spawnTracked } from './serve-processes.ts';

export interface Captured {
  status: number;
  /** Raw header pairs as sent (names as written), without the per-connection headers. */
  headers: Array<[string, string]>;
  body: Buffer;
  /** Status line, all headers and body: what one answer costs on the wire. */
  wireBytes: number;
}

// node:http adds these itself, per connection and per answer.
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** One request with the scenario's method and headers; the whole answer kept. */
export function capture(base: string, path: string, method: string, headers: Record<string, string>): Promise<Captured> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers, agent: false, timeout: 120_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const raw = res.rawHeaders;
        const pairs: Array<[string, string]> = [];
        let headerBytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
        for (let i = 0; i < raw.length; i += 2) {
          headerBytes += raw[i]!.length + 2 + Buffer.byteLength(raw[i + 1]!) + 2;
          if (!PER_CONNECTION.has(raw[i]!.toLowerCase())) pairs.push([raw[i]!, raw[i + 1]!]);
        }
        resolve({ status: res.statusCode ?? 0, headers: pairs, body, wireBytes: headerBytes + body.length });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within 120 s`)));
    req.on('error', reject);
    req.end();
  });
}

export const header = (c: Captured, name: string) => c.headers.find(([k]) => k.toLowerCase() === name)?.[1];

// The whole server: no routing, no parsing beyond node:http's own. `res.writeHead` takes the
// captured raw header list as is, so names, order and repeated headers are those Prokash sent.
const CEILING = `
const http = require('node:http');
const fs = require('node:fs');
const r = JSON.parse(fs.readFileSync(process.env.CEILING_FILE, 'utf8'));
const body = Buffer.from(r.body, 'base64');
const headers = r.headers.flat();
const empty = r.status === 204 || r.status === 304;
http.createServer((req, res) => {
  req.resume();
  res.writeHead(r.status, headers);
  res.end(empty ? undefined : body);
}).listen(0, '127.0.0.1', function () { console.log('port ' + this.address().port); });
`;

export interface Ceiling {
  child: ChildProcess;
  base: string;
}

/** Starts a bare server answering `captured` to everything; resolves once it listens. */
export async function startCeiling(captured: Captured, scratchDir: string, name: string): Promise<Ceiling> {
  const file = join(scratchDir, `ceiling-${name}.json`);
  writeFileSync(file, JSON.stringify({ status: captured.status, headers: captured.headers, body: captured.body.toString('base64') }));
  const child = spawnTracked(
    process.execPath,
    ['-e', CEILING],
    { env: { ...process.env, CEILING_FILE: file }, stdio: ['ignore', 'pipe', 'inherit'] },
    pinning.server,
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ceiling server: no port within 10 s')), 10_000);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /port (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ceiling server exited ${code}`));
    });
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/** Whether two answers are the same bytes with the same headers (a ceiling serving what Prokash does). */
export function sameAnswer(a: Captured, b: Captured): boolean {
  const norm = (c: Captured) => JSON.stringify(c.headers.map(([k, v]) => [k.toLowerCase(), v]));
  return a.status === b.status && a.body.equals(b.body) && norm(a) === norm(b);
}
