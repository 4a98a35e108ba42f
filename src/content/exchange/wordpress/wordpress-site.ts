import { existsSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { isAvailableSectionPath } from '../../sections/section.repository.ts';
import { childText, childrenNamed, readWxr, type WxrNode } from './wxr-reader.ts';

export interface WpCategory {
  termId: string;
  slug: string;
  parent: string;
  name: string;
}

export interface WpAttachment {
  /** The file, relative to the uploads folder (`2025/11/photo.jpg`). */
  file: string;
  caption: string;
  alt: string;
  credit: string;
}

/**
 * What the posts of an export refer to, read in a first pass: the site's address, authors,
 * categories (for the section tree) and attachments (featured images may come after their post).
 * Attachments are a few strings each: a million take about 200 MB, posts are never held.
 */
export class WordPressSite {
  siteUrl = '';
  readonly authors = new Map<string, string>();
  readonly categories = new Map<string, WpCategory>();
  readonly attachments = new Map<string, WpAttachment>();
  private readonly paths = new Map<string, { path: string; names: Record<string, string> }>();

  constructor(readonly uploadsDir: string | undefined) {}

  /** The first pass over the export. */
  async read(file: string): Promise<void> {
    for await (const node of readWxr(file)) this.take(node);
  }

  take(node: WxrNode): void {
    switch (node.name) {
      case 'wp:base_blog_url':
        this.siteUrl = node.text.trim().replace(/\/+$/, '');
        return;
      case 'link':
        if (!this.siteUrl) this.siteUrl = node.text.trim().replace(/\/+$/, '');
        return;
      case 'wp:author': {
        const login = childText(node, 'wp:author_login').trim();
        if (login) this.authors.set(login, childText(node, 'wp:author_display_name').trim() || login);
        return;
      }
      case 'wp:category': {
        const slug = childText(node, 'wp:category_nicename').trim();
        if (!slug) return;
        this.categories.set(slug, {
          termId: childText(node, 'wp:term_id').trim(),
          slug,
          parent: childText(node, 'wp:category_parent').trim(),
          name: childText(node, 'wp:cat_name').trim() || slug,
        });
        return;
      }
      case 'item':
        if (childText(node, 'wp:post_type').trim() === 'attachment') this.takeAttachment(node);
        return;
    }
  }

  private takeAttachment(node: WxrNode): void {
    const id = childText(node, 'wp:post_id').trim();
    const meta = postMeta(node);
    const url = childText(node, 'wp:attachment_url').trim();
    const file = meta.get('_wp_attached_file') ?? uploadsPathOf(url) ?? '';
    if (!id || !file) return;
    this.attachments.set(id, {
      file,
      caption: childText(node, 'excerpt:encoded').trim(),
      alt: meta.get('_wp_attachment_image_alt')?.trim() ?? '',
      credit: (meta.get('_media_credit') ?? meta.get('credit') ?? meta.get('_credit') ?? '').trim(),
    });
  }

  /**
   * The section a category becomes: its path from the category slugs of it and its parents (a
   * Bengali or otherwise non-ASCII slug becomes `category-{term id}`), and the Bengali category
   * names of each level.
   */
  sectionOf(slug: string): { path: string; names: Record<string, string> } | undefined {
    const seen = this.paths.get(slug);
    if (seen) return seen;
    const chain: WpCategory[] = [];
    for (let c = this.categories.get(slug); c && chain.length < 8 && !chain.includes(c); c = this.categories.get(c.parent)) chain.unshift(c);
    if (!chain.length) return undefined;
    const levels = chain.slice(-4); // a section path has at most four levels
    const slugs = levels.map(asciiSlug);
    if (!isAvailableSectionPath(slugs[0]!)) slugs[0] = `category-${slugs[0]}`;
    const names: Record<string, string> = {};
    levels.forEach((c, i) => (names[slugs.slice(0, i + 1).join('/')] = c.name));
    const made = { path: slugs.join('/'), names };
    this.paths.set(slug, made);
    return made;
  }

  /** How deep a category sits (1: top level): a post in a parent and its child lands in the child. */
  depthOf(slug: string): number {
    let depth = 0;
    for (let c = this.categories.get(slug); c && depth < 8; c = this.categories.get(c.parent)) depth++;
    return depth;
  }

  /** The chain of category slugs as WordPress writes them in `/%category%/` permalinks (`national/dhaka`). */
  permalinkPathOf(slug: string): string {
    const chain: string[] = [];
    for (let c = this.categories.get(slug); c && chain.length < 8; c = this.categories.get(c.parent)) chain.unshift(c.slug);
    return chain.join('/');
  }

  /** A local file for an uploads URL or relative path, trying the original before a resized copy; undefined when absent. */
  uploadFile(relative: string): string | undefined {
    if (!this.uploadsDir) return undefined;
    const clean = normalize(relative.replace(/^\/+/, ''));
    if (clean.startsWith('..') || clean.includes(`${sep}..${sep}`)) return undefined;
    const original = clean.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1');
    for (const candidate of [original, clean]) {
      const full = join(this.uploadsDir, candidate);
      if (existsSync(full)) return full;
    }
    return undefined;
  }
}

/** `2025/11/photo.jpg` from `https://old.example/wp-content/uploads/2025/11/photo.jpg`. */
export function uploadsPathOf(url: string): string | undefined {
  const at = url.indexOf('/wp-content/uploads/');
  if (at < 0) return undefined;
  let rest = url.slice(at + '/wp-content/uploads/'.length).split(/[?#]/)[0]!;
  try {
    rest = decodeURIComponent(rest);
  } catch {
    // kept as written
  }
  return rest || undefined;
}

/** An item's postmeta as key → value (the first value of a key). */
export function postMeta(item: WxrNode): Map<string, string> {
  const meta = new Map<string, string>();
  for (const m of childrenNamed(item, 'wp:postmeta')) {
    const key = childText(m, 'wp:meta_key').trim();
    if (key && !meta.has(key)) meta.set(key, childText(m, 'wp:meta_value'));
  }
  return meta;
}

/** Every value of one postmeta key (`_wp_old_slug` may be there several times). */
export function postMetaAll(item: WxrNode, key: string): string[] {
  return childrenNamed(item, 'wp:postmeta')
    .filter((m) => childText(m, 'wp:meta_key').trim() === key)
    .map((m) => childText(m, 'wp:meta_value').trim())
    .filter(Boolean);
}

function asciiSlug(c: WpCategory): string {
  let slug = c.slug;
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // kept as written
  }
  slug = slug
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // A slug that was not ASCII (Bengali) gets a path of its own from the term id.
  return /^[\x20-\x7e]*$/.test(safeDecode(c.slug)) && slug ? slug.slice(0, 60).replace(/-+$/, '') : `category-${c.termId || 'x'}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
