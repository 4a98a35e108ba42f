import type { ArticleVM, ImageVM, SiteVM } from '../view-model.ts';
import { PUBLISHER_LOGO_PATH, PUBLISHER_LOGO_SIZE } from '../../feeds/publisher-logo.ts';

/** One `<meta property|name="…" content="…">`: Open Graph uses `property`, Twitter `name`. */
export interface MetaTag {
  attr: 'property' | 'name';
  key: string;
  content: string;
}

interface PageText {
  title: string;
  description: string;
  /** Absolute canonical URL; empty when the page has none. */
  url: string;
}

const og = (key: string, content: string | number): MetaTag => ({ attr: 'property', key, content: String(content) });
const tw = (key: string, content: string): MetaTag => ({ attr: 'name', key, content });

/** Open Graph and a Twitter summary card for any page: the publisher's logo stands for the picture. */
export function pageSocialMeta(site: SiteVM, page: PageText): MetaTag[] {
  return [og('og:type', 'website'), ...textTags(site, page), ...logoTags(site)];
}

/** Open Graph `article` and a large-image Twitter card built from the lead photo. */
export function articleSocialMeta(site: SiteVM, article: ArticleVM): MetaTag[] {
  const description = article.summary || article.subheadline || article.headline;
  return [
    og('og:type', 'article'),
    ...textTags(site, { title: article.headline, description, url: article.canonicalUrl }),
    // Without a lead photo the page keeps the logo and the small card.
    ...(article.image ? photoTags(site, article.image, article.headline) : logoTags(site)),
    og('article:published_time', article.publishedIso),
    ...(article.updatedIso ? [og('article:modified_time', article.updatedIso)] : []),
    og('article:section', article.sectionName),
    ...article.tags.map((t) => og('article:tag', t.name)),
  ];
}

function textTags(site: SiteVM, page: PageText): MetaTag[] {
  return [
    og('og:site_name', site.name),
    og('og:locale', 'bn_BD'),
    og('og:title', page.title),
    og('og:description', page.description),
    ...(page.url ? [og('og:url', page.url)] : []),
    tw('twitter:title', page.title),
    tw('twitter:description', page.description),
  ];
}

function logoTags(site: SiteVM): MetaTag[] {
  const logo = site.origin + PUBLISHER_LOGO_PATH;
  return [
    og('og:image', logo),
    og('og:image:width', PUBLISHER_LOGO_SIZE),
    og('og:image:height', PUBLISHER_LOGO_SIZE),
    og('og:image:alt', site.name),
    tw('twitter:card', 'summary'),
    tw('twitter:image', logo),
  ];
}

function photoTags(site: SiteVM, image: ImageVM, headline: string): MetaTag[] {
  const url = site.origin + image.src;
  return [
    og('og:image', url),
    ...(image.width && image.height ? [og('og:image:width', image.width), og('og:image:height', image.height)] : []),
    og('og:image:alt', image.alt || headline),
    tw('twitter:card', 'summary_large_image'),
    tw('twitter:image', url),
    tw('twitter:image:alt', image.alt || headline),
  ];
}
