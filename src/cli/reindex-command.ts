import type { Config } from '../config/config-schema.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { openMigratedDatabase } from '../runtime.ts';
import { createIndexer } from '../search/search-module.ts';
import type { ReindexProgress } from '../search/search-indexer.ts';
import { Lease, processIdentity } from '../content/jobs/lease.ts';
import { catchInterrupt } from './interrupt.ts';

// One reindex at a time for the whole site: a second run would build into the same staging tables
// (SQLite) or race the first over every entry. The lease row works on both dialects and across
// machines; it is renewed while the run goes on, so a run killed outright frees it within LEASE_MS.
const LEASE_MS = 20_000;
const RENEW_MS = 5_000;

/** Exit code of a reindex refused because another one is running. */
export const REINDEX_BUSY = 3;

/**
 * `prokash reindex [--after ID]`: re-analyses every published article into the search index in
 * id order. On SQLite a full run builds a new index beside the live one and swaps it in at the
 * end (searches use the old one meanwhile); Ctrl-C abandons it and leaves the live index as it
 * was. With `--after ID` (and on PostgreSQL) entries are replaced in place, a transaction at a
 * time: Ctrl-C stops after the current one, and `--after` the id printed finishes the job.
 */
export async function runReindex(config: Config, options: { afterId?: number } = {}): Promise<number> {
  const database = await openMigratedDatabase(config);
  const lease = new Lease(database.db, 'reindex', processIdentity(), LEASE_MS);
  const busy = await otherHolder(database, lease);
  if (busy !== undefined) {
    await database.close();
    console.error(
      `prokash reindex: another reindex is running (${busy.holder}); nothing was changed. ` +
        `Run it again once that one has ended (a run that was killed frees its lock by ${busy.expiresAt}).`,
    );
    return REINDEX_BUSY;
  }
  const interrupt = catchInterrupt('Stopping after the current transaction…');
  const renewal = setInterval(() => void lease.acquire().catch(() => undefined), RENEW_MS);
  const started = Date.now();
  try {
    const indexer = await createIndexer(database);
    const result = await indexer.reindexAll({
      afterId: options.afterId,
      onProgress: process.stderr.isTTY ? (p) => progress(p, started) : undefined,
      shouldStop: interrupt.interrupted,
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `Search index: ${result.indexed} articles indexed, ${result.removed} entries removed in ${seconds.toFixed(1)} s ` +
        `(${Math.round(result.indexed / Math.max(seconds, 0.001))}/s).`,
    );
    if (result.stopped && result.lastId === (options.afterId ?? 0)) console.log('Interrupted: the search index is as it was; run `prokash reindex` again.');
    else if (result.stopped) console.log(`Interrupted: run \`prokash reindex --after ${result.lastId}\` to continue.`);
    else if (result.rebuilt) console.log('A new search index replaced the old one.');
    return result.stopped ? 1 : 0;
  } finally {
    clearInterval(renewal);
    interrupt.dispose();
    await lease.release().catch(() => undefined);
    await database.close();
  }
}

/**
 * The holder of the reindex lease when it is not this run, else undefined (this run now holds it).
 * A read comes first: while another run holds the lease, this one writes nothing (on SQLite it does
 * not even wait for the write lock that run may hold).
 */
async function otherHolder(database: DatabaseHandle, lease: Lease): Promise<{ holder: string; expiresAt: string } | undefined> {
  const held = async () => {
    const row = await database.db.selectFrom('leases').select(['holder', 'expires_at']).where('name', '=', lease.name).executeTakeFirst();
    return row && row.holder !== lease.holder && row.expires_at > new Date().toISOString() ? { holder: row.holder, expiresAt: row.expires_at } : undefined;
  };
  const before = await held();
  if (before !== undefined) return before;
  if (await lease.acquire()) return undefined;
  return (await held()) ?? { holder: 'unknown', expiresAt: new Date(Date.now() + LEASE_MS).toISOString() };
}

function progress(p: ReindexProgress, started: number) {
  const rate = Math.round(p.indexed / Math.max(0.001, (Date.now() - started) / 1000));
  const share = p.total ? Math.min(100, Math.floor((100 * p.indexed) / p.total)) : 100;
  process.stderr.write(`\r${p.indexed} / ${p.total} articles (${share}%) · ${rate}/s · last id ${p.lastId}   `);
}
