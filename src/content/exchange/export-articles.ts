import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { formatIsoOffset } from '../../bangla/zoned-date.ts';
import { listSections } from '../sections/section.repository.ts';
import { findPeopleByIds, type Person } from '../people/person.repository.ts';
import { findImagesByIds } from '../media/image.repository.ts';
import { listDistricts } from '../places/place.repository.ts';
import type { ExchangeRecordInput } from './exchange.schema.ts';

// The exchange format's limit per record (exchange.schema.ts); an article with more old links
// (an import that wrote many permalink forms) exports its first ones, in path order.
const MAX_OLD_URLS = 50;

export interface ExportOptions {
  db: Kysely<Database>;
  mediaDir: string;
  /** Times are written with this zone's offset (+06:00 for Asia/Dhaka). */
  timeZone: string;
  /** Articles fetched per query. */
  pageSize?: number;
}

/**
 * Streams every article in the exchange format, in id order, a page at a time (keyset on id),
 * so memory stays flat however large the archive. Bodies are written as document JSON: lossless.
 */
export async function* exportArticles(options: ExportOptions): AsyncGenerator<ExchangeRecordInput> {
  const { db } = options;
  const sections = new Map((await listSections(db)).map((s) => [s.id, s.path]));
  const districts = new Map((await listDistricts(db)).map((d) => [d.id, d.slug]));
  const time = (iso: string | null) => (iso ? formatIsoOffset(new Date(iso), options.timeZone) : null);
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('articles')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(options.pageSize ?? 500)
      .execute();
    if (!rows.length) return;
    after = rows[rows.length - 1]!.id;
    const ids = rows.map((r) => r.id);
    const bylines = await db.selectFrom('article_people').selectAll().where('article_id', 'in', ids).orderBy('position').execute();
    const people = new Map((await findPeopleByIds(db, [...new Set(bylines.map((b) => b.person_id))])).map((p) => [p.id, p]));
    const tagRows = await db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['article_tags.article_id', 'tags.name'])
      .where('article_tags.article_id', 'in', ids)
      .orderBy('article_tags.position')
      .execute();
    // Old links (redirects) come along, so an export imported elsewhere keeps them working.
    const redirectRows = await db.selectFrom('redirects').select(['article_id', 'path']).where('article_id', 'in', ids).orderBy('path').execute();
    const oldUrls = new Map<number, string[]>();
    for (const r of redirectRows) oldUrls.set(r.article_id, [...(oldUrls.get(r.article_id) ?? []), r.path]);
    const imageIds = rows.flatMap((r) => (r.image_id === null ? [] : [r.image_id]));
    const images = new Map((await findImagesByIds(db, imageIds)).map((i) => [i.id, i]));
    for (const row of rows) {
      const authors = bylines.filter((b) => b.article_id === row.id).flatMap((b) => people.get(b.person_id) ?? []);
      const image = row.image_id === null ? undefined : images.get(row.image_id);
      yield {
        id: row.id,
        section: row.section_id === null ? '' : (sections.get(row.section_id) ?? ''),
        kicker: row.kicker,
        headline: row.headline,
        subheadline: row.subheadline,
        summary: row.summary,
        body: JSON.parse(row.body) as Record<string, unknown>,
        byline: bylineOf(authors, districts),
        published_at: time(row.published_at),
        updated_at: time(row.updated_at),
        scheduled_at: time(row.scheduled_at),
        edition: row.edition,
        print_page: row.print_page,
        breaking: row.breaking === 1,
        district: row.district_id === null ? null : (districts.get(row.district_id) ?? null),
        image: image
          ? {
              src: resolve(options.mediaDir, image.path),
              caption: row.image_caption ?? image.caption,
              credit: row.image_credit ?? image.credit,
              alt: row.image_alt ?? image.alt,
            }
          : null,
        tags: tagRows.filter((t) => t.article_id === row.id).map((t) => t.name),
        status: row.status,
        ...(oldUrls.has(row.id) ? { old_urls: oldUrls.get(row.id)!.slice(0, MAX_OLD_URLS) } : {}),
      };
    }
  }
}

function bylineOf(people: Person[], districts: Map<number, string>): ExchangeRecordInput['byline'] {
  const first = people[0];
  if (!first) return { desk: 'ডেস্ক' };
  if (first.kind === 'desk') return { desk: first.name };
  if (first.kind === 'agency') return { agency: first.name };
  if (first.kind === 'correspondent') {
    return {
      correspondent: { name: first.name, place: first.place, district: districts.get(first.district_id ?? 0) ?? '' },
    };
  }
  return { authors: people.map((p) => p.name) };
}
