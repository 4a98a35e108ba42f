import { zonedCivilDate } from '../bangla/zoned-date.ts';
import type { SectionTree } from '../content/sections/section-tree.ts';
import { isArticleEvent, isListed, type ArticleChange, type ArticleListing, type LoggedEvent } from '../content/events/content-event.ts';

/**
 * The page tags, and what each names:
 * - `article:ID`  the article's own page;
 * - `card:ID`     every page that shows the article in a list (a card, a feed item, a related link);
 * - `section:ID`  the section's front (its sub-sections' articles included) and its feed;
 * - `tag:ID`, `person:ID`, `district:ID`  those list pages;
 * - `byline:ID`   pages naming the person in a byline (an article, a feed's items);
 * - `archive:YYYY-MM-DD`  one day's archive; `latest` the latest lists and the site feeds;
 * - `home`, `popular`  the home page, the জনপ্রিয় lists.
 */
export interface Invalidation {
  /** Pages to drop. */
  tags: string[];
  /** Every page shows the section nav: drop them all. */
  everything: boolean;
  /** Fragments to rebuild (the lists and the ticker spliced into every page). */
  fragments: Array<'lists' | 'breaking'>;
}

export interface InvalidationContext {
  tree: SectionTree;
  timeZone: string;
}

/** What an event makes stale: exactly the pages that show or list what changed. */
export function invalidationFor(event: LoggedEvent, ctx: InvalidationContext): Invalidation {
  const none: Invalidation = { tags: [], everything: false, fragments: [] };
  if (isArticleEvent(event)) return articleInvalidation(event.payload, ctx);
  switch (event.type) {
    case 'comments.changed':
      return { ...none, tags: event.payload.articleIds.map((id) => `article:${id}`) };
    case 'image.changed':
      return { ...none, tags: event.payload.articleIds.flatMap((id) => [`article:${id}`, `card:${id}`]), fragments: ['lists'] };
    case 'person.changed':
      return { ...none, tags: [`person:${event.payload.id}`, `byline:${event.payload.id}`] };
    case 'home.curated':
      return { ...none, tags: ['home'] };
    case 'popular.changed':
      return { ...none, tags: ['popular'], fragments: ['lists'] };
    case 'section.changed':
    case 'settings.changed':
      return { tags: [], everything: true, fragments: ['lists', 'breaking'] };
    default:
      return none;
  }
}

function articleInvalidation(change: ArticleChange, ctx: InvalidationContext): Invalidation {
  const { before, after } = change;
  const shown = [before, after].filter(isListed);
  // A draft's save, a submission, a schedule: nothing readers see has changed.
  if (!shown.length) return { tags: [], everything: false, fragments: [] };
  const tags = new Set([`article:${change.id}`, `card:${change.id}`]);
  // Where it is listed, and in what order, changes only with these fields; a new headline
  // or body changes only the pages that show it.
  if (!before || !after || listingMoved(before, after)) {
    for (const listing of shown) for (const tag of listingTags(listing, ctx)) tags.add(tag);
  }
  const fragments: Invalidation['fragments'] = ['lists'];
  if (shown.some((l) => l.breaking)) fragments.push('breaking');
  return { tags: [...tags], everything: false, fragments };
}

function listingMoved(a: ArticleListing, b: ArticleListing): boolean {
  return (
    a.status !== b.status ||
    a.sectionId !== b.sectionId ||
    a.publishedAt !== b.publishedAt ||
    a.districtId !== b.districtId ||
    a.breaking !== b.breaking ||
    a.edition !== b.edition ||
    !sameIds(a.tagIds, b.tagIds) ||
    !sameIds(a.personIds, b.personIds)
  );
}

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** Every list page an article in this state appears on. */
function listingTags(listing: ArticleListing, ctx: InvalidationContext): string[] {
  const tags = ['latest', 'home'];
  const section = listing.sectionId === null ? undefined : ctx.tree.byIdOrUndefined(listing.sectionId);
  if (section) for (const s of ctx.tree.ancestry(section)) tags.push(`section:${s.id}`);
  for (const id of listing.tagIds) tags.push(`tag:${id}`);
  for (const id of listing.personIds) tags.push(`person:${id}`);
  if (listing.districtId !== null) tags.push(`district:${listing.districtId}`);
  if (listing.publishedAt) {
    const day = zonedCivilDate(new Date(listing.publishedAt), ctx.timeZone);
    tags.push(`archive:${day.year}-${pad(day.month)}-${pad(day.day)}`);
  }
  return tags;
}

const pad = (n: number) => String(n).padStart(2, '0');
