import type { ArticleTable } from '../../db/schema.ts';
import { parseDocument, type Doc } from '../document/index.ts';
import type { ArticleContent } from './article-content.ts';
import type { ImageView } from '../media/image-view.ts';

/** An article as the newsroom API shows it (docs/admin-api.md). */
export interface NewsroomArticle extends ArticleContent {
  id: number;
  status: ArticleTable['status'];
  ownerId: number | null;
  revision: number;
  createdAt: string;
  modifiedAt: string;
  publishedAt: string | null;
  updatedAt: string | null;
  scheduledAt: string | null;
  corrections: Array<{ id: number; text: string; createdAt: string }>;
  url: string | null;
  /** The lead image (its own caption and credit; the article's overrides are in imageCaption/imageCredit). */
  image: ImageView | null;
}

/** Builds the content part from a stored row plus its people and tags (and its body, when already parsed). */
export function contentFromRow(row: ArticleTable, personIds: number[], tags: string[], body: Doc = parseDocument(JSON.parse(row.body))): ArticleContent {
  return {
    sectionId: row.section_id,
    kicker: row.kicker,
    headline: row.headline,
    subheadline: row.subheadline,
    summary: row.summary,
    body,
    byline: { kind: row.byline_kind, personIds },
    districtId: row.district_id,
    edition: row.edition,
    printPage: row.print_page,
    breaking: row.breaking === 1,
    imageId: row.image_id,
    imageCaption: row.image_caption,
    imageCredit: row.image_credit,
    imageAlt: row.image_alt,
    tags,
  };
}
