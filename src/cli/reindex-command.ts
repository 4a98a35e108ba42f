import type { Config } from '../config/config-schema.ts';
import { openMigratedDatabase } from '../runtime.ts';
import { createIndexer } from '../search/search-module.ts';
import type { ReindexProgress } from '../search/search-indexer.ts';
import { catchInterrupt } from './interrupt.ts';

/**
 * `prokash reindex [--after ID]`: re-analyses every published article into the search index in
 * id order. On SQLite a full run builds a new index beside the live one and swaps it in at the
 * end (searches use the old one meanwhile); Ctrl-C abandons it and leaves the live index as it
 * was. With `--after ID` (and on PostgreSQL) entries are replaced in place, a transaction at a
 * time: Ctrl-C stops after the current one, and `--after` the id printed finishes the job.
 */
export async function runReindex(config: Config, options: { afterId?: number } = {}): Promise<number> {
  const database = await openMigratedDatabase(config);
  const interrupt = catchInterrupt('Stopping after the current transaction…');
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
    interrupt.dispose();
    await database.close();
  }
}

function progress(p: ReindexProgress, started: number) {
  const rate = Math.round(p.indexed / Math.max(0.001, (Date.now() - started) / 1000));
  const share = p.total ? Math.min(100, Math.floor((100 * p.indexed) / p.total)) : 100;
  process.stderr.write(`\r${p.indexed} / ${p.total} articles (${share}%) · ${rate}/s · last id ${p.lastId}   `);
}
