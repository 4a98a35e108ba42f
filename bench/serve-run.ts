// One load scenario: capture Prokash's answer, check it, start the ceiling that sends the same
// bytes, warm both up, then measure in interleaved rounds (ceiling, Prokash, ceiling, Prokash …)
// so that the machine's drift hits both alike. Anything unexpected fails the scenario: a wrong
// status before, during or after the load, socket errors, or answers of the wrong size.
import { capture, header, sameAnswer, startCeiling, type Captured } from './serve-ceiling.ts';
import { rssOf, stopChild, type ProkashServer } from './serve-processes.ts';
import type { Row } from './serve-report.ts';
import { runLoad, type LoadResult, type LoadSpec } from './serve-wrk.ts';

export interface Scenario {
  name: string;
  /** The page cache on (`warm`) or off (`cold`), or a `--workers 2` server with it on (`workers`). */
  server: 'warm' | 'cold' | 'workers';
  method: 'GET' | 'POST';
  /** URL-encoded paths, requested round-robin. */
  paths: string[];
  expect: 200 | 204 | 304;
  /** A bare server sending Prokash's bytes makes sense only for one URL whose answer is cached. */
  ceiling: boolean;
  /** Send If-None-Match with the page's ETag. */
  conditional?: boolean;
}

export interface RunSettings {
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  connections: number;
  headers: Record<string, string>;
  scratchDir: string;
  log: (line: string) => void;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export async function runScenario(s: Scenario, server: ProkashServer, o: RunSettings): Promise<Row> {
  const row: Row = { scenario: s.name, failures: [], notes: [] };
  const headers = { ...o.headers };
  const first = s.paths[0]!;
  if (s.conditional) {
    const page = await capture(server.base, first, s.method, headers);
    const etag = header(page, 'etag');
    if (page.status !== 200 || !etag) return fail(row, `GET ${first} answered ${page.status} ${etag ? '' : 'without an ETag'}`);
    headers['if-none-match'] = etag;
  }
  const answer = await capture(server.base, first, s.method, headers);
  if (answer.status !== s.expect) return fail(row, `${s.method} ${first} answered ${answer.status}, expected ${s.expect}`);
  const wrong = await checkAll(server.base, s, headers);
  if (wrong.length) return fail(row, `${wrong.length} of ${s.paths.length} URLs answered otherwise than ${s.expect}, e.g. ${wrong.slice(0, 3).join('; ')}`);

  const ceiling = s.ceiling ? await startCeiling(answer, o.scratchDir, s.name) : undefined;
  try {
    if (ceiling && !sameAnswer(answer, await capture(ceiling.base, first, s.method, headers)))
      return fail(row, 'the ceiling server does not send what Prokash sent');
    // The load is pinned (to the other core) only when the server is: a ceiling comparison.
    const pinned = !!ceiling;
    const spec = (base: string, seconds: number): LoadSpec => ({
      base,
      method: s.method,
      paths: s.paths,
      headers,
      expectStatus: s.expect,
      seconds,
      connections: o.connections,
      pinned,
    });
    o.log(`${s.name}: warming up`);
    if (ceiling) await runLoad(spec(ceiling.base, o.warmupSeconds), o.scratchDir);
    await runLoad(spec(server.base, o.warmupSeconds), o.scratchDir);
    const runs: { prokash: LoadResult[]; ceiling: LoadResult[] } = { prokash: [], ceiling: [] };
    for (let round = 1; round <= o.rounds; round++) {
      // Each round's pair runs back to back, in alternating order, so drift hits both alike.
      let r: LoadResult;
      if (ceiling && round % 2 === 0) {
        r = await runLoad(spec(server.base, o.seconds), o.scratchDir);
        runs.ceiling.push(await runLoad(spec(ceiling.base, o.seconds), o.scratchDir));
      } else {
        if (ceiling) runs.ceiling.push(await runLoad(spec(ceiling.base, o.seconds), o.scratchDir));
        r = await runLoad(spec(server.base, o.seconds), o.scratchDir);
      }
      runs.prokash.push(r);
      o.log(
        `${s.name} round ${round}: Prokash ${Math.round(r.rps)} req/s p50 ${r.p50Ms.toFixed(2)} p99 ${r.p99Ms.toFixed(2)} ms${ceiling ? `; ceiling ${Math.round(runs.ceiling.at(-1)!.rps)} req/s` : ''}`,
      );
      row.failures.push(...problems(r, s, answer, `round ${round}`));
    }
    // The answer must still be what was measured (an ETag that changed mid-run turns 304s into 200s).
    const after = await capture(server.base, first, s.method, headers);
    if (after.status !== s.expect) row.failures.push(`after the load ${s.method} ${first} answered ${after.status}, expected ${s.expect}`);
    for (const c of runs.ceiling)
      if (c.unexpected || c.socketErrors) row.failures.push(`ceiling: ${c.unexpected} unexpected statuses, ${c.socketErrors} socket errors`);
    row.rps = median(runs.prokash.map((r) => r.rps));
    row.p50Ms = median(runs.prokash.map((r) => r.p50Ms));
    row.p99Ms = median(runs.prokash.map((r) => r.p99Ms));
    if (ceiling) {
      row.ceilingRps = median(runs.ceiling.map((r) => r.rps));
      // The median of each round's ratio: a round where the machine was slow for both counts once.
      row.ratio = median(runs.prokash.map((r, i) => r.rps / runs.ceiling[i]!.rps));
    }
    const rounds = (rs: LoadResult[]) => rs.map((r) => Math.round(r.rps).toLocaleString('en-US')).join(' / ');
    const ceilingLatency = ceiling
      ? `; ceiling p50/p99 ${median(runs.ceiling.map((r) => r.p50Ms)).toFixed(2)}/${median(runs.ceiling.map((r) => r.p99Ms)).toFixed(2)} ms`
      : '';
    row.notes.push(
      `req/s per round: Prokash ${rounds(runs.prokash)}${ceiling ? `; ceiling ${rounds(runs.ceiling)}` : ''}${ceilingLatency}; ${s.paths.length} URL${s.paths.length > 1 ? 's' : ''}, ${describeAnswer(answer)}`,
    );
  } finally {
    if (ceiling) await stopChild(ceiling.child);
  }
  row.rss = rssOf(server.pid);
  return row;
}

function fail(row: Row, message: string): Row {
  row.failures.push(message);
  return row;
}

function describeAnswer(a: Captured): string {
  const encoding = header(a, 'content-encoding');
  return `answer ${a.status}, ${a.body.length.toLocaleString('en-US')} body bytes${encoding ? ` (${encoding})` : ''}`;
}

// wrk counts only answers ≥ 400 as errors; the size of the average answer catches the rest for a
// single URL (a 200 where a 304 was expected is tens of times larger, and the reverse).
function problems(r: LoadResult, s: Scenario, answer: Captured, when: string): string[] {
  const out: string[] = [];
  if (r.requests === 0) out.push(`${when}: no request completed within the run (answers slower than --seconds under this load?)`);
  if (r.unexpected) out.push(`${when}: ${r.unexpected} of ${r.requests} answers had an unexpected status${r.tool === 'wrk' ? ' (≥ 400)' : ''}`);
  if (r.socketErrors) out.push(`${when}: ${r.socketErrors} socket errors (connect/read/write/timeout)`);
  if (s.paths.length === 1 && r.requests > 0) {
    const perRequest = r.bytes / r.requests;
    if (perRequest < answer.wireBytes / 2 || perRequest > answer.wireBytes * 2) {
      out.push(`${when}: ${Math.round(perRequest)} bytes per answer where ${answer.wireBytes} were expected: the server answered something else`);
    }
  }
  return out;
}

// Every URL of a round-robin scenario answers as expected before it is measured (wrk alone would
// not notice a redirect); four at a time.
async function checkAll(base: string, s: Scenario, headers: Record<string, string>): Promise<string[]> {
  if (s.paths.length === 1) return [];
  const wrong: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < s.paths.length) {
      const path = s.paths[next++]!;
      const status = (await capture(base, path, s.method, headers)).status;
      if (status !== s.expect) wrong.push(`${path} → ${status}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return wrong;
}
