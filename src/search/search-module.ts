import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { DatabaseHandle } from '../db/database.ts';
import type { Clock } from '../lib/clock.ts';
import type { ContentReader } from '../content/content-reader.ts';
import { createAnalyzer, type Analyzer } from '../bangla/analyzer/analyzer.ts';
import { createKnownWords, isCommonWord } from '../bangla/analyzer/known-words.ts';
import { createSoundLexicon } from '../bangla/avro/sound-lexicon.ts';
import { SqliteSearchIndex } from './sqlite-search-index.ts';
import { PostgresSearchIndex } from './postgres-search-index.ts';
import type { SearchIndex } from './search-index.ts';
import { SearchIndexer } from './search-indexer.ts';
import { SearchService } from './search.service.ts';
import { SuggestService } from './suggest.service.ts';
import { articleBodies, siteWords } from './search-source.ts';

/** The analyzer with the site's own words (tags, people, places, sections) as known stems. */
export interface SiteAnalyzer {
  analyzer: Analyzer;
  isKnown: (word: string) => boolean;
  /** Bengali names a Latin query word sounds like. */
  soundAlike: (latin: string, namesOnly?: boolean) => string[];
  /** Bengali names an unknown Bengali query word sounds like. */
  soundAlikeBangla: (word: string) => string[];
  isCommon: (word: string) => boolean;
}

/** The search engine for this database: the one place that picks an implementation by dialect. */
export function createSearchIndex(handle: Pick<DatabaseHandle, 'db' | 'dialect' | 'native' | 'url' | 'schema'>): SearchIndex {
  if (handle.dialect === 'postgres') return new PostgresSearchIndex(handle.db);
  if (!handle.native) throw new Error('The SQLite search index needs the better-sqlite3 handle (DatabaseHandle.native)');
  return new SqliteSearchIndex(handle.db, handle.native);
}

// A URL another connection (a reindex worker's) can open; none for an in-memory SQLite database.
function readerUrl(handle: Pick<DatabaseHandle, 'dialect' | 'native' | 'url' | 'schema'>): string | undefined {
  if (handle.dialect === 'postgres') {
    if (!handle.url) return undefined;
    const url = new URL(handle.url);
    if (handle.schema) url.searchParams.set('schema', handle.schema);
    return url.toString();
  }
  return handle.native && !handle.native.memory ? `sqlite:${handle.native.name}` : undefined;
}

/**
 * Built once per process. A word the site adds later (a new tag) becomes a known stem at the
 * next start or `prokash reindex`; until then it is still found through prefix matching.
 */
export async function createSiteAnalyzer(db: Kysely<Database>): Promise<SiteAnalyzer> {
  const words = await siteWords(db);
  const sounds = createSoundLexicon(words);
  return {
    analyzer: createAnalyzer({ extraKnownWords: words }),
    isKnown: createKnownWords(words),
    soundAlike: sounds.fromLatin,
    soundAlikeBangla: sounds.fromBangla,
    isCommon: isCommonWord,
  };
}

/** An indexer for command-line jobs (reindex, import, seed). */
export async function createIndexer(handle: Pick<DatabaseHandle, 'db' | 'dialect' | 'native' | 'url' | 'schema'>): Promise<SearchIndexer> {
  const { analyzer } = await createSiteAnalyzer(handle.db);
  return new SearchIndexer({ db: handle.db, index: createSearchIndex(handle), analyzer, readerUrl: readerUrl(handle) });
}

export interface SearchModule {
  index: SearchIndex;
  indexer: SearchIndexer;
  service: SearchService;
  /** Suggestions while typing; `load()` it once the event log's head is read. */
  suggest: SuggestService;
}

/** Everything search needs in the server process, wired from its collaborators. */
export async function createSearchModule(deps: {
  database: Pick<DatabaseHandle, 'db' | 'dialect' | 'native' | 'url' | 'schema'>;
  reader: ContentReader;
  clock: Clock;
  timeZone: () => string;
  log?: (error: unknown) => void;
}): Promise<SearchModule> {
  const index = createSearchIndex(deps.database);
  const site = await createSiteAnalyzer(deps.database.db);
  const indexer = new SearchIndexer({ db: deps.database.db, index, analyzer: site.analyzer, readerUrl: readerUrl(deps.database), log: deps.log });
  const bodies = (ids: readonly number[]) => articleBodies(deps.database.db, ids);
  const service = new SearchService({ index, ...site, reader: deps.reader, bodies, clock: deps.clock, timeZone: deps.timeZone });
  const suggest = new SuggestService({ db: deps.database.db, analyzer: site.analyzer, reader: deps.reader, clock: deps.clock });
  return { index, indexer, service, suggest };
}
