import { formatHouseDateTime } from '../bangla/date-format.ts';
import { formatIsoOffset, type CivilDate } from '../bangla/zoned-date.ts';
import { formatRecentBn } from '../bangla/relative-time.ts';
import { toBengaliDigits } from '../bangla/digits.ts';
import type { ArticleSummary, ResolvedImage } from '../content/content-reader.ts';
import type { Person } from '../content/people/person.repository.ts';
import { bylineLabel } from '../content/people/byline-label.ts';
import type { SectionNode } from '../content/sections/section-tree.ts';
import type { ArticleCardVM, BylineVM, CommentsVM, CommentVM, ImageVM, LinkVM, PaginationVM } from './view-model.ts';
import type { PublicComment } from '../engage/comments/comment.service.ts';

/** Formatting context of one request: the zone and the instant "now". */
export interface ViewContext {
  timeZone: string;
  now: Date;
}

export const articleHref = (a: { id: number; section: { path: string } }) => `/${a.section.path}/${a.id}`;
export const sectionHref = (s: { path: string }) => `/${s.path}`;
export const personHref = (p: { slug: string }) => `/author/${encodeURIComponent(p.slug)}`;
export const tagHref = (t: { slug: string }) => `/topic/${encodeURIComponent(t.slug)}`;
export const districtHref = (d: { slug: string }) => `/district/${d.slug}`;

export function imageVM(image: ResolvedImage): ImageVM {
  return {
    src: image.src,
    srcset: image.jpegSrcset,
    webpSrcset: image.webpSrcset,
    avifSrcset: image.avifSrcset,
    width: image.width,
    height: image.height,
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
  };
}

/** An article as a list entry, every label in Bengali. */
export function cardVM(a: ArticleSummary, ctx: ViewContext): ArticleCardVM {
  const published = new Date(a.publishedAt);
  return {
    id: a.id,
    href: articleHref(a),
    kicker: a.kicker,
    headline: a.headline,
    summary: a.summary,
    image: a.image ? imageVM(a.image) : null,
    sectionName: a.section.name,
    sectionHref: sectionHref(a.section),
    publishedLabel: formatHouseDateTime(published, ctx.timeZone),
    // Within a day "৩ ঘণ্টা আগে"; older cards carry the house date (the template falls back to it).
    relativeLabel: formatRecentBn(published, ctx.now),
    publishedIso: formatIsoOffset(published, ctx.timeZone),
    breaking: a.breaking,
  };
}

export function bylineVM(person: Person, districtNames: ReadonlyMap<number, string>): BylineVM {
  const name = bylineLabel(person, districtNames);
  return { name, href: personHref(person), kind: person.kind, ...(name !== person.name ? { personName: person.name } : {}) };
}

export function breadcrumbsVM(chain: readonly SectionNode[]): LinkVM[] {
  return chain.map((s) => ({ name: s.name, href: sectionHref(s) }));
}

/** Pagination links that keep the other query parameters out (pages are `?page=N` only). */
export function paginationVM(basePath: string, page: number, hasNext: boolean): PaginationVM {
  const at = (n: number) => (n <= 1 ? basePath : `${basePath}?page=${n}`);
  return {
    page,
    pageLabel: `পৃষ্ঠা ${toBengaliDigits(page)}`,
    prevHref: page > 1 ? at(page - 1) : null,
    nextHref: hasNext ? at(page + 1) : null,
  };
}

/** Approved comments as the article page shows them, with a Bengali count. */
export function commentsVM(comments: readonly PublicComment[], articleId: number, ctx: ViewContext): CommentsVM {
  const one = (c: PublicComment): CommentVM => ({
    id: c.id,
    name: c.name,
    body: c.body,
    timeLabel: formatHouseDateTime(new Date(c.createdAt), ctx.timeZone),
    timeIso: formatIsoOffset(new Date(c.createdAt), ctx.timeZone),
    replies: c.replies.map(one),
  });
  const count = comments.reduce((n, c) => n + 1 + c.replies.length, 0);
  return {
    countLabel: count ? `${toBengaliDigits(count)}টি মন্তব্য` : 'এখনো কোনো মন্তব্য নেই',
    items: comments.map(one),
    formAction: `/api/v1/articles/${articleId}/comments`,
  };
}

/** The date archive's page of one day in the site's zone: `/archive/2026/12/05`. */
export function archiveDayHref(day: CivilDate): string {
  return `/archive/${day.year}/${String(day.month).padStart(2, '0')}/${String(day.day).padStart(2, '0')}`;
}
