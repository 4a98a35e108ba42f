import { normalizeOldPath } from '../../../lib/old-path.ts';
import type { MappedRecord } from '../import-articles.ts';
import { childText, childrenNamed, type WxrNode } from './wxr-reader.ts';
import { postMeta, postMetaAll, type WordPressSite } from './wordpress-site.ts';
import { wordpressBodyHtml } from './wordpress-body.ts';

/** Why an item of the export is not imported (the report names them). */
export type SkipReason = 'private post' | 'page' | 'attachment' | 'menu item' | 'trashed' | 'other post type' | 'other status';

export type MappedItem =
  | { kind: 'article'; title: string; mapped: MappedRecord; missingImages: string[]; unapprovedComments: number }
  | { kind: 'skip'; reason: SkipReason; title: string };

const TYPE_SKIPS: Record<string, SkipReason> = { page: 'page', attachment: 'attachment', nav_menu_item: 'menu item' };
const ZERO_DATE = '0000-00-00 00:00:00';

/**
 * One `<item>` of a WordPress export as an exchange record (the JSON Lines format) with what that
 * format has no field for: the source key (site + post id, so a second run updates), old links,
 * body images read from the uploads folder, approved comments and the sections' Bengali names.
 */
export function mapWordPressItem(item: WxrNode, site: WordPressSite): MappedItem {
  const type = childText(item, 'wp:post_type').trim() || 'post';
  const title = childText(item, 'title').trim();
  const label = title || `#${childText(item, 'wp:post_id').trim()}`;
  if (type !== 'post') return { kind: 'skip', reason: TYPE_SKIPS[type] ?? 'other post type', title: label };
  const wpStatus = childText(item, 'wp:status').trim();
  if (wpStatus === 'private') return { kind: 'skip', reason: 'private post', title: label };
  if (wpStatus === 'trash') return { kind: 'skip', reason: 'trashed', title: label };
  const statuses: Record<string, 'published' | 'draft' | 'scheduled'> = { publish: 'published', draft: 'draft', pending: 'draft', future: 'scheduled' };
  const status = statuses[wpStatus];
  if (!status) return { kind: 'skip', reason: 'other status', title: label };

  const postId = childText(item, 'wp:post_id').trim();
  const local = childText(item, 'wp:post_date').trim();
  const gmt = childText(item, 'wp:post_date_gmt').trim();
  const when = instantOf(local, gmt);
  const meta = postMeta(item);
  const missingImages: string[] = [];

  const cats = categoriesOf(item, 'category');
  const primary = [...cats].sort((a, b) => site.depthOf(b) - site.depthOf(a))[0];
  const section = (primary === undefined ? undefined : site.sectionOf(primary)) ?? { path: 'uncategorized', names: { uncategorized: 'অশ্রেণিভুক্ত' } };

  const body = wordpressBodyHtml(childText(item, 'content:encoded'), site, missingImages);
  const image = featuredImage(meta.get('_thumbnail_id')?.trim(), site, missingImages);
  const creator = childText(item, 'dc:creator').trim();
  const author = site.authors.get(creator) ?? creator;
  const comments = childrenNamed(item, 'wp:comment');
  const approved = comments.filter(
    (c) => childText(c, 'wp:comment_approved').trim() === '1' && !/^(pingback|trackback)$/.test(childText(c, 'wp:comment_type').trim()),
  );

  const record = {
    section: section.path,
    headline: title || '(শিরোনাম নেই)',
    summary: plain(childText(item, 'excerpt:encoded')).slice(0, 2000),
    body: body.html || '',
    byline: author ? { authors: [author.slice(0, 120)] } : { desk: 'ডেস্ক' },
    status,
    published_at: status === 'published' ? when : null,
    scheduled_at: status === 'scheduled' ? when : null,
    image: image && { src: image.file, caption: image.caption.slice(0, 500), credit: image.credit.slice(0, 120), alt: image.alt.slice(0, 500) },
    tags: [...new Set(tagsOf(item).map((t) => t.slice(0, 60)))].slice(0, 30),
  };
  const mapped: MappedRecord = {
    record,
    extras: {
      sourceKey: `wordpress:${site.siteUrl}:${postId}`,
      oldPaths: { paths: oldPaths(item, site, postId, local, cats), source: 'wordpress' },
      bodyImages: body.images,
      comments: approved.map((c) => ({
        name: childText(c, 'wp:comment_author').trim().slice(0, 80) || 'পাঠক',
        body: plain(childText(c, 'wp:comment_content')).slice(0, 5000) || '…',
        createdAt: instantOf(childText(c, 'wp:comment_date').trim(), childText(c, 'wp:comment_date_gmt').trim()) ?? when ?? '1970-01-01T00:00:00.000Z',
      })),
      sectionNames: section.names,
    },
  };
  return { kind: 'article', title: label, mapped, missingImages, unapprovedComments: comments.length - approved.length };
}

/** `post_date` is the site's local time (Dhaka, +06:00); `post_date_gmt` the same instant in UTC when set. */
function instantOf(local: string, gmt: string): string | null {
  if (gmt && gmt !== ZERO_DATE && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(gmt)) return new Date(`${gmt.replace(' ', 'T')}Z`).toISOString();
  if (local && local !== ZERO_DATE && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(local)) return new Date(`${local.replace(' ', 'T')}+06:00`).toISOString();
  return null;
}

function categoriesOf(item: WxrNode, domain: string): string[] {
  return childrenNamed(item, 'category')
    .filter((c) => c.attrs.domain === domain && c.attrs.nicename)
    .map((c) => c.attrs.nicename!);
}

function tagsOf(item: WxrNode): string[] {
  return childrenNamed(item, 'category')
    .filter((c) => c.attrs.domain === 'post_tag')
    .map((c) => c.text.trim())
    .filter(Boolean);
}

function featuredImage(id: string | undefined, site: WordPressSite, missing: string[]) {
  if (!id) return undefined;
  const attachment = site.attachments.get(id);
  if (!attachment) {
    missing.push(`attachment ${id}`);
    return undefined;
  }
  const file = site.uploadFile(attachment.file);
  if (!file) {
    missing.push(attachment.file);
    return undefined;
  }
  return { ...attachment, file };
}

/** Every link the post had: its own, `?p=`, `/archives/`, date, category and name permalinks, also under each `_wp_old_slug`. */
function oldPaths(item: WxrNode, site: WordPressSite, postId: string, local: string, cats: string[]): string[] {
  const links = [childText(item, 'link').trim(), childText(item, 'guid').trim(), `/?p=${postId}`, `/archives/${postId}`];
  const [y, m, d] = local.slice(0, 10).split('-');
  const slugs = [childText(item, 'wp:post_name').trim(), ...postMetaAll(item, '_wp_old_slug')].filter(Boolean);
  for (const slug of slugs) {
    links.push(`/${slug}/`);
    if (y && m && d && local !== ZERO_DATE) links.push(`/${y}/${m}/${d}/${slug}/`, `/${y}/${m}/${slug}/`, `/${y}/${slug}/`);
    for (const c of cats) links.push(`/${site.permalinkPathOf(c)}/${slug}/`, `/${c}/${slug}/`);
  }
  const paths = new Set<string>();
  for (const link of links) {
    if (/^https?:\/\//i.test(link) && site.siteUrl && !link.toLowerCase().startsWith(site.siteUrl.toLowerCase())) continue; // another host
    const path = normalizeOldPath(link);
    if (path !== undefined && !path.startsWith('/wp-content/')) paths.add(path);
  }
  return [...paths].slice(0, 50);
}

/** Text without tags or entities (excerpts and comments are plain text). */
function plain(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .trim();
}
