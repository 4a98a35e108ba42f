/**
 * What the reader templates receive. Routes build these from the content service; templates
 * only format and escape. Every label here is already in Bengali (digits included): templates
 * never format dates or numbers themselves.
 */
import type { SafeHtml } from '../lib/html.ts';
import type { PageStyle } from './page-styles.ts';

export interface LinkVM {
  name: string;
  href: string;
}

export interface NavItemVM extends LinkVM {
  children: LinkVM[];
  /** The page is this section's front (`page`) or within it (`true`): its aria-current. */
  current?: 'page' | 'true';
}

export interface SiteVM {
  /** Site name, e.g. "প্রকাশ". */
  name: string;
  /** Absolute origin for canonical links, e.g. "http://localhost:3000". */
  origin: string;
  /** Header date line in three calendars: "শুক্রবার, ২৭ নভেম্বর ২০২৬, ১২ অগ্রহায়ণ ১৪৩৩, ১৬ জমাদিউস সানি ১৪৪৮ হিজরি". */
  todayLabel: string;
  /** Today's page of the date archive, where the day's print edition is listed page by page. */
  todayHref: string;
  /** Top-level sections with their sub-sections. */
  nav: NavItemVM[];
  /** Breaking headlines for the ticker (may be empty). */
  breaking: LinkVM[];
  /** Feed links shown in the follow line and footer: site RSS first. */
  feeds: LinkVM[];
  /** The publication's Google News page, or '' (the follow line then offers the RSS feed). */
  googleNewsUrl: string;
  /** Each kind of page's stylesheet (the text of its <style> element, allowed by the CSP's hashes), and the reader script's hashed URL when pages use it. */
  assets: { styles: Readonly<Record<PageStyle, string>>; js?: string };
}

export interface ImageVM {
  src: string;
  /** `srcset` value for responsive JPEG variants; may be empty. */
  srcset: string;
  /** The same widths in WebP, offered through <picture>; may be empty. */
  webpSrcset: string;
  /** The same widths in AVIF, offered first; empty for images stored before AVIF variants were made. */
  avifSrcset: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
}

/** An article as it appears in any list. */
export interface ArticleCardVM {
  id: number;
  href: string;
  kicker: string;
  headline: string;
  summary: string;
  image: ImageVM | null;
  sectionName: string;
  sectionHref: string;
  /** House format, e.g. "১৩ সেপ্টেম্বর ২০২৩, ০৪:৫৭ পিএম". */
  publishedLabel: string;
  /** e.g. "৩ ঘণ্টা আগে". */
  relativeLabel: string;
  /** ISO 8601 with offset, for <time datetime>. */
  publishedIso: string;
  breaking: boolean;
}

/** The সর্বশেষ / জনপ্রিয় tabs: up to twenty each. */
export interface ListsVM {
  latest: ArticleCardVM[];
  /** Empty when nothing was read yet, or it would be সর্বশেষ over again: সর্বশেষ then shows alone. */
  popular: ArticleCardVM[];
  /** The window জনপ্রিয় was counted over: "গত ২৪ ঘণ্টায় সবচেয়ে পঠিত", "এই সপ্তাহে সবচেয়ে পঠিত" … */
  popularLabel?: string;
  /** Where the rest of জনপ্রিয় is (`/popular?window=7d`); '' when it has no page. Default `/popular`. */
  popularHref?: string;
}

export interface PaginationVM {
  page: number;
  /** "পৃষ্ঠা ২" */
  pageLabel: string;
  prevHref: string | null;
  nextHref: string | null;
}

/** A byline part; `kind` tells structured data a person from an organisation (desk, agency). */
export interface BylineVM extends LinkVM {
  kind?: 'desk' | 'reporter' | 'correspondent' | 'agency';
  /** The person's own name when the byline names them otherwise (a correspondent: "কুমিল্লা প্রতিনিধি"). */
  personName?: string;
}

/** An approved reader comment, as shown under the article. */
export interface CommentVM {
  id: number;
  name: string;
  /** Plain text; line breaks are kept by CSS, never turned into markup. */
  body: string;
  /** House format, e.g. "১৩ সেপ্টেম্বর ২০২৩, ০৪:৫৭ পিএম". */
  timeLabel: string;
  timeIso: string;
  replies: CommentVM[];
}

export interface CommentsVM {
  /** "৫টি মন্তব্য", or "এখনো কোনো মন্তব্য নেই". */
  countLabel: string;
  /** Newest first; replies under each, oldest first. */
  items: CommentVM[];
  /** Where the forms post (the comments API; it also takes plain HTML forms). */
  formAction: string;
}

/** What makes an article page a preview: a banner, no comment form, no view counted, not indexed. */
export interface PreviewVM {
  /** "খসড়া — প্রকাশিত নয়", or when a scheduled article will be published. */
  banner: string;
  /** Who can see it and, for a link, until when it opens. */
  note: string;
  /** It has no publication time yet: the dates line says so instead of printing a time. */
  undated: boolean;
  /** The page readers read, once they can. */
  liveHref: string | null;
}

export interface ArticleVM extends ArticleCardVM {
  subheadline: string;
  /** Each byline part: a desk, a reporter, a correspondent ("দেবিদ্বার (কুমিল্লা) প্রতিনিধি"), an agency. */
  bylines: BylineVM[];
  /** "অনলাইন সংস্করণ" or "প্রিন্ট সংস্করণ". */
  editionLabel: string;
  /** "প্রিন্ট সংস্করণ, পৃষ্ঠা ৩" style detail, or empty for online. */
  printPageLabel: string;
  /** For a print article, that day's print edition in the archive at its page (`/archive/2026/12/05#print-page-3`); else ''. */
  printEditionHref: string;
  /** House format of the significant update time, or empty when none. */
  updatedLabel: string;
  updatedIso: string;
  /** Public correction notes (সংশোধনী), oldest first, each with its date in the house format. */
  corrections: Array<{ dateLabel: string; dateIso: string; text: string }>;
  comments: CommentsVM;
  /** The body, rendered by the document serializer. */
  bodyHtml: SafeHtml;
  tags: LinkVM[];
  district: LinkVM | null;
  /** Section trail: আন্তর্জাতিক › এশিয়া. */
  breadcrumbs: LinkVM[];
  canonicalUrl: string;
  related: ArticleCardVM[];
}

export interface HomeVM {
  lead: ArticleCardVM | null;
  top: ArticleCardVM[];
  sections: Array<{ section: LinkVM; articles: ArticleCardVM[] }>;
  /** আজ সবচেয়ে বেশি পড়া: the most read of the last 24 hours (empty until views are counted). */
  mostRead: ArticleCardVM[];
  lists: ListsVM;
}

export interface SectionPageVM {
  title: string;
  /** Absolute URL of this page (with ?page=N beyond the first). */
  canonicalUrl: string;
  breadcrumbs: LinkVM[];
  children: LinkVM[];
  articles: ArticleCardVM[];
  pagination: PaginationVM;
  feedHref: string;
  lists: ListsVM;
}

/** Tag, author/desk, district, latest and popular pages share one shape. */
export interface ListPageVM {
  kind: 'tag' | 'author' | 'district' | 'latest' | 'popular';
  title: string;
  /** Absolute URL of this page (with ?page=N beyond the first). */
  canonicalUrl: string;
  /** Optional line under the title (a reporter's role, a district's division). */
  subtitle: string;
  articles: ArticleCardVM[];
  pagination: PaginationVM;
  lists: ListsVM;
}

export interface ArchivePageVM {
  /** ISO yyyy-mm-dd of the day shown. */
  date: string;
  /** "বুধবার, ১৩ সেপ্টেম্বর ২০২৩" */
  gregorianLabel: string;
  /** "২৯ ভাদ্র ১৪৩০ বঙ্গাব্দ" */
  banglaLabel: string;
  /** "২৭ সফর ১৪৪৫ হিজরি" */
  hijriLabel: string;
  articles: ArticleCardVM[];
  /** The day's print edition grouped by page, pages in order. */
  printPages: Array<{ page: number; pageLabel: string; articles: ArticleCardVM[] }>;
  prevDayHref: string;
  nextDayHref: string | null;
  lists: ListsVM;
}

export interface ErrorPageVM {
  status: number;
  title: string;
  message: string;
}
