// Turns Bengali in SutonnyMJ's visual order into Unicode's logical order, one consonant
// cluster at a time: [pre-base sign] cluster [post-base signs, ঁ, reph, late phala].

import { REPH_MARK } from './bijoy-glyphs.ts';

const HASANTA = '্';
const NUKTA = '়';
const ZWJ = '\u200D';
const CANDRABINDU = 'ঁ';
const PRE_BASE = new Set(['ি', 'ে', 'ৈ']);
const POST_BASE = new Set(['া', 'ী', 'ু', 'ূ', 'ৃ', 'ৗ']);

// ক–হ plus ড় ঢ় য়; ৎ is left out because it never carries a vowel sign or a phala.
function isConsonant(char: string | undefined): boolean {
  return char !== undefined && /[\u0995-\u09B9\u09DC\u09DD\u09DF]/.test(char);
}

// Length of a phala starting at `at` (্ + consonant, or ZWJ ্ consonant after র), or 0.
function phalaLength(chars: readonly string[], at: number): number {
  const zwj = chars[at] === ZWJ ? 1 : 0;
  if (chars[at + zwj] !== HASANTA || !isConsonant(chars[at + zwj + 1])) return 0;
  return zwj + 2 + (chars[at + zwj + 2] === NUKTA ? 1 : 0);
}

// A consonant with its nukta and every joined consonant: স্ত্র, ক্ষ্ম, র‍্য.
function clusterEnd(chars: readonly string[], start: number): number {
  let end = start + 1;
  if (chars[end] === NUKTA) end++;
  for (let step = phalaLength(chars, end); step > 0; step = phalaLength(chars, end)) end += step;
  return end;
}

interface Marks {
  vowels: string[];
  candrabindu: string;
  reph: boolean;
  latePhala: string;
  end: number;
}

// What the font puts after a cluster but Unicode wants elsewhere. Bijoy writers often type a
// phala after ু (g„Zz¨ for মৃত্যু), so a phala here belongs to the cluster.
function readMarks(chars: readonly string[], start: number): Marks {
  const marks: Marks = { vowels: [], candrabindu: '', reph: false, latePhala: '', end: start };
  for (let at = start; at < chars.length;) {
    const char = chars[at] as string;
    const phala = phalaLength(chars, at);
    if (POST_BASE.has(char)) marks.vowels.push(char);
    else if (char === CANDRABINDU) marks.candrabindu += char;
    else if (char === REPH_MARK) marks.reph = true;
    else if (phala > 0) marks.latePhala += chars.slice(at, at + phala).join('');
    else break;
    at += phala > 0 ? phala : 1;
    marks.end = at;
  }
  return marks;
}

// ে before the cluster and া or ৗ after it are the two halves of ো and ৌ.
function joinVowels(pre: string, vowels: readonly string[]): string {
  const [first = '', ...rest] = vowels;
  if (pre === 'ে' && first === 'া') return 'ো' + rest.join('');
  if (pre === 'ে' && first === 'ৗ') return 'ৌ' + rest.join('');
  return pre + vowels.join('');
}

/** Reorders visual-order Bengali (pre-base signs first, reph mark last) into Unicode order. */
export function reorderClusters(visual: string): string {
  const chars = Array.from(visual);
  let out = '';
  for (let at = 0; at < chars.length;) {
    const pre = PRE_BASE.has(chars[at] as string) && isConsonant(chars[at + 1]) ? (chars[at] as string) : '';
    const start = at + (pre ? 1 : 0);
    if (!isConsonant(chars[start])) {
      out += chars[at]!;
      at++;
      continue;
    }
    const end = clusterEnd(chars, start);
    const marks = readMarks(chars, end);
    const cluster = chars.slice(start, end).join('') + marks.latePhala;
    out += (marks.reph ? 'র্' : '') + cluster + joinVowels(pre, marks.vowels) + marks.candrabindu;
    at = marks.end;
  }
  return out;
}
