import { formatHouseDateTime, formatGregorianDate } from '../bangla/date-format.ts';
import { formatBanglaDate } from '../bangla/bangla-calendar.ts';
import { formatHijri } from '../bangla/hijri.ts';
import { formatThreeCalendars } from '../bangla/three-calendars.ts';
import { addDays, formatIsoOffset, zonedCivilDate, zonedDayRange, type CivilDate } from '../bangla/zoned-date.ts';
import { toBengaliDigits } from '../bangla/digits.ts';
import type { ContentReader, ArticleFull, ArticleSummary } from '../content/content-reader.ts';
import type { ReferenceData } from '../content/reference-data.ts';
import type { PopularWindow, RankingWindow } from '../engage/views/popular-lists.ts';
import type { PublicComment } from '../engage/comments/comment.service.ts';
import type { SectionTree, SectionNode } from '../content/sections/section-tree.ts';
import { renderDocumentHtml } from '../content/document/index.ts';
import { composeFragments } from '../cache/page-cache.ts';
import { REVALIDATED_PAGE_CACHE_CONTROL } from '../cache/send-page.ts';
import { raw } from '../lib/html.ts';
import type { Clock } from '../lib/clock.ts';
import * as templates from './templates/index.ts';
import type { ArticleVM, ListsVM, ListPageVM, SiteVM } from './view-model.ts';
import { SharedFragments } from './shared-fragments.ts';
import { choosePopularTab, repeatsLatest } from './popular-tab.ts';
import { MAX_PAGE } from './page-key.ts';
import {
  archiveDayHref,
  breadcrumbsVM,
  bylineVM,
  cardVM,
  commentsVM,
  districtHref,
  paginationVM,
  sectionHref,
  tagHref,
  type ViewContext,
} from './view-builder.ts';
import { genitive } from '../bangla/genitive.ts';
import { previewVM } from './preview-banner.ts';

export { MAX_PAGE };

export interface SiteSettings {
  siteName: string;
  siteUrl: string;
  timeZone: string;
  hijriOffset: number;
  /** The publication's Google News page, or '' when it has none. */
  googleNewsUrl: string;
  /** Each kind of page's stylesheet, inlined in its <head>. */
  styles: SiteVM['assets']['styles'];
  jsHref?: string;
}

export interface ReaderPagesOptions {
  reader: ContentReader;
  reference: ReferenceData;
  clock: Clock;
  /** Read on every render: the newsroom can change the name, zone and Hijri offset at run time. */
  settings: () => SiteSettings;
  /** The most-read article ids of a window, most read first (recomputed on a timer elsewhere). */
  popularIds?: (window: RankingWindow) => readonly number[];
  /** Approved comments of an article, newest first. */
  comments?: (articleId: number) => Promise<PublicComment[]>;
  /** How long the shared lists may be served before they are rebuilt for their relative times (ms). */
  fragmentMaxAgeMs?: number;
  log?: (error: unknown) => void;
}

/** Articles per page on fronts and lists. */
export const PAGE_SIZE = 20;
const LIST_SIZE = 20;
/** A page renders these regions empty; the current fragments are spliced in when it is served. */
const UNSPLICED_LISTS: ListsVM = { latest: [], popular: [] };

/** A rendered page and the cache tags naming what it shows (see cache/page-invalidation.ts). */
export interface RenderedPage {
  status: number;
  html: string;
  tags: string[];
  /** Its own Cache-Control, when not the reader pages' (cache/send-page.ts). */
  cacheControl?: string;
}

/**
 * Builds every reader page from the content reader and the templates. The shared lists and the
 * breaking ticker are not rendered into pages: they are fragments (`fragments`), built once and
 * spliced into each page as it is served, so no render does work that is thrown away.
 */
export class ReaderPages {
  private readonly reader: ContentReader;
  private readonly reference: ReferenceData;
  private readonly clock: Clock;
  private readonly currentSettings: () => SiteSettings;
  private readonly popularIds: (window: RankingWindow) => readonly number[];
  private readonly commentsOf: (articleId: number) => Promise<PublicComment[]>;
  /** The সর্বশেষ / জনপ্রিয় tabs and the breaking ticker, shared by every page. */
  readonly fragments: SharedFragments;

  constructor(options: ReaderPagesOptions) {
    this.reader = options.reader;
    this.reference = options.reference;
    this.clock = options.clock;
    this.currentSettings = options.settings;
    this.popularIds = options.popularIds ?? (() => []);
    this.commentsOf = options.comments ?? (async () => []);
    this.fragments = new SharedFragments(
      { lists: () => this.listsFragmentHtml(), breaking: () => this.breakingFragmentHtml() },
      options.fragmentMaxAgeMs ?? 30_000,
      () => this.clock.now().getTime(),
      options.log,
    );
  }

  private get settings(): SiteSettings {
    return this.currentSettings();
  }

  private ctx(): ViewContext {
    return { timeZone: this.settings.timeZone, now: this.clock.now() };
  }

  private get tree(): SectionTree {
    return this.reference.tree;
  }

  /**
   * The header, nav and feeds every page shares (the ticker is a fragment). No query. `within`: the
   * page belongs to this section, whose top-level section the nav marks (its front: `page`).
   */
  site(_tree?: SectionTree, ctx: ViewContext = this.ctx(), within?: { section: SectionNode; front: boolean }): SiteVM {
    const root = within && this.tree.ancestry(within.section)[0];
    const current = within?.front && root?.id === within.section.id ? 'page' : 'true';
    return {
      name: this.settings.siteName,
      origin: this.settings.siteUrl,
      todayLabel: formatThreeCalendars(ctx.now, { timeZone: ctx.timeZone, hijriOffset: this.settings.hijriOffset }),
      todayHref: `${archiveDayHref(zonedCivilDate(ctx.now, ctx.timeZone))}#print-edition`,
      nav: this.tree.roots.map((s) => ({
        name: s.name,
        href: sectionHref(s),
        children: s.children.map((c) => ({ name: c.name, href: sectionHref(c) })),
        ...(s.id === root?.id ? { current } : {}),
      })),
      breaking: [],
      feeds: [{ name: 'RSS', href: '/rss.xml' }],
      googleNewsUrl: this.settings.googleNewsUrl,
      assets: { styles: this.settings.styles, js: this.settings.jsHref },
    };
  }

  /** HTML of a page that is not cached (search, errors, previews) with the current fragments in it. */
  async compose(html: string): Promise<string> {
    return composeFragments(html, await this.fragments.all());
  }

  /**
   * The সর্বশেষ and জনপ্রিয় lists. On a quiet site জনপ্রিয় widens its window (a day, a week, a month)
   * and says so; with nothing read, or nothing but সর্বশেষ over again, it is left out.
   */
  async lists(ctx: ViewContext = this.ctx()): Promise<ListsVM> {
    const latest = await this.reader.list(this.tree, {}, { limit: LIST_SIZE });
    const popular = await choosePopularTab(this.popularIds, (ids) => this.reader.byIds(this.tree, ids.slice(0, LIST_SIZE)));
    const shown = popular && !repeatsLatest(popular.articles, latest) ? popular : undefined;
    return {
      latest: latest.map((a) => cardVM(a, ctx)),
      popular: shown ? shown.articles.map((a) => cardVM(a, ctx)) : [],
      popularLabel: shown?.label ?? '',
      popularHref: shown?.href ?? '',
    };
  }

  /** The most-read public articles of a window. */
  async popular(tree: SectionTree | undefined, window: PopularWindow, limit: number): Promise<ArticleSummary[]> {
    return this.reader.byIds(tree ?? this.tree, this.popularIds(window).slice(0, limit));
  }

  /** /popular: the most read of a window (6 h, 24 h, 7 days); the latest while nothing is counted. */
  async popularPage(window: PopularWindow): Promise<RenderedPage> {
    const ctx = this.ctx();
    const most = await this.popular(this.tree, window, 50);
    const articles = most.length ? most : await this.reader.list(this.tree, {}, { limit: 20 });
    const label = { '6h': 'গত ৬ ঘণ্টায়', '24h': 'গত ২৪ ঘণ্টায়', '7d': 'গত ৭ দিনে' }[window];
    const path = window === '24h' ? '/popular' : `/popular?window=${window}`;
    const html = templates.renderListPage(this.site(undefined, ctx), {
      kind: 'popular',
      title: 'জনপ্রিয়',
      canonicalUrl: `${this.settings.siteUrl}${path}`,
      subtitle: most.length ? `${label} সবচেয়ে বেশি পড়া খবর` : 'পাঠের হিসাব জমা হলে এখানে সবচেয়ে বেশি পড়া খবর দেখাবে; এখন সর্বশেষ খবর',
      articles: articles.map((a) => cardVM(a, ctx)),
      pagination: paginationVM(path, 1, false),
      lists: UNSPLICED_LISTS,
    });
    return { status: 200, html, tags: ['popular', ...(most.length ? [] : ['latest']), ...cards(articles)] };
  }

  /** The shared সর্বশেষ / জনপ্রিয় fragment, spliced into every page. */
  async listsFragmentHtml(): Promise<string> {
    return templates.renderListsTabsInner(await this.lists(this.ctx())).toString();
  }

  /** The shared breaking-ticker fragment. */
  async breakingFragmentHtml(): Promise<string> {
    const breaking = await this.reader.list(this.tree, { breaking: true }, { limit: 5 });
    return templates.renderTicker(breaking.map((a) => ({ name: a.headline, href: `/${a.section.path}/${a.id}` }))).toString();
  }

  async home(): Promise<RenderedPage> {
    const ctx = this.ctx();
    const tree = this.tree;
    // Curated slots first (slot 0 is the lead); the newest stories fill whatever is left.
    const slots = await this.reader.homeSlots(tree);
    const curated = slots.map((s) => s.article);
    const fill = await this.reader.list(tree, { excludeIds: curated.map((a) => a.id) }, { limit: 9 });
    const leadSlot = slots.find((s) => s.slot === 0)?.article;
    const topCurated = slots.filter((s) => s.slot > 0).map((s) => s.article);
    const lead = leadSlot ?? fill.shift();
    const top = [...topCurated, ...fill].slice(0, 8);
    const recent = [...(lead ? [lead] : []), ...top];
    const shown = new Set(recent.map((a) => a.id));
    const sections = [];
    const listed: ArticleSummary[] = [...recent];
    const blocks = await this.reader.newestByGroup(
      tree,
      tree.roots.map((s) => tree.subtreeIds(s)),
      5,
      [...shown],
    );
    for (const [i, section] of tree.roots.entries()) {
      const articles = blocks[i] ?? [];
      listed.push(...articles);
      if (articles.length) sections.push({ section: { name: section.name, href: sectionHref(section) }, articles: articles.map((a) => cardVM(a, ctx)) });
    }
    const mostRead = await this.popular(tree, '24h', 5);
    const html = templates.renderHomePage(this.site(tree, ctx), {
      lead: lead ? cardVM(lead, ctx) : null,
      top: top.map((a) => cardVM(a, ctx)),
      sections,
      mostRead: mostRead.map((a) => cardVM(a, ctx)),
      lists: UNSPLICED_LISTS,
    });
    return { status: 200, html, tags: ['home', 'popular', ...cards([...listed, ...mostRead])] };
  }

  /** The article page; `undefined` when no published article has this id. */
  async article(id: number): Promise<(RenderedPage & { canonicalPath: string }) | undefined> {
    const ctx = this.ctx();
    const tree = this.tree;
    const article = await this.reader.article(tree, id);
    if (!article) return undefined;
    const related = await this.reader.related(tree, article, 6);
    const vm = await this.articleVM(tree, article, related, ctx);
    const html = templates.renderArticlePage(this.articleSite(article, ctx), vm, UNSPLICED_LISTS);
    // `byline:ID`: a byline person renamed in the newsroom re-renders the pages that name them.
    const tags = [`article:${id}`, ...article.people.map((p) => `byline:${p.id}`), ...cards(related)];
    // Revalidated on every visit: a comment approved a moment ago shows on the reader's next load.
    return { status: 200, html, tags, cacheControl: REVALIDATED_PAGE_CACHE_CONTROL, canonicalPath: `/${article.section.path}/${id}` };
  }

  /**
   * An article of any status as its page will look, marked as a preview (never cached: the
   * caller sends it as it is), with the current fragments in it; `undefined` when there is no
   * such article or it has no section yet. `linkExpiresAt`: it was opened with a signed link.
   */
  async preview(id: number, linkExpiresAt?: Date): Promise<string | undefined> {
    const ctx = this.ctx();
    const tree = this.tree;
    const found = await this.reader.preview(tree, id);
    if (!found) return undefined;
    const { article } = found;
    const related = await this.reader.related(tree, article, 6);
    const vm = await this.articleVM(tree, article, related, ctx, false);
    const preview = previewVM(found, `/${article.section.path}/${id}`, ctx.timeZone, linkExpiresAt);
    return this.compose(templates.renderArticlePage(this.articleSite(article, ctx), vm, UNSPLICED_LISTS, preview));
  }

  private articleSite(article: ArticleFull, ctx: ViewContext): SiteVM {
    return withSectionFeed(this.site(this.tree, ctx, { section: article.section, front: false }), article.section);
  }

  private async articleVM(tree: SectionTree, article: ArticleFull, related: ArticleSummary[], ctx: ViewContext, withComments = true): Promise<ArticleVM> {
    const districtNames = this.reference.districtNames;
    const updated = article.updatedAt ? new Date(article.updatedAt) : null;
    return {
      ...cardVM(article, ctx),
      subheadline: article.subheadline,
      bylines: article.people.map((p) => bylineVM(p, districtNames)),
      editionLabel: article.edition === 'print' ? 'প্রিন্ট সংস্করণ' : 'অনলাইন সংস্করণ',
      printPageLabel: article.edition === 'print' && article.printPage ? `পৃষ্ঠা ${toBengaliDigits(article.printPage)}` : '',
      printEditionHref: printEditionHref(article, ctx),
      updatedLabel: updated ? formatHouseDateTime(updated, ctx.timeZone) : '',
      updatedIso: updated ? formatIsoOffset(updated, ctx.timeZone) : '',
      corrections: article.corrections.map((c) => ({
        dateLabel: formatHouseDateTime(new Date(c.createdAt), ctx.timeZone),
        dateIso: formatIsoOffset(new Date(c.createdAt), ctx.timeZone),
        text: c.text,
      })),
      comments: commentsVM(withComments ? await this.commentsOf(article.id) : [], article.id, ctx),
      bodyHtml: raw(renderDocumentHtml(article.body)), // our serializer's output: every node known and escaped
      tags: article.tags.map((t) => ({ name: t.name, href: tagHref(t) })),
      district: article.district ? { name: article.district.name, href: districtHref(article.district) } : null,
      breadcrumbs: breadcrumbsVM(tree.ancestry(article.section)),
      canonicalUrl: `${this.settings.siteUrl}/${article.section.path}/${article.id}`,
      related: related.map((a) => cardVM(a, ctx)),
    };
  }

  async section(section: SectionNode, page: number): Promise<RenderedPage> {
    const ctx = this.ctx();
    const tree = this.tree;
    const articles = await this.pageOf(tree, { sectionIds: tree.subtreeIds(section) }, page);
    const html = templates.renderSectionPage(withSectionFeed(this.site(tree, ctx, { section, front: true }), section), {
      title: section.name,
      canonicalUrl: this.canonical(sectionHref(section), page),
      breadcrumbs: breadcrumbsVM(tree.ancestry(section)),
      children: section.children.map((c) => ({ name: c.name, href: sectionHref(c) })),
      articles: articles.items.map((a) => cardVM(a, ctx)),
      pagination: paginationVM(sectionHref(section), page, articles.hasNext),
      feedHref: `${sectionHref(section)}/rss.xml`,
      lists: UNSPLICED_LISTS,
    });
    return { status: 200, html, tags: [`section:${section.id}`, ...cards(articles.items)] };
  }

  /** Tag, author/desk, district and latest pages; `listTag` names the list for invalidation. */
  async listPage(
    kind: ListPageVM['kind'],
    title: string,
    subtitle: string,
    basePath: string,
    filter: Parameters<ContentReader['list']>[1],
    page: number,
    listTag: string,
  ): Promise<RenderedPage> {
    const ctx = this.ctx();
    const articles = await this.pageOf(this.tree, filter, page);
    const html = templates.renderListPage(this.site(undefined, ctx), {
      kind,
      title,
      canonicalUrl: this.canonical(basePath, page),
      subtitle,
      articles: articles.items.map((a) => cardVM(a, ctx)),
      pagination: paginationVM(basePath, page, articles.hasNext),
      lists: UNSPLICED_LISTS,
    });
    return { status: 200, html, tags: [listTag, ...cards(articles.items)] };
  }

  /** Everything published on one calendar day in the site's zone, and that day's print edition. */
  async archive(day: CivilDate): Promise<RenderedPage> {
    const ctx = this.ctx();
    const { start, end } = zonedDayRange(day.year, day.month, day.day, ctx.timeZone);
    const articles = await this.reader.list(this.tree, { from: start.toISOString(), to: end.toISOString() }, { limit: 500 });
    // The print edition is the day's print articles by page, in the order they were published.
    const pages = new Map<number, ArticleSummary[]>();
    for (const a of [...articles].reverse()) {
      if (a.edition !== 'print') continue;
      pages.set(a.printPage ?? 0, [...(pages.get(a.printPage ?? 0) ?? []), a]);
    }
    const today = zonedCivilDate(ctx.now, ctx.timeZone);
    const next = addDays(day, 1);
    const iso = (d: CivilDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    const href = archiveDayHref;
    const html = templates.renderArchivePage(this.site(undefined, ctx), {
      date: iso(day),
      gregorianLabel: formatGregorianDate(day),
      banglaLabel: formatBanglaDate(day, true),
      hijriLabel: formatHijri(day, this.settings.hijriOffset),
      articles: articles.map((a) => cardVM(a, ctx)),
      printPages: [...pages]
        .sort(([a], [b]) => a - b)
        .map(([page, list]) => ({
          page,
          pageLabel: `পৃষ্ঠা ${toBengaliDigits(page)}`,
          articles: list.map((a) => cardVM(a, ctx)),
        })),
      prevDayHref: href(addDays(day, -1)),
      nextDayHref: iso(next) <= iso(today) ? href(next) : null,
      lists: UNSPLICED_LISTS,
    });
    return { status: 200, html, tags: [`archive:${iso(day)}`, ...cards(articles)] };
  }

  /** An error page; it renders even when the database is down (the fragments may then be missing). */
  async error(status: number, title: string, message: string): Promise<string> {
    const html = templates.renderErrorPage(this.site(), { status, title, message });
    return this.compose(html).catch(() => html);
  }

  private canonical(path: string, page: number): string {
    return `${this.settings.siteUrl}${path}${page > 1 ? `?page=${page}` : ''}`;
  }

  private async pageOf(tree: SectionTree, filter: Parameters<ContentReader['list']>[1], page: number) {
    const rows = await this.reader.list(tree, filter, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
    return { items: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
  }
}

/** `card:ID` for every article a page lists: its edits reach every page that shows it. */
function cards(articles: readonly ArticleSummary[]): string[] {
  return [...new Set(articles.map((a) => `card:${a.id}`))];
}

/** A print article's place in its day's print edition in the archive (the page's anchor), or ''. */
function printEditionHref(article: ArticleFull, ctx: ViewContext): string {
  if (article.edition !== 'print' || !article.publishedAt) return '';
  const day = archiveDayHref(zonedCivilDate(new Date(article.publishedAt), ctx.timeZone));
  return `${day}#${article.printPage ? `print-page-${article.printPage}` : 'print-edition'}`;
}

/** The follow line and the head's feed links offer the section's own feed after the site's. */
function withSectionFeed(site: SiteVM, section: { name: string; path: string }): SiteVM {
  return { ...site, feeds: [...site.feeds, { name: `${genitive(section.name)} ফিড`, href: `/${section.path}/rss.xml` }] };
}
