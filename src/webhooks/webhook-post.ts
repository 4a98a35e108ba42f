import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** The most of a response body kept for the log (bytes). */
export const RESPONSE_BODY_KEPT = 1024;

/** What one try at a delivery came to. */
export interface PostOutcome {
  /** The response's status, when one came. */
  statusCode: number | null;
  durationMs: number;
  /** The first 1 KB of the response body (UTF-8, as far as it decodes). */
  body: string | null;
  /** Why it failed without a 2xx: a timeout, a refused connection, a redirect not followed. */
  error: string | null;
}

/**
 * POSTs a body and waits at most `timeoutMs` for the whole answer. Redirects are not followed (a
 * 3xx is a failure: an endpoint that moved is re-registered by an admin, never followed to
 * wherever a Location points). Only the first 1 KB of the answer is kept.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<PostOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (chunk: Buffer) => {
        if (kept < RESPONSE_BODY_KEPT) {
          chunks.push(chunk.subarray(0, RESPONSE_BODY_KEPT - kept));
          kept += Math.min(chunk.length, RESPONSE_BODY_KEPT - kept);
        }
      });
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        const error =
          status >= 300 && status < 400
            ? `redirect not followed${location ? ` (location: ${location.slice(0, 200)})` : ''}`
            : status >= 200 && status < 300
              ? null
              : `HTTP ${status}`;
        finish({ statusCode: status, body: Buffer.concat(chunks).toString('utf8'), error });
      });
      res.on('error', (e) => finish({ statusCode: res.statusCode ?? null, body: null, error: e.message }));
    });
    const timer = setTimeout(() => {
      finish({ statusCode: null, body: null, error: `no answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => finish({ statusCode: null, body: null, error: e.code ? `${e.code}: ${e.message}` : e.message }));
    req.end(body);
  });
}
