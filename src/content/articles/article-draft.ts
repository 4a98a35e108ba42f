import { createHash } from 'node:crypto';
import type { ArticleStatus, Edition } from '../../db/schema.ts';
import type { Doc } from '../document/index.ts';
import type { ImageFile } from '../media/image.repository.ts';

/** A byline as the newsroom says it; people are found or created from it. */
export type BylineInput =
  | { kind: 'desk'; name: string }
  | { kind: 'authors'; names: string[] }
  | { kind: 'correspondent'; name: string | null; place: string; districtId: number }
  | { kind: 'agency'; name: string };

/** Everything needed to write one article, checked and resolved, before any database write. */
export interface ArticleDraft {
  id: number | null;
  sectionPath: string;
  status: ArticleStatus;
  kicker: string;
  headline: string;
  subheadline: string;
  summary: string;
  body: Doc;
  byline: BylineInput;
  districtId: number | null;
  edition: Edition;
  printPage: number | null;
  breaking: boolean;
  publishedAt: string | null;
  updatedAt: string | null;
  scheduledAt: string | null;
  image: { file: ImageFile; caption: string; credit: string; alt: string } | null;
  tags: string[];
}

/**
 * A stable hash of an article's content: identical content gives an identical hash, so re-imports
 * are no-ops. The byline and image are hashed as what they resolved to, since one person can be
 * named several ways (a correspondent by name, or by place and district alone) and one image
 * arrives as the original or as the re-encoded file an export wrote.
 */
export function hashArticleDraft(draft: ArticleDraft, personIds: readonly number[], imageId: number | null): string {
  const { image, byline: _byline, ...rest } = draft;
  const canonical = JSON.stringify({
    ...rest,
    personIds,
    image: image && { id: imageId, caption: image.caption, credit: image.credit, alt: image.alt },
  });
  return createHash('sha256').update(canonical).digest('hex');
}
