// Where a reader page's largest contentful paint goes on the page budget's emulated phone (360×800,
// 150 ms RTT, 1.6 Mbit/s, CPU 4× slower; test/browser/page-budget.test.ts): loads a page again and
// again in Debian's Chromium and prints, per load, the LCP, when each request started and ended,
// and (with --trace) the renderer main thread's time before the LCP by kind of work, read from a
// Chromium trace. With --prokash DIR it serves the same page from another checkout too (each on its
// own demo database, loaded from its own src/ and test/helpers/ in this process) and takes turns,
// so both are measured on the same machine in the same minutes. Not part of `npm run bench`.
//
//   node --import tsx bench/page-trace.ts [--path /] [--loads 9] [--prokash DIR] [--trace]
//                                         [--cpu 4] [--latency 150]
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/helpers/browser.ts';

const { values } = parseArgs({
  options: {
    path: { type: 'string', default: '/' },
    loads: { type: 'string', default: '9' },
    prokash: { type: 'string', multiple: true, default: [] },
    trace: { type: 'boolean', default: false },
    cpu: { type: 'string', default: '4' },
    latency: { type: 'string', default: '150' },
  },
});
const loads = Number(values.loads);
const cpuRate = Number(values.cpu);
const latency = Number(values.latency);

interface Subject {
  name: string;
  origin: string;
  lcps: number[];
  work: Map<string, number[]>;
  close(): Promise<void>;
}

/** A checkout's test app on its own demo database (SQLite), listening on 127.0.0.1. */
async function serve(root: string, name: string): Promise<Subject> {
  const from = (path: string) => import(pathToFileURL(resolve(root, path)).href);
  const [{ createTestDatabase }, { buildTestApp }] = await Promise.all([from('test/helpers/databases.ts'), from('test/helpers/app.ts')]);
  const t = await createTestDatabase('sqlite');
  const app = await buildTestApp(t);
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
  return {
    name,
    origin,
    lcps: [],
    work: new Map(),
    async close() {
      await app.server.close();
      await t.destroy();
    },
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

// The main thread's work before the LCP, by what Chromium calls it (nested events, so they overlap).
const WORK = {
  'all tasks': 'RunTask',
  'commit (new document)': 'DocumentLoader::CommitNavigation',
  'parse HTML': 'ParseHTML',
  'style and layout': 'LocalFrameView::UpdateStyleAndLayout',
  layout: 'Layout',
  'text shaping': 'InlineNode::ShapeTextIncludingFirstLine',
  paint: 'Blink.Paint.UpdateTime',
  'scripts run': 'EvaluateScript',
} as const;

/** Milliseconds of each kind of WORK on the renderer's main thread up to the last LCP candidate. */
function mainThreadWork(events: TraceEvent[]): Record<string, number> | undefined {
  const parsers = new Set(events.filter((e) => e.name === 'ParseHTML').map((e) => e.pid));
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && parsers.has(e.pid));
  if (!main) return undefined;
  const lcp = events.filter((e) => e.name === 'largestContentfulPaint::Candidate' && e.pid === main.pid).pop();
  const end = lcp?.ts ?? Infinity;
  const sums: Record<string, number> = {};
  for (const [label, name] of Object.entries(WORK)) {
    let us = 0;
    for (const e of events) if (e.name === name && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts <= end) us += e.dur ?? 0;
    sums[label] = Math.round(us / 1000);
  }
  return sums;
}

async function load(browser: Browser, subject: Subject, trace: boolean): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'bn-BD' });
  const page = await context.newPage();
  await page.addInitScript(
    "window.__lcp = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });",
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  if (trace) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'blink'] });
  const response = await page.goto(subject.origin + values.path, { waitUntil: 'load' });
  if (response?.status() !== 200) throw new Error(`${subject.name} ${values.path}: ${response?.status()}`);
  await page.waitForLoadState('networkidle', { timeout: 15_000 });
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        new PerformanceObserver(() => done()).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(done, 10_000);
      }),
  );
  const { lcp, requests } = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const requests = [
      `HTML …${Math.round(nav.responseEnd)}`,
      ...performance
        .getEntriesByType('resource')
        .map(
          (e) => `${e.name.replace(location.origin, '').slice(0, 40)} ${Math.round(e.startTime)}…${Math.round((e as PerformanceResourceTiming).responseEnd)}`,
        ),
    ];
    return { lcp: Math.round((window as unknown as { __lcp: number }).__lcp), requests };
  });
  subject.lcps.push(lcp);
  let line = `${subject.name}: LCP ${lcp} ms; ${requests.join(', ')}`;
  if (trace) {
    const work = mainThreadWork(JSON.parse((await browser.stopTracing()).toString()).traceEvents as TraceEvent[]);
    if (work) {
      for (const [label, ms] of Object.entries(work)) subject.work.set(label, [...(subject.work.get(label) ?? []), ms]);
      line += `\n  main thread before the LCP (ms): ${Object.entries(work)
        .map(([label, ms]) => `${label} ${ms}`)
        .join(', ')}`;
    }
  }
  console.log(line);
  await context.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const subjects = [await serve(process.cwd(), 'this checkout')];
for (const dir of values.prokash) subjects.push(await serve(resolve(dir), dir));
const browser = await launchChromium();
try {
  console.log(`${values.path}: ${loads} loads each, CPU ${cpuRate}× slower, ${latency} ms RTT, 1.6 Mbit/s`);
  for (let i = 0; i < loads; i++) for (const s of i % 2 ? [...subjects].reverse() : subjects) await load(browser, s, values.trace);
  for (const s of subjects) {
    console.log(`\n${s.name}: LCP median ${median(s.lcps)} ms (${[...s.lcps].sort((a, b) => a - b).join(', ')})`);
    if (s.work.size) console.log(`  main thread before the LCP, medians (ms): ${[...s.work].map(([label, ms]) => `${label} ${median(ms)}`).join(', ')}`);
  }
  if (subjects.length > 1)
    console.log(`\nratio of LCP medians, this checkout / ${subjects[1]!.name}: ${(median(subjects[0]!.lcps) / median(subjects[1]!.lcps)).toFixed(2)}`);
} finally {
  await browser.close();
  for (const s of subjects) await s.close();
}
