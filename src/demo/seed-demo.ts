import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { formatIsoOffset } from '../bangla/zoned-date.ts';
import { ensureSectionPath } from '../content/sections/section.repository.ts';
import { ensurePerson } from '../content/people/person.repository.ts';
import { listDistricts } from '../content/places/place.repository.ts';
import { importArticles, type ImportReport } from '../content/exchange/import-articles.ts';
import type { ExchangeRecordInput } from '../content/exchange/exchange.schema.ts';
import { demoSections } from './demo-sections.ts';
import { demoPeople } from './demo-people.ts';
import { demoArticles } from './demo-articles.ts';
import type { DemoArticle } from './demo-article-type.ts';
import { makeDemoImage } from './demo-image.ts';
import { ContentWriter } from '../content/events/content-writer.ts';

export interface SeedOptions {
  db: Kysely<Database>;
  mediaDir: string;
  clock: Clock;
  /** How the seed's changes reach running servers (a plain writer when none is given). */
  writer?: ContentWriter;
}

/** True when the database has no article yet (the demo is seeded only then). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Seeds the demo portal: sections with Bengali names, desks, reporters, correspondents and
 * agencies, and the demo articles with locally drawn images, through the ordinary importer.
 * Re-running it updates the demo articles' times and changes nothing else.
 */
export async function seedDemo(options: SeedOptions): Promise<ImportReport> {
  const { db, clock } = options;
  const now = clock.now();
  const nowIso = now.toISOString();
  const names = Object.fromEntries(demoSections.map((s) => [s.path, s.name]));
  const writer = options.writer ?? new ContentWriter({ db, clock });
  await writer.write(async (trx, emit) => {
    for (const s of demoSections) {
      const section = await ensureSectionPath(trx, s.path, nowIso, names, s.position);
      emit({ type: 'section.changed', payload: { id: section.id } });
      if (section.name !== s.name || section.position !== s.position) {
        await trx.updateTable('sections').set({ name: s.name, position: s.position }).where('id', '=', section.id).execute();
      }
    }
    const districts = new Map((await listDistricts(trx)).map((d) => [d.slug, d.id]));
    for (const p of demoPeople) {
      const districtId = p.district ? (districts.get(p.district) ?? null) : null;
      const person = await ensurePerson(trx, { ...p, place: p.place ?? '', districtId }, nowIso);
      emit({ type: 'person.changed', payload: { id: person.id } });
    }
  });
  const imageDir = await mkdtemp(join(tmpdir(), 'prokash-demo-'));
  try {
    const images = new Map<number, string>();
    const lines: string[] = [];
    for (const article of demoArticles) {
      let src: string | undefined;
      if (article.image) {
        src = images.get(article.image.palette);
        if (!src) {
          src = join(imageDir, `palette-${article.image.palette}.jpg`);
          await makeDemoImage(src, article.image.palette);
          images.set(article.image.palette, src);
        }
      }
      lines.push(JSON.stringify(toRecord(article, now, src)));
    }
    return await importArticles({ writer, lines, baseDir: imageDir, mediaDir: options.mediaDir, clock });
  } finally {
    await rm(imageDir, { recursive: true, force: true });
  }
}

function toRecord(a: DemoArticle, now: Date, imageSrc: string | undefined): ExchangeRecordInput {
  const minute = 60_000;
  const published = a.published_at ? new Date(a.published_at) : new Date(Math.floor((now.getTime() - (a.ageMinutes ?? 0) * minute) / minute) * minute);
  const updated = a.updated_after_minutes ? new Date(published.getTime() + a.updated_after_minutes * minute) : null;
  return {
    id: a.id,
    section: a.section,
    kicker: a.kicker,
    headline: a.headline,
    subheadline: a.subheadline,
    summary: a.summary,
    body: a.body,
    byline: a.byline,
    published_at: formatIsoOffset(published, 'Asia/Dhaka'),
    updated_at: updated && updated <= now ? formatIsoOffset(updated, 'Asia/Dhaka') : null,
    edition: a.edition,
    print_page: a.edition === 'print' ? (a.print_page ?? 1) : null,
    breaking: a.breaking ?? false,
    district: a.district ?? null,
    image: a.image && imageSrc ? { src: imageSrc, caption: a.image.caption, credit: a.image.credit, alt: a.image.alt } : null,
    tags: a.tags,
    status: 'published',
  };
}
