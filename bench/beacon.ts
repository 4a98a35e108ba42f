// The view beacon's throughput as a ratio to a bare node:http server answering 204, measured in the
// same run on the same machine: each server runs in its own process, autocannon drives it from this
// one, and the rounds alternate so that drift hits both alike.
//
//   node --import tsx bench/beacon.ts [--seconds 5] [--rounds 3] [--connections 50]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort, startProkash, stopProcess } from '../test/helpers/processes.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '3' }, connections: { type: 'string', default: '50' } },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const UA = 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

const BARE = `require('node:http').createServer((req, res) => { req.resume(); req.on('end', () => { res.statusCode = 204; res.end(); }); }).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('is serving'));`;

async function startBare(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', BARE], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return child;
}

async function measure(url: string): Promise<number> {
  const result = await autocannon({ url, method: 'POST', connections, duration: seconds, headers: { 'user-agent': UA } });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'prokash-bench-'));
  const [barePort, appPort] = [await freePort(), await freePort()];
  const bare = await startBare(barePort);
  // The server logs as it would in production (info level), so logging costs are counted.
  const app = await startProkash(
    ['--no-demo', '--port', String(appPort)],
    { DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`, MEDIA_DIR: join(dir, 'media'), LOG_LEVEL: 'info' },
    dir,
  );
  try {
    const bareUrl = `http://127.0.0.1:${barePort}/`;
    const beaconUrl = `http://127.0.0.1:${appPort}/api/v1/articles/251042/views`;
    await measure(bareUrl); // warm both up: JIT, connection pools
    await measure(beaconUrl);
    const bareRuns: number[] = [];
    const beaconRuns: number[] = [];
    for (let i = 0; i < rounds; i++) {
      bareRuns.push(await measure(bareUrl));
      beaconRuns.push(await measure(beaconUrl));
    }
    const ratio = median(beaconRuns) / median(bareRuns);
    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
    console.log(`bare node:http 204   req/s per round: ${bareRuns.map(Math.round).join(', ')} (median ${Math.round(median(bareRuns))})`);
    console.log(`POST …/views beacon  req/s per round: ${beaconRuns.map(Math.round).join(', ')} (median ${Math.round(median(beaconRuns))})`);
    console.log(`beacon / bare: ${ratio.toFixed(3)} (target ≥ 0.7) with ${connections} connections, ${seconds} s × ${rounds} rounds`);
    process.exitCode = ratio >= 0.7 ? 0 : 1;
  } finally {
    await stopProcess(app);
    await stopProcess(bare);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
