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
const NUMBER = /^[0-9]/;

/** A query as the index takes it, plus what the reader typed, word by word. */
export interface ParsedQuery {
  groups: TermAlternative[][];
  /** Per group, how much it says about which story is meant: 1 for names and rare words, less for common words (rank-hits.ts). */
  weights: number[];
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
  /** The site's Bengali names (and longer news words) a Latin word sounds like (bangla/avro/sound-lexicon.ts). */
  soundAlike?: (latin: string, namesOnly?: boolean) => string[];
  /** Bengali names sounding like an unknown Bengali word (a variant spelling: কিয়িভ → কিয়েভ). */
  soundAlikeBangla?: (word: string) => string[];
  /** True for a common news word (known-words.ts isCommonWord). */
  isCommon?: (word: string) => boolean;
}

/**
 * Turns query text into term groups: each word a group of alternatives (its stem; its written form
 * when inflected; for unknown words such as names, words starting with the written form and names
 * that sound like it; a Latin word's Avro readings and the names with its sound key; the one-word
 * spelling of two words papers write together), and a weight per group (common words less).
 * Digits are folded by the analyzer, so ২০২৩ and 2023 give the same term.
 */
export function parseQuery(text: string, deps: QueryParserDeps): ParsedQuery {
  const groups: TermAlternative[][] = [];
  const words: string[] = [];
  let transliterated = false;
  const terms = deps.analyzer.analyzeWithOffsets(text).slice(0, MAX_QUERY_WORDS);
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    const group = alternativesOf(t.term, t.exact, deps);
    if (LATIN_WORD.test(t.exact)) {
      // Two Latin words a paper writes as one (hong kong → হংকং, new york → নিউইয়র্ক): one group.
      const next = terms[i + 1];
      const joined = next && LATIN_WORD.test(next.exact) ? joinedReadings(t.exact, next.exact, deps) : [];
      const readings = joined.length ? joined : [...avroAlternatives(text.slice(t.start, t.end), deps), ...soundAlikes(t.exact, deps)];
      if (readings.length) transliterated = true;
      group.push(...readings);
      if (joined.length) {
        words.push(`${t.exact} ${next!.exact}`);
        groups.push(unique(group));
        i++;
        continue;
      }
    }
    if (!LATIN_WORD.test(t.exact)) group.push(...banglaVariants(t.term, t.exact, deps));
    groups.push(unique(group));
    words.push(t.exact);
  }
  joinNeighbours(terms.length === groups.length ? terms : [], groups, deps);
  const weights = groups.map((group) => (isCommonGroup(group, deps) ? COMMON_WEIGHT : 1));
  return { groups, words, weights, transliterated, phrases: quotedPhrases(text, deps) };
}

// "…" or “…” in the query: the analysed terms of each, when it holds more than one.
const QUOTED = /["“”]([^"“”]+)["“”]/g;

function quotedPhrases(text: string, deps: QueryParserDeps): string[][] {
  return [...text.matchAll(QUOTED)].map((m) => deps.analyzer.analyzeWithOffsets(m[1]!).map((t) => t.term)).filter((terms) => terms.length > 1);
}

function alternativesOf(term: string, exact: string, deps: QueryParserDeps): TermAlternative[] {
  const alternatives = [{ term, prefix: false }];
  if (NUMBER.test(term) || LATIN_WORD.test(term)) return alternatives;
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

/** The weight of a group whose every Bengali spelling is a common news word. */
export const COMMON_WEIGHT = 0.6;

// Common when one of its Bengali spellings is a common word and none is a known name (the other
// readings of a Latin word are mostly spellings nobody uses).
function isCommonGroup(group: readonly TermAlternative[], deps: QueryParserDeps): boolean {
  const isCommon = deps.isCommon;
  if (!isCommon) return false;
  const spellings = group.filter((alt) => !alt.prefix && !alt.term.startsWith(SURFACE) && !LATIN_WORD.test(alt.term) && !NUMBER.test(alt.term));
  return spellings.some((alt) => isCommon(alt.term)) && !spellings.some((alt) => deps.isKnown(alt.term) && !isCommon(alt.term));
}

// Names spelt like an unknown Bengali word (same sound key): কিয়িভ also means কিয়েভ.
function banglaVariants(term: string, exact: string, deps: QueryParserDeps): TermAlternative[] {
  // Short words are left alone: কিমা (minced meat) is not কিম.
  if (!deps.soundAlikeBangla || deps.isKnown(term) || NUMBER.test(term) || countGraphemes(exact) < MIN_PREFIX_GRAPHEMES) return [];
  return deps.soundAlikeBangla(exact).flatMap((bangla) => {
    const terms = deps.analyzer.analyzeWithOffsets(bangla);
    return terms.length === 1 && terms[0]!.term !== term ? [{ term: terms[0]!.term, prefix: false }] : [];
  });
}

// Two Bengali words that papers also write as one (নিউ ইয়র্ক → নিউইয়র্ক, নিউ মার্কেট → নিউমার্কেট):
// the written-together form, by prefix, joins both groups, so an article with either spelling
// matches both words. Only when the joined word is a known name or one of the two is not a known
// word (a part of a name).
function joinNeighbours(terms: readonly { term: string; exact: string }[], groups: TermAlternative[][], deps: QueryParserDeps): void {
  for (let i = 0; i + 1 < terms.length; i++) {
    const [a, b] = [terms[i]!, terms[i + 1]!];
    if ([a, b].some((t) => LATIN_WORD.test(t.exact) || NUMBER.test(t.exact))) continue;
    const joined = deps.analyzer.analyzeWithOffsets(a.exact + b.exact);
    if (joined.length !== 1 || countGraphemes(joined[0]!.exact) < 4) continue;
    if (deps.isKnown(a.term) && deps.isKnown(b.term) && !deps.isKnown(joined[0]!.term)) continue;
    const together = [
      { term: joined[0]!.term, prefix: false },
      { term: joined[0]!.exact, prefix: true },
      { term: SURFACE + joined[0]!.exact, prefix: true },
    ];
    groups[i] = unique([...groups[i]!, ...together]);
    groups[i + 1] = unique([...groups[i + 1]!, ...together]);
  }
}

// Bengali words that sound like a Latin word, each analysed like a Bengali query word.
function soundAlikes(latin: string, deps: QueryParserDeps, namesOnly = false): TermAlternative[] {
  return (deps.soundAlike?.(latin, namesOnly) ?? []).flatMap((bangla) => {
    const terms = deps.analyzer.analyzeWithOffsets(bangla);
    return terms.length === 1 ? alternativesOf(terms[0]!.term, terms[0]!.exact, deps) : [];
  });
}

// The readings of two Latin words written together, when that names something and one of the two
// alone does not (so "kim jong" stays two words).
function joinedReadings(first: string, second: string, deps: QueryParserDeps): TermAlternative[] {
  if (!deps.soundAlike || (deps.soundAlike(first).length && deps.soundAlike(second).length)) return [];
  return soundAlikes(first + second, deps, true);
}

function unique(group: TermAlternative[]): TermAlternative[] {
  const seen = new Map<string, TermAlternative>();
  for (const alt of group) seen.set(`${alt.prefix ? '*' : ''}${alt.term}`, alt);
  return [...seen.values()];
}
