// The publish-to-delivery path as production runs it (site jobs under the lease, the system clock,
// the sender woken by the subscriber): every publish is delivered. The timing target (p99 under
// 2 s over at least 50 publishes) is measured by bench/webhook-latency.ts, not asserted here: a
// loaded CI machine must not fail the suite on a figure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/databases.ts';
import { measureWebhookLatency } from '../bench/webhook-latency.ts';

for (const dialect of DIALECTS) {
  test(`every publish reaches the webhook receiver, each once (${dialect})`, { timeout: 60_000 }, async () => {
    const report = await measureWebhookLatency(dialect, 5);
    assert.equal(report.latencies.length, 5);
    assert.equal(report.received, 5, 'each once');
    for (const ms of report.latencies) assert.ok(ms > 0 && ms < 10_000, `${ms} ms`);
  });
}
