import { raw, type SafeHtml } from '../../lib/html.ts';
import type { ArticleVM, BylineVM, ImageVM, SiteVM } from '../view-model.ts';
import { PUBLISHER_LOGO_PATH, PUBLISHER_LOGO_SIZE } from '../../feeds/publisher-logo.ts';

type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';

/** The site as a news organisation with its logo: the publisher of every article. */
export function publisherJsonLd(site: SiteVM): JsonLd {
  return {
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: `${site.origin}/`,
    logo: { '@type': 'ImageObject', url: site.origin + PUBLISHER_LOGO_PATH, width: PUBLISHER_LOGO_SIZE, height: PUBLISHER_LOGO_SIZE },
  };
}

/** NewsArticle for an article page; dates come from the view model, already with the site's offset. */
export function newsArticleJsonLd(site: SiteVM, article: ArticleVM): JsonLd {
  const publisher = publisherJsonLd(site);
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.canonicalUrl },
    url: article.canonicalUrl,
    headline: article.headline,
    ...(article.kicker ? { alternativeHeadline: article.kicker } : {}),
    ...(article.summary ? { description: article.summary } : {}),
    ...(article.image ? { image: [imageJsonLd(site.origin, article.image)] } : {}),
    datePublished: article.publishedIso,
    dateModified: article.updatedIso || article.publishedIso,
    // An article with no byline is the publisher's own.
    author: article.bylines.length ? article.bylines.map((b) => authorJsonLd(site.origin, b)) : [publisher],
    publisher,
    articleSection: article.sectionName,
    ...(article.tags.length ? { keywords: article.tags.map((t) => t.name) } : {}),
    inLanguage: 'bn',
    isAccessibleForFree: true,
  };
}

function imageJsonLd(origin: string, image: ImageVM): JsonLd {
  return {
    '@type': 'ImageObject',
    url: absolute(origin, image.src),
    ...(image.width && image.height ? { width: image.width, height: image.height } : {}),
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.credit ? { creditText: image.credit } : {}),
  };
}

// Desks and agencies are organisations; reporters and correspondents are people. Until every
// byline carries its kind, a name ending in "ডেস্ক" (desk) is taken for an organisation.
function authorJsonLd(origin: string, byline: BylineVM): JsonLd {
  const organisation = byline.kind ? byline.kind === 'desk' || byline.kind === 'agency' : /ডেস্ক$/u.test(byline.name.trim());
  // A correspondent's byline names the place ("উল্লাপাড়া (সিরাজগঞ্জ) প্রতিনিধি"); the author is the person.
  const role = byline.personName ? { jobTitle: byline.name } : {};
  return { '@type': organisation ? 'Organization' : 'Person', name: byline.personName ?? byline.name, ...role, url: absolute(origin, byline.href) };
}

/** The trail home › sections › article, as Google shows it above the result. */
export function breadcrumbJsonLd(site: SiteVM, article: ArticleVM): JsonLd {
  const trail = [
    { name: site.name, url: `${site.origin}/` },
    ...article.breadcrumbs.map((b) => ({ name: b.name, url: absolute(site.origin, b.href) })),
    { name: article.headline, url: article.canonicalUrl },
  ];
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((t, i) => ({ '@type': 'ListItem', position: i + 1, name: t.name, item: t.url })),
  };
}

/** The home page: the site with its search, and the organisation behind it. */
export function websiteJsonLd(site: SiteVM): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: site.name,
    url: `${site.origin}/`,
    inLanguage: 'bn',
    publisher: publisherJsonLd(site),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${site.origin}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/**
 * A JSON-LD script element. The browser never runs it (its type is not JavaScript), so the
 * CSP allows it; the JSON is escaped so no text in it can close the element or open a comment.
 */
export function jsonLdScript(data: JsonLd): SafeHtml {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return raw(`<script type="application/ld+json">${json}</script>`); // reviewed: escaped above
}

const absolute = (origin: string, href: string) => (/^https?:\/\//.test(href) ? href : origin + href);
