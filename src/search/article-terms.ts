import type { Analyzer } from '../bangla/analyzer/analyzer.ts';
import { documentToPlainText, type Doc } from '../content/document/index.ts';
import type { IndexDocument } from './search-index.ts';
import type { SourceArticle } from './search-source.ts';

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

/** The analysed index entry of a published article. */
export function indexDocument(analyzer: Analyzer, a: SourceArticle & { publishedAt: string }): IndexDocument {
  return {
    articleId: a.id,
    sectionId: a.sectionId,
    publishedAt: a.publishedAt,
    modifiedAt: a.modifiedAt,
    fields: {
      head: analyzer.analyze(`${a.kicker}\n${a.headline}\n${a.subheadline}`).join(' '),
      summary: analyzer.analyze(a.summary).join(' '),
      tags: analyzer.analyze(a.tags.join('\n')).join(' '),
      byline: analyzer.analyze(a.people.join('\n')).join(' '),
      body: analyzer.analyze(bodyText(a.body)).join(' '),
    },
  };
}

/** The index entries of the indexable articles among these (the others have none). */
export function indexDocuments(analyzer: Analyzer, articles: readonly SourceArticle[]): IndexDocument[] {
  return articles.filter(isIndexable).map((a) => indexDocument(analyzer, a));
}
