import type { Analyzer } from '../bangla/analyzer/analyzer.ts';
import { documentToPlainText, type Doc } from '../content/document/index.ts';
import type { IndexDocument } from './search-index.ts';
import type { SourceArticle } from './search-source.ts';
import { fieldTerms, joinFeatures, LEAD_TERMS } from './search-terms.ts';

/** True when readers may find this article (published, in a section, dated). */
export function isIndexable(a: SourceArticle): a is SourceArticle & { publishedAt: string; sectionId: number } {
  return a.status === 'published' && a.publishedAt !== null && a.sectionId !== null;
}

/** Plain text of a stored body; a body that does not parse is indexed as empty rather than failing the batch. */
export function bodyText(body: string): string {
  try {
    // Stored bodies were validated when they were written; validating again would double the cost.
    return documentToPlainText(JSON.parse(body) as Doc);
  } catch {
    return '';
  }
}

/** An article's text by index field, as the index is built from it. */
export interface ArticleText {
  /** Kicker, headline and subheadline. */
  head: string;
  summary: string;
  /** Tag names, one a line. */
  tags: string;
  /** Byline names (and places), one a line. */
  byline: string;
  /** The body as plain text. */
  body: string;
}

/** The analysed fields and ranking features of an article's text. */
export function analyseText(analyzer: Analyzer, text: ArticleText): Pick<IndexDocument, 'fields' | 'features'> {
  const head = fieldTerms(analyzer, text.head);
  const summary = fieldTerms(analyzer, text.summary);
  const tags = fieldTerms(analyzer, text.tags);
  const byline = fieldTerms(analyzer, text.byline);
  const body = fieldTerms(analyzer, text.body, LEAD_TERMS);
  return {
    fields: { head: head.index, summary: summary.index, tags: tags.index, byline: byline.index, body: body.index },
    features: joinFeatures({ head: head.features, tags: tags.features, summary: summary.features, byline: byline.features, lead: body.features }),
  };
}

/** The analysed index entry of a published article. */
export function indexDocument(analyzer: Analyzer, a: SourceArticle & { publishedAt: string }): IndexDocument {
  return {
    articleId: a.id,
    sectionId: a.sectionId,
    publishedAt: a.publishedAt,
    modifiedAt: a.modifiedAt,
    ...analyseText(analyzer, {
      head: `${a.kicker}\n${a.headline}\n${a.subheadline}`,
      summary: a.summary,
      tags: a.tags.join('\n'),
      byline: a.people.join('\n'),
      body: bodyText(a.body),
    }),
  };
}

/** The index entries of the indexable articles among these (the others have none). */
export function indexDocuments(analyzer: Analyzer, articles: readonly SourceArticle[]): IndexDocument[] {
  return articles.filter(isIndexable).map((a) => indexDocument(analyzer, a));
}
