// soak: memory over a long run. The page-cache-on server is loaded for `minutes` with readers'
// mixed requests — every article of the spread (so the page cache fills to its limit and keeps
// evicting), the home page, section fronts and the beacon's neighbours — in 30-second slices,
// and the server's resident set is read after each. Flat means: after the first slices (the page
// cache filling, the heap settling) it stops growing.
import { rssOf, type ProkashServer } from './serve-processes.ts';
import type { Row } from './serve-report.ts';
import { runLoad } from './serve-wrk.ts';

const SLICE_SECONDS = 30;

export async function runSoak(
  server: ProkashServer,
  o: { minutes: number; paths: string[]; headers: Record<string, string>; connections: number; scratchDir: string; log: (line: string) => void },
): Promise<Row> {
  const row: Row = { scenario: `soak (${o.minutes} min)`, failures: [], notes: [] };
  const samples: number[] = [rssOf(server.pid).maxMb];
  let requests = 0;
  const slices = Math.max(1, Math.round((o.minutes * 60) / SLICE_SECONDS));
  for (let i = 0; i < slices; i++) {
    const result = await runLoad(
      { base: server.base, method: 'GET', paths: o.paths, headers: o.headers, expectStatus: 200, seconds: SLICE_SECONDS, connections: o.connections },
      o.scratchDir,
    );
    requests += result.requests;
    if (result.unexpected || result.socketErrors)
      row.failures.push(`slice ${i + 1}: ${result.unexpected} unexpected answers, ${result.socketErrors} socket errors`);
    samples.push(rssOf(server.pid).maxMb);
    o.log(`soak ${i + 1}/${slices}: RSS ${samples.at(-1)!.toFixed(0)} MB`);
  }
  const settled = samples.slice(Math.min(4, samples.length - 1));
  row.rps = requests / (slices * SLICE_SECONDS);
  row.rss = rssOf(server.pid);
  row.notes.push(
    `RSS (MB) every ${SLICE_SECONDS} s: ${samples.map((s) => s.toFixed(0)).join(', ')}; after the first 2 minutes min ${Math.min(...settled).toFixed(0)}, max ${Math.max(...settled).toFixed(0)}, last ${samples.at(-1)!.toFixed(0)}`,
  );
  return row;
}
