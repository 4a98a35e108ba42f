import type { ArticleStatus, Edition, RedirectSource } from '../../db/schema.ts';
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
  /** Bengali names of sections this draft's path may create, by path (`{"national": "জাতীয়"}`). */
  sectionNames?: Record<string, string>;
  /** Where an imported article came from (`wordpress:{site}:{post id}`): importing it again updates the same article. */
  sourceKey?: string;
  /** Old links of the article (normal form, lib/old-path.ts), written as redirects with it. */
  oldPaths?: { paths: string[]; source: RedirectSource };
  /**
   * Images of the body read from local files (an import's uploads): each is stored with its
   * variants and the body's image nodes whose `src` is `src` are pointed at it; a file that is
   * not an image the site takes is dropped with its nodes.
   */
  bodyImages?: Array<{ src: string; path: string }>;
  /** Comments the article is created with (an import's approved comments); not touched on update. */
  comments?: Array<{ name: string; body: string; createdAt: string }>;
}
