import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import { listDistricts } from '../places/place.repository.ts';
import type { ArticleDraft } from '../articles/article-draft.ts';
import { writeArticle, type WriteContext, type WriteOutcome } from '../articles/write-article.ts';
import { prepareRecord, RecordError, type DistrictLookup } from './prepare-record.ts';
import type { ContentWriter, Emit } from '../events/content-writer.ts';

export interface ImportFailure {
  line: number;
  error: string;
}

export interface ImportReport {
  /** Non-blank lines read. */
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: ImportFailure[];
  /** Ids of articles created or updated, for cache invalidation and indexing. */
  changedIds: number[];
}

export interface ImportOptions {
  /** Writes each batch and its `article.imported` events in one transaction. */
  writer: ContentWriter;
  /** The lines of the file, in order; numbering starts at 1. */
  lines: AsyncIterable<string> | Iterable<string>;
  /** Relative image paths are resolved against this folder (the JSON Lines file's). */
  baseDir: string;
  mediaDir: string;
  clock: Clock;
  /** Lines written per transaction. */
  batchSize?: number;
  /** Called after every batch with the report so far. */
  onProgress?: (report: ImportReport) => void;
  /** Checked between batches; when it returns true the import stops after the current batch. */
  shouldStop?: () => boolean;
}

interface Prepared {
  line: number;
  draft: ArticleDraft;
}

/**
 * Imports JSON Lines articles: every line validated, good lines written in transactional
 * batches, bad lines reported by number without stopping the rest. Upserts by id.
 */
export async function importArticles(options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { lines: 0, created: 0, updated: 0, unchanged: 0, failed: [], changedIds: [] };
  const districts = await districtLookup(options.writer.db);
  const batchSize = options.batchSize ?? 250;
  let batch: Prepared[] = [];
  let lineNo = 0;
  for await (const raw of options.lines) {
    lineNo++;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!line.trim()) continue;
    report.lines++;
    try {
      batch.push({ line: lineNo, draft: await prepareRecord(line, options.baseDir, districts) });
    } catch (error) {
      report.failed.push({ line: lineNo, error: messageOf(error) });
    }
    if (batch.length >= batchSize) {
      await writeBatch(options, batch, report, districts);
      batch = [];
      options.onProgress?.(report);
      if (options.shouldStop?.()) return report;
    }
  }
  if (batch.length) await writeBatch(options, batch, report, districts);
  options.onProgress?.(report);
  return report;
}

async function writeBatch(options: ImportOptions, batch: Prepared[], report: ImportReport, districts: DistrictLookup) {
  const ctx: WriteContext = { now: options.clock.now().toISOString(), mediaDir: options.mediaDir, districtNames: namesById(districts) };
  try {
    const outcomes = await options.writer.write(async (trx, emit) => {
      const done: Array<{ id: number; outcome: WriteOutcome }> = [];
      for (const item of batch) done.push(emitted(await writeArticle(trx, item.draft, ctx), emit));
      return done;
    });
    for (const o of outcomes) count(report, o);
  } catch {
    // One line broke the batch (a conflict the validator could not see): retry line by line,
    // so only that line is reported and the rest still land.
    for (const item of batch) {
      try {
        count(report, await options.writer.write(async (trx, emit) => emitted(await writeArticle(trx, item.draft, ctx), emit)));
      } catch (error) {
        report.failed.push({ line: item.line, error: messageOf(error) });
      }
    }
    report.failed.sort((a, b) => a.line - b.line);
  }
}

function emitted<T extends Awaited<ReturnType<typeof writeArticle>>>(result: T, emit: Emit): T {
  if (result.change) emit({ type: 'article.imported', payload: result.change });
  return result;
}

function count(report: ImportReport, o: { id: number; outcome: WriteOutcome }) {
  report[o.outcome]++;
  if (o.outcome !== 'unchanged') report.changedIds.push(o.id);
}

async function districtLookup(db: Kysely<Database>): Promise<DistrictLookup> {
  const map = new Map<string, number>();
  for (const d of await listDistricts(db)) {
    map.set(d.slug, d.id);
    map.set(d.name, d.id);
  }
  return map;
}

const namesCache = new WeakMap<DistrictLookup, Map<number, string>>();
function namesById(districts: DistrictLookup): Map<number, string> {
  let names = namesCache.get(districts);
  if (!names) {
    names = new Map();
    // The Bengali name is the key that is not ASCII.
    for (const [key, id] of districts) if (!/^[\x00-\x7f]*$/.test(key)) names.set(id, key);
    namesCache.set(districts, names);
  }
  return names;
}

function messageOf(error: unknown): string {
  if (error instanceof RecordError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `could not be saved: ${message.split('\n')[0]}`;
}
