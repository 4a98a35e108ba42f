import type { Analyzer } from '../bangla/analyzer/analyzer.ts';
import { countGraphemes } from '../bangla/analyzer/graphemes.ts';
import { avroCandidates } from '../bangla/avro/avro-candidates.ts';
import type { TermAlternative } from './search-index.ts';
import { SURFACE } from './search-terms.ts';

/** Longest query accepted, in characters (code points). */
export const MAX_QUERY_LENGTH = 200;
/** Words beyond this many are ignored: they would only narrow an AND query to nothing. */
export const MAX_QUERY_WORDS = 10;
// A prefix shorter than this matches too many unrelated words (উন* → উন্নয়ন).
const MIN_PREFIX_GRAPHEMES = 3;
const LATIN_WORD = /^[a-z]+$/;

/** A query as the index takes it, plus what the reader typed, word by word. */
export interface ParsedQuery {
  groups: TermAlternative[][];
  /** Quoted phrases of two words or more, as terms: they must match word for word, in order. */
  phrases: string[][];
  /** The words that count (normalised, unstemmed), for messages. */
  words: string[];
  /** True when some Latin word was also read as Avro-typed Bengali. */
  transliterated: boolean;
}

export interface QueryParserDeps {
  analyzer: Analyzer;
  /** The analyzer's known-word test: a known word is not a name, so it gets no prefix match. */
  isKnown: (word: string) => boolean;
}

/**
 * Turns query text into term groups: each word a group of alternatives (its stem; its written form
 * when inflected; for unknown words such as names, words starting with the written form; a Latin
 * word's Avro readings). Digits are folded
 * by the analyzer, so ২০২৩ and 2023 give the same term.
 */
export function parseQuery(text: string, deps: QueryParserDeps): ParsedQuery {
  const groups: TermAlternative[][] = [];
  const words: string[] = [];
  let transliterated = false;
  for (const t of deps.analyzer.analyzeWithOffsets(text).slice(0, MAX_QUERY_WORDS)) {
    const group = alternativesOf(t.term, t.exact, deps);
    if (LATIN_WORD.test(t.exact)) {
      const readings = avroAlternatives(text.slice(t.start, t.end), deps);
      if (readings.length) transliterated = true;
      group.push(...readings);
    }
    groups.push(unique(group));
    words.push(t.exact);
  }
  return { groups, words, transliterated, phrases: quotedPhrases(text, deps) };
}

// "…" or “…” in the query: the analysed terms of each, when it holds more than one.
const QUOTED = /["“”]([^"“”]+)["“”]/g;

function quotedPhrases(text: string, deps: QueryParserDeps): string[][] {
  return [...text.matchAll(QUOTED)].map((m) => deps.analyzer.analyzeWithOffsets(m[1]!).map((t) => t.term)).filter((terms) => terms.length > 1);
}

function alternativesOf(term: string, exact: string, deps: QueryParserDeps): TermAlternative[] {
  const alternatives = [{ term, prefix: false }];
  if (/^[0-9]/.test(term) || LATIN_WORD.test(term)) return alternatives;
  // An inflected word also asks for itself as written: an article with that very form ranks above
  // one with another form of the stem.
  if (term !== exact) alternatives.push({ term: SURFACE + exact, prefix: false });
  // A word the analyzer does not know (usually a name) also matches words written starting with it,
  // stemmed or not: ভ্লাদিভস্তক meets ভ্লাদিভস্তকে (indexed as the stem ভ্লাদিভস্ত and the surface
  // form), হংকং meets হংকংয়ে. The exact term and its prefix form both match an exact hit.
  if (!deps.isKnown(term) && countGraphemes(exact) >= MIN_PREFIX_GRAPHEMES) {
    alternatives.push({ term: exact, prefix: true }, { term: SURFACE + exact, prefix: true });
  }
  return alternatives;
}

// Avro readings of a Latin word (`putin` → পুতিন …), each analysed like a Bengali query word.
function avroAlternatives(original: string, deps: QueryParserDeps): TermAlternative[] {
  return avroCandidates(original).flatMap((bangla) => {
    const terms = deps.analyzer.analyzeWithOffsets(bangla);
    return terms.length === 1 ? alternativesOf(terms[0]!.term, terms[0]!.exact, deps) : [];
  });
}

function unique(group: TermAlternative[]): TermAlternative[] {
  const seen = new Map<string, TermAlternative>();
  for (const alt of group) seen.set(`${alt.prefix ? '*' : ''}${alt.term}`, alt);
  return [...seen.values()];
}
