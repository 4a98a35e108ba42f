import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankHits } from './rank-hits.ts';

const now = new Date('2026-11-27T06:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

test('equal relevance: the newer article ranks first', () => {
  const ranked = rankHits(
    [
      { articleId: 1, publishedAt: daysAgo(100), relevance: 5 },
      { articleId: 2, publishedAt: daysAgo(1), relevance: 5 },
    ],
    now,
  );
  assert.deepEqual(
    ranked.map((h) => h.articleId),
    [2, 1],
  );
});

test('much higher relevance beats recency; scales differ per engine but not the order', () => {
  const hits = [
    { articleId: 1, publishedAt: daysAgo(400), relevance: 9 },
    { articleId: 2, publishedAt: daysAgo(0), relevance: 2 },
  ];
  assert.deepEqual(
    rankHits(hits, now).map((h) => h.articleId),
    [1, 2],
  );
  assert.deepEqual(
    rankHits(
      hits.map((h) => ({ ...h, relevance: h.relevance / 100 })),
      now,
    ).map((h) => h.articleId),
    [1, 2],
  );
});

test('a boost of at most ×2 for a brand-new article', () => {
  const [hit] = rankHits([{ articleId: 1, publishedAt: daysAgo(0), relevance: 3 }], now);
  assert.equal(hit!.score, 2);
});

test('an article whose headline holds every word comes first, however old', () => {
  const now = new Date('2026-11-27T06:00:00Z');
  const hits = [
    { articleId: 1, publishedAt: '2023-09-13T10:57:00Z', relevance: 2 },
    { articleId: 2, publishedAt: '2026-11-26T06:00:00Z', relevance: 9 },
    { articleId: 3, publishedAt: '2026-11-27T05:00:00Z', relevance: 9 },
  ];
  assert.deepEqual(
    rankHits(hits, now).map((h) => h.articleId),
    [3, 2, 1],
  );
  assert.deepEqual(
    rankHits(hits, now, new Set([1])).map((h) => h.articleId),
    [1, 3, 2],
  );
});
