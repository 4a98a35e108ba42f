// publish-visible: how long after an editor presses "publish" every process serves the article —
// its page answers 200 and the home page links to it (the home page is cached, so this measures
// the cross-process delivery of the content events, not just the write).
//
// Each publish: a draft is made through the admin API (untimed), then the clock starts, the publish
// request is sent to one process, and every target is polled until both checks pass. The
// articles made are deleted afterwards, so a reused corpus stays as built.
import http from 'node:http';

export interface VisibilityTarget {
  name: string;
  /** `http://127.0.0.1:PORT` */
  base: string;
  /**
   * Worker processes behind the port (`--workers N`). A connection reaches whichever worker the
   * cluster hands it to, in turn: such a target is polled over fresh connections and counts as
   * serving the article once `2 × workers` of them in a row do.
   */
  workers?: number;
}

export interface PublishOptions {
  /** Where the admin API is called. */
  api: string;
  token: string;
  targets: VisibilityTarget[];
  publishes: number;
  sectionId: number;
  deskId: number;
  timeoutMs: number;
  log: (line: string) => void;
}

export interface PublishResult {
  /** publish request sent → every target serves the article, ms, one per publish. */
  visibleMs: number[];
  /** The publish request alone, ms. */
  publishMs: number[];
  failures: string[];
}

export async function measurePublishVisible(o: PublishOptions): Promise<PublishResult> {
  const result: PublishResult = { visibleMs: [], publishMs: [], failures: [] };
  const made: number[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  try {
    for (let i = 0; i < o.publishes; i++) {
      // A failed publish is reported and the next one tried: how often it fails is a finding too.
      try {
        const draft = await api(
          agent,
          o,
          'POST',
          '/api/admin/articles',
          {
            sectionId: o.sectionId,
            headline: `বেঞ্চমার্ক প্রকাশ ${i + 1}`,
            summary: 'প্রকাশের পর কত দ্রুত পাঠকের কাছে পৌঁছায়, তার পরীক্ষা।',
            body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'এটি একটি পরীক্ষামূলক প্রতিবেদন।' }] }] },
            byline: { kind: 'desk', personIds: [o.deskId] },
            tags: [],
          },
          201,
        );
        const id = (draft.article as { id: number }).id;
        made.push(id);
        const t0 = performance.now();
        const published = await api(agent, o, 'POST', `/api/admin/articles/${id}/publish`, undefined, 200);
        result.publishMs.push(performance.now() - t0);
        const path = new URL((published.article as { url: string }).url, 'http://x').pathname;
        const waits = await Promise.all(o.targets.map((t) => visible(agent, t, path, t0, o.timeoutMs)));
        const missing = o.targets.filter((_, k) => waits[k] === undefined).map((t) => t.name);
        if (missing.length) result.failures.push(`article ${id}: not visible on ${missing.join(', ')} within ${o.timeoutMs} ms`);
        else result.visibleMs.push(Math.max(...(waits as number[])));
      } catch (error) {
        result.failures.push(`publish ${i + 1}: ${(error as Error).message}`);
      }
    }
  } finally {
    for (const id of made)
      await api(agent, o, 'DELETE', `/api/admin/articles/${id}`, undefined, 204).catch((e: unknown) =>
        o.log(`could not delete article ${id}: ${e instanceof Error ? e.message : String(e)}`),
      );
    agent.destroy();
  }
  return result;
}

/** Polls one target until the article page answers 200 and the home page links to it (on every worker). */
async function visible(agent: http.Agent, target: VisibilityTarget, path: string, t0: number, timeoutMs: number): Promise<number | undefined> {
  const needed = target.workers ? 2 * target.workers : 1;
  const via = target.workers ? undefined : agent; // fresh connections spread over the workers
  let inARow = 0;
  while (performance.now() - t0 < timeoutMs) {
    const page = (await get(via, `${target.base}${path}`)).status === 200;
    const home = page && (await get(via, `${target.base}/`)).body.includes(`href="${path}"`);
    inARow = page && home ? inARow + 1 : 0;
    if (inARow >= needed) return performance.now() - t0;
    if (!inARow) await new Promise((r) => setTimeout(r, 5));
  }
  return undefined;
}

function get(agent: http.Agent | undefined, url: string): Promise<{ status: number; body: string }> {
  return send(agent, url, 'GET', {}, undefined);
}

async function api(agent: http.Agent, o: PublishOptions, method: string, path: string, body: unknown, expect: number): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { authorization: `Bearer ${o.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await send(agent, `${o.api}${path}`, method, headers, body === undefined ? undefined : JSON.stringify(body));
  if (res.status !== expect) throw new Error(`${method} ${path}: ${res.status} ${res.body.slice(0, 500)}`);
  return res.body ? (JSON.parse(res.body) as Record<string, unknown>) : {};
}

function send(
  agent: http.Agent | undefined,
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: agent ?? false, timeout: 30_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url}: timeout`)));
    req.on('error', reject);
    req.end(body);
  });
}
