/**
 * The demo articles (`prokash seed`): the seed article (the portal's own, of the fixture page's
 * shape), the twenty newest (the home page's সর্বশেষ list), and about fifty more spread over the
 * last ten days, every section covered.
 * Times are relative (`ageMinutes` before seeding) except the seed article's fixed `published_at`.
 */
import type { DemoArticle } from './demo-article-type.ts';
import { seedArticle } from './demo-articles-seed.ts';
import { latestArticles } from './demo-articles-latest.ts';
import { articlesNews } from './demo-articles-1.ts';
import { articlesFeatures } from './demo-articles-2.ts';

export type { DemoArticle, DemoByline } from './demo-article-type.ts';
export { seedArticleId } from './demo-articles-seed.ts';

/** All demo articles, ordered by id. */
export const demoArticles: ReadonlyArray<DemoArticle> = [seedArticle, ...latestArticles, ...articlesNews, ...articlesFeatures].sort((a, b) => a.id - b.id);
