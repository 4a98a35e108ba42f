// Spelling alternatives for a Latin search query. Readers type lower case and rarely know
// Avro's capitals (D ড, T ট, N ণ, Sh ষ …) or its rr for a reph, so besides the plain
// conversion we try the query with one such change at a time.

import { avroToBangla } from './avro-to-bangla.ts';

const MAX_CANDIDATES = 8;

// Most likely first: retroflex and aspirated consonants, then reph and ক্ষ, then long vowels.
const SUBSTITUTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/dh/g, 'Dh'],
  [/th/g, 'Th'],
  [/d(?!h)/g, 'D'],
  [/t(?!h)/g, 'T'],
  [/(?<=[aeiou])r(?=[bcdfghjklmnpqstvz])/g, 'rr'], // sorkar means সরকার, dhormo means ধর্ম
  [/sh/g, 'Sh'],
  [/ksh/g, 'kkh'],
  [/n(?!g)/g, 'N'],
  [/s(?!h)/g, 'S'],
  [/i/g, 'I'],
  [/u/g, 'U'],
  [/(?<=[^aeiou\s])o/g, 'O'],
];

// Every spelling with exactly one occurrence of `pattern` replaced, left to right.
function singleChanges(word: string, pattern: RegExp, replacement: string): string[] {
  return [...word.matchAll(pattern)].map((match) => word.slice(0, match.index) + replacement + word.slice(match.index + match[0].length));
}

/** Bangla readings of a Latin query: the Avro conversion first, then up to 7 likely variants, no duplicates. */
export function avroCandidates(word: string): string[] {
  const candidates = new Set<string>();
  const add = (spelling: string): void => {
    const bangla = avroToBangla(spelling);
    if (bangla.trim() !== '' && candidates.size < MAX_CANDIDATES) candidates.add(bangla);
  };
  add(word);
  for (const [pattern, replacement] of SUBSTITUTIONS) {
    for (const spelling of singleChanges(word, pattern, replacement)) add(spelling);
  }
  return [...candidates];
}
