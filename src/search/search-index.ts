// The one interface over the two full-text engines (STYLE rule 5). Implementations live in
// src/search/sqlite-search-index.ts and src/search/postgres-search-index.ts; both run the contract suite
// in test/search-index.test.ts. They receive finished terms from our analyzer and never tokenize
// Bengali themselves.

/**
 * One article's analysed terms by field, each field its terms in text order separated by single
 * spaces (terms never hold whitespace; repeats are kept: they are term frequency). Strings rather
 * than arrays: a bulk reindex moves these between threads, and five strings per article cost far
 * less to copy and to keep than hundreds of small ones.
 */
export interface IndexedFields {
  /** Kicker, headline and subheadline. */
  head: string;
  summary: string;
  tags: string;
  /** Names (and places) of the byline's people. */
  byline: string;
  body: string;
}

/** What the index stores for one published article. */
export interface IndexDocument {
  articleId: number;
  sectionId: number | null;
  /** ISO 8601 UTC. */
  publishedAt: string;
  /** The article's modified_at when it was analysed: a later change makes the entry stale. */
  modifiedAt: string;
  fields: IndexedFields;
  /** What ranking reads of the article (search-terms.ts joinFeatures): its headline, tags, summary, byline and lead as words. */
  features: string;
}

/**
 * One spelling a query word may match: a stem, or a surface form (marked with search-terms.ts
 * SURFACE); with `prefix`, any indexed one starting with it.
 */
export interface TermAlternative {
  term: string;
  prefix: boolean;
}

/** A parsed query: every group must match (one of its alternatives), or any group when `mode` is 'any'. */
export interface IndexQuery {
  groups: TermAlternative[][];
  mode: 'all' | 'any';
  /** Quoted phrases: each a sequence of terms that must stand next to each other, in order, in one field (in either mode). */
  phrases?: readonly (readonly string[])[];
  /** Match in the headline field alone (kicker, headline, subheadline); every field when absent. */
  field?: 'head';
  /** Only articles in these sections (a section and its sub-sections); undefined for all. */
  sectionIds?: readonly number[];
  /** Inclusive lower bound on published_at (ISO UTC). */
  from?: string;
  /** Exclusive upper bound on published_at (ISO UTC). */
  to?: string;
  /** Articles published after this instant are not public yet (ISO UTC). */
  now: string;
  /** At most this many matches, the most recent first. */
  limit: number;
  /** False to leave the hits' features empty (read them later with `features`, for the few that need them). */
  withFeatures?: boolean;
}

/**
 * A match, with the features ranking reads (the same on every engine: the order of results never
 * depends on an engine's own scoring, so both dialects rank alike).
 */
export interface IndexHit {
  articleId: number;
  publishedAt: string;
  features: string;
}

/** A new index built beside the live one: `commit` puts it in the live one's place. */
export interface IndexRebuild {
  upsert(docs: readonly IndexDocument[]): Promise<void>;
  /** Replaces the live index with this one, in one transaction. */
  commit(): Promise<void>;
  /** Drops what was built; the live index is untouched. */
  abandon(): Promise<void>;
}

/** A full-text index of published articles. */
export interface SearchIndex {
  /** Adds or replaces these articles' entries. */
  upsert(docs: readonly IndexDocument[]): Promise<void>;
  /** Removes these articles' entries (absent ones are ignored). */
  remove(articleIds: readonly number[]): Promise<void>;
  /** The most recent `limit` matches, newest first, each with its ranking features. */
  search(query: IndexQuery): Promise<IndexHit[]>;
  /** The stored ranking features of these articles (absent ones are left out). */
  features(articleIds: readonly number[]): Promise<Map<number, string>>;
  /** Removes every entry. */
  clear(): Promise<void>;
  /**
   * Starts a full rebuild beside the live index, where the engine does that better than
   * replacing entries in place (SQLite). Absent: a full reindex replaces entries in place.
   */
  rebuild?(): Promise<IndexRebuild>;
}

/** Tables both implementations keep, for the portable catch-up queries. */
export type SearchTables = {
  search_docs: {
    article_id: number;
    section_id: number | null;
    published_at: string;
    modified_at: string;
    features: string;
  };
};
