import type { IndexHit } from './search-index.ts';

/** How much a brand-new article's score is raised over an old one with the same relevance (×2). */
export const RECENCY_WEIGHT = 1;
/** Age at which the recency boost has halved (days). */
export const RECENCY_HALF_LIFE_DAYS = 30;
const DAY_MS = 86_400_000;

/** A hit with its final score. */
export interface RankedHit extends IndexHit {
  score: number;
}

/**
 * Relevance with a recency boost: the engine's relevance, scaled to 0–1 within the query (the two
 * engines score on different scales), times 1 + RECENCY_WEIGHT × ½^(age / half-life). Articles whose
 * headline holds every query word (`inHeadline`) come first whatever their age: a reader who types
 * the story's names means the story about them, not the newest article that mentions them.
 */
export function rankHits(hits: readonly IndexHit[], now: Date, inHeadline: ReadonlySet<number> = new Set()): RankedHit[] {
  const best = Math.max(0, ...hits.map((h) => h.relevance));
  return hits
    .map((h) => {
      const relevance = best > 0 ? Math.max(h.relevance, 0) / best : 1;
      const ageDays = Math.max(0, now.getTime() - Date.parse(h.publishedAt)) / DAY_MS;
      const boost = 1 + RECENCY_WEIGHT * 0.5 ** (ageDays / RECENCY_HALF_LIFE_DAYS);
      return { ...h, score: relevance * boost };
    })
    .sort(
      (a, b) =>
        Number(inHeadline.has(b.articleId)) - Number(inHeadline.has(a.articleId)) ||
        b.score - a.score ||
        b.publishedAt.localeCompare(a.publishedAt) ||
        b.articleId - a.articleId,
    );
}
