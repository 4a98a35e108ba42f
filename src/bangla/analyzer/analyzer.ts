// The analyzer a search index uses: tokenize → drop stop words → stem. Documents and queries
// go through the same steps, so a key built at index time meets the key built for a query.
import type { Token } from './token.ts';
import { tokenize } from './tokenize.ts';
import { isStopWord } from './stop-words.ts';
import { stem } from './stem.ts';
import { createKnownWords } from './known-words.ts';

/** An index term with the span of the original text it came from. */
export interface AnalyzedTerm {
  /** The stemmed key stored in the index. */
  term: string;
  /** The normalised, unstemmed word (for exact and prefix matching of names). */
  exact: string;
  start: number;
  end: number;
}

/** A query word: match `term`; when `prefix` is set, also match indexed exact forms starting with `exact`. */
export interface QueryTerm {
  term: string;
  exact: string;
  prefix: boolean;
}

/** The analyzer's operations. */
export interface Analyzer {
  analyze(text: string): string[];
  analyzeWithOffsets(text: string): AnalyzedTerm[];
  queryTerms(text: string): QueryTerm[];
}

/** Options for createAnalyzer. */
export interface AnalyzerOptions {
  /** The site's own tags, people, places and section names: stems the stemmer may cut to. */
  extraKnownWords?: Iterable<string>;
}

const DIGIT_START = /^[0-9]/;

/** Creates an analyzer; build one per site configuration and reuse it (it holds the word set). */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const known = createKnownWords(options.extraKnownWords);
  const contentTokens = (text: string): Token[] => tokenize(text).filter((t) => !isStopWord(t.token));
  return {
    analyze(text) {
      const terms: string[] = [];
      for (const { token } of tokenize(text)) {
        if (!isStopWord(token)) terms.push(stem(token, known));
      }
      return terms;
    },
    analyzeWithOffsets(text) {
      return contentTokens(text).map(({ token, start, end }) => ({ term: stem(token, known), exact: token, start, end }));
    },
    queryTerms(text) {
      return contentTokens(text).map(({ token }) => {
        const term = stem(token, known);
        // A word the stemmer could not reduce is usually a name or a word whose suffix was too
        // ambiguous to cut (হাসিনার with হাসিনা unknown); its indexed forms start with it.
        return { term, exact: token, prefix: term === token && !DIGIT_START.test(token) };
      });
    },
  };
}
