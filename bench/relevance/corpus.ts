// The relevance corpus: the hand-written planted stories (the seed article among them) and as many
// generated stories as asked for, from a seeded PRNG, so a seed and a count always give the same
// articles, keys and ids. Generated stories are spread over six years, more in recent years as on
// a growing site; each is about one subject of its beat and names others in passing.
//
// Ids follow publication order, as a newsroom's do; the seed article keeps its real id 251042.
import { readFileSync } from 'node:fs';
import { seededRandom } from '../../src/lib/seeded-random.ts';
import { NAMED_BEATS, numbers, type Beat } from './filler-beats.ts';
import { NEUTRAL, TOPIC_BEATS, type TopicBeat } from './filler-topics.ts';
import { PASSING, PUTIN_KIM, type PassingGroup } from './filler-passing.ts';
import type { Subject } from './filler-subjects.ts';
import { PLANTED_BANGLADESH } from './planted-bangladesh.ts';
import { PLANTED_LIFE } from './planted-life.ts';
import { PLANTED_PLACES } from './planted-places.ts';
import { PLANTED_WORLD } from './planted-world.ts';
import type { CorpusArticle, PlantedStory, StoryByline } from './story.ts';

/** The instant the evaluation searches at: after every article. */
export const RELEVANCE_NOW = new Date('2026-11-27T06:00:00Z');
export const SEED_KEY = 'seed-putin-kim';
export const SEED_ID = 251042;

export interface CorpusOptions {
  /** Articles in all, planted ones included (at least the planted ones are always there). */
  articles: number;
  seed?: number;
  /** Generated stories newer than the seed article that name both Putin and Kim (topped up to this). */
  putinKimMentions?: number;
}

const START = Date.parse('2020-12-01T00:00:00Z');
const END = Date.parse('2026-11-26T17:00:00Z'); // the last generated day ends before RELEVANCE_NOW
const DHAKA_MS = 6 * 3_600_000;

/** Every planted story, the seed article first. */
export function plantedStories(): PlantedStory[] {
  return [seedStory(), ...PLANTED_WORLD, ...PLANTED_BANGLADESH, ...PLANTED_PLACES, ...PLANTED_LIFE];
}

/** The whole corpus in publication order, with ids. */
export function generateRelevanceCorpus(options: CorpusOptions): CorpusArticle[] {
  const planted = plantedStories().map(fromPlanted);
  const r = seededRandom(options.seed ?? 20230913);
  const filler = generateFiller(Math.max(0, options.articles - planted.length), r);
  topUpPutinKim(filler, options.putinKimMentions ?? 320, r);
  const all = [...planted, ...filler].sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt) || a.key.localeCompare(b.key));
  const base = SEED_ID - all.findIndex((a) => a.key === SEED_KEY);
  all.forEach((a, i) => (a.id = base + i));
  return all;
}

/** True when the text names both leaders (the count the seed test relies on). */
export function namesPutinAndKim(a: Pick<CorpusArticle, 'headline' | 'summary' | 'body'>): boolean {
  const text = `${a.headline} ${a.summary} ${a.body.join(' ')}`;
  return text.includes('পুতিন') && /কিম(?!া)/.test(text);
}

function seedStory(): PlantedStory {
  const line = readFileSync(new URL('../../test/fixtures/seed-article.jsonl', import.meta.url), 'utf8').split('\n')[0]!;
  const record = JSON.parse(line) as { section: string; headline: string; body: string; tags: string[]; published_at: string; byline: StoryByline };
  return {
    key: SEED_KEY,
    at: record.published_at.slice(0, 16),
    section: record.section,
    headline: record.headline,
    summary: '',
    body: record.body.split(/\n\s*\n/).map((p) => p.trim()),
    tags: record.tags,
    byline: record.byline,
  };
}

function fromPlanted(p: PlantedStory): CorpusArticle {
  return {
    key: p.key,
    id: 0,
    section: p.section,
    kicker: p.kicker ?? '',
    headline: p.headline,
    summary: p.summary,
    // A paper's length: the hand-written paragraphs, then neutral ones (the same for every run).
    body: p.key === SEED_KEY ? p.body : [...p.body, ...padding(seededRandom(hash(p.key)), 2 + (hash(p.key) % 3))],
    tags: p.tags,
    byline: p.byline ?? { desk: 'প্রকাশ ডেস্ক' },
    publishedAt: `${p.at}:00+06:00`,
    planted: true,
  };
}

function generateFiller(count: number, r: () => number): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  const beats: Array<Beat | TopicBeat> = [...NAMED_BEATS, ...TOPIC_BEATS];
  const pickBeat = weighted(beats.map((b) => b.weight));
  const zipfs = new Map(NAMED_BEATS.map((b) => [b, zipf(b.subjects.length)]));
  for (let i = 0; i < count; i++) {
    // Density grows linearly over the years (twice as many stories at the end as at the start).
    const t = -1 + Math.sqrt(1 + 3 * ((i + r()) / count));
    const at = dhakaTime(START + t * (END - START), r);
    const beat = beats[pickBeat(r())]!;
    const article = 'subjects' in beat ? namedStory(beat, zipfs.get(beat)!, at, r) : topicStory(beat, at, r);
    out.push({ ...article, key: `f-${String(i).padStart(5, '0')}`, id: 0, publishedAt: at, planted: false });
  }
  return out;
}

type Draft = Omit<CorpusArticle, 'key' | 'id' | 'publishedAt' | 'planted'>;

function namedStory(beat: Beat, pickSubject: (x: number) => number, at: string, r: () => number): Draft {
  const day = at.slice(0, 10);
  const live = (s: Subject) => (!s.from || day >= s.from) && (!s.to || day < s.to);
  let subject = beat.subjects[pickSubject(r())]!;
  while (!live(subject)) subject = beat.subjects[pickSubject(r())]!;
  let other = beat.subjects[Math.floor(r() * beat.subjects.length)]!;
  if (other === subject || !live(other)) other = beat.subjects.find((s) => s !== subject && live(s))!;
  const n = numbers(r);
  const pick = <X>(xs: readonly X[]): X => xs[Math.floor(r() * xs.length)]!;
  const sentences = shuffled(beat.sentences, r).map((f) => f(subject, other, n));
  const body = paragraphs([pick(beat.leads)(subject, other, n), ...sentences], r);
  insertPassing(body, beat.name, day, r);
  return {
    section: subject.section ?? pick(beat.sections),
    kicker: beat.kickers.length && r() < 0.12 ? pick(beat.kickers) : '',
    headline: pick(beat.headlines)(subject, other, n) + (beat.tails && r() < 0.5 ? pick(beat.tails) : ''),
    summary: pick(beat.summaries)(subject, other, n),
    body,
    tags: [...new Set([beat.tags[0]!, subject.tag])],
    byline: beat.byline(subject, pick),
  };
}

function topicStory(beat: TopicBeat, at: string, r: () => number): Draft {
  const sentences = shuffled(beat.sentences, r);
  const body = paragraphs(sentences.slice(1), r);
  insertPassing(body, beat.name, at.slice(0, 10), r);
  return {
    section: beat.section,
    kicker: '',
    headline: beat.headlines[Math.floor(r() * beat.headlines.length)]!(numbers(r)),
    summary: sentences[0]!,
    body,
    tags: [...beat.tags],
    byline: beat.byline,
  };
}

// The beat's sentences (lead first) in 3–6 paragraphs of one to three, with neutral ones mixed in.
function paragraphs(sentences: string[], r: () => number): string[] {
  const pool = [...sentences.slice(1), ...shuffled(NEUTRAL, r).slice(0, 8 + Math.floor(r() * 9))];
  const body = [`${sentences[0]!} ${pool.shift() ?? ''}`.trim()];
  while (pool.length) body.push(pool.splice(0, 1 + Math.floor(r() * 3)).join(' '));
  return body;
}

function eligible(group: PassingGroup, beat: string, day: string): boolean {
  return group.beats.includes(beat) && day >= group.after && (!group.until || day < group.until);
}

function insertPassing(body: string[], beat: string, day: string, r: () => number): void {
  const groups = PASSING.filter((g) => eligible(g, beat, day));
  if (!groups.length) return;
  const pickGroup = weighted(groups.map((g) => g.weight));
  for (const chance of [0.35, 0.1]) {
    if (r() >= chance) break;
    const group = groups[pickGroup(r())]!;
    const at = 1 + Math.floor(r() * body.length);
    body.splice(at, 0, group.sentences[Math.floor(r() * group.sentences.length)]!);
  }
}

// Newer stories on world and home beats get a Putin–Kim sentence until `target` of them name both.
function topUpPutinKim(filler: CorpusArticle[], target: number, r: () => number): void {
  const seedTime = Date.parse(seedStory().at + ':00+06:00');
  const newer = filler.filter((a) => Date.parse(a.publishedAt) > seedTime);
  let have = newer.filter(namesPutinAndKim).length;
  const group = PASSING.find((g) => g.name === PUTIN_KIM)!;
  const sections = /^(world|politics|national|economy)/;
  for (const a of shuffled(newer, r)) {
    if (have >= target) return;
    if (!sections.test(a.section) || namesPutinAndKim(a)) continue;
    a.body.splice(1 + Math.floor(r() * a.body.length), 0, group.sentences[Math.floor(r() * group.sentences.length)]!);
    have++;
  }
}

function padding(r: () => number, n: number): string[] {
  const pool = shuffled(NEUTRAL, r);
  return Array.from({ length: n }, (_, i) => `${pool[2 * i]!} ${pool[2 * i + 1]!}`);
}

function dhakaTime(ms: number, r: () => number): string {
  const day = new Date(Math.floor((ms + DHAKA_MS) / 86_400_000) * 86_400_000);
  const minutes = 7 * 60 + Math.floor(r() * 16 * 60);
  const local = new Date(day.getTime() + minutes * 60_000).toISOString();
  return `${local.slice(0, 16)}:00+06:00`;
}

function shuffled<X>(xs: readonly X[], r: () => number): X[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// An index drawn with probability ∝ weight.
function weighted(weights: readonly number[]): (x: number) => number {
  const total = weights.reduce((a, b) => a + b, 0);
  return (x) => {
    let acc = 0;
    for (let i = 0; i < weights.length; i++) if ((acc += weights[i]! / total) > x) return i;
    return weights.length - 1;
  };
}

// An index in [0, n) with probability ∝ 1/(rank+1).
function zipf(n: number): (x: number) => number {
  return weighted(Array.from({ length: n }, (_, i) => 1 / (i + 1)));
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
