import { html, type SafeHtml } from '../../lib/html.ts';
import type { ArticleVM, ImageVM, LinkVM, ListsVM, PreviewVM, SiteVM } from '../view-model.ts';
import { renderBreadcrumbs } from './breadcrumbs.ts';
import { renderCardList } from './card.ts';
import { renderImg } from './image.ts';
import { renderCommentArea } from './comments.ts';
import { renderDocument } from './layout.ts';
import { renderListsTabs } from './lists-tabs.ts';
import { renderShell } from './page-shell.ts';
import { breadcrumbJsonLd, newsArticleJsonLd } from '../head/json-ld.ts';
import { articleSocialMeta } from '../head/social-meta.ts';
import { photoCreditLine } from '../../bangla/photo-credit.ts';
import { genitive } from '../../bangla/genitive.ts';

/**
 * The article page, in the order a Bangladeshi daily shows it (see the seed fixture). A preview
 * (`preview` given) is headed by its banner, counts no view (no `data-article-id`: the reader
 * script sends no beacon), has a note instead of the comment form, and asks not to be indexed.
 */
export function renderArticlePage(site: SiteVM, article: ArticleVM, lists: ListsVM, preview?: PreviewVM): string {
  const main = html`${preview ? renderPreviewBanner(preview) : ''}<article class="article"${preview ? '' : html` data-article-id="${article.id}"`}>
  ${renderBreadcrumbs(article.breadcrumbs)}
  ${renderMeta(article, preview)}
  <header class="article__head">
    ${article.kicker ? html`<p class="article__kicker">${article.kicker}</p>` : ''}
    <h1 class="article__title">${article.headline}</h1>
    ${article.subheadline ? html`<p class="article__subtitle">${article.subheadline}</p>` : ''}
  </header>
  ${article.image ? renderLeadFigure(article.image) : ''}
  <div class="article__body">
${article.bodyHtml}
  </div>
  ${renderCorrections(article)}
  ${renderFollowLine(site, article)}
</article>
${renderRelated(article)}${renderTags(article)}
${preview ? renderPreviewCommentNote() : renderCommentArea(article)}`;
  const description = article.summary || article.subheadline || article.headline;
  // Related stories follow the story itself; on phones the tabs come after the comments, cut short
  // (site.css), so what follows the story stays a screen or two.
  const shell = renderShell({ main, side: renderListsTabs(lists) });
  // A preview has no URL of its own to name, no card to offer and no structured data to give.
  if (preview)
    return renderDocument(site, {
      title: `প্রিভিউ: ${article.headline}`,
      description,
      canonical: '',
      styles: 'article',
      bodyClass: 'page-article page-preview',
      noindex: true,
      main: shell,
    });
  return renderDocument(site, {
    title: article.headline,
    description,
    canonical: article.canonicalUrl,
    styles: 'article',
    bodyClass: 'page-article',
    social: articleSocialMeta(site, article),
    jsonLd: [newsArticleJsonLd(site, article), breadcrumbJsonLd(site, article)],
    main: shell,
  });
}

function renderPreviewBanner(preview: PreviewVM): SafeHtml {
  return html`<div class="preview-banner" role="note">
  <p class="preview-banner__title">${preview.banner}</p>
  <p class="preview-banner__note">${preview.note}${preview.liveHref ? html` <a href="${preview.liveHref}">প্রকাশিত পাতাটি দেখুন</a>` : ''}</p>
</div>
`;
}

function renderPreviewCommentNote(): SafeHtml {
  return html`<div class="comment-area">
  <p class="preview-note">প্রিভিউতে মন্তব্য করা যায় না। প্রকাশের পর পাঠকেরা এখানে মন্তব্য করতে পারবেন।</p>
</div>`;
}

function renderMeta(article: ArticleVM, preview?: PreviewVM): SafeHtml {
  return html`<div class="article__meta">
    ${article.bylines.length ? html`<p class="article__byline">${joinLinks(article.bylines, 'author')}</p>` : ''}
    <p class="article__dates">
      ${
        preview?.undated
          ? html`<span class="article__date">প্রকাশ : প্রকাশের সময় এখনো ঠিক হয়নি</span>`
          : html`<span class="article__date">প্রকাশ : <time datetime="${article.publishedIso}">${article.publishedLabel}</time></span>`
      }
      ${article.updatedLabel ? html`<span class="article__date">আপডেট : <time datetime="${article.updatedIso}">${article.updatedLabel}</time></span>` : ''}
    </p>
    <p class="article__edition">${article.printEditionHref ? html`<a href="${article.printEditionHref}">${editionText(article)}</a>` : editionText(article)}</p>
  </div>`;
}

// printPageLabel is documented as "প্রিন্ট সংস্করণ, পৃষ্ঠা ৩" style detail, which already names
// the edition; showing both would read "প্রিন্ট সংস্করণ প্রিন্ট সংস্করণ, পৃষ্ঠা ৩".
function editionText(article: ArticleVM): string {
  if (!article.printPageLabel) return article.editionLabel;
  if (article.printPageLabel.includes(article.editionLabel)) return article.printPageLabel;
  return `${article.editionLabel}, ${article.printPageLabel}`;
}

function joinLinks(links: LinkVM[], rel: string): SafeHtml {
  return html`${links.map((link, i) => html`${i > 0 ? ', ' : ''}<a rel="${rel}" href="${link.href}">${link.name}</a>`)}`;
}

// The lead photo fills the main column (card.ts explains the widths).
const LEAD_SIZES = '(min-width: 1200px) 808px, (min-width: 1000px) calc(100vw - 392px), calc(100vw - 32px)';

function renderLeadFigure(image: ImageVM): SafeHtml {
  return html`<figure class="article__figure">
    ${renderImg(image, { sizes: LEAD_SIZES, load: 'priority', className: 'article__img' })}
    ${
      image.caption || image.credit
        ? html`<figcaption class="article__caption">${image.caption}${
            image.credit ? html` <span class="article__credit">${photoCreditLine(image.credit)}</span>` : ''
          }</figcaption>`
        : ''
    }
  </figure>`;
}

// Corrections are public and dated: readers see what was wrong and when it was put right.
function renderCorrections(article: ArticleVM): SafeHtml | string {
  if (!article.corrections.length) return '';
  return html`<aside class="corrections" aria-labelledby="corrections-title">
  <h2 class="corrections__title" id="corrections-title">সংশোধনী</h2>
  <ul>${article.corrections.map((c) => html`<li><time datetime="${c.dateIso}">${c.dateLabel}</time>: ${c.text}</li>`)}</ul>
</aside>`;
}

function renderFollowLine(site: SiteVM, article: ArticleVM): SafeHtml | string {
  const feed = site.feeds[0];
  if (!feed) return '';
  // A section feed is linked only when the site lists it; its URL is not guessed here.
  const sectionFeed = site.feeds.slice(1).find((f) => f.href === `${article.sectionHref.replace(/\/$/, '')}/rss.xml`);
  // Google News only when the newsroom gave the publication's page there; otherwise the RSS feed, named as such.
  const follow = site.googleNewsUrl ? html`<a href="${site.googleNewsUrl}">Google News-এ</a>` : html`<a href="${feed.href}">RSS ফিড</a>`;
  return html`<p class="follow-line">${genitive(site.name)} সর্বশেষ খবর পেতে ${follow} অনুসরণ করুন${
    sectionFeed ? html` · <a href="${sectionFeed.href}">${sectionFeed.name}</a>` : ''
  }</p>`;
}

// The rest of the section is one tap away, so the page itself need not list it.
function renderRelated(article: ArticleVM): SafeHtml {
  const more = html`<p class="related__more"><a href="${article.sectionHref}">${genitive(article.sectionName)} আরও খবর</a></p>`;
  if (article.related.length === 0) return more;
  return html`<section class="related" aria-labelledby="related-title">
  <h2 class="block-title" id="related-title">আরও পড়ুন</h2>
  ${renderCardList(article.related, { level: 3, className: 'card-grid card-grid--related' })}
  ${more}
</section>`;
}

function renderTags(article: ArticleVM): SafeHtml | string {
  const links = article.district ? [article.district, ...article.tags] : article.tags;
  if (links.length === 0) return '';
  return html`<nav class="tags" aria-label="বিষয়">
  <h2 class="tags__title">বিষয় :</h2>
  <ul class="tags__list">${links.map((tag) => html`<li><a class="tag" href="${tag.href}">${tag.name}</a></li>`)}</ul>
</nav>`;
}
