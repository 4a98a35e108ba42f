import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../bangla/analyzer/analyzer.ts';
import { createKnownWords } from '../bangla/analyzer/known-words.ts';
import { analyseText, type ArticleText } from './article-terms.ts';
import { parseQuery } from './parse-query.ts';
import { HEADLINE_POINTS, rankHits, RECENCY_POINTS, relevanceScorer, TOP_POINTS } from './rank-hits.ts';

const deps = { analyzer: createAnalyzer(), isKnown: createKnownWords() };
const now = new Date('2026-11-27T06:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const features = (text: Partial<ArticleText>) => analyseText(deps.analyzer, { head: '', summary: '', tags: '', byline: '', body: '', ...text }).features;
const hit = (articleId: number, publishedAt: string, text: Partial<ArticleText>) => ({ articleId, publishedAt, features: features(text) });
const rank = (q: string, hits: ReturnType<typeof hit>[]) => rankHits(hits, parseQuery(q, deps).groups, now).map((h) => h.articleId);
const points = (q: string, text: Partial<ArticleText>) => relevanceScorer(parseQuery(q, deps).groups)(features(text));

const SEED = {
  head: 'মহাকাশ কেন্দ্রে পুতিনের সঙ্গে কিমের বৈঠক',
  body: 'সফরের দ্বিতীয় দিনে আমুর অঞ্চলের ভস্তোচনিতে রুশ নেতা পুতিনের সঙ্গে বৈঠক করেন তিনি।',
};

test('equal relevance: the newer article ranks first', () => {
  const ranked = rank('বন্যা', [hit(1, daysAgo(100), { body: 'বন্যা পরিস্থিতি' }), hit(2, daysAgo(1), { body: 'বন্যা পরিস্থিতি' })]);
  assert.deepEqual(ranked, [2, 1]);
});

test('an article whose headline holds every word comes first, however old', () => {
  const ranked = rank('পুতিন কিম', [
    hit(1, '2023-09-13T10:57:00Z', SEED),
    hit(2, daysAgo(1), { head: 'ইউক্রেনে নতুন হামলা', body: 'পুতিন বলেছেন… কিম জং উনও সেখানে ছিলেন।' }),
    hit(3, daysAgo(0), { head: 'পুতিনের ভাষণ', body: 'উত্তর কোরিয়ার কিম' }),
  ]);
  assert.deepEqual(ranked, [1, 3, 2], 'both names in the headline; one name in the headline; names in the body');
});

test('the words next to each other in the reader’s order count, in the headline most', () => {
  const apart = points('কিম পুতিন', { head: 'কিম ও সফররত রুশ নেতা পুতিন' });
  const together = points('কিম পুতিন', { head: 'কিম পুতিন বৈঠক' });
  const reversed = points('কিম পুতিন', { head: 'পুতিন কিম বৈঠক' });
  assert.ok(together > apart && together > reversed, `${together} > ${apart}, ${reversed}`);
  assert.equal(reversed, apart, 'order matters, as typed');
});

test('a word at the top of the story (lead, summary, tags) counts more than one only in the body', () => {
  // A headline without বৈঠক, so that only the body can hold it.
  const head = 'মহাকাশ কেন্দ্রে পুতিন ও কিম';
  const lead = points('কিম পুতিন বৈঠক', { head, body: SEED.body });
  const body = points('কিম পুতিন বৈঠক', { head, body: `${'অন্য কথা। '.repeat(60)} বৈঠক হয়েছে।` });
  assert.equal(lead - body, TOP_POINTS + 1, 'the lead holds বৈঠক, right after পুতিনের (সঙ্গে is a stop word)');
});

test('an exact form scores above a stemmed one', () => {
  assert.ok(points('পুতিনকে', { head: 'পুতিনকে আশ্বাস' }) > points('পুতিনকে', { head: 'পুতিনের ভাষণ' }));
});

test('recency adds at most one point, halved at 30 days', () => {
  const [fresh] = rankHits([hit(1, daysAgo(0), { head: 'বন্যা' })], parseQuery('বন্যা', deps).groups, now);
  assert.equal(fresh!.relevance, HEADLINE_POINTS + TOP_POINTS);
  assert.equal(fresh!.score, fresh!.relevance + RECENCY_POINTS);
  const [month] = rankHits([hit(1, daysAgo(30), { head: 'বন্যা' })], parseQuery('বন্যা', deps).groups, now);
  assert.equal(month!.score - month!.relevance, RECENCY_POINTS / 2);
});

test('ties fall to the newer, then the higher id: one order whatever the engine', () => {
  const same = daysAgo(3);
  assert.deepEqual(rank('বন্যা', [hit(4, same, { body: 'বন্যা' }), hit(9, same, { body: 'বন্যা' }), hit(7, same, { body: 'বন্যা' })]), [9, 7, 4]);
});
