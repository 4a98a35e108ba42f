import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Config } from '../config/config-schema.ts';
import { openMigratedDatabase } from '../runtime.ts';
import { systemClock } from '../lib/clock.ts';
import { importArticles, type ImportReport } from '../content/exchange/import-articles.ts';
import { WordPressSite } from '../content/exchange/wordpress/wordpress-site.ts';
import { WordPressTally, wordpressRecords } from '../content/exchange/wordpress/wordpress-records.ts';
import { createIndexer } from '../search/search-module.ts';
import { catchInterrupt } from './interrupt.ts';
import { openWriter } from './open-writer.ts';

/** A plain progress line this often when stderr is not a terminal (ms). */
const PLAIN_PROGRESS_MS = 10_000;

/**
 * `prokash import --from wordpress export.xml [--uploads DIR]`: a WordPress export (WXR) read as a
 * stream in two passes (what posts refer to, then the posts), written through the same pipeline
 * as JSON Lines. Exit 0 when every post was imported (skipped pages, private posts and the like are
 * reported, not failures), 1 when a post failed or the run was interrupted, 2 for a bad argument.
 */
export async function runImportWordPress(config: Config, file: string, options: { uploads?: string }): Promise<number> {
  const path = resolve(file);
  if (!(await stat(path).catch(() => undefined))?.isFile()) {
    console.error(`prokash import: file not found: ${path}`);
    return 2;
  }
  const uploads = options.uploads === undefined ? undefined : resolve(options.uploads);
  if (uploads !== undefined && !(await stat(uploads).catch(() => undefined))?.isDirectory()) {
    console.error(`prokash import: --uploads is not a folder: ${uploads}`);
    return 2;
  }
  const started = Date.now();
  const site = new WordPressSite(uploads);
  try {
    await site.read(path);
  } catch (error) {
    console.error(`prokash import: ${path} is not a WordPress export that can be read: ${(error as Error).message}`);
    return 2;
  }
  const size = (await stat(path)).size;
  const database = await openMigratedDatabase(config);
  const interrupt = catchInterrupt('Stopping after the current batch (everything written so far is kept)…');
  const writer = await openWriter(database);
  const tally = new WordPressTally();
  let lastPlain = Date.now();
  try {
    const indexer = await createIndexer(database);
    const report = await importArticles({
      onWritten: async (ids) => {
        await indexer.indexIds(ids);
      },
      onUnchanged: async (ids) => {
        await indexer.indexChanges({ articleIds: [], importedIds: ids });
      },
      keepChangedIds: false,
      writer: writer.writer,
      lines: wordpressRecords(path, site, tally),
      baseDir: process.cwd(),
      mediaDir: resolve(config.mediaDir),
      clock: systemClock,
      onProgress: (r) => {
        if (process.stderr.isTTY) process.stderr.write(`\r${progressLine(r, tally, size, started)}   `);
        else if (Date.now() - lastPlain >= PLAIN_PROGRESS_MS) {
          lastPlain = Date.now();
          process.stderr.write(`${progressLine(r, tally, size, started)}\n`);
        }
      },
      shouldStop: interrupt.interrupted,
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    printReport(path, report, tally, started, uploads);
    if (interrupt.interrupted()) console.log('Interrupted: run the same command again to finish; posts already imported are unchanged.');
    return report.failed.length || interrupt.interrupted() ? 1 : 0;
  } finally {
    interrupt.dispose();
    await writer.close();
    await database.close();
  }
}

function progressLine(r: ImportReport, tally: WordPressTally, size: number, started: number): string {
  const done = r.created + r.updated + r.unchanged;
  const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
  const percent = size ? Math.min(100, Math.floor((tally.bytes / size) * 100)) : 100;
  return `${percent}% · ${tally.posts} posts read · ${done} written · ${r.failed.length} failed · ${rate}/s`;
}

function printReport(path: string, r: ImportReport, tally: WordPressTally, started: number, uploads: string | undefined): void {
  for (const f of r.failed) console.error(`post ${f.line}: ${f.error}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const skipped = [...tally.skipped.values()].reduce((n, s) => n + s.count, 0);
  console.log(
    `Imported ${path}: ${tally.posts} posts, ${r.created} imported, ${r.updated} updated, ${r.unchanged} unchanged, ` +
      `${r.failed.length} failed, ${skipped} skipped (${seconds} s).`,
  );
  for (const [reason, s] of tally.skipped)
    console.log(`  skipped ${s.count} × ${reason}: ${s.examples.map((e) => `"${e}"`).join(', ')}${s.count > s.examples.length ? ', …' : ''}`);
  if (tally.unapprovedComments) console.log(`  ${tally.unapprovedComments} unapproved comments were not imported.`);
  if (tally.missingImages) {
    const where = uploads ? `under ${uploads}` : '(no --uploads folder given)';
    console.log(
      `  images missing ${where}: ${tally.missingImages} (${tally.missingExamples.join(', ')}${tally.missingImages > tally.missingExamples.length ? ', …' : ''})`,
    );
  }
}
