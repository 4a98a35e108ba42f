import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleArticle, sampleHome, sampleLists, sampleSite } from '../templates/sample-view-models.ts';
import { renderArticlePage } from '../templates/article-page.ts';
import { renderHomePage } from '../templates/home-page.ts';
import { breadcrumbJsonLd, jsonLdScript, newsArticleJsonLd } from './json-ld.ts';
import { articleSocialMeta } from './social-meta.ts';

const site = sampleSite();
const ORIGIN = 'http://localhost:3000';

/** Every JSON-LD block of a page, parsed. */
function jsonLdOf(page: string): Array<Record<string, any>> {
  return [...page.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

describe('NewsArticle JSON-LD', () => {
  const data = newsArticleJsonLd(site, sampleArticle({ updatedIso: '2023-09-13T18:10:00+06:00' })) as Record<string, any>;

  it('has the fields Google asks for, with absolute URLs and +06:00 dates', () => {
    assert.equal(data['@context'], 'https://schema.org');
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.headline, 'মহাকাশ কেন্দ্রে পুতিনের সঙ্গে কিমের বৈঠক');
    assert.deepEqual(data.mainEntityOfPage, { '@type': 'WebPage', '@id': `${ORIGIN}/world/asia/251042` });
    assert.equal(data.image[0].url, `${ORIGIN}/media/kim-putin-960x540.jpg`);
    assert.equal(data.image[0].width, 960);
    assert.equal(data.datePublished, '2023-09-13T16:57:00+06:00');
    assert.equal(data.dateModified, '2023-09-13T18:10:00+06:00');
    assert.equal(data.articleSection, 'এশিয়া');
    assert.deepEqual(data.keywords, ['রাশিয়া', 'উত্তর কোরিয়া', 'ভ্লাদিমির পুতিন']);
    assert.equal(data.inLanguage, 'bn');
    assert.equal(data.publisher.name, site.name);
    assert.equal(data.publisher.logo.url, `${ORIGIN}/publisher-logo.png`);
  });

  it('names desks and agencies as organisations, reporters and correspondents as people', () => {
    const a = newsArticleJsonLd(
      site,
      sampleArticle({
        bylines: [
          { name: 'আন্তর্জাতিক ডেস্ক', href: '/author/international-desk' },
          { name: 'তানজিলা রহমান', href: '/author/tanjila', kind: 'reporter' },
          { name: 'বাসস', href: '/author/bss', kind: 'agency' },
          { name: 'দেবিদ্বার (কুমিল্লা) প্রতিনিধি', href: '/author/debidwar', kind: 'correspondent', personName: 'আবুল কালাম' },
        ],
      }),
    ) as Record<string, any>;
    // The correspondent is named as the person, the byline's place is their title.
    assert.deepEqual({ name: a.author[3].name, jobTitle: a.author[3].jobTitle }, { name: 'আবুল কালাম', jobTitle: 'দেবিদ্বার (কুমিল্লা) প্রতিনিধি' });
    assert.equal(a.author[1].name, 'তানজিলা রহমান');
    assert.equal(a.author[1].jobTitle, undefined);
    assert.deepEqual(
      a.author.map((p: any) => [p['@type'], p.url]),
      [
        ['Organization', `${ORIGIN}/author/international-desk`],
        ['Person', `${ORIGIN}/author/tanjila`],
        ['Organization', `${ORIGIN}/author/bss`],
        ['Person', `${ORIGIN}/author/debidwar`],
      ],
    );
    const unsigned = newsArticleJsonLd(site, sampleArticle({ bylines: [] })) as Record<string, any>;
    assert.equal(unsigned.author[0]['@type'], 'NewsMediaOrganization', 'no byline: the publisher is the author');
    assert.equal(unsigned.dateModified, unsigned.datePublished, 'no significant update: modified is published');
  });

  it('gives the breadcrumb trail home › sections › article', () => {
    const crumbs = breadcrumbJsonLd(site, sampleArticle()) as Record<string, any>;
    assert.deepEqual(
      crumbs.itemListElement.map((i: any) => [i.position, i.item]),
      [
        [1, `${ORIGIN}/`],
        [2, `${ORIGIN}/world`],
        [3, `${ORIGIN}/world/asia`],
        [4, `${ORIGIN}/world/asia/251042`],
      ],
    );
  });

  it('cannot be closed early by text in the data', () => {
    const script = jsonLdScript({ headline: '</script><script>alert(1)</script> & <!--' }).value;
    assert.equal(script.match(/<\/script>/g)?.length, 1);
    assert.ok(!script.includes('<!--'));
    assert.equal(JSON.parse(script.replace(/^<script[^>]*>|<\/script>$/g, '')).headline, '</script><script>alert(1)</script> & <!--');
  });
});

describe('article and home <head>', () => {
  const page = renderArticlePage(site, sampleArticle(), sampleLists());
  const head = page.slice(0, page.indexOf('</head>'));
  const meta = (key: string) => [...head.matchAll(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`, 'g'))].map((m) => m[1]);

  it('carries NewsArticle and BreadcrumbList JSON-LD in the head', () => {
    assert.deepEqual(
      jsonLdOf(head).map((d) => d['@type']),
      ['NewsArticle', 'BreadcrumbList'],
    );
  });

  it('has Open Graph and a large Twitter card, canonical and max-image-preview', () => {
    assert.deepEqual(meta('og:type'), ['article']);
    assert.deepEqual(meta('og:title'), ['মহাকাশ কেন্দ্রে পুতিনের সঙ্গে কিমের বৈঠক']);
    assert.deepEqual(meta('og:url'), [`${ORIGIN}/world/asia/251042`]);
    assert.deepEqual(meta('og:image'), [`${ORIGIN}/media/kim-putin-960x540.jpg`]);
    assert.deepEqual(meta('og:image:width'), ['960']);
    assert.deepEqual(meta('og:image:height'), ['540']);
    assert.deepEqual(meta('og:locale'), ['bn_BD']);
    assert.deepEqual(meta('article:published_time'), ['2023-09-13T16:57:00+06:00']);
    assert.ok(meta('og:description')[0], 'og:description');
    assert.deepEqual(meta('twitter:card'), ['summary_large_image']);
    // The card's picture is described to screen readers on X as on Facebook.
    assert.deepEqual(meta('twitter:image:alt'), meta('og:image:alt'));
    assert.ok(meta('twitter:image:alt')[0], 'twitter:image:alt');
    assert.match(head, /<link rel="canonical" href="http:\/\/localhost:3000\/world\/asia\/251042">/);
    assert.match(head, /<meta name="robots" content="max-image-preview:large">/);
  });

  it('an article without a photo falls back to the logo and the small card', () => {
    const tags = articleSocialMeta(site, sampleArticle({ image: null }));
    assert.equal(tags.find((t) => t.key === 'og:image')?.content, `${ORIGIN}/publisher-logo.png`);
    assert.equal(tags.find((t) => t.key === 'twitter:card')?.content, 'summary');
    assert.equal(tags.filter((t) => t.key === 'og:type').length, 1);
  });

  it('the home page has WebSite with a SearchAction and a website card', () => {
    const home = renderHomePage(site, sampleHome());
    const [website] = jsonLdOf(home);
    assert.equal(website?.['@type'], 'WebSite');
    assert.equal(website.potentialAction.target.urlTemplate, `${ORIGIN}/search?q={search_term_string}`);
    assert.equal(website.potentialAction['query-input'], 'required name=search_term_string');
    assert.match(home, /<meta property="og:type" content="website">/);
    assert.match(home, /<meta property="og:url" content="http:\/\/localhost:3000\/">/);
  });
});
