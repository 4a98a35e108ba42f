// What suggestions compare: a name or headline and the typed text reduced to the same words.
// Each word in two forms, so a typed word meets its inflected and variant spellings:
// - surface: normalised (analyzer/normalize: ী/ি, nukta forms, ZWJ…, Bengali digits), stop words
//   kept (ও is the start of ওবামা);
// - stem: the analyzer's term (stop words dropped, case endings cut: পুতিনের → পুতিন).
// A Latin text is also read as Avro-typed Bengali (`putin` → পুতিন).
import type { Analyzer } from '../bangla/analyzer/analyzer.ts';
import { normalizeForSearch } from '../bangla/analyzer/normalize.ts';
import { avroCandidates } from '../bangla/avro/avro-candidates.ts';
import type { Keyed, WordIndex } from './word-index.ts';

// A word: letters, marks, digits; the invisible joiners stay inside words until normalisation drops them.
const NOT_WORD = /[^\p{L}\p{M}\p{Nd}\u200B-\u200D]+/u;
const TRAILING_NOT_WORD = /[^\p{L}\p{M}\p{Nd}\u200B-\u200D]+$/u;
const LAST_WORD = /[\p{L}\p{M}\p{Nd}\u200B-\u200D]+$/u;
const LATIN = /[A-Za-z]/;

/** A stored text's keys and words (a name's, a headline's). */
export function itemKeys(text: string, analyzer: Analyzer): Keyed {
  const surface = surfaceWords(text);
  const stems = analyzer.analyze(text);
  return { keys: unique([surface.join(' '), stems.join(' ')]), words: new Set([...surface, ...stems]) };
}

/** The normalised words of a text. */
export function surfaceWords(text: string): string[] {
  return normalizeForSearch(text).split(NOT_WORD).filter(Boolean);
}

/** One way of reading what was typed. */
export interface TypedReading {
  /** The finished words, each as its forms (surface, stem): an item must hold one form of each. */
  complete: string[][];
  /** The word being typed, as its forms: an item must have a word starting with one of them. */
  last: string[];
  /** The whole text as keys: an item whose key starts with one is a whole-prefix match. */
  keys: string[];
}

/** What was typed, read every way it may be meant. */
export interface TypedText {
  readings: TypedReading[];
  /** True when a Latin text was also read as Avro-typed Bengali. */
  transliterated: boolean;
}

/** Reads typed text (trimmed, bounded in length): undefined when it holds no word. */
export function readTyped(text: string, analyzer: Analyzer): TypedText | undefined {
  const avro = LATIN.test(text) ? avroCandidates(text) : [];
  const readings = [text, ...avro].flatMap((r) => readOne(r, analyzer) ?? []);
  return readings.length ? { readings, transliterated: readings.length > 1 } : undefined;
}

// A finished word the analyzer drops (a stop word) does not have to be in the item.
function readOne(reading: string, analyzer: Analyzer): TypedReading | undefined {
  const text = reading.replace(TRAILING_NOT_WORD, '');
  const lastRaw = LAST_WORD.exec(text)?.[0];
  const last = lastRaw && surfaceWords(lastRaw)[0];
  if (!lastRaw || !last) return undefined;
  const before = text.slice(0, text.length - lastRaw.length);
  const complete = surfaceWords(before).flatMap((word) => {
    const stems = analyzer.analyze(word);
    return stems.length ? [unique([word, ...stems])] : [];
  });
  const lastStems = analyzer.analyze(lastRaw);
  const lastStem = lastStems.length === 1 ? lastStems[0] : undefined;
  const stemmed = analyzer.analyze(before);
  const keys = [[...surfaceWords(before), last].join(' '), [...stemmed, last].join(' '), lastStem ? [...stemmed, lastStem].join(' ') : ''];
  return { complete, last: unique([last, lastStem ?? '']), keys: unique(keys) };
}

/**
 * Calls `visit` once for each item that matches a reading: a word of it starts with the word being
 * typed and it holds every finished word; `whole` when its name or headline starts with the text.
 */
export function matchTyped<T extends Keyed>(index: WordIndex<T>, typed: TypedText, visit: (item: T, whole: boolean) => void): void {
  // Each item's best so far: false a match, true a whole-prefix match (nothing beats it).
  const found = new Map<T, boolean>();
  for (const reading of typed.readings) {
    for (const form of reading.last) {
      index.eachWithPrefix(form, (item) => {
        if (found.get(item) === true || !reading.complete.every((forms) => forms.some((f) => item.words.has(f)))) return;
        found.set(
          item,
          item.keys.some((key) => reading.keys.some((k) => key.startsWith(k))),
        );
      });
    }
  }
  for (const [item, whole] of found) visit(item, whole);
}

/**
 * The `limit` best matches that `accept` lets through: whole-prefix matches first, then by
 * `compare`. Kept as a short sorted list while matching: a single letter matches thousands.
 */
export function bestMatches<T extends Keyed>(
  index: WordIndex<T>,
  typed: TypedText,
  limit: number,
  accept: (item: T) => boolean,
  compare: (a: T, b: T) => number,
): T[] {
  const best: Array<{ item: T; whole: boolean }> = [];
  const order = (a: { item: T; whole: boolean }, b: { item: T; whole: boolean }) => Number(b.whole) - Number(a.whole) || compare(a.item, b.item);
  matchTyped(index, typed, (item, whole) => {
    const entry = { item, whole };
    if (!accept(item) || (best.length === limit && order(entry, best[limit - 1]!) >= 0)) return;
    let at = best.length;
    while (at > 0 && order(entry, best[at - 1]!) < 0) at--;
    best.splice(at, 0, entry);
    if (best.length > limit) best.pop();
  });
  return best.map((b) => b.item);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
