import type { Analyzer } from '../bangla/analyzer/analyzer.ts';
import { truncateGraphemes } from '../bangla/truncate.ts';
import type { TermAlternative } from './search-index.ts';
import { wordMatches } from './search-terms.ts';

/** A piece of snippet text; `mark` pieces are the matched words. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** Snippet length in grapheme clusters (the ellipsis included). */
export const SNIPPET_GRAPHEMES = 180;
// Only the start of a long body is searched for the best passage: the snippet's cost stays flat.
const SCAN_CHARS = 6000;
const CHUNK_CHARS = 400;
// Bengali runs about 1.6 code units per cluster, so this window holds the snippet; when a text of
// unusually long clusters does not fill it, the snippet is simply shorter.
const WINDOW_CHARS = SNIPPET_GRAPHEMES * 3;
// A passage is the matches within this many characters of its first match.
const PASSAGE_CHARS = 220;
// Start at the sentence's beginning when it is this close before the first match.
const LEAD_IN_CHARS = 80;
const SENTENCE_END = /[।?!\n]/;

type Matcher = (term: string, exact: string) => number;

/** Which query group a word (its term and written form) matches, as the index does (-1 for none). */
export function termMatcher(groups: readonly TermAlternative[][]): Matcher {
  return (term, exact) => groups.findIndex((g) => g.some((alt) => wordMatches(alt, term, exact)));
}

/**
 * The passage of `text` with the query words, cut at grapheme boundaries (truncate.ts), matched
 * words marked. When nothing matches, the text's beginning, unmarked.
 */
export function buildSnippet(text: string, groups: readonly TermAlternative[][], analyzer: Analyzer): SnippetPart[] {
  const matcher = termMatcher(groups);
  const hits = findHits(text, groups.length, matcher, analyzer);
  const start = hits.length ? passageStart(text, bestPassage(hits)) : 0;
  // Grapheme segmentation is the costly step: give it a window that surely holds the snippet.
  const space = text.indexOf(' ', start + WINDOW_CHARS);
  const window = text.slice(start, space < 0 ? text.length : space); // ends at a word: never inside a cluster
  const fits = truncateGraphemes(window, SNIPPET_GRAPHEMES);
  const truncated = fits !== window || text.length - start > window.length;
  const cut = fits === window && truncated ? `${window}…` : fits;
  const kept = truncated ? cut.slice(0, -1) : cut; // without the ellipsis
  const parts: SnippetPart[] = start > 0 ? [{ text: '…', mark: false }] : [];
  let at = 0;
  // Only the shown passage is analysed again for its marks: a few hundred characters.
  for (const t of analyzer.analyzeWithOffsets(kept)) {
    if (matcher(t.term, t.exact) < 0) continue;
    if (t.start > at) parts.push({ text: kept.slice(at, t.start), mark: false });
    parts.push({ text: kept.slice(t.start, t.end), mark: true });
    at = t.end;
  }
  if (at < cut.length) parts.push({ text: cut.slice(at), mark: false });
  // Paragraph breaks read as spaces in a one-line snippet.
  return parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') }));
}

// Matches, sentence-aligned chunk by chunk, stopping at the first chunk that completes every
// query word: analysing a whole long body per result would cost more than the search itself.
function findHits(text: string, groupCount: number, matcher: Matcher, analyzer: Analyzer) {
  const hits: Array<{ start: number; group: number }> = [];
  const found = new Set<number>();
  for (let offset = 0; offset < Math.min(text.length, SCAN_CHARS);) {
    const next = text.slice(offset + CHUNK_CHARS).search(SENTENCE_END);
    const end = next < 0 ? text.length : offset + CHUNK_CHARS + next + 1;
    for (const t of analyzer.analyzeWithOffsets(text.slice(offset, end))) {
      const group = matcher(t.term, t.exact);
      if (group < 0) continue;
      hits.push({ start: offset + t.start, group });
      found.add(group);
    }
    if (found.size === groupCount) break;
    offset = end;
  }
  return hits;
}

// The first match of the window holding the most different query words (then the most matches).
function bestPassage(hits: Array<{ start: number; group: number }>): number {
  let best = { start: hits[0]!.start, groups: 0, count: 0 };
  for (let i = 0; i < hits.length; i++) {
    const inWindow = hits.slice(i).filter((h) => h.start - hits[i]!.start <= PASSAGE_CHARS);
    const groups = new Set(inWindow.map((h) => h.group)).size;
    if (groups > best.groups || (groups === best.groups && inWindow.length > best.count)) {
      best = { start: hits[i]!.start, groups, count: inWindow.length };
    }
  }
  return best.start;
}

// Back up to the sentence start when it is near, else start at the match itself (a word boundary).
function passageStart(text: string, matchStart: number): number {
  for (let i = matchStart - 1; i >= Math.max(0, matchStart - LEAD_IN_CHARS); i--) {
    if (SENTENCE_END.test(text[i]!)) return skipSpace(text, i + 1);
  }
  return matchStart <= LEAD_IN_CHARS ? 0 : matchStart;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

/** The snippet as plain text. */
export const snippetText = (parts: readonly SnippetPart[]) => parts.map((p) => p.text).join('');
