// The editable part of an article (ArticleInput in docs/admin-api.md).
import type { Article, ArticleInput } from '../api-types.ts';
import { emptyArticleContent } from '../../../content/articles/article-content.ts';

/** A new article: everything empty, the desk byline, online edition. */
export function emptyArticleInput(): ArticleInput {
  return emptyArticleContent();
}

/** The ArticleInput fields of a stored article, and nothing else (the server refuses extra keys). */
export function articleInputOf(article: Article): ArticleInput {
  const empty = emptyArticleInput();
  const input = {} as Record<keyof ArticleInput, unknown>;
  for (const key of Object.keys(empty) as Array<keyof ArticleInput>) input[key] = article[key] ?? empty[key];
  return input as ArticleInput;
}

/** Whether two inputs differ (the body compared as JSON). */
export function inputsDiffer(a: ArticleInput, b: ArticleInput): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

/** An override field: empty text means "use the image's own", sent as null. */
export function overrideValue(text: string): string | null {
  return text.trim() === '' ? null : text;
}
