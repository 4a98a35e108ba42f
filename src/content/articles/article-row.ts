import { createHash } from 'node:crypto';
import type { ArticleTable } from '../../db/schema.ts';
import type { ArticleContent } from './article-content.ts';

/** What a row holds besides its content: workflow state, times, owner and revision. */
export type ArticleRowState = Pick<ArticleTable, 'status' | 'created_at' | 'modified_at' | 'revision'> &
  Partial<Pick<ArticleTable, 'published_at' | 'updated_at' | 'scheduled_at' | 'owner_id'>>;

/**
 * The one builder of an article row, for the newsroom's saves and for imports alike: the same
 * content gives the same row and the same content hash, whichever way it arrived.
 */
export function articleRow(id: number, content: ArticleContent, state: ArticleRowState, bodyJson = JSON.stringify(content.body)): ArticleTable {
  const c = content;
  return {
    id,
    section_id: c.sectionId,
    status: state.status,
    kicker: c.kicker,
    headline: c.headline,
    subheadline: c.subheadline,
    summary: c.summary,
    body: bodyJson,
    image_id: c.imageId,
    image_caption: c.imageCaption,
    image_credit: c.imageCredit,
    image_alt: c.imageAlt,
    district_id: c.districtId,
    edition: c.edition,
    print_page: c.edition === 'print' ? c.printPage : null,
    breaking: c.breaking ? 1 : 0,
    published_at: state.published_at ?? null,
    updated_at: state.updated_at ?? null,
    scheduled_at: state.scheduled_at ?? null,
    created_at: state.created_at,
    modified_at: state.modified_at,
    content_hash: contentHash(c, bodyJson),
    owner_id: state.owner_id ?? null,
    revision: state.revision,
    byline_kind: c.byline.kind,
  };
}

/**
 * A stable hash of an article's content (not its workflow state or times): identical content gives
 * an identical hash, so a re-import of an unchanged article writes nothing. The byline is hashed as
 * the people it resolved to and the image as its id, since one person can be named several ways and
 * one image arrives as the original or as the file an export wrote; an empty caption is no caption.
 */
export function contentHash(c: ArticleContent, bodyJson?: string): string {
  const image = c.imageId === null ? null : [c.imageId, c.imageCaption || null, c.imageCredit || null, c.imageAlt || null];
  const before = [c.sectionId, c.kicker, c.headline, c.subheadline, c.summary];
  const after = [c.byline.kind, c.byline.personIds, c.districtId, c.edition, c.edition === 'print' ? c.printPage : null, c.breaking, image, c.tags];
  // JSON.stringify([...before, c.body, ...after]), with the body's JSON spliced in when the
  // caller has it already (an import serialises each body once, for the row, the hash and the revision).
  const canonical =
    bodyJson === undefined
      ? JSON.stringify([...before, c.body, ...after])
      : `${JSON.stringify(before).slice(0, -1)},${bodyJson},${JSON.stringify(after).slice(1)}`;
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * JSON.stringify(content) with the body's JSON spliced in (the same text: the body is the sixth
 * key, as ArticleContent lists it), so a body already serialised for its row is not serialised again.
 */
export function contentJson(content: ArticleContent, bodyJson: string): string {
  const { sectionId, kicker, headline, subheadline, summary, body: _body, ...after } = content;
  return `${JSON.stringify({ sectionId, kicker, headline, subheadline, summary }).slice(0, -1)},"body":${bodyJson},${JSON.stringify(after).slice(1)}`;
}
