import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Analyzer } from '../bangla/analyzer/analyzer.ts';
import type { Clock } from '../lib/clock.ts';
import type { ContentReader } from '../content/content-reader.ts';
import type { SectionNode, SectionTree } from '../content/sections/section-tree.ts';
import { isArticleEvent, type LoggedEvent } from '../content/events/content-event.ts';
import { MAX_QUERY_LENGTH } from './parse-query.ts';
import { bestMatches, itemKeys, readTyped, type TypedText } from './suggest-keys.ts';
import { linkedNames } from './suggest-source.ts';
import { HeadlineWindow } from './headline-window.ts';
import { NameSuggestions, type NameItem } from './name-suggestions.ts';
import { WordIndex, type Keyed } from './word-index.ts';

/** Suggestions per group unless the caller asks for fewer or more (at most MAX_SUGGESTIONS). */
export const DEFAULT_SUGGESTIONS = 5;
export const MAX_SUGGESTIONS = 10;

export interface SuggestServiceOptions {
  db: Kysely<Database>;
  analyzer: Analyzer;
  reader: ContentReader;
  clock: Clock;
}

/** A headline as a suggestion, with its section for the URL. */
export interface HeadlineSuggestion {
  id: number;
  headline: string;
  section: SectionNode;
  publishedAt: string;
}

export type SuggestOutcome =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number }
  | {
      kind: 'suggestions';
      query: string;
      transliterated: boolean;
      people: NameItem[];
      tags: NameItem[];
      sections: SectionNode[];
      headlines: HeadlineSuggestion[];
    };

/**
 * Suggestions while typing: byline people, tags, sections and recent headlines a word of which
 * starts with what is being typed (as typed, normalised, stemmed, or read as Avro), holding the
 * words typed before it. Everything is matched in memory, kept current by the content events
 * (`apply`): a request reads nothing from the database.
 */
export class SuggestService {
  private readonly names: NameSuggestions;
  private readonly headlines: HeadlineWindow;
  private sectionIndex: { tree: SectionTree; index: WordIndex<SectionItem> } | undefined;
  /** The load or event batch running now (settled: nothing is). */
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: SuggestServiceOptions,
    windowSize?: number,
  ) {
    this.names = new NameSuggestions(options.db, options.analyzer);
    this.headlines = new HeadlineWindow(options.db, options.analyzer, windowSize);
  }

  /**
   * Reads the names and the newest headlines (at start, and when events were missed). Loads and
   * event batches run one after another, in the order they were asked for; suggestions wait for
   * them, so the server need not wait for this at start.
   */
  load(): Promise<void> {
    return this.inTurn(async () => {
      await this.names.load();
      await this.headlines.load();
    });
  }

  /** Follows content events: articles (their headlines, tags and people) and changed people. */
  apply(events: readonly LoggedEvent[]): Promise<void> {
    return this.inTurn(() => this.applyNow(events));
  }

  /** Settles when the loads and event batches asked for so far are done. */
  ready(): Promise<void> {
    return this.turn;
  }

  private inTurn(work: () => Promise<void>): Promise<void> {
    const run = this.turn.then(work);
    this.turn = run.catch(() => undefined); // the caller hears of a failure; the next turn still runs
    return run;
  }

  private async applyNow(events: readonly LoggedEvent[]): Promise<void> {
    const articleIds = new Set<number>();
    const tagIds = new Set<number>();
    const personIds = new Set<number>();
    for (const event of events) {
      if (event.type === 'person.changed') personIds.add(event.payload.id);
      if (!isArticleEvent(event)) continue;
      articleIds.add(event.payload.id);
      // Before and after: a tag taken off an article may have no public article left.
      for (const listing of [event.payload.before, event.payload.after]) {
        listing?.tagIds.forEach((id) => tagIds.add(id));
        listing?.personIds.forEach((id) => personIds.add(id));
      }
    }
    if (articleIds.size) {
      const linked = await linkedNames(this.options.db, [...articleIds]);
      linked.tagIds.forEach((id) => tagIds.add(id));
      linked.personIds.forEach((id) => personIds.add(id));
      await this.headlines.refresh([...articleIds]);
    }
    await this.names.refresh({ tagIds: [...tagIds], personIds: [...personIds] });
  }

  /** What to offer for the text being typed (`q`): at most `limit` of each kind, the best first. */
  async suggest(input: { q: string; limit?: number }): Promise<SuggestOutcome> {
    const query = input.q.trim();
    const length = [...query].length;
    if (!query) return { kind: 'empty' };
    if (length > MAX_QUERY_LENGTH) return { kind: 'too-long', length };
    const limit = Math.min(MAX_SUGGESTIONS, Math.max(1, input.limit ?? DEFAULT_SUGGESTIONS));
    await this.turn;
    const typed = readTyped(query, this.options.analyzer);
    const tree = await this.options.reader.sections();
    const empty: SuggestOutcome = { kind: 'suggestions', query, transliterated: false, people: [], tags: [], sections: [], headlines: [] };
    if (!typed) return empty;
    const now = this.options.clock.now().toISOString();
    return {
      ...empty,
      transliterated: typed.transliterated,
      people: this.names.match('person', typed, now, limit),
      tags: this.names.match('tag', typed, now, limit),
      sections: this.matchSections(tree, typed, limit),
      headlines: this.matchHeadlines(tree, typed, now, limit),
    };
  }

  private matchSections(tree: SectionTree, typed: TypedText, limit: number): SectionNode[] {
    if (this.sectionIndex?.tree !== tree) {
      // The tree is replaced when a section changes: its index is built once per tree.
      const index = new WordIndex<SectionItem>();
      index.reset(tree.all().map((section) => ({ section, depth: tree.ancestry(section).length, ...itemKeys(section.name, this.options.analyzer) })));
      this.sectionIndex = { tree, index };
    }
    return bestMatches(
      this.sectionIndex.index,
      typed,
      limit,
      () => true,
      (a, b) => a.depth - b.depth || a.section.position - b.section.position || a.section.id - b.section.id,
    ).map((item) => item.section);
  }

  private matchHeadlines(tree: SectionTree, typed: TypedText, now: string, limit: number): HeadlineSuggestion[] {
    return this.headlines.match(typed, now, limit).flatMap((h) => {
      const section = h.sectionId === null ? undefined : tree.byIdOrUndefined(h.sectionId);
      return section ? [{ id: h.id, headline: h.headline, section, publishedAt: h.publishedAt }] : [];
    });
  }
}

interface SectionItem extends Keyed {
  section: SectionNode;
  depth: number;
}
