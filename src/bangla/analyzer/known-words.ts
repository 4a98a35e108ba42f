// The set of known stems the stemmer may cut one-letter suffixes to: Tesseract-derived news
// words, Bangladesh's places, frequent names, country names from ICU, and the site's own words.
import { NEWS_WORDS } from './news-words.ts';
import { BANGLADESH_PLACES } from './bangladesh-places.ts';
import { NEWS_NAMES } from './news-names.ts';
import { CYCLONES, WORLD_PLACES } from './world-places.ts';
import { tokenize } from './tokenize.ts';
import { stem } from './stem.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

let builtIn: ReadonlySet<string> | undefined;

/** Country and territory names in Bengali from ICU (about 280), every ISO 3166 code tried. */
function regionNames(): string[] {
  const names = new Intl.DisplayNames(['bn'], { type: 'region', fallback: 'none' });
  const out: string[] = [];
  for (const first of ALPHABET) {
    for (const second of ALPHABET) {
      const name = names.of(first + second);
      if (name !== undefined) out.push(name);
    }
  }
  return out;
}

let names: readonly string[] | undefined;

/** The built-in names as written: people and institutions, places at home and abroad, cyclones, countries. */
export function builtInNames(): readonly string[] {
  names ??= [...NEWS_NAMES, ...BANGLADESH_PLACES, ...WORLD_PLACES, ...CYCLONES, ...regionNames()];
  return names;
}

/** Adds every word of each text, normalised, so "দক্ষিণ আফ্রিকা" adds both words. */
function addWords(set: Set<string>, texts: Iterable<string>): void {
  for (const text of texts) {
    for (const { token } of tokenize(text)) set.add(token);
  }
}

// A site tag such as "বাংলাদেশের রাজনীতি" contributes its words; a word that is plainly an
// inflection of a built-in stem (বাংলাদেশের) must not become a stem itself, or it would stop
// meeting its base.
function dropInflections(own: Set<string>, base: ReadonlySet<string>): void {
  const isBase = (word: string): boolean => base.has(word);
  for (const word of own) {
    if (base.has(word)) continue;
    const reduced = stem(word, isBase);
    if (reduced !== word && base.has(reduced)) own.delete(word);
  }
}

// Built on first use and shared: it is the same for every analyzer in the process.
function builtInWords(): ReadonlySet<string> {
  if (builtIn === undefined) {
    const set = new Set<string>();
    addWords(set, [NEWS_WORDS]);
    addWords(set, builtInNames());
    builtIn = set;
  }
  return builtIn;
}

/** Returns a known-stem test: the built-in words plus `extra` (tags, people, places, sections). */
export function createKnownWords(extra: Iterable<string> = []): (stem: string) => boolean {
  const base = builtInWords();
  const own = new Set<string>();
  addWords(own, extra);
  dropInflections(own, base);
  if (own.size === 0) return (stem) => base.has(stem);
  return (stem) => base.has(stem) || own.has(stem);
}

let common: ReadonlySet<string> | undefined;

/**
 * True for a word of the general news vocabulary (news-words.ts) that is not also a name or a
 * place: a word many stories share (বৈঠক, জয়, সংঘর্ষ), which says less about which story a reader
 * means than a name does (কিম, তিস্তা).
 */
export function isCommonWord(word: string): boolean {
  if (common === undefined) {
    const words = new Set<string>();
    addWords(words, [NEWS_WORDS]);
    const names = new Set<string>();
    addWords(names, builtInNames());
    for (const name of names) words.delete(name);
    common = words;
  }
  return common.has(word);
}
