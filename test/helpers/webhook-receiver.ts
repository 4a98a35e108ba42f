import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';

/** How the receiver answers: a status, or `hang` (never answers until closed). */
export type ReceiverMode = number | 'hang';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.now() when the body had arrived. */
  at: number;
}

/** A real webhook receiver on 127.0.0.1 and a random port, recording what it is sent. */
export interface Receiver {
  url: string;
  mode: ReceiverMode;
  received: ReceivedRequest[];
  /** Resolves once `count` requests have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startReceiver(path = '/hooks/prokash'): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  const waiters = new Set<() => void>();
  let server: Server;
  const receiver: Receiver = {
    url: '',
    mode: 200,
    received,
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(received);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the receiver got ${received.length} of ${count} requests within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: performance.now() });
      for (const waiter of [...waiters]) waiter();
      const mode = receiver.mode;
      if (mode === 'hang') return; // answered never; closed with the server
      res.writeHead(mode, { 'content-type': 'text/plain' }).end(mode >= 200 && mode < 300 ? 'ok' : `status ${mode}: ${'x'.repeat(2000)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return receiver;
}

export type Verify = (header: string, rawBody: string | Buffer, secret: string, nowSeconds?: number) => boolean;

/** The Node recipe of docs/webhooks.md, exactly as written there, loaded as a module. */
export async function documentedVerifier(): Promise<Verify> {
  const doc = await readFile(resolve(import.meta.dirname, '..', '..', 'docs', 'webhooks.md'), 'utf8');
  const block = /### Node\n[\s\S]*?```js\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(block, 'docs/webhooks.md has a Node block');
  const dir = await mkdtemp(join(tmpdir(), 'prokash-verify-'));
  try {
    const file = join(dir, 'verify.mjs');
    await writeFile(file, block);
    return ((await import(pathToFileURL(file).href)) as { verifyProkashSignature: Verify }).verifyProkashSignature;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
