import { formatHouseDateTime, formatGregorianDate } from '../bangla/date-format.ts';
import { formatBanglaDate } from '../bangla/bangla-calendar.ts';
import { formatHijri } from '../bangla/hijri.ts';
import { formatThreeCalendars } from '../bangla/three-calendars.ts';
import { addDays, formatIsoOffset, zonedCivilDate, zonedDayRange, type CivilDate } from '../bangla/zoned-date.ts';
import { toBengaliDigits } from '../bangla/digits.ts';
import type { ContentReader, ArticleFull, ArticleSummary } from '../content/content-reader.ts';
import type { PopularWindow } from '../engage/views/popular-lists.ts';
import type { PublicComment } from '../engage/comments/comment.service.ts';
import type { SectionTree, SectionNode } from '../content/sections/section-tree.ts';
import { renderDocumentHtml } from '../content/document/index.ts';
import { listDistricts } from '../content/places/place.repository.ts';
import { raw } from '../lib/html.ts';
import type { Clock } from '../content/clock.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import * as templates from './templates/index.ts';
import type { ArticleVM, ListsVM, ListPageVM, SiteVM } from './view-model.ts';
import {
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

export interface SiteSettings {
  siteName: string;
  siteUrl: string;
  timeZone: string;
  hijriOffset: number;
  cssHref: string;
  jsHref?: string;
}

export interface ReaderPagesOptions {
  reader: ContentReader;
  db: Kysely<Database>;
  clock: Clock;
  /** Read on every render: the newsroom can change the name, zone and Hijri offset at run time. */
  settings: () => SiteSettings;
  /** The most-read article ids of a window, most read first (recomputed on a timer elsewhere). */
  popularIds?: (window: PopularWindow) => readonly number[];
  /** Approved comments of an article, newest first. */
  comments?: (articleId: number) => Promise<PublicComment[]>;
}

/** Articles per page on fronts and lists. */
export const PAGE_SIZE = 20;
/** Deepest page a list serves; beyond it an archive day is the way in. */
export const MAX_PAGE = 500;
const LIST_SIZE = 20;

/** A rendered page and the cache tags naming what it shows. */
export interface RenderedPage {
  status: number;
  html: string;
  tags: string[];
}

/** Builds every reader page from the content reader and the templates. */
export class ReaderPages {
  private readonly reader: ContentReader;
  private readonly db: Kysely<Database>;
  private readonly clock: Clock;
  private readonly currentSettings: () => SiteSettings;
  private readonly popularIds: (window: PopularWindow) => readonly number[];
  private readonly commentsOf: (articleId: number) => Promise<PublicComment[]>;

  constructor(options: ReaderPagesOptions) {
    this.reader = options.reader;
    this.db = options.db;
    this.clock = options.clock;
    this.currentSettings = options.settings;
    this.popularIds = options.popularIds ?? (() => []);
    this.commentsOf = options.comments ?? (async () => []);
  }

  private get settings(): SiteSettings {
    return this.currentSettings();
  }

  private ctx(): ViewContext {
    return { timeZone: this.settings.timeZone, now: this.clock.now() };
  }

  /** The header, nav, ticker and feeds every page shares. */
  async site(tree: SectionTree, ctx: ViewContext = this.ctx()): Promise<SiteVM> {
    const breaking = await this.reader.list(tree, { breaking: true }, { limit: 5 });
    return {
      name: this.settings.siteName,
      origin: this.settings.siteUrl,
      todayLabel: formatThreeCalendars(ctx.now, { timeZone: ctx.timeZone, hijriOffset: this.settings.hijriOffset }),
      nav: tree.roots.map((s) => ({
        name: s.name,
        href: sectionHref(s),
        children: s.children.map((c) => ({ name: c.name, href: sectionHref(c) })),
      })),
      breaking: breaking.map((a) => ({ name: a.headline, href: `/${a.section.path}/${a.id}` })),
      feeds: [{ name: 'RSS', href: '/rss.xml' }],
      assets: { css: this.settings.cssHref, js: this.settings.jsHref },
    };
  }

  /** The সর্বশেষ and জনপ্রিয় lists. */
  async lists(tree: SectionTree, ctx: ViewContext = this.ctx()): Promise<ListsVM> {
    const latest = (await this.reader.list(tree, {}, { limit: LIST_SIZE })).map((a) => cardVM(a, ctx));
    const popular = (await this.popular(tree, '24h', LIST_SIZE)).map((a) => cardVM(a, ctx));
    // A new site has no counted views yet: জনপ্রিয় shows the latest until it has.
    return { latest, popular: popular.length ? popular : latest };
  }

  /** The most-read public articles of a window. */
  async popular(tree: SectionTree | undefined, window: PopularWindow, limit: number): Promise<ArticleSummary[]> {
    return this.reader.byIds(tree ?? (await this.reader.sections()), this.popularIds(window).slice(0, limit));
  }

  /** /popular: the most read of a window (6 h, 24 h, 7 days); the latest while nothing is counted. */
  async popularPage(window: PopularWindow): Promise<RenderedPage> {
    const ctx = this.ctx();
    const tree = await this.reader.sections();
    const most = await this.popular(tree, window, 50);
    const articles = most.length ? most : await this.reader.list(tree, {}, { limit: 20 });
    const label = { '6h': 'গত ৬ ঘণ্টায়', '24h': 'গত ২৪ ঘণ্টায়', '7d': 'গত ৭ দিনে' }[window];
    const path = window === '24h' ? '/popular' : `/popular?window=${window}`;
    const html = templates.renderListPage(await this.site(tree, ctx), {
      kind: 'popular',
      title: 'জনপ্রিয়',
      canonicalUrl: `${this.settings.siteUrl}${path}`,
      subtitle: most.length ? `${label} সবচেয়ে বেশি পড়া খবর` : 'পাঠের হিসাব জমা হলে এখানে সবচেয়ে বেশি পড়া খবর দেখাবে; এখন সর্বশেষ খবর',
      articles: articles.map((a) => cardVM(a, ctx)),
      pagination: paginationVM(path, 1, false),
      lists: await this.lists(tree, ctx),
    });
    return { status: 200, html, tags: ['lists', 'popular'] };
  }

  /** The shared সর্বশেষ / জনপ্রিয় fragment, spliced into every cached page. */
  async listsFragmentHtml(): Promise<string> {
    const tree = await this.reader.sections();
    return templates.renderListsTabsInner(await this.lists(tree, this.ctx())).toString();
  }

  /** The shared breaking-ticker fragment. */
  async breakingFragmentHtml(): Promise<string> {
    const tree = await this.reader.sections();
    return templates.renderTicker((await this.site(tree, this.ctx())).breaking).toString();
  }

  async home(): Promise<RenderedPage> {
    const ctx = this.ctx();
    const tree = await this.reader.sections();
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
    for (const section of tree.roots) {
      const articles = await this.reader.list(tree, { sectionIds: tree.subtreeIds(section), excludeIds: [...shown] }, { limit: 5 });
      if (articles.length) sections.push({ section: { name: section.name, href: sectionHref(section) }, articles: articles.map((a) => cardVM(a, ctx)) });
    }
    const html = templates.renderHomePage(await this.site(tree, ctx), {
      lead: lead ? cardVM(lead, ctx) : null,
      top: top.map((a) => cardVM(a, ctx)),
      sections,
      mostRead: (await this.popular(tree, '24h', 5)).map((a) => cardVM(a, ctx)),
      lists: await this.lists(tree, ctx),
    });
    return { status: 200, html, tags: ['home', 'lists', 'popular'] };
  }

  /** The article page; `undefined` when no published article has this id. */
  async article(id: number, tree?: SectionTree, options: { preview?: boolean } = {}): Promise<(RenderedPage & { canonicalPath: string }) | undefined> {
    const ctx = this.ctx();
    tree ??= await this.reader.sections();
    const article = await this.reader.article(tree, id, options);
    if (!article) return undefined;
    const vm = await this.articleVM(tree, article, ctx);
    const site = await this.site(tree, ctx);
    // The follow line offers the section's own feed after the site's.
    site.feeds = [...site.feeds, { name: `${article.section.name}-এর ফিড`, href: `/${article.section.path}/rss.xml` }];
    const html = templates.renderArticlePage(site, vm, await this.lists(tree, ctx));
    // Not tagged `lists`: its lists and ticker are fragments spliced in when served, so a publish
    // elsewhere recomposes this page instead of rendering it again.
    // `person:ID`: a byline person renamed in the newsroom re-renders the pages that name them.
    const tags = [`article:${id}`, `section:${article.section.id}`, 'nav', ...article.people.map((p) => `person:${p.id}`)];
    return { status: 200, html, tags, canonicalPath: `/${article.section.path}/${id}` };
  }

  private async articleVM(tree: SectionTree, article: ArticleFull, ctx: ViewContext): Promise<ArticleVM> {
    const districtNames = new Map((await listDistricts(this.db)).map((d) => [d.id, d.name]));
    const updated = article.updatedAt ? new Date(article.updatedAt) : null;
    const related = await this.reader.related(tree, article, 6);
    return {
      ...cardVM(article, ctx),
      subheadline: article.subheadline,
      bylines: article.people.map((p) => bylineVM(p, districtNames)),
      editionLabel: article.edition === 'print' ? 'প্রিন্ট সংস্করণ' : 'অনলাইন সংস্করণ',
      printPageLabel: article.edition === 'print' && article.printPage ? `পৃষ্ঠা ${toBengaliDigits(article.printPage)}` : '',
      updatedLabel: updated ? formatHouseDateTime(updated, ctx.timeZone) : '',
      updatedIso: updated ? formatIsoOffset(updated, ctx.timeZone) : '',
      corrections: article.corrections.map((c) => ({
        dateLabel: formatHouseDateTime(new Date(c.createdAt), ctx.timeZone),
        dateIso: formatIsoOffset(new Date(c.createdAt), ctx.timeZone),
        text: c.text,
      })),
      comments: commentsVM(await this.commentsOf(article.id), article.id, ctx),
      bodyHtml: raw(renderDocumentHtml(article.body)), // our serializer's output: every node known and escaped
      tags: article.tags.map((t) => ({ name: t.name, href: tagHref(t) })),
      district: article.district ? { name: article.district.name, href: districtHref(article.district) } : null,
      breadcrumbs: breadcrumbsVM(tree.ancestry(article.section)),
      canonicalUrl: `${this.settings.siteUrl}/${article.section.path}/${article.id}`,
      related: related.map((a) => cardVM(a, ctx)),
    };
  }

  async section(section: SectionNode, page: number, tree: SectionTree): Promise<RenderedPage> {
    const ctx = this.ctx();
    const articles = await this.pageOf(tree, { sectionIds: tree.subtreeIds(section) }, page);
    const html = templates.renderSectionPage(await this.site(tree, ctx), {
      title: section.name,
      canonicalUrl: this.canonical(sectionHref(section), page),
      breadcrumbs: breadcrumbsVM(tree.ancestry(section)),
      children: section.children.map((c) => ({ name: c.name, href: sectionHref(c) })),
      articles: articles.items.map((a) => cardVM(a, ctx)),
      pagination: paginationVM(sectionHref(section), page, articles.hasNext),
      feedHref: `${sectionHref(section)}/rss.xml`,
      lists: await this.lists(tree, ctx),
    });
    return { status: 200, html, tags: [`section:${section.id}`, 'lists'] };
  }

  /** Tag, author/desk, district, latest and popular pages. */
  async listPage(
    kind: ListPageVM['kind'],
    title: string,
    subtitle: string,
    basePath: string,
    filter: Parameters<ContentReader['list']>[1],
    page: number,
  ): Promise<RenderedPage> {
    const ctx = this.ctx();
    const tree = await this.reader.sections();
    const articles = await this.pageOf(tree, filter, page);
    const html = templates.renderListPage(await this.site(tree, ctx), {
      kind,
      title,
      canonicalUrl: this.canonical(basePath, page),
      subtitle,
      articles: articles.items.map((a) => cardVM(a, ctx)),
      pagination: paginationVM(basePath, page, articles.hasNext),
      lists: await this.lists(tree, ctx),
    });
    return { status: 200, html, tags: ['lists'] };
  }

  /** Everything published on one calendar day in the site's zone, and that day's print edition. */
  async archive(day: CivilDate): Promise<RenderedPage> {
    const ctx = this.ctx();
    const tree = await this.reader.sections();
    const { start, end } = zonedDayRange(day.year, day.month, day.day, ctx.timeZone);
    const range = { from: start.toISOString(), to: end.toISOString() };
    const articles = await this.reader.list(tree, range, { limit: 500 });
    const print = await this.reader.list(tree, { ...range, edition: 'print' }, { limit: 500, order: 'print' });
    const pages = new Map<number, ArticleSummary[]>();
    for (const a of print) pages.set(a.printPage ?? 0, [...(pages.get(a.printPage ?? 0) ?? []), a]);
    const today = zonedCivilDate(ctx.now, ctx.timeZone);
    const next = addDays(day, 1);
    const iso = (d: CivilDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    const href = (d: CivilDate) => `/archive/${iso(d).replaceAll('-', '/')}`;
    const html = templates.renderArchivePage(await this.site(tree, ctx), {
      date: iso(day),
      gregorianLabel: formatGregorianDate(day),
      banglaLabel: formatBanglaDate(day, true),
      hijriLabel: formatHijri(day, this.settings.hijriOffset),
      articles: articles.map((a) => cardVM(a, ctx)),
      printPages: [...pages].map(([page, list]) => ({
        page,
        pageLabel: `পৃষ্ঠা ${toBengaliDigits(page)}`,
        articles: list.map((a) => cardVM(a, ctx)),
      })),
      prevDayHref: href(addDays(day, -1)),
      nextDayHref: iso(next) <= iso(today) ? href(next) : null,
      lists: await this.lists(tree, ctx),
    });
    return { status: 200, html, tags: ['lists', `archive:${iso(day)}`] };
  }

  async error(status: number, title: string, message: string): Promise<string> {
    const ctx = this.ctx();
    let tree: SectionTree | undefined;
    try {
      tree = await this.reader.sections();
    } catch {
      // The error page must render even when the database is down.
    }
    const site: SiteVM = tree
      ? await this.site(tree, ctx).catch(() => this.bareSite(ctx))
      : this.bareSite(ctx);
    return templates.renderErrorPage(site, { status, title, message });
  }

  private bareSite(ctx: ViewContext): SiteVM {
    return {
      name: this.settings.siteName,
      origin: this.settings.siteUrl,
      todayLabel: formatThreeCalendars(ctx.now, { timeZone: ctx.timeZone, hijriOffset: this.settings.hijriOffset }),
      nav: [],
      breaking: [],
      feeds: [{ name: 'RSS', href: '/rss.xml' }],
      assets: { css: this.settings.cssHref },
    };
  }

  private canonical(path: string, page: number): string {
    return `${this.settings.siteUrl}${path}${page > 1 ? `?page=${page}` : ''}`;
  }

  private async pageOf(tree: SectionTree, filter: Parameters<ContentReader['list']>[1], page: number) {
    const rows = await this.reader.list(tree, filter, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
    return { items: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
  }
}
