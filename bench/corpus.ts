// A deterministic corpus of Bengali news articles for benchmarks, built only from local material:
// the demo articles' sentences, headlines and tags, the analyzer's names and places, and ICU's
// Bengali country names. Entities (people, places, countries) are drawn by a Zipf law and
// inflected (-এর, -কে, -য়, -তে, -র …), so a few names are in many articles and most in few, as on
// a real site. Bodies are 16–36 sentences (about 210–480 words, mean ≈ 350).
import { demoArticles } from '../src/demo/demo-articles.ts';
import { NEWS_NAMES } from '../src/bangla/analyzer/news-names.ts';
import { BANGLADESH_PLACES } from '../src/bangla/analyzer/bangladesh-places.ts';
import { seededRandom } from '../src/lib/seeded-random.ts';

export interface CorpusArticle {
  id: number;
  sectionIndex: number;
  kicker: string;
  headline: string;
  summary: string;
  /** Paragraphs. */
  body: string[];
  tags: string[];
  publishedAt: string;
}

// Index in [0, n) with probability ∝ 1/(rank+1)^s, by inverting a precomputed CDF.
function zipf(n: number, s = 1.05): (r: number) => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1) ** s;
  return (r) => {
    const x = r * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const SUFFIXES = ['', '', '', 'এর', 'কে', 'র', 'য়', 'তে', 'ের', 'ে'];
const VOWEL_END = /[\u09BE-\u09CC\u0985-\u0994]$/;

function inflect(word: string, r: number): string {
  const suffix = SUFFIXES[Math.floor(r * SUFFIXES.length)]!;
  if (!suffix) return word;
  const vowel = VOWEL_END.test(word);
  if (suffix === 'এর' || suffix === 'ের') return word + (vowel ? 'র' : 'ের');
  if (suffix === 'র' || suffix === 'য়') return word + (vowel ? suffix : 'ে');
  return word + suffix;
}

function regionNames(): string[] {
  const names = new Intl.DisplayNames(['bn'], { type: 'region', fallback: 'none' });
  const out: string[] = [];
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of A)
    for (const b of A) {
      const name = names.of(a + b);
      if (name && !name.includes(' ')) out.push(name);
    }
  return out;
}

const SENTENCE = /[^।?!]+[।?!]/g;

/** The generator's material, gathered once. */
function material() {
  const sentences = new Set<string>();
  for (const a of demoArticles) {
    for (const m of `${a.summary} ${a.body}`.replace(/\s+/g, ' ').matchAll(SENTENCE)) {
      const s = m[0].trim();
      if (s.length > 20) sentences.add(s);
    }
  }
  const places = BANGLADESH_PLACES.flatMap((p) => p.split(/\s+/)).filter((w) => w.length > 2);
  const entities = [...new Set([...NEWS_NAMES, ...places, ...regionNames()])];
  // Shuffle deterministically so the Zipf ranks do not follow the lists' order.
  const r = seededRandom(7);
  entities.sort(() => r() - 0.5);
  const sentenceList = [...sentences].sort(() => r() - 0.5);
  return {
    sentences: sentenceList,
    headlines: demoArticles.map((a) => a.headline),
    kickers: demoArticles.map((a) => a.kicker).filter(Boolean),
    tags: [...new Set(demoArticles.flatMap((a) => a.tags))],
    entities,
  };
}

const TEMPLATES = [
  (e: string, f: string) => `${e} ${f}`,
  (e: string, f: string) => `এ বিষয়ে ${e} জানিয়েছে, ${f}`,
  (e: string, f: string) => `${f.replace(/[।?!]$/, '')}, বলেছেন ${e}।`,
];

/** Yields `count` articles with ids from `firstId`, published over `years` years up to `end`. */
export function* generateCorpus(
  count: number,
  options: { firstId?: number; end?: Date; years?: number; sections: number; seed?: number },
): Generator<CorpusArticle> {
  const m = material();
  const r = seededRandom(options.seed ?? 42);
  const pickSentence = zipf(m.sentences.length, 0.6);
  const pickEntity = zipf(m.entities.length, 1.0);
  const endMs = (options.end ?? new Date('2026-11-27T06:00:00Z')).getTime();
  const spanMs = (options.years ?? 5) * 365 * 86_400_000;
  for (let i = 0; i < count; i++) {
    const entities = [0, 1, 2].map(() => m.entities[pickEntity(r())]!);
    const sentence = () => m.sentences[pickSentence(r())]!;
    const withEntity = () => TEMPLATES[Math.floor(r() * TEMPLATES.length)]!(inflect(entities[Math.floor(r() * 3)]!, r()), sentence());
    const paragraphs: string[] = [];
    const total = 16 + Math.floor(r() * 21);
    for (let n = 0; n < total;) {
      const size = Math.min(total - n, 2 + Math.floor(r() * 3));
      paragraphs.push(Array.from({ length: size }, () => (r() < 0.35 ? withEntity() : sentence())).join(' '));
      n += size;
    }
    const year = 2000 + Math.floor(r() * 27);
    if (r() < 0.3) paragraphs.push(`${toBn(year)} সালের পর থেকে বিষয়টি নিয়ে আলোচনা চলছে।`);
    const headline = `${inflect(entities[0]!, r())} ${m.headlines[Math.floor(r() * m.headlines.length)]!.split(' ').slice(1).join(' ')}`;
    yield {
      id: (options.firstId ?? 1) + i,
      sectionIndex: Math.floor(r() * options.sections),
      kicker: r() < 0.2 ? m.kickers[Math.floor(r() * m.kickers.length)]! : '',
      headline,
      summary: withEntity(),
      body: paragraphs,
      tags: [m.tags[Math.floor(r() * m.tags.length)]!, entities[0]!],
      // Evenly spread, newest last, with jitter inside a step.
      publishedAt: new Date(endMs - spanMs + Math.floor(((i + r()) / count) * spanMs)).toISOString(),
    };
  }
}

const toBn = (n: number) => String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0x09e6 + Number(d)));
