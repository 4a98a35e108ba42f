import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderArchivePage, renderArticlePage, renderErrorPage, renderHomePage, renderListPage, renderSectionPage } from './index.ts';
import { INLINE_STYLES, styleHashSource } from '../inline-styles.ts';
import { CONTENT_SECURITY_POLICY } from '../security-headers.ts';
import type { PageStyle } from '../page-styles.ts';
import {
  SAMPLE_LATEST,
  sampleArchivePage,
  sampleArticle,
  sampleCard,
  sampleErrorPage,
  sampleHome,
  sampleListPage,
  sampleLists,
  sampleSectionPage,
  sampleSite,
} from './sample-view-models.ts';

/** The text a reader sees: tags removed, entities decoded, whitespace collapsed. */
function textOf(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The markup of the first element with this class, up to its closing tag (no nesting of that tag). */
function block(markup: string, tag: string, className: string): string {
  const start = markup.search(new RegExp(`<${tag} [^>]*class="[^"]*\\b${className}\\b`));
  assert.ok(start >= 0, `no <${tag} class="${className}">`);
  const end = markup.indexOf(`</${tag}>`, start);
  return markup.slice(start, end + tag.length + 3);
}

function indexOfOrFail(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `missing: ${needle}`);
  return i;
}

const site = sampleSite();

const allPages = (): Record<string, string> => ({
  article: renderArticlePage(site, sampleArticle(), sampleLists()),
  home: renderHomePage(site, sampleHome()),
  section: renderSectionPage(site, sampleSectionPage()),
  list: renderListPage(site, sampleListPage()),
  archive: renderArchivePage(site, sampleArchivePage()),
  error: renderErrorPage(site, sampleErrorPage()),
});

describe('every page', () => {
  for (const [name, page] of Object.entries(allPages())) {
    it(`${name}: is a Bengali document with the site chrome`, () => {
      assert.match(page, /^<!doctype html>\n<html lang="bn">/);
      assert.match(page, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
      assert.match(page, /<title>[^<]+<\/title>/);
      assert.match(page, /<meta name="description" content="[^"]+">/);
      assert.ok(page.includes(`<style>${INLINE_STYLES[name as PageStyle]}</style>`), "its kind of page's stylesheet, in its head");
      assert.doesNotMatch(page, /<link rel="stylesheet"/, 'no stylesheet request before the first paint');
      assert.ok(page.includes('<link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">'));
      assert.ok(page.includes('<a class="site-name" href="/">প্রকাশ অনলাইন</a>'));
      assert.ok(page.includes(site.todayLabel));
      assert.match(page, /<form class="search-form" action="\/search" method="get"/);
      assert.match(page, /name="q"/);
      assert.ok(textOf(page).includes('খুঁজুন'));
      assert.ok(page.includes('<a href="/world/asia">এশিয়া</a>'), 'sub-sections reachable from the header');
      assert.ok(textOf(page).includes('© প্রকাশ অনলাইন'));
      assert.ok(textOf(page).includes('ব্রেকিং'));
    });

    it(`${name}: passes a strict CSP and loads nothing from elsewhere`, () => {
      // JSON-LD is data, not script: the browser never runs it, so the CSP allows it.
      assert.doesNotMatch(page, /<script(?![^>]*\s(?:src=|type="application\/ld\+json"))/i, 'inline <script>');
      assert.doesNotMatch(page, /\sstyle=/i, 'style attribute');
      // One <style>, in the head, whose text the CSP allows by its hash (and no other).
      const styles = [...page.matchAll(/<style>([^]*?)<\/style>/g)].map((m) => m[1]!);
      assert.equal(styles.length, 1, 'one <style>');
      assert.equal(page.match(/<style/gi)?.length, 1);
      assert.ok(page.indexOf('<style>') < page.indexOf('</head>'));
      assert.ok(CONTENT_SECURITY_POLICY.includes(styleHashSource(styles[0]!)), 'its hash is in the CSP');
      assert.doesNotMatch(page, /\son[a-z]+=/i, 'inline event handler');
      for (const [, url] of page.matchAll(/\s(?:src|srcset)="([^"]*)"/g)) {
        assert.ok(url?.startsWith('/'), `off-site resource: ${url}`);
      }
      for (const [, tag] of page.matchAll(/(<link [^>]*>)/g)) {
        if (!tag?.includes('rel="canonical"')) assert.doesNotMatch(tag ?? '', /href="(https?:)?\/\//);
      }
    });
  }

  it('has no ticker when nothing is breaking', () => {
    const page = renderErrorPage({ ...site, breaking: [] }, sampleErrorPage());
    assert.ok(!page.includes('class="ticker"'));
    assert.ok(!textOf(page).includes('ব্রেকিং'));
  });
});

describe('article page', () => {
  const page = renderArticlePage(site, sampleArticle(), sampleLists());
  const text = textOf(page);

  it('shows the fixture facts exactly', () => {
    assert.ok(text.includes('প্রকাশ : ১৩ সেপ্টেম্বর ২০২৩, ০৪:৫৭ পিএম'));
    assert.ok(page.includes('<time datetime="2023-09-13T16:57:00+06:00">১৩ সেপ্টেম্বর ২০২৩, ০৪:৫৭ পিএম</time>'));
    assert.ok(text.includes('অনলাইন সংস্করণ'));
    assert.ok(page.includes('<h1 class="article__title">মহাকাশ কেন্দ্রে পুতিনের সঙ্গে কিমের বৈঠক</h1>'));
    assert.ok(page.includes('<a rel="author" href="/author/international-desk">আন্তর্জাতিক ডেস্ক</a>'));
    assert.ok(page.includes('<span class="article__credit">ছবি : রয়টার্স</span>'));
    assert.ok(text.includes('ভস্তোচনি মহাকাশ কেন্দ্রে বৈঠকের আগে দুই নেতা। ছবি : রয়টার্স'));
    assert.ok(text.includes('চার বছরের বেশি সময় পর আবার রাশিয়া সফরে গিয়ে'));
    assert.ok(page.includes('<link rel="canonical" href="http://localhost:3000/world/asia/251042">'));
  });

  // Related stories and the tags follow the story (issue 16: a phone reaches them first), then
  // the comments and the tabs, as on the seed page.
  it('keeps the fixture order from breadcrumbs to the tabs, related stories and tags right after the story', () => {
    const order = [
      'class="breadcrumbs"',
      'আন্তর্জাতিক ডেস্ক',
      'প্রকাশ :',
      'অনলাইন সংস্করণ',
      'class="article__kicker"',
      '<h1',
      '<figure',
      'class="article__body"',
      'class="follow-line"',
      'class="related"',
      'class="tags"',
      'মন্তব্য করুন',
      'class="tabs"',
    ].map((needle) => indexOfOrFail(page.slice(page.indexOf('<body')), needle)); // the head's metadata names the byline too
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
  });

  it('renders the lead image responsively and eagerly', () => {
    const img = block(page, 'figure', 'article__figure');
    assert.match(img, /srcset="\/media\/kim-putin-480x270\.jpg 480w, \/media\/kim-putin-960x540\.jpg 960w"/);
    assert.match(img, /sizes="[^"]+"/);
    assert.match(img, /width="960" height="540"/);
    assert.match(img, /alt="ভস্তোচনি মহাকাশ কেন্দ্রে কিম জং উন ও ভ্লাদিমির পুতিন"/);
    assert.doesNotMatch(img, /loading="lazy"/);
  });

  it('links the publication on Google News when it has a page there, else the RSS feed, and the section feed the site lists', () => {
    assert.ok(
      page.includes('প্রকাশ অনলাইনের সর্বশেষ খবর পেতে <a href="https://news.google.com/publications/CAAqBwgKMKHL9QowkqbaAg">Google News-এ</a> অনুসরণ করুন'),
    );
    const noGoogle = renderArticlePage({ ...site, googleNewsUrl: '' }, sampleArticle(), sampleLists());
    assert.ok(noGoogle.includes('প্রকাশ অনলাইনের সর্বশেষ খবর পেতে <a href="/rss.xml">RSS ফিড</a> অনুসরণ করুন'));
    assert.ok(!noGoogle.includes('Google News'));
    const other = renderArticlePage(site, sampleArticle({ sectionHref: '/world' }), sampleLists());
    assert.ok(other.includes('<a href="/world/rss.xml">আন্তর্জাতিক RSS</a>'));
  });

  it('leaves an empty, marked comments container', () => {
    assert.match(page, /<section id="comments" class="comments" data-article-id="251042"/);
    assert.ok(text.includes('মন্তব্য করুন'));
  });

  it('numbers the tabs in Bengali digits, twenty at most, with kicker / headline', () => {
    const latest = block(page, 'div', 'tabs__panel--latest');
    const numbers = [...latest.matchAll(/<span class="numbered__n">([^<]+)<\/span>/g)].map((m) => m[1]);
    assert.equal(numbers.length, 20);
    assert.equal(numbers[0], '১');
    assert.equal(numbers[19], '২০');
    assert.ok(textOf(latest).includes('র্যাগিং প্রতিরোধ / ছাত্রাবাসে অভিযোগ বাক্স, নবীনদের পাশে পরামর্শক শিক্ষক'));
    assert.ok(latest.includes(`>${SAMPLE_LATEST[0]?.[1]}</a>`), 'no slash without a kicker');
    assert.match(page, /<input [^>]*type="radio" name="lists-tab" id="tab-latest" checked>/);
    assert.match(page, /<label class="tabs__label" for="tab-popular">জনপ্রিয়<\/label>/);

    const lists = sampleLists();
    lists.latest.push(sampleCard(21, '', 'একুশতম খবর'));
    const capped = renderArticlePage(site, sampleArticle(), lists);
    assert.ok(!capped.includes('একুশতম খবর'));
    assert.ok(!capped.includes('>২১<'));
  });

  it('escapes a headline with markup in it', () => {
    const evil = renderArticlePage(site, sampleArticle({ headline: '<script>alert("x")</script> & কিম', kicker: '"><img src=x>' }), sampleLists());
    assert.ok(evil.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; কিম'));
    assert.ok(!evil.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, '').includes('<script'));
    assert.ok(!evil.includes('<img src=x>'));
  });

  it('shows আপডেট only when the update is set', () => {
    assert.ok(!text.includes('আপডেট'));
    const updated = renderArticlePage(
      site,
      sampleArticle({ updatedLabel: '১৩ সেপ্টেম্বর ২০২৩, ০৬:১০ পিএম', updatedIso: '2023-09-13T18:10:00+06:00' }),
      sampleLists(),
    );
    assert.ok(textOf(updated).includes('আপডেট : ১৩ সেপ্টেম্বর ২০২৩, ০৬:১০ পিএম'));
    assert.ok(updated.includes('<time datetime="2023-09-13T18:10:00+06:00">'));
  });

  it('shows the print page once, and omits ছবি : without a credit', () => {
    const print = renderArticlePage(site, sampleArticle({ editionLabel: 'প্রিন্ট সংস্করণ', printPageLabel: 'প্রিন্ট সংস্করণ, পৃষ্ঠা ৩' }), sampleLists());
    assert.ok(textOf(print).includes('প্রিন্ট সংস্করণ, পৃষ্ঠা ৩'));
    assert.ok(!textOf(print).includes('প্রিন্ট সংস্করণ প্রিন্ট সংস্করণ'));

    const image = { ...sampleArticle().image!, credit: '' };
    const noCredit = renderArticlePage(site, sampleArticle({ image }), sampleLists());
    assert.ok(textOf(noCredit).includes('ভস্তোচনি মহাকাশ কেন্দ্রে বৈঠকের আগে দুই নেতা।'));
    assert.ok(!noCredit.includes('ছবি :'));
  });

  it('links every byline, tag and the district', () => {
    const many = renderArticlePage(
      site,
      sampleArticle({
        bylines: [
          { name: 'নিজস্ব প্রতিবেদক', href: '/author/staff' },
          { name: 'দেবিদ্বার (কুমিল্লা) প্রতিনিধি', href: '/author/debidwar' },
        ],
        district: { name: 'কুমিল্লা', href: '/district/cumilla' },
      }),
      sampleLists(),
    );
    assert.ok(many.includes('<a rel="author" href="/author/debidwar">দেবিদ্বার (কুমিল্লা) প্রতিনিধি</a>'));
    assert.ok(many.includes('<a class="tag" href="/district/cumilla">কুমিল্লা</a>'));
    assert.ok(many.includes('<a class="tag" href="/topic/north-korea">উত্তর কোরিয়া</a>'));
  });
});

describe('home page', () => {
  const page = renderHomePage(site, sampleHome());

  it('loads the lead image first, the first screen at once, the rest lazily', () => {
    const imgs = [...page.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    assert.ok(imgs.length > 5);
    assert.match(imgs[0] ?? '', /fetchpriority="high"/);
    assert.doesNotMatch(imgs[0] ?? '', /loading="lazy"/);
    // The first two top stories are on a phone's first screen, under the lead.
    for (const img of imgs.slice(1, 3)) assert.doesNotMatch(img, /loading="lazy"|fetchpriority/);
    for (const img of imgs.slice(3)) assert.match(img, /loading="lazy"/);
    for (const img of imgs) assert.match(img, /width="\d+" height="\d+"/);
  });

  it('has a block per section with a title linking to it, and the tabs', () => {
    assert.ok(page.includes('<h2 class="block-title"><a href="/national">জাতীয়</a></h2>'));
    assert.ok(page.includes('<h2 class="block-title"><a href="/sports">খেলা</a></h2>'));
    assert.ok(page.includes('class="tabs"'));
    assert.ok(page.includes('<link rel="canonical" href="http://localhost:3000/">'));
  });
});

describe('section and list pages', () => {
  it('section: breadcrumbs, title, sub-sections, pagination, RSS', () => {
    const page = renderSectionPage(site, sampleSectionPage());
    assert.ok(page.includes('<h1 class="page-head__title">আন্তর্জাতিক</h1>'));
    assert.ok(page.includes('<a href="/world/europe">ইউরোপ</a>'));
    assert.ok(page.includes('<a class="pagination__link" rel="prev" href="/world">আগের পাতা</a>'));
    assert.ok(page.includes('<a class="pagination__link" rel="next" href="/world?page=3">পরের পাতা</a>'));
    assert.ok(textOf(page).includes('পৃষ্ঠা ২'));
    assert.ok(page.includes('<a class="feed-link" href="/world/rss.xml">RSS</a>'));
    assert.ok(textOf(block(page, 'nav', 'breadcrumbs')).includes('প্রচ্ছদ আন্তর্জাতিক'));
  });

  it('list: title, subtitle, first image eager, no আগের পাতা on page one', () => {
    const page = renderListPage(site, sampleListPage());
    assert.ok(page.includes('<h1 class="page-head__title">আন্তর্জাতিক ডেস্ক</h1>'));
    assert.ok(textOf(page).includes('প্রকাশ অনলাইনের আন্তর্জাতিক বিভাগ'));
    assert.ok(!page.includes('আগের পাতা'));
    assert.ok(page.includes('পরের পাতা'));
    const first = /<img [^>]*>/.exec(block(page, 'div', 'card-grid--list'))?.[0] ?? '';
    assert.doesNotMatch(first, /loading="lazy"/);
  });

  it('shows the empty-state line when there are no articles', () => {
    const page = renderListPage(site, {
      ...sampleListPage(),
      kind: 'latest',
      canonicalUrl: 'http://localhost:3000/latest',
      articles: [],
      pagination: { page: 1, pageLabel: 'পৃষ্ঠা ১', prevHref: null, nextHref: null },
    });
    assert.ok(page.includes('<p class="empty">এখনো কোনো খবর নেই।</p>'));
    assert.ok(!page.includes('class="pagination"'));
    assert.ok(page.includes('<link rel="canonical" href="http://localhost:3000/latest">'));
  });
});

describe('archive page', () => {
  const page = renderArchivePage(site, sampleArchivePage());
  const text = textOf(page);

  it('heads the day in three calendars and groups the print edition by page', () => {
    assert.ok(page.includes('<h1 class="page-head__title">বুধবার, ১৩ সেপ্টেম্বর ২০২৩</h1>'));
    assert.ok(text.includes('২৯ ভাদ্র ১৪৩০ বঙ্গাব্দ'));
    assert.ok(text.includes('২৭ সফর ১৪৪৫ হিজরি'));
    assert.ok(indexOfOrFail(page, 'প্রিন্ট সংস্করণ') < indexOfOrFail(page, 'পৃষ্ঠা ১'));
    assert.ok(indexOfOrFail(page, 'পৃষ্ঠা ১') < indexOfOrFail(page, 'পৃষ্ঠা ৩'));
  });

  it('links the days around it and offers a date form', () => {
    assert.ok(page.includes('href="/archive/2023/09/12">আগের দিন</a>'));
    assert.ok(page.includes('href="/archive/2023/09/14">পরের দিন</a>'));
    assert.match(page, /<form class="date-picker" action="\/archive" method="get">/);
    assert.match(page, /<input [^>]*type="date" name="date" value="2023-09-13"/);
    const last = renderArchivePage(site, { ...sampleArchivePage(), nextDayHref: null });
    assert.ok(!last.includes('পরের দিন'));
  });
});

describe('error page', () => {
  it('shows the status in Bengali digits and ways back', () => {
    const page = renderErrorPage(site, sampleErrorPage());
    assert.ok(page.includes('<p class="error-page__status">৪০৪</p>'));
    assert.ok(page.includes('<h1 class="error-page__title">পাতাটি পাওয়া যায়নি</h1>'));
    assert.match(page, /<a [^>]*href="\/">প্রচ্ছদে ফিরে যান<\/a>/);
    assert.match(page, /<a [^>]*href="\/latest">সর্বশেষ খবর<\/a>/);
    assert.ok(page.includes('<meta name="robots" content="noindex">'));
  });
});
