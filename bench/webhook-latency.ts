// Publish-to-webhook-delivery latency (issue 17's target: p99 under 2 s to a local receiver): a
// server as it runs in production (the site's jobs under the lease, the system clock, the sender's
// poll), one endpoint on a receiver on 127.0.0.1, and N articles published one after another
// through the admin API, each timed from just before its publish request to the receiver having
// the whole body. Not part of `npm run bench`.
//
//   node --import tsx bench/webhook-latency.ts [--publishes 60] [--dialect sqlite|postgres]
//
// PostgreSQL reads PROKASH_TEST_POSTGRES_URL (a schema of its own, dropped afterwards). Exits 1
// when p99 is 2 s or more.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { systemClock } from '../src/lib/clock.ts';
import type { DialectName } from '../src/db/database.ts';
import { createTestDatabase } from '../test/helpers/databases.ts';
import { buildTestApp } from '../test/helpers/app.ts';
import { AdminClient } from '../test/helpers/admin-client.ts';
import { startReceiver } from '../test/helpers/webhook-receiver.ts';

export interface LatencyReport {
  dialect: DialectName;
  publishes: number;
  /** Milliseconds from each publish request to its delivery, in publish order. */
  latencies: number[];
  /** How long each publish request took to answer (ms). */
  publishMs: number[];
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Requests the receiver got in all (once each: equal to `publishes`). */
  received: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** Publishes `publishes` articles and times each one's webhook delivery. */
export async function measureWebhookLatency(dialect: DialectName, publishes: number): Promise<LatencyReport> {
  const t = await createTestDatabase(dialect);
  const receiver = await startReceiver();
  const app = await buildTestApp(t, systemClock, { scheduler: true, pollMs: 500 });
  try {
    const owner = await AdminClient.setup(app.server, 'সম্পাদক', 'bench@prokash.test', 'bench-password-1');
    await owner.call('POST', '/api/admin/webhooks', { url: receiver.url, events: ['article.published'] }, 201);
    const sectionId = (await t.db.selectFrom('sections').select('id').where('path', '=', 'national').executeTakeFirstOrThrow()).id;
    const deskId = (await t.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow()).id;
    const latencies: number[] = [];
    const publishMs: number[] = [];
    for (let i = 1; i <= publishes; i++) {
      const input = { sectionId, headline: `মাপার খবর ${i}`, body: doc('প্রথম অনুচ্ছেদ।'), byline: { kind: 'desk', personIds: [deskId] }, tags: [] };
      const { article } = await owner.call<{ article: { id: number } }>('POST', '/api/admin/articles', input, 201);
      const started = performance.now();
      await owner.call('POST', `/api/admin/articles/${article.id}/publish`, undefined, 200);
      publishMs.push(performance.now() - started);
      const got = await receiver.waitFor(i, 10_000);
      const mine = got.find((r) => (JSON.parse(r.body) as { data: { article: { id: number } } }).data.article.id === article.id);
      if (!mine) throw new Error(`article ${article.id} was not the one delivered`);
      latencies.push(mine.at - started);
    }
    await app.events.settle();
    await app.webhooks.sender.run(); // anything still due would be a second delivery
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      received: receiver.received.length,
      dialect,
      publishes,
      latencies,
      publishMs,
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      p99: quantile(sorted, 0.99),
      max: sorted.at(-1)!,
    };
  } finally {
    await receiver.close();
    await app.server.close();
    await t.destroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { publishes: { type: 'string', default: '60' }, dialect: { type: 'string', default: 'sqlite' } } });
  const dialect: DialectName = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
  const report = await measureWebhookLatency(dialect, Math.max(50, Number(values.publishes)));
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const publishSorted = [...report.publishMs].sort((a, b) => a - b);
  console.log(`webhook latency, ${report.dialect}, ${report.publishes} publishes to 127.0.0.1`);
  console.log(`  publish → delivered: p50 ${ms(report.p50)}, p95 ${ms(report.p95)}, p99 ${ms(report.p99)}, max ${ms(report.max)}`);
  console.log(`  publish request answered: p50 ${ms(quantile(publishSorted, 0.5))}, p99 ${ms(quantile(publishSorted, 0.99))}`);
  console.log(report.p99 < 2000 ? '  target met (p99 < 2 s)' : '  TARGET MISSED (p99 >= 2 s)');
  process.exitCode = report.p99 < 2000 ? 0 : 1;
}
