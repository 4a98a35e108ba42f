// The analyzer a search index uses: tokenize → drop stop words → stem. Documents and queries
// go through the same steps, so a key built at index time meets the key built for a query.
import { wordSpans } from './tokenize.ts';
import { normalizeWord } from './normalize.ts';
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
  /**
   * Calls `visit` with each content word's term, its normalised, unstemmed form, and whether the
   * stemmer cut it to a known word (পুতিনের → পুতিন) rather than blindly, in text order (no offsets, no objects).
   */
  eachTerm(text: string, visit: (term: string, exact: string, cutToKnown: boolean) => void): void;
  analyzeWithOffsets(text: string): AnalyzedTerm[];
  queryTerms(text: string): QueryTerm[];
}

/** Options for createAnalyzer. */
export interface AnalyzerOptions {
  /** The site's own tags, people, places and section names: stems the stemmer may cut to. */
  extraKnownWords?: Iterable<string>;
}

const DIGIT_START = /^[0-9]/;

/** What the analyzer makes of one word as written: its key, and its term (null: a stop word). */
interface Word {
  exact: string;
  term: string | null;
  /** The stemmer changed the word and what it left is a known word. */
  cutToKnown: boolean;
}

// Distinct spellings remembered per analyzer. News text is Zipfian: a few thousand spellings
// cover most running words, so most words cost one map lookup instead of normalising and
// stemming (measured: 5,000 distinct spellings in 10,000 generated articles). Past the limit the
// map is emptied and refilled, which bounds its memory at a few megabytes.
const WORD_CACHE_LIMIT = 100_000;

/** Creates an analyzer; build one per site configuration and reuse it (it holds the word set). */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const known = createKnownWords(options.extraKnownWords);
  const cache = new Map<string, Word>();
  // The word written as text[start, end).
  const wordAt = (text: string, start: number, end: number): Word => {
    const raw = text.slice(start, end);
    const seen = cache.get(raw);
    if (seen !== undefined) return seen;
    const exact = normalizeWord(raw);
    const term = exact === '' || isStopWord(exact) ? null : stem(exact, known);
    const word = { exact, term, cutToKnown: term !== null && term !== exact && known(term) };
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    cache.set(raw, word);
    return word;
  };
  const contentTerms = (text: string): AnalyzedTerm[] => {
    const spans = wordSpans(text);
    const out: AnalyzedTerm[] = [];
    for (let i = 0; i < spans.length; i += 2) {
      const start = spans[i] as number;
      const end = spans[i + 1] as number;
      const word = wordAt(text, start, end);
      if (word.term !== null) out.push({ term: word.term, exact: word.exact, start, end });
    }
    return out;
  };
  return {
    analyze(text) {
      const spans = wordSpans(text);
      const terms: string[] = [];
      for (let i = 0; i < spans.length; i += 2) {
        const term = wordAt(text, spans[i] as number, spans[i + 1] as number).term;
        if (term !== null) terms.push(term);
      }
      return terms;
    },
    eachTerm(text, visit) {
      const spans = wordSpans(text);
      for (let i = 0; i < spans.length; i += 2) {
        const word = wordAt(text, spans[i] as number, spans[i + 1] as number);
        if (word.term !== null) visit(word.term, word.exact, word.cutToKnown);
      }
    },
    analyzeWithOffsets: contentTerms,
    queryTerms(text) {
      return contentTerms(text).map(({ term, exact: token }) => {
        // A word the stemmer could not reduce is usually a name or a word whose suffix was too
        // ambiguous to cut (হাসিনার with হাসিনা unknown); its indexed forms start with it.
        return { term, exact: token, prefix: term === token && !DIGIT_START.test(token) };
      });
    },
  };
}
