import type { IndexHit, TermAlternative } from './search-index.ts';
import { FEATURE_FIELDS, isExactForm, SURFACE } from './search-terms.ts';

/** Points for a query word in the headline (kicker, headline, subheadline). */
export const HEADLINE_POINTS = 10;
/** Points for a query word anywhere at the top of the story: headline, tags, summary, byline or the body's lead. */
export const TOP_POINTS = 4;
/** Points for each further query word standing next to the one before it, in the reader's order, in the headline. */
export const HEADLINE_NEAR_POINTS = 2;
/** The same in the summary or the lead. */
export const LEAD_NEAR_POINTS = 1;
/** The share of its points a query word earns when met only as the beginning of a longer word. */
export const PREFIX_ONLY = 0.8;
/** Points for a query word found exactly as the reader inflected it. */
export const EXACT_FORM_POINTS = 1;
/** Points a brand-new article gains; half as many at RECENCY_HALF_LIFE_DAYS. */
export const RECENCY_POINTS = 1;
/** Age at which the recency points have halved (days). */
export const RECENCY_HALF_LIFE_DAYS = 30;
const DAY_MS = 86_400_000;

/** A hit with what ranked it. */
export interface RankedHit extends IndexHit {
  /** Points for where and how the query's words stand (higher is better): relevance without age. */
  relevance: number;
  /** Relevance plus the recency points: the order of the results. */
  score: number;
}

/**
 * Relevance first, recency second. An article's relevance counts, for each query word: whether the
 * headline holds it (10), whether the top of the story holds it (the headline, tags, summary, byline
 * or the body's first 24 words: 4), whether it stands next to the word before it as the reader typed
 * them (2 in the headline, 1 in the summary or lead) and whether it is written exactly as the reader
 * inflected it (1). Every article the engine returned holds every word somewhere (or some of them,
 * when the words were relaxed); how often the body repeats them does not count. So an article whose
 * headline holds all the words outranks one that mentions them only in its body, whatever their
 * dates; recency then adds at most one point (½ at 30 days), which separates articles of equal or
 * nearly equal relevance and never outweighs a word in the headline or the top of the story.
 *
 * The features come from the index entry, the same on both engines, and ties fall to the newer,
 * then the higher id: SQLite and PostgreSQL give the same order.
 */
export function rankHits(hits: readonly IndexHit[], groups: readonly TermAlternative[][], now: Date, weights?: readonly number[]): RankedHit[] {
  const relevance = relevanceScorer(groups, weights);
  return hits
    .map((h) => {
      const points = relevance(h.features);
      const ageDays = Math.max(0, now.getTime() - Date.parse(h.publishedAt)) / DAY_MS;
      return { ...h, relevance: points, score: points + RECENCY_POINTS * 0.5 ** (ageDays / RECENCY_HALF_LIFE_DAYS) };
    })
    .sort((a, b) => b.score - a.score || b.publishedAt.localeCompare(a.publishedAt) || b.articleId - a.articleId);
}

// What one probe (a query word's text, as typed or stemmed) asks of the stored words it occurs in.
interface Probe {
  text: string;
  /** Per group: a bit set of the ways it accepts a word (STEM, STEM_PREFIX, FORM, FORM_PREFIX), and whether a FORM match is the form typed. */
  asks: Array<{ group: number; ways: number }>;
}
const STEM = 1;
const STEM_PREFIX = 2;
const FORM = 4;
const FORM_PREFIX = 8;
const TAB = 9;
const SPACE = 32;
const SURFACE_CODE = SURFACE.charCodeAt(0);
const FIELD_INDEX = { head: FEATURE_FIELDS.indexOf('head'), summary: FEATURE_FIELDS.indexOf('summary'), lead: FEATURE_FIELDS.indexOf('lead') };

/**
 * Scores stored features (search-terms.ts) for these query groups: relevance points, as rankHits
 * counts them. It looks for each distinct query text in the stored string (indexOf, native) and
 * reads only the words it occurs in: splitting a thousand candidates' features into words cost
 * more than the search itself.
 */
export function relevanceScorer(groups: readonly TermAlternative[][], weights: readonly number[] = []): (features: string) => number {
  const byText = new Map<string, Probe>();
  groups.forEach((group, g) => {
    for (const alt of group) {
      const form = alt.term.startsWith(SURFACE);
      const text = form ? alt.term.slice(SURFACE.length) : alt.term;
      if (!text) continue;
      const probe = byText.get(text) ?? { text, asks: [] };
      byText.set(text, probe);
      const way = form ? (alt.prefix ? FORM_PREFIX : FORM) : alt.prefix ? STEM_PREFIX : STEM;
      const ask = probe.asks.find((a) => a.group === g);
      if (ask) ask.ways |= way;
      else probe.asks.push({ group: g, ways: way });
    }
  });
  const probes = [...byText.values()];
  // Inflected query words: the groups whose FORM (exact) alternative is the word as typed.
  const typed = groups.map((group) => group.some(isExactForm));
  return (features) => {
    const matches: Match[][] = groups.map(() => []);
    for (const probe of probes) findProbe(features, probe, matches);
    let points = 0;
    let headNear = 0;
    const near = [0, 0];
    for (let g = 0; g < groups.length; g++) {
      const found = matches[g]!;
      if (!found.length) continue;
      const head = found.filter((m) => m.field === FIELD_INDEX.head);
      // A word met only as the beginning of a longer one (মাহফুজ in মাহফুজা) counts for less.
      const quality = (list: readonly Match[]) => (list.some((m) => m.whole) ? 1 : PREFIX_ONLY);
      points += (weights[g] ?? 1) * ((head.length ? HEADLINE_POINTS * quality(head) : 0) + TOP_POINTS * quality(found));
      if (typed[g] && found.some((m) => m.typed)) points += EXACT_FORM_POINTS;
      if (g === 0) continue;
      const before = matches[g - 1]!;
      const nextTo = (field: number) => found.some((m) => m.field === field && before.some((b) => b.field === field && b.end + 1 === m.start));
      if (nextTo(FIELD_INDEX.head)) headNear++;
      if (nextTo(FIELD_INDEX.summary)) near[0]!++;
      if (nextTo(FIELD_INDEX.lead)) near[1]!++;
    }
    return points + HEADLINE_NEAR_POINTS * headNear + LEAD_NEAR_POINTS * Math.max(near[0]!, near[1]!);
  };
}

/** A stored word that matched a group: its field, where it starts and ends, and whether it is the form the reader typed. */
interface Match {
  field: number;
  start: number;
  end: number;
  typed: boolean;
  /** The whole word matched (its stem or its written form), not only its beginning. */
  whole: boolean;
}

// Every word of `features` the probe matches, by the same rules as wordMatches: a stem must start
// (STEM_PREFIX) or be (STEM) the text; the written form likewise; an unchanged word (no SURFACE
// mark) is its own written form.
function findProbe(features: string, probe: Probe, matches: Match[][]): void {
  const { text } = probe;
  for (let at = features.indexOf(text); at >= 0; at = features.indexOf(text, at + 1)) {
    const previous = at === 0 ? SPACE : features.charCodeAt(at - 1);
    if (previous !== SPACE && previous !== TAB && previous !== SURFACE_CODE) continue; // inside a word
    const start = wordStart(features, at);
    const end = wordEnd(features, at);
    const mark = features.indexOf(SURFACE, start);
    const stemEnd = mark >= 0 && mark < end ? mark : end;
    const formStart = stemEnd === end ? start : stemEnd + 1;
    const atStem = at === start;
    const atForm = at === formStart;
    const stemWhole = atStem && at + text.length === stemEnd;
    const formWhole = atForm && at + text.length === end;
    const field = fieldAt(features, at);
    for (const { group, ways } of probe.asks) {
      const typed = (ways & FORM) !== 0 && formWhole;
      const whole = ((ways & (STEM | STEM_PREFIX)) !== 0 && stemWhole) || ((ways & (FORM | FORM_PREFIX)) !== 0 && formWhole);
      const ok = whole || ((ways & STEM_PREFIX) !== 0 && atStem) || ((ways & FORM_PREFIX) !== 0 && atForm);
      if (ok) matches[group]!.push({ field, start, end, typed, whole });
    }
  }
}

function wordStart(s: string, at: number): number {
  let i = at;
  while (i > 0 && s.charCodeAt(i - 1) !== SPACE && s.charCodeAt(i - 1) !== TAB) i--;
  return i;
}

function wordEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && s.charCodeAt(i) !== SPACE && s.charCodeAt(i) !== TAB) i++;
  return i;
}

// Which feature field a position is in: the number of tabs before it.
function fieldAt(s: string, at: number): number {
  let field = 0;
  for (let tab = s.indexOf('\t'); tab >= 0 && tab < at; tab = s.indexOf('\t', tab + 1)) field++;
  return field;
}
