import type { Kysely } from 'kysely';
import type { Database, RedirectSource } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import { OverlongLine } from '../../lib/read-lines.ts';
import { listDistricts } from '../places/place.repository.ts';
import type { ArticleDraft } from '../articles/article-draft.ts';
import { KnownNames, writeArticles, type WriteContext, type WriteResult } from '../articles/write-article.ts';
import { prepareObject, prepareRecord, RecordError, type DistrictLookup } from './prepare-record.ts';
import { setRedirects } from '../redirects/redirect.repository.ts';
import type { ContentWriter, Emit } from '../events/content-writer.ts';

/**
 * One article from an importer of another format (WordPress): an exchange record, plus what the
 * exchange format has no field for (the source key, body images read from files, comments, old
 * links with their source), laid over the draft the record makes.
 */
export interface MappedRecord {
  record: object;
  extras: Pick<ArticleDraft, 'sourceKey' | 'oldPaths' | 'bodyImages' | 'comments' | 'sectionNames'>;
}

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
  /** Ids of articles created or updated (kept only when `keepChangedIds`; an archive of millions would not fit). */
  changedIds: number[];
}

export interface ImportOptions {
  /** Writes each batch and its `article.imported` events in one transaction. */
  writer: ContentWriter;
  /** The lines of the file, in order; numbering starts at 1. An OverlongLine is reported as a failed line. */
  lines: AsyncIterable<string | OverlongLine | MappedRecord> | Iterable<string | OverlongLine | MappedRecord>;
  /** Relative image paths are resolved against this folder (the JSON Lines file's). */
  baseDir: string;
  mediaDir: string;
  clock: Clock;
  /** Lines written per transaction. */
  batchSize?: number;
  /** Told the ids created or updated by each batch once it is committed (the CLI indexes them for search). */
  onWritten?: (ids: number[]) => Promise<void>;
  /**
   * Told the ids of each batch's unchanged articles once it is committed: an earlier run killed
   * between writing a batch and indexing it left them unindexed (the CLI indexes the stale ones).
   */
  onUnchanged?: (ids: number[]) => Promise<void>;
  /** Keep every changed id in the report (tests, the demo seed); off for imports of any size. */
  keepChangedIds?: boolean;
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
  const known = new KnownNames();
  // A transaction holds the write lock: a thousand articles take about a quarter of a second.
  const batchSize = options.batchSize ?? 1000;
  let batch: Prepared[] = [];
  let lineNo = 0;
  for await (const raw of options.lines) {
    lineNo++;
    if (raw instanceof OverlongLine) {
      report.lines++;
      report.failed.push({ line: lineNo, error: raw.message });
      continue;
    }
    // A record already parsed (the WordPress reader's), or a line of JSON.
    let prepare: () => Promise<Prepared['draft']>;
    if (typeof raw !== 'string') prepare = async () => ({ ...(await prepareObject(raw.record, options.baseDir, districts)), ...raw.extras });
    else {
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (!line.trim()) continue;
      prepare = () => prepareRecord(line, options.baseDir, districts);
    }
    report.lines++;
    try {
      batch.push({ line: lineNo, draft: await prepare() });
    } catch (error) {
      report.failed.push({ line: lineNo, error: messageOf(error) });
    }
    if (batch.length >= batchSize) {
      await writeBatch(options, batch, report, districts, known);
      batch = [];
      options.onProgress?.(report);
      if (options.shouldStop?.()) return report;
    }
  }
  if (batch.length) await writeBatch(options, batch, report, districts, known);
  options.onProgress?.(report);
  return report;
}

async function writeBatch(options: ImportOptions, batch: Prepared[], report: ImportReport, districts: DistrictLookup, known: KnownNames) {
  const ctx: WriteContext = { now: options.clock.now().toISOString(), mediaDir: options.mediaDir, districtNames: namesById(districts), known };
  const written: number[] = [];
  const unchanged: number[] = [];
  const count = (o: WriteResult) => {
    report[o.outcome]++;
    if (o.outcome === 'unchanged') return void unchanged.push(o.id);
    written.push(o.id);
    if (options.keepChangedIds !== false) report.changedIds.push(o.id);
  };
  const write = (items: Prepared[]) =>
    options.writer.write(async (trx, emit) => {
      const createdBefore = new Set(known.createdSections.keys());
      const results = emitted(
        await writeArticles(
          trx,
          items.map((i) => i.draft),
          ctx,
        ),
        emit,
      );
      await writeOldLinks(
        trx,
        items.map((i, n) => ({ draft: i.draft, id: results[n]!.id })),
        ctx.now,
        emit,
      );
      // A section this batch created: running servers reload their section tree, or its articles
      // would answer 404 there until a restart.
      for (const [path, section] of known.createdSections) if (!createdBefore.has(path)) emit({ type: 'section.changed', payload: { id: section.id } });
      return results;
    });
  try {
    // The same id twice in one batch is written in turn, below: the second is an update of the first.
    if (new Set(batch.map((b) => b.draft.id ?? `new${b.line}`)).size !== batch.length) throw new Error('an id repeats in the batch');
    const outcomes = await write(batch);
    known.keep();
    for (const o of outcomes) count(o);
  } catch {
    known.forget();
    // One line broke the batch (a conflict the validator could not see): retry line by line,
    // so only that line is reported and the rest still land.
    for (const item of batch) {
      try {
        for (const o of await write([item])) count(o);
        known.keep();
      } catch (error) {
        known.forget();
        report.failed.push({ line: item.line, error: messageOf(error) });
      }
    }
    report.failed.sort((a, b) => a.line - b.line);
  }
  if (written.length) await options.onWritten?.(written);
  if (unchanged.length) await options.onUnchanged?.(unchanged);
}

/** Each article's old links, as redirects to it (one event for the batch's changed ones). */
async function writeOldLinks(trx: Kysely<Database>, written: ReadonlyArray<{ draft: ArticleDraft; id: number }>, now: string, emit: Emit) {
  const bySource = new Map<RedirectSource, Array<{ path: string; articleId: number }>>();
  for (const { draft, id } of written) {
    if (!draft.oldPaths) continue;
    const list = bySource.get(draft.oldPaths.source) ?? [];
    for (const path of draft.oldPaths.paths) list.push({ path, articleId: id });
    bySource.set(draft.oldPaths.source, list);
  }
  for (const [source, entries] of bySource) await setRedirects(trx, entries, source, now, emit);
}

function emitted(results: WriteResult[], emit: Emit): WriteResult[] {
  for (const r of results) if (r.change) emit({ type: 'article.imported', payload: r.change });
  return results;
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
    for (const [key, id] of districts) if (!/^\p{ASCII}*$/u.test(key)) names.set(id, key);
    namesCache.set(districts, names);
  }
  return names;
}

function messageOf(error: unknown): string {
  if (error instanceof RecordError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `could not be saved: ${message.split('\n')[0]}`;
}
