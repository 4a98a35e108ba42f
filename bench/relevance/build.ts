// Writes the relevance corpus into a migrated database the way a newsroom's archive arrives: the
// demo's sections and people, then every article through the importer (`prokash import`'s path:
// exchange records, people and tags created by name, content events written), then the search
// module built as a server builds it at start, so the analyzer knows the site's tags, people,
// places and sections, and a full reindex (`prokash reindex`).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { ContentWriter } from '../../src/content/events/content-writer.ts';
import { ContentReader } from '../../src/content/content-reader.ts';
import { ReferenceData } from '../../src/content/reference-data.ts';
import { ensureSectionPath } from '../../src/content/sections/section.repository.ts';
import { ensurePerson } from '../../src/content/people/person.repository.ts';
import { listDistricts } from '../../src/content/places/place.repository.ts';
import { importArticles } from '../../src/content/exchange/import-articles.ts';
import type { ExchangeRecordInput } from '../../src/content/exchange/exchange.schema.ts';
import { createSearchModule, type SearchModule } from '../../src/search/search-module.ts';
import { demoSections } from '../../src/demo/demo-sections.ts';
import { demoPeople } from '../../src/demo/demo-people.ts';
import { RELEVANCE_NOW } from './corpus.ts';
import type { CorpusArticle } from './story.ts';

/** The corpus's articles are in `handle`, indexed; `search` is the site's search over them. */
export async function loadRelevanceCorpus(handle: DatabaseHandle, corpus: readonly CorpusArticle[]): Promise<SearchModule> {
  const clock = fixedClock(RELEVANCE_NOW);
  const writer = new ContentWriter({ db: handle.db, clock });
  await writeSectionsAndPeople(writer);
  const dir = await mkdtemp(join(tmpdir(), 'prokash-relevance-'));
  try {
    const report = await importArticles({
      writer,
      lines: corpus.map((a) => JSON.stringify(toRecord(a))),
      baseDir: dir,
      mediaDir: dir,
      clock,
      keepChangedIds: false,
    });
    if (report.failed.length) throw new Error(`relevance corpus: ${report.failed.length} articles not imported: ${JSON.stringify(report.failed.slice(0, 3))}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // Built after the import, as a server starting on this archive would be: the analyzer's known
  // words include every tag and byline name the import created.
  const search = await createSearchModule({
    database: handle,
    reader: new ContentReader(handle.db, clock, await ReferenceData.loaded(handle.db)),
    clock,
    timeZone: () => 'Asia/Dhaka',
  });
  await search.indexer.reindexAll();
  return search;
}

// The demo's section tree with its Bengali names, and its desks, reporters and correspondents.
async function writeSectionsAndPeople(writer: ContentWriter): Promise<void> {
  const now = RELEVANCE_NOW.toISOString();
  const names = Object.fromEntries(demoSections.map((s) => [s.path, s.name]));
  await writer.write(async (trx, emit) => {
    for (const s of demoSections) {
      const section = await ensureSectionPath(trx, s.path, now, names, s.position);
      emit({ type: 'section.changed', payload: { id: section.id } });
    }
    const districts = new Map((await listDistricts(trx)).map((d) => [d.slug, d.id]));
    for (const p of demoPeople) {
      const districtId = p.district ? (districts.get(p.district) ?? null) : null;
      const person = await ensurePerson(trx, { ...p, place: p.place ?? '', districtId }, now);
      emit({ type: 'person.changed', payload: { id: person.id } });
    }
  });
}

function toRecord(a: CorpusArticle): ExchangeRecordInput {
  return {
    id: a.id,
    section: a.section,
    kicker: a.kicker,
    headline: a.headline,
    summary: a.summary,
    body: a.body.join('\n\n'),
    byline: a.byline,
    published_at: a.publishedAt,
    tags: a.tags,
    status: 'published',
  };
}
