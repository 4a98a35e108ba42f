import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Config } from '../config/config-schema.ts';
import { openMigratedDatabase } from '../runtime.ts';
import { systemClock } from '../lib/clock.ts';
import { importArticles, type ImportReport } from '../content/exchange/import-articles.ts';
import { readLines } from '../lib/read-lines.ts';
import { createIndexer } from '../search/search-module.ts';
import type { IndexBehind } from '../search/search-indexer.ts';
import { catchInterrupt } from './interrupt.ts';
import { openWriter } from './open-writer.ts';

/** `prokash import FILE.jsonl`: progress on a terminal, failures by line number, exit 1 if any failed. */
export async function runImport(config: Config, file: string): Promise<number> {
  const path = resolve(file);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) {
    console.error(`prokash import: file not found: ${path}`);
    return 2;
  }
  const database = await openMigratedDatabase(config);
  const interrupt = catchInterrupt('Stopping after the current batch (everything written so far is kept)…');
  // Running servers learn of every imported article through its event: at once on PostgreSQL
  // (NOTIFY), within their poll interval on SQLite.
  const writer = await openWriter(database);
  const started = Date.now();
  let indexing: IndexBehind | undefined;
  try {
    const lines = readLines(path);
    // search: each batch is indexed once written (read and analysed in a worker thread while the
    // next batch is written, one batch behind at most), so the articles are findable as soon as
    // the command ends whether or not a server runs, and memory stays flat.
    indexing = await (await createIndexer(database)).behind();
    const index = indexing;
    const report = await importArticles({
      onWritten: (ids) => index.add(ids),
      // A run killed after a batch's commit and before its indexing left those articles unindexed;
      // re-run, they are unchanged, and only those whose entry is missing or stale are indexed.
      onUnchanged: (ids) => index.add(ids, { staleOnly: true }),
      keepChangedIds: false,
      writer: writer.writer,
      lines,
      baseDir: dirname(path),
      mediaDir: resolve(config.mediaDir),
      clock: systemClock,
      onProgress: process.stderr.isTTY ? (r) => progress(r, info.size, started) : undefined,
      shouldStop: interrupt.interrupted,
    });
    indexing = undefined;
    await index.finish();
    if (process.stderr.isTTY) process.stderr.write('\n');
    for (const f of report.failed) console.error(`line ${f.line}: ${f.error}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `Imported ${path}: ${report.lines} lines, ${report.created} created, ${report.updated} updated, ` +
        `${report.unchanged} unchanged, ${report.failed.length} failed (${seconds} s).`,
    );
    if (interrupt.interrupted()) console.log('Interrupted: run the same command again to finish; finished lines are unchanged.');
    return report.failed.length || interrupt.interrupted() ? 1 : 0;
  } finally {
    // Failed midway: what was committed and not yet indexed is indexed by the next run.
    await indexing?.finish().catch(() => undefined);
    interrupt.dispose();
    await writer.close();
    await database.close();
  }
}

function progress(r: ImportReport, _bytes: number, started: number) {
  const done = r.created + r.updated + r.unchanged;
  const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
  process.stderr.write(`\r${r.lines} lines read · ${done} written · ${r.failed.length} failed · ${rate}/s   `);
}
