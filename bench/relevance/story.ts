// The shape of one article of the relevance corpus, before it becomes an exchange record.

/** A byline as the exchange format names it (people are created by name on import). */
export type StoryByline = { desk: string } | { authors: string[] } | { correspondent: { name: string; place?: string; district: string } } | { agency: string };

/** A hand-written story the judgments point at, by its stable key. */
export interface PlantedStory {
  key: string;
  /** Dhaka time, `YYYY-MM-DDTHH:MM`. */
  at: string;
  section: string;
  kicker?: string;
  headline: string;
  summary: string;
  /** Paragraphs; a few neutral ones are added after them so the story has a paper's length. */
  body: string[];
  tags: string[];
  byline?: StoryByline;
}

/** One article of the corpus: a planted story or a generated one. */
export interface CorpusArticle {
  /** Stable key: the planted story's, or `f-NNNNN` for a generated one (the same for a seed and count). */
  key: string;
  id: number;
  section: string;
  kicker: string;
  headline: string;
  summary: string;
  body: string[];
  tags: string[];
  byline: StoryByline;
  /** ISO 8601 with the Dhaka offset. */
  publishedAt: string;
  planted: boolean;
}
