import type { Kysely } from 'kysely';
import type { Database, SectionTable } from '../../db/schema.ts';
import { nextId } from '../ids.ts';

export type Section = SectionTable;

/** Sections are a small table (tens of rows): callers load them whole and build the tree in memory. */
export async function listSections(db: Kysely<Database>): Promise<Section[]> {
  return db.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute();
}

export async function findSectionByPath(db: Kysely<Database>, path: string): Promise<Section | undefined> {
  return db.selectFrom('sections').selectAll().where('path', '=', path).executeTakeFirst();
}

/** Top-level paths the site uses for itself: a section there could never be reached. */
export const RESERVED_SECTION_SLUGS: ReadonlySet<string> = new Set([
  'admin',
  'api',
  'archive',
  'assets',
  'author',
  'district',
  'favicon.ico',
  'healthz',
  'latest',
  'media',
  'popular',
  'preview',
  'publisher-logo.png',
  'robots.txt',
  'rss.xml',
  'search',
  'sitemap.xml',
  'sitemap-news.xml',
  'sitemaps',
  'topic',
]);

/** True when a section path's first slug is free for a section. */
export function isAvailableSectionPath(path: string): boolean {
  return !RESERVED_SECTION_SLUGS.has(path.split('/')[0] ?? '');
}

/** A section path is lower-case ASCII slugs joined by "/": `world/asia`. */
export const SECTION_PATH = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*){0,3}$/;

/**
 * Returns the section at `path`, creating it and any missing ancestors. `names` gives Bengali
 * names by path; a created section without one is named after its slug until an editor renames it.
 */
export async function ensureSectionPath(db: Kysely<Database>, path: string, now: string, names: Record<string, string> = {}, position = 0): Promise<Section> {
  const existing = await findSectionByPath(db, path);
  if (existing) return existing;
  const slashAt = path.lastIndexOf('/');
  const parent = slashAt > 0 ? await ensureSectionPath(db, path.slice(0, slashAt), now, names) : undefined;
  const slug = path.slice(slashAt + 1);
  const section: Section = {
    id: await nextId(db, 'sections'),
    parent_id: parent?.id ?? null,
    slug,
    path,
    name: names[path] ?? slug,
    position,
    created_at: now,
  };
  await db.insertInto('sections').values(section).execute();
  return section;
}
