import { isAbsolute, resolve } from 'node:path';
import { AppError } from '../../lib/errors.ts';
import { documentFromBodyInput, DocumentError } from '../document/index.ts';
import { inspectImageFile } from '../media/image.repository.ts';
import type { ArticleDraft, BylineInput } from '../articles/article-draft.ts';
import { describeIssues, exchangeRecordSchema, type ExchangeRecord } from './exchange.schema.ts';

/** Districts by slug and by Bengali name, so a record may name either. */
export type DistrictLookup = ReadonlyMap<string, number>;

export class RecordError extends Error {}

/** Parses, validates and resolves one JSON Lines record into a draft, reading its image file. */
export async function prepareRecord(line: string, baseDir: string, districts: DistrictLookup): Promise<ArticleDraft> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    throw new RecordError(`not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new RecordError('a line must be a JSON object');
  return prepareObject(json, baseDir, districts);
}

/** Validates and resolves one exchange record already parsed (an importer that maps another format). */
export async function prepareObject(json: object, baseDir: string, districts: DistrictLookup): Promise<ArticleDraft> {
  const parsed = exchangeRecordSchema.safeParse(json);
  if (!parsed.success) throw new RecordError(describeIssues(parsed.error));
  return resolveRecord(parsed.data, baseDir, districts);
}

async function resolveRecord(r: ExchangeRecord, baseDir: string, districts: DistrictLookup): Promise<ArticleDraft> {
  let body;
  try {
    body = documentFromBodyInput(r.body);
  } catch (error) {
    if (error instanceof DocumentError) throw new RecordError(`body: ${error.message}`);
    throw error;
  }
  const districtId = r.district === null ? null : lookupDistrict(districts, r.district, 'district');
  return {
    id: r.id ?? null,
    sectionPath: r.section,
    status: r.status,
    kicker: r.kicker,
    headline: r.headline,
    subheadline: r.subheadline,
    summary: r.summary,
    body,
    byline: resolveByline(r.byline, districts),
    districtId,
    edition: r.edition,
    printPage: r.print_page,
    breaking: r.breaking,
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
    scheduledAt: r.scheduled_at,
    image: r.image && { ...r.image, file: await readImage(r.image.src, baseDir) },
    tags: [...new Set(r.tags)],
    oldPaths: r.old_urls.length ? { paths: [...new Set(r.old_urls)], source: 'jsonl' } : undefined,
  };
}

function resolveByline(byline: ExchangeRecord['byline'], districts: DistrictLookup): BylineInput {
  if ('desk' in byline) return { kind: 'desk', name: byline.desk };
  if ('agency' in byline) return { kind: 'agency', name: byline.agency };
  if ('authors' in byline) return { kind: 'authors', names: [...new Set(byline.authors)] };
  const c = byline.correspondent;
  return {
    kind: 'correspondent',
    name: c.name ?? null,
    place: c.place ?? '',
    districtId: lookupDistrict(districts, c.district, 'byline.correspondent.district'),
  };
}

function lookupDistrict(districts: DistrictLookup, key: string, field: string): number {
  const id = districts.get(key) ?? districts.get(key.toLowerCase());
  if (id === undefined) throw new RecordError(`${field}: unknown district "${key}" (use a district's slug or Bengali name)`);
  return id;
}

async function readImage(src: string, baseDir: string) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src)) {
    throw new RecordError(`image.src: "${src}" is a URL; import copies images from local files only (download them first)`);
  }
  try {
    return await inspectImageFile(isAbsolute(src) ? src : resolve(baseDir, src));
  } catch (error) {
    if (error instanceof AppError) throw new RecordError(`image.src: ${error.message}`);
    throw error;
  }
}
