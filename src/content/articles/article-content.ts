import type { BylineKind, Edition } from '../../db/schema.ts';
import type { Doc } from '../document/index.ts';

/**
 * The editable content of an article, as the newsroom edits it and as revisions keep it.
 * Workflow state (status, times, owner) is not part of it: restoring a revision restores words.
 */
export interface ArticleContent {
  sectionId: number | null;
  kicker: string;
  headline: string;
  subheadline: string;
  summary: string;
  body: Doc;
  byline: { kind: BylineKind; personIds: number[] };
  districtId: number | null;
  edition: Edition;
  printPage: number | null;
  breaking: boolean;
  imageId: number | null;
  imageCaption: string | null;
  imageCredit: string | null;
  imageAlt: string | null;
  tags: string[];
}

/** A new article: everything empty, a desk byline with nobody yet, the online edition. */
export function emptyArticleContent(): ArticleContent {
  return {
    sectionId: null,
    kicker: '',
    headline: '',
    subheadline: '',
    summary: '',
    body: { type: 'doc', content: [] },
    byline: { kind: 'desk', personIds: [] },
    districtId: null,
    edition: 'online',
    printPage: null,
    breaking: false,
    imageId: null,
    imageCaption: null,
    imageCredit: null,
    imageAlt: null,
    tags: [],
  };
}
