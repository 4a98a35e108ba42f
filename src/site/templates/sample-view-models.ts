/**
 * Realistic sample view models for the template preview and the template tests, built from the
 * seed fixture (a Kalbela article page). Not used by the running site.
 */
import { toBengaliDigits } from '../../bangla/digits.ts';
import { raw } from '../../lib/html.ts';
import type { ArchivePageVM, ArticleCardVM, ArticleVM, ErrorPageVM, HomeVM, ImageVM, ListPageVM, ListsVM, SectionPageVM, SiteVM } from '../view-model.ts';
import { PAGE_STYLE_NAMES } from '../page-styles.ts';

/** The twenty সর্বশেষ headlines of the fixture's sidebar, as [kicker, headline]. */
export const FIXTURE_LATEST: Array<[string, string]> = [
  ['', 'যে কারণে বিয়ের অনুষ্ঠানে নাচেন না রণবীর কাপুর'],
  ['', 'নোবিপ্রবি সাংবাদিক সমিতির সভাপতি নাহিদ, সম্পাদক মুদ্দাচ্ছির'],
  ['', 'ঢাকায় ৬.৯ মাত্রার ভূমিকম্পে কত প্রাণহানি হতে পারে, জানাল রাজউক'],
  ['', 'বিনা অনুমতিতে বিদেশে অবস্থান, চাকরিচ্যুত ইবির অধ্যাপক'],
  ['', 'গভীর রাতে বাড়িতে পুলিশ, প্রবাসী যুবকের মৃত্যু'],
  ['', 'ইতালিতে প্রবাসীদের পোস্টাল ভোট নিয়ে বিএনপির কর্মসূচি'],
  ['', 'ইয়ানসেনের ছয় উইকেটে বিপদে ভারত'],
  ['', 'ছাত্রশিবিরের অর্ধশতাধিক নেতাকর্মীর ছাত্রদলে যোগদান'],
  ['', 'ঢাবির বিজয় একাত্তর হলে আগুন'],
  ['', 'বৃহত্তর সুন্নি জোট থেকে ৩০০ আসনেই প্রার্থী দেওয়া হবে : গিয়াসউদ্দিন তাহেরী'],
  ['', 'সাবেক মেয়র তাপসের ২১ ব্যাংক হিসাবে ১০ কোটি টাকা ফ্রিজ'],
  ['', 'ব্র্যাক ব্যাংকের দ্বিতীয় ‘এমপাওয়ারঅ্যাবিলিটি-২০২৫’ অনুষ্ঠিত'],
  ['', 'ক্যানসারকে দূরে রাখতে চান? এই সহজ ৫ টিপস মানুন আজ থেকেই'],
  ['', 'কিংবদন্তির মৃত্যুতে স্তব্ধ বলিউড'],
  ['', 'কর্মসূচি প্রত্যাহার করল চট্টগ্রাম বন্দর রক্ষা পরিষদ'],
  ['', 'যাত্রী ভেবে পুলিশের গাড়িতে ডাকাতের হানা, অতঃপর...'],
  ['', 'ভূমিকম্পের প্রস্তুতি নিয়ে জরুরি বৈঠকে প্রধান উপদেষ্টা'],
  ['র্যাগিংয়ের অভিযোগ', '‘ম্যানার’ শেখানোর নামে থাপ্পড়, কানে শুনছে না নবীন শিক্ষার্থী'],
  ['', 'পাকিস্তানের সিন্ধু একদিন ভারতের হতে পারে : রাজনাথ সিং'],
  ['', 'বাজারে এলো এআই ফিচার ও এমোলেড ডিসপ্লেসহ নতুন টেকনো ওয়াচ নিও'],
];

const FIXTURE_BODY = [
  'মার্কিন সতর্কবার্তার পরও রাশিয়া সফর করেছেন উত্তর কোরিয়ার প্রেসিডেন্ট কিম জং উন। দেশটির দ্বিতীয় বৃহত্তম ও পূর্বাঞ্চলীয় শহর ভ্লাদিভস্তকে তিনি রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে বৈঠক করেন। এ সময় তিনি পুতিনকে বিজয়ের আশ্বাস দেন।',
  'রাশিয়ার বার্তা সংস্থা জানিয়েছে, ইউক্রেনে আগ্রাসনে শত্রুদের মোকাবিলা করে রাশিয়া জয়ী হবে। এ বিষয়ে উত্তর কোরিয়ার প্রেসিডেন্ট কিম জং উন দৃঢ়ভাবে আশ্বস্ত করেছেন।',
  'কিমকে উদ্ধৃত করে প্রতিবেদনে বলা হয়েছে, আমি দৃঢ়ভাবে বিশ্বাস করি যে রাশিয়ার সেনারা অবশ্যই বিশাল জয় অর্জন করবে। তারা এ যুদ্ধের মাধ্যমে শয়তানদের শাস্তি দেবে।',
  'কিমের এই সফর নিয়ে রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিনের মুখপাত্র দিমিত্রি পেসকভ বলেছেন, এটি একটি পূর্ণাঙ্গ সফর হবে। দুই দেশের প্রতিনিধিদলের মধ্যে আলোচনা হবে। এরপর প্রয়োজন হলে দুই দেশের নেতা একান্ত বৈঠক করবেন।',
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
    summary: i % 2 === 0 ? (FIXTURE_BODY[1] ?? '') : '',
    image: i % 3 === 2 ? null : sampleImage(`sample-${i % 6}`, headline),
    sectionName: 'জাতীয়',
    sectionHref: '/national',
    publishedLabel: PUBLISHED_LABEL,
    relativeLabel: `${toBengaliDigits(i + 1)} ঘণ্টা আগে`,
    publishedIso: PUBLISHED_ISO,
    breaking: false,
  };
}

/** The site chrome: nav with sub-sections, breaking items, feeds; one stylesheet URL for every kind of page, or one each. */
export function sampleSite(css: string | SiteVM['assets']['css'] = '/assets/site.00000000.css'): SiteVM {
  return {
    name: 'কালবেলা অনলাইন',
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
      { name: 'ভূমিকম্পের প্রস্তুতি নিয়ে জরুরি বৈঠকে প্রধান উপদেষ্টা', href: '/national/251117' },
      { name: 'ঢাবির বিজয় একাত্তর হলে আগুন', href: '/national/251109' },
    ],
    feeds: [
      { name: 'RSS', href: '/rss.xml' },
      { name: 'আন্তর্জাতিক RSS', href: '/world/rss.xml' },
    ],
    googleNewsUrl: 'https://news.google.com/publications/CAAqBwgKMKHL9QowkqbaAg',
    assets: { css: typeof css === 'string' ? (Object.fromEntries(PAGE_STYLE_NAMES.map((name) => [name, css])) as SiteVM['assets']['css']) : css },
  };
}

/** The fixture's সর্বশেষ list, and a জনপ্রিয় list in another order. */
export function sampleLists(): ListsVM {
  const latest = FIXTURE_LATEST.map(([kicker, headline], i) => sampleCard(i, kicker, headline));
  const popular = [...latest.slice(10), ...latest.slice(0, 10)];
  return { latest, popular };
}

/** The fixture article: কালবেলা ডেস্ক, প্রকাশ : ১৩ সেপ্টেম্বর ২০২৩, ০৪:৫৭ পিএম, অনলাইন সংস্করণ. */
export function sampleArticle(overrides: Partial<ArticleVM> = {}): ArticleVM {
  const lists = sampleLists();
  return {
    id: 251042,
    href: '/world/asia/251042',
    kicker: 'ভ্লাদিভস্তকে বৈঠক',
    headline: 'পুতিনকে বিজয়ের আশ্বাস দিলেন কিম',
    summary: FIXTURE_BODY[0] ?? '',
    corrections: [],
    comments: { countLabel: 'এখনো কোনো মন্তব্য নেই', items: [], formAction: '/api/v1/articles/251042/comments' },
    image: sampleImage('kim-putin', 'ভ্লাদিভস্তকে বৈঠকে কিম জং উন ও ভ্লাদিমির পুতিন', 'বৈঠকে দুই দেশের প্রেসিডেন্ট।', 'রয়টার্স'),
    sectionName: 'এশিয়া',
    sectionHref: '/world/asia',
    publishedLabel: PUBLISHED_LABEL,
    relativeLabel: '২ বছর আগে',
    publishedIso: PUBLISHED_ISO,
    breaking: false,
    subheadline: 'ইউক্রেন যুদ্ধে রাশিয়ার জয়ের বিষয়ে দৃঢ় আশাবাদ উত্তর কোরিয়ার নেতার',
    bylines: [{ name: 'কালবেলা ডেস্ক', href: '/author/kalbela-desk' }],
    editionLabel: 'অনলাইন সংস্করণ',
    printPageLabel: '',
    printEditionHref: '',
    updatedLabel: '',
    updatedIso: '',
    bodyHtml: raw(FIXTURE_BODY.map((p) => `<p>${p}</p>`).join('\n')),
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
  const lead: ArticleCardVM = { ...sampleArticle(), summary: FIXTURE_BODY[0] ?? '' };
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
    title: 'কালবেলা ডেস্ক',
    canonicalUrl: 'http://localhost:3000/author/kalbela-desk',
    subtitle: 'কালবেলা অনলাইনের বার্তা বিভাগ',
    articles: lists.latest.slice(0, 10),
    pagination: { page: 1, pageLabel: 'পৃষ্ঠা ১', prevHref: null, nextHref: '/author/kalbela-desk?page=2' },
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
