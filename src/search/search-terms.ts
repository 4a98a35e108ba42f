// What the index holds for a field, and what ranking keeps of an article: stems for matching,
// and beside them the words as written (surface forms), so that a name the stemmer cut into
// (ভ্লাদিভস্তকে → ভ্লাদিভস্ত) is still met by what a reader types (ভ্লাদিভস্তক, by prefix), and
// an exact form can count for more than a stemmed one.
import type { Analyzer } from '../bangla/analyzer/analyzer.ts';
import type { TermAlternative } from './search-index.ts';

/**
 * Marks a surface form in the index (`·ভ্লাদিভস্তকে`). Terms never hold it (they are letters,
 * marks, digits, '.' and ','); FTS5's ascii tokenizer keeps it inside a token (it is not ASCII)
 * and a tsvector literal takes it as it is.
 */
export const SURFACE = '·';

/** How many of the body's first terms ranking keeps: its lead, where a news story says what it is about. */
export const LEAD_TERMS = 24;
// A feature field keeps at most this many words (a kicker, headline and subheadline hold far fewer).
const FEATURE_TERMS = 64;

/** The ranking features' fields, in their stored order. */
export const FEATURE_FIELDS = ['head', 'tags', 'summary', 'byline', 'lead'] as const;
export type FeatureField = (typeof FEATURE_FIELDS)[number];

/** One field as analysed: the index's text, and the words ranking keeps. */
export interface FieldTerms {
  /** Stems in text order, then once each the surface form of every word the stemmer cut without knowing the stem, marked with SURFACE. */
  index: string;
  /** The first words as `stem` or `stem·surface` (when the stemmer changed the word), space-separated. */
  features: string;
}

/**
 * Analyses one field. Surface forms go after the stems, so stems keep their positions next to each
 * other (a quoted phrase matches stems) and the field's words stay one sequence.
 */
export function fieldTerms(analyzer: Analyzer, text: string, featureLimit = FEATURE_TERMS): FieldTerms {
  const stems: string[] = [];
  const surfaces = new Set<string>();
  const features: string[] = [];
  analyzer.eachTerm(text, (term, exact, cutToKnown) => {
    stems.push(term);
    const changed = exact !== term;
    // A word cut to a known word (পুতিনের → পুতিন) is met by that word; the index keeps the written
    // form of the others, cut blindly, where a name may have lost letters (the features keep all).
    if (changed && !cutToKnown) surfaces.add(SURFACE + exact);
    if (features.length < featureLimit) features.push(changed ? term + SURFACE + exact : term);
  });
  const index = surfaces.size ? `${stems.join(' ')} ${[...surfaces].join(' ')}` : stems.join(' ');
  return { index, features: features.join(' ') };
}

/** The stored features of an article: its feature fields' words, tab-separated in FEATURE_FIELDS order. */
export function joinFeatures(fields: Record<FeatureField, string>): string {
  return FEATURE_FIELDS.map((f) => fields[f]).join('\t');
}

/** A stored word: its stem and the form it was written in (the stem itself when unchanged). */
export interface FeatureWord {
  stem: string;
  surface: string;
}

/** Reads one stored word (`stem` or `stem·surface`). */
export function readWord(word: string): FeatureWord {
  const at = word.indexOf(SURFACE);
  return at < 0 ? { stem: word, surface: word } : { stem: word.slice(0, at), surface: word.slice(at + 1) };
}

/**
 * True when a word (its stem and its written form) matches a query alternative the way the index
 * does: a SURFACE alternative against the written form, any other against the stem; `prefix` by its
 * beginning. A word the stemmer left unchanged is its own written form.
 */
export function wordMatches(alt: TermAlternative, stem: string, surface: string): boolean {
  if (alt.term.startsWith(SURFACE)) {
    const form = alt.term.slice(SURFACE.length);
    return alt.prefix ? surface.startsWith(form) : surface === form;
  }
  return alt.prefix ? stem.startsWith(alt.term) : stem === alt.term;
}

/** True when the alternative asks for the word exactly as the reader wrote it, inflection included. */
export const isExactForm = (alt: TermAlternative): boolean => !alt.prefix && alt.term.startsWith(SURFACE);
