/**
 * Realistic sample view models for the template preview and the template tests, built from the
 * test fixture article (test/fixtures/seed-article.jsonl) and the demo's সর্বশেষ headlines. Not used by the running site.
 */
import { toBengaliDigits } from '../../bangla/digits.ts';
import { raw } from '../../lib/html.ts';
import type { ArchivePageVM, ArticleCardVM, ArticleVM, ErrorPageVM, HomeVM, ImageVM, ListPageVM, ListsVM, SectionPageVM, SiteVM } from '../view-model.ts';
import { INLINE_STYLES } from '../inline-styles.ts';

/** Twenty সর্বশেষ headlines (the demo's), as [kicker, headline]; one kicker's র্যাগিং without the ZWJ, as sources often write it. */
export const SAMPLE_LATEST: Array<[string, string]> = [
  ['', 'মুম্বাইয়ের পুরোনো সিঙ্গেল স্ক্রিন প্রেক্ষাগৃহ ফিরছে নতুন রূপে'],
  ['', 'পরীক্ষার মৌসুমে রাত ১১টা পর্যন্ত খোলা থাকবে রাবির কেন্দ্রীয় গ্রন্থাগার'],
  ['', 'রাজধানীর ৩০ মোড়ে বসছে স্বয়ংক্রিয় ট্রাফিক সংকেত'],
  ['', 'কৃষি গুচ্ছের ভর্তি পরীক্ষা এবার আট বিভাগীয় শহরে'],
  ['', 'সেনবাগে বাঁশের সাঁকোই ভরসা পাঁচ গ্রামের মানুষের'],
  ['', 'মালয়েশিয়ায় প্রবাসী শ্রমিকদের জন্য বাংলায় আইনি পরামর্শ'],
  ['', 'শেষ ওভারের নাটকীয়তায় সিলেটের জয়'],
  ['', 'কালাইয়ে ইউপি উপনির্বাচনে ভোট পড়েছে ৬১ শতাংশ'],
  ['', 'কার্জন হলের একটি গবেষণাগারে আগুন, হতাহত নেই'],
  ['', 'পোস্টার-ব্যানারে প্লাস্টিক নয়, প্রার্থীদের চিঠি দেবে ইসি'],
  ['', 'জেলা হাসপাতালের কেনাকাটায় অনিয়মের অভিযোগ, অনুসন্ধানে দুদক'],
  ['', 'নতুন আলু উঠতেই দাম কমল, পেঁয়াজে স্বস্তি নেই'],
  ['', 'দিনভর বসে কাজ? ঘাড় ও কোমরের ব্যথা এড়াতে পাঁচ অভ্যাস'],
  ['', 'মুম্বাইয়ের স্বাধীন চলচ্চিত্র উৎসবে বাংলাদেশের দুই ছবি'],
  ['', 'কনটেইনার জট কমাতে বন্দরে কাস্টমস খোলা থাকবে দিনরাত'],
  ['', 'উল্লাপাড়ায় সরিষার আবাদ বেড়েছে দেড় হাজার হেক্টর'],
  ['', 'মেঘনায় যাত্রীবাহী লঞ্চে আগুন, সব যাত্রী উদ্ধার'],
  ['র্যাগিং প্রতিরোধ', 'ছাত্রাবাসে অভিযোগ বাক্স, নবীনদের পাশে পরামর্শক শিক্ষক'],
  ['', 'নেপালে ভূমিধসে মহাসড়ক বন্ধ, আটকা কয়েক শ পর্যটক'],
  ['', 'অপরিচিত নম্বরের কলেও পর্দায় দেখা যাবে নিবন্ধিত নাম'],
];

const SAMPLE_BODY = [
  'চার বছরের বেশি সময় পর আবার রাশিয়া সফরে গিয়ে দেশটির প্রেসিডেন্ট ভ্লাদিমির পুতিনের মুখোমুখি হলেন উত্তর কোরিয়ার নেতা কিম জং উন। রাশিয়ার দূরপ্রাচ্যের আমুর অঞ্চলে ভস্তোচনি মহাকাশ কেন্দ্রে আজ বুধবার দুই নেতার দেখা হয়।',
  'উত্তর কোরিয়ার রাষ্ট্রীয় বার্তা সংস্থা কেসিএনএ জানিয়েছিল, গত রোববার পিয়ংইয়ং থেকে নিজের বিশেষ ট্রেনে রাশিয়ার পথে রওনা হন কিম। গতকাল মঙ্গলবার সীমান্তের খাসান স্টেশন দিয়ে ট্রেনটি রাশিয়ায় ঢোকে। কিমের সফরসঙ্গী হয়েছেন দেশটির সামরিক বাহিনী ও প্রতিরক্ষা শিল্পের শীর্ষ কর্মকর্তারা।',
  'মহাকাশ কেন্দ্রে পৌঁছালে পুতিন নিজে কিমকে স্বাগত জানান। এরপর দুই নেতা কেন্দ্রের রকেট উৎক্ষেপণ স্থাপনা ঘুরে দেখেন। দুই দেশের প্রতিনিধিদলের আলোচনা শেষে পুতিন ও কিম আলাদা করে বৈঠকে বসেন।',
  'বৈঠকে কী নিয়ে কথা হয়েছে, দুই দেশের কেউ তা বিস্তারিত জানায়নি। তবে পশ্চিমা দেশগুলোর আশঙ্কা, ইউক্রেন যুদ্ধে গোলাবারুদের ঘাটতি মেটাতে রাশিয়া উত্তর কোরিয়ার কাছ থেকে অস্ত্র কিনতে চায়; বিনিময়ে পিয়ংইয়ং পেতে পারে খাদ্যসহায়তা ও সামরিক প্রযুক্তি।',
  // A long unbroken token: the page must wrap it rather than scroll sideways on a phone.
  'বিস্তারিত: https://www.example.gov.bd/press-release/2023/09/13/russia-north-korea-summit-vladivostok-official-statement-full-text',
];

const PUBLISHED_LABEL = '১৩ সেপ্টেম্বর ২০২৩, ০৪:৫৭ পিএম';
const PUBLISHED_ISO = '2023-09-13T16:57:00+06:00';

/** A sample image whose variants the preview server generates on the fly. */
export function sampleImage(name: string, alt: string, caption = '', credit = ''): ImageVM {
  return {
    src: `/media/${name}-960x540.jpg`,
    srcset: `/media/${name}-480x270.jpg 480w, /media/${name}-960x540.jpg 960w`,
    webpSrcset: '',
    avifSrcset: '',
    width: 960,
    height: 540,
    alt,
    caption,
    credit,
  };
}

/** A card for the sample lists; every third has no image, to show the text-only layout. */
export function sampleCard(i: number, kicker: string, headline: string): ArticleCardVM {
  const id = 251100 + i;
  return {
    id,
    href: `/national/${id}`,
    kicker,
    headline,
    summary: i % 2 === 0 ? (SAMPLE_BODY[1] ?? '') : '',
    image: i % 3 === 2 ? null : sampleImage(`sample-${i % 6}`, headline),
    sectionName: 'জাতীয়',
    sectionHref: '/national',
    publishedLabel: PUBLISHED_LABEL,
    relativeLabel: `${toBengaliDigits(i + 1)} ঘণ্টা আগে`,
    publishedIso: PUBLISHED_ISO,
    breaking: false,
  };
}

/** The site chrome: nav with sub-sections, breaking items, feeds, and the real stylesheets. */
export function sampleSite(): SiteVM {
  return {
    name: 'প্রকাশ অনলাইন',
    origin: 'http://localhost:3000',
    todayLabel: 'শুক্রবার, ২৭ নভেম্বর ২০২৬, ১২ অগ্রহায়ণ ১৪৩৩, ১৬ জমাদিউস সানি ১৪৪৮ হিজরি',
    todayHref: '/archive/2026/11/27#print-edition',
    nav: [
      { name: 'জাতীয়', href: '/national', children: [] },
      { name: 'রাজনীতি', href: '/politics', children: [] },
      {
        name: 'সারাদেশ',
        href: '/country',
        children: [
          { name: 'ঢাকা', href: '/country/dhaka' },
          { name: 'চট্টগ্রাম', href: '/country/chattogram' },
          { name: 'রাজশাহী', href: '/country/rajshahi' },
        ],
      },
      {
        name: 'আন্তর্জাতিক',
        href: '/world',
        children: [
          { name: 'এশিয়া', href: '/world/asia' },
          { name: 'ইউরোপ', href: '/world/europe' },
          { name: 'আমেরিকা', href: '/world/america' },
        ],
      },
      { name: 'অর্থনীতি', href: '/economy', children: [] },
      {
        name: 'খেলা',
        href: '/sports',
        children: [
          { name: 'ক্রিকেট', href: '/sports/cricket' },
          { name: 'ফুটবল', href: '/sports/football' },
        ],
      },
      { name: 'বিনোদন', href: '/entertainment', children: [] },
      { name: 'প্রযুক্তি', href: '/tech', children: [] },
      { name: 'লাইফস্টাইল', href: '/lifestyle', children: [] },
      { name: 'মতামত', href: '/opinion', children: [] },
    ],
    breaking: [
      { name: 'মেঘনায় যাত্রীবাহী লঞ্চে আগুন, সব যাত্রী উদ্ধার', href: '/national/251117' },
      { name: 'কার্জন হলের একটি গবেষণাগারে আগুন, হতাহত নেই', href: '/national/251109' },
    ],
    feeds: [
      { name: 'RSS', href: '/rss.xml' },
      { name: 'আন্তর্জাতিক RSS', href: '/world/rss.xml' },
    ],
    googleNewsUrl: 'https://news.google.com/publications/CAAqBwgKMKHL9QowkqbaAg',
    assets: { styles: INLINE_STYLES },
  };
}

/** The সর্বশেষ list, and a জনপ্রিয় list in another order. */
export function sampleLists(): ListsVM {
  const latest = SAMPLE_LATEST.map(([kicker, headline], i) => sampleCard(i, kicker, headline));
  const popular = [...latest.slice(10), ...latest.slice(0, 10)];
  return { latest, popular };
}

/** The fixture article: আন্তর্জাতিক ডেস্ক, প্রকাশ : ১৩ সেপ্টেম্বর ২০২৩, ০৪:৫৭ পিএম, অনলাইন সংস্করণ. */
export function sampleArticle(overrides: Partial<ArticleVM> = {}): ArticleVM {
  const lists = sampleLists();
  return {
    id: 251042,
    href: '/world/asia/251042',
    kicker: 'রাশিয়া সফরে কিম',
    headline: 'মহাকাশ কেন্দ্রে পুতিনের সঙ্গে কিমের বৈঠক',
    summary: SAMPLE_BODY[0] ?? '',
    corrections: [],
    comments: { countLabel: 'এখনো কোনো মন্তব্য নেই', items: [], formAction: '/api/v1/articles/251042/comments' },
    image: sampleImage('kim-putin', 'ভস্তোচনি মহাকাশ কেন্দ্রে কিম জং উন ও ভ্লাদিমির পুতিন', 'ভস্তোচনি মহাকাশ কেন্দ্রে বৈঠকের আগে দুই নেতা।', 'রয়টার্স'),
    sectionName: 'এশিয়া',
    sectionHref: '/world/asia',
    publishedLabel: PUBLISHED_LABEL,
    relativeLabel: '২ বছর আগে',
    publishedIso: PUBLISHED_ISO,
    breaking: false,
    subheadline: 'চার বছরের বেশি সময় পর দুই নেতার দ্বিতীয় শীর্ষ বৈঠক',
    bylines: [{ name: 'আন্তর্জাতিক ডেস্ক', href: '/author/international-desk' }],
    editionLabel: 'অনলাইন সংস্করণ',
    printPageLabel: '',
    printEditionHref: '',
    updatedLabel: '',
    updatedIso: '',
    bodyHtml: raw(SAMPLE_BODY.map((p) => `<p>${p}</p>`).join('\n')),
    tags: [
      { name: 'রাশিয়া', href: '/topic/russia' },
      { name: 'উত্তর কোরিয়া', href: '/topic/north-korea' },
      { name: 'ভ্লাদিমির পুতিন', href: '/topic/vladimir-putin' },
    ],
    district: null,
    breadcrumbs: [
      { name: 'আন্তর্জাতিক', href: '/world' },
      { name: 'এশিয়া', href: '/world/asia' },
    ],
    canonicalUrl: 'http://localhost:3000/world/asia/251042',
    related: lists.popular.slice(0, 4),
    ...overrides,
  };
}

/** The home page: a lead story, six top stories, three section blocks. */
export function sampleHome(): HomeVM {
  const lists = sampleLists();
  const { latest } = lists;
  const lead: ArticleCardVM = { ...sampleArticle(), summary: SAMPLE_BODY[0] ?? '' };
  return {
    mostRead: [],
    lead,
    top: latest.slice(0, 6),
    sections: [
      { section: { name: 'জাতীয়', href: '/national' }, articles: latest.slice(6, 12) },
      { section: { name: 'আন্তর্জাতিক', href: '/world' }, articles: latest.slice(12, 16) },
      { section: { name: 'খেলা', href: '/sports' }, articles: latest.slice(14, 20) },
    ],
    lists,
  };
}

/** The এশিয়া section front, page 2 of several. */
export function sampleSectionPage(): SectionPageVM {
  const lists = sampleLists();
  return {
    title: 'আন্তর্জাতিক',
    canonicalUrl: 'http://localhost:3000/world?page=2',
    breadcrumbs: [{ name: 'আন্তর্জাতিক', href: '/world' }],
    children: [
      { name: 'এশিয়া', href: '/world/asia' },
      { name: 'ইউরোপ', href: '/world/europe' },
      { name: 'আমেরিকা', href: '/world/america' },
    ],
    articles: lists.latest.slice(0, 12),
    pagination: { page: 2, pageLabel: 'পৃষ্ঠা ২', prevHref: '/world', nextHref: '/world?page=3' },
    feedHref: '/world/rss.xml',
    lists,
  };
}

/** The desk's author page. */
export function sampleListPage(): ListPageVM {
  const lists = sampleLists();
  return {
    kind: 'author',
    title: 'আন্তর্জাতিক ডেস্ক',
    canonicalUrl: 'http://localhost:3000/author/international-desk',
    subtitle: 'প্রকাশ অনলাইনের আন্তর্জাতিক বিভাগ',
    articles: lists.latest.slice(0, 10),
    pagination: { page: 1, pageLabel: 'পৃষ্ঠা ১', prevHref: null, nextHref: '/author/international-desk?page=2' },
    lists,
  };
}

/** 13 September 2023 with online stories and a print edition of two pages. */
export function sampleArchivePage(): ArchivePageVM {
  const lists = sampleLists();
  return {
    date: '2023-09-13',
    gregorianLabel: 'বুধবার, ১৩ সেপ্টেম্বর ২০২৩',
    banglaLabel: '২৯ ভাদ্র ১৪৩০ বঙ্গাব্দ',
    hijriLabel: '২৭ সফর ১৪৪৫ হিজরি',
    articles: lists.latest.slice(0, 6),
    printPages: [
      { page: 1, pageLabel: 'পৃষ্ঠা ১', articles: lists.latest.slice(6, 9) },
      { page: 3, pageLabel: 'পৃষ্ঠা ৩', articles: lists.latest.slice(9, 12) },
    ],
    prevDayHref: '/archive/2023/09/12',
    nextDayHref: '/archive/2023/09/14',
    lists,
  };
}

/** The not-found page. */
export function sampleErrorPage(): ErrorPageVM {
  return {
    status: 404,
    title: 'পাতাটি পাওয়া যায়নি',
    message: 'আপনি যে পাতাটি খুঁজছেন সেটি সরানো হয়েছে অথবা কখনো ছিল না।',
  };
}
