// Who and where the generated stories are about. Each list is in order of how often a Bangladeshi
// paper names them (the generator draws by a Zipf law, so the first are in many stories).
//
// Names that the judged queries are about as places (নিউইয়র্ক, হংকং, মস্কো, ব্রাসেলস,
// ভ্লাদিভস্তক, পিয়ংইয়ং, কিয়েভ, খুলনা, সিলেট, কক্সবাজার, নিউমার্কেট, সাভার …) are never the
// subject of a generated headline; generated bodies mention them in passing (filler-passing.ts).

/** A person, party, team, country or place a generated story is about. */
export interface Subject {
  /** As headlines write it, e.g. পুতিন. */
  name: string;
  /** As a first mention in the body writes it, e.g. রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন. */
  full: string;
  /** The tag a newsroom gives stories about them. */
  tag: string;
  /** Only in stories published in [from, to) (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** The section its stories go in, when the beat has several. */
  section?: string;
  /** An organisation (a party, a team): verbs agree without the honorific. */
  org?: boolean;
}

type Extra = Pick<Subject, 'from' | 'to' | 'section' | 'org'>;
const s = (name: string, full = name, tag = name, extra: Extra = {}): Subject => ({ name, full, tag, ...extra });
const org = (name: string, full = name, tag = name, extra: Extra = {}): Subject => s(name, full, tag, { ...extra, org: true });

const ASIA = { section: 'world/asia' };
const EUROPE = { section: 'world/europe' };
const AMERICA = { section: 'world/america' };

export const WORLD_LEADERS: readonly Subject[] = [
  s('পুতিন', 'রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন', 'ভ্লাদিমির পুতিন', EUROPE),
  s('মোদি', 'ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদি', 'নরেন্দ্র মোদি', ASIA),
  s('ট্রাম্প', 'ডোনাল্ড ট্রাম্প', 'ডোনাল্ড ট্রাম্প', AMERICA),
  s('জেলেনস্কি', 'ইউক্রেনের প্রেসিডেন্ট ভলোদিমির জেলেনস্কি', 'ভলোদিমির জেলেনস্কি', EUROPE),
  s('বাইডেন', 'মার্কিন প্রেসিডেন্ট জো বাইডেন', 'জো বাইডেন', { ...AMERICA, to: '2025-01-20' }),
  s('কিম', 'উত্তর কোরিয়ার নেতা কিম জং উন', 'কিম জং উন', ASIA),
  s('শি জিনপিং', 'চীনের প্রেসিডেন্ট শি জিনপিং', 'শি জিনপিং', ASIA),
  s('নেতানিয়াহু', 'ইসরায়েলের প্রধানমন্ত্রী বেনিয়ামিন নেতানিয়াহু', 'বেনিয়ামিন নেতানিয়াহু'),
  s('এরদোয়ান', 'তুরস্কের প্রেসিডেন্ট রিসেপ তাইয়েপ এরদোয়ান', 'রিসেপ তাইয়েপ এরদোয়ান'),
  s('গুতেরেস', 'জাতিসংঘ মহাসচিব আন্তোনিও গুতেরেস', 'জাতিসংঘ'),
  s('ম্যাক্রোঁ', 'ফ্রান্সের প্রেসিডেন্ট এমানুয়েল ম্যাক্রোঁ', 'এমানুয়েল ম্যাক্রোঁ', EUROPE),
  s('শাহবাজ শরিফ', 'পাকিস্তানের প্রধানমন্ত্রী শাহবাজ শরিফ', 'পাকিস্তান', { ...ASIA, from: '2022-04-11' }),
  s('কিম জং উন', 'উত্তর কোরিয়ার নেতা কিম জং উন', 'কিম জং উন', ASIA),
];

const place = (section: string) => (n: string) => s(n, n, n, { section });
const city = (section: string) => (n: string) => s(n, n, 'আন্তর্জাতিক', { section });

const BY_FREQUENCY = ['ভারত', 'যুক্তরাষ্ট্র', 'চীন', 'রাশিয়া', 'ইউক্রেন', 'পাকিস্তান', 'ইসরায়েল', 'ইরান', 'মিয়ানমার', 'যুক্তরাজ্য'];
const frequent = (a: Subject, b: Subject) => rank(a) - rank(b);
const rank = (x: Subject) => (BY_FREQUENCY.includes(x.name) ? BY_FREQUENCY.indexOf(x.name) : BY_FREQUENCY.length);

export const WORLD_PLACES: readonly Subject[] = [
  ...['ভারত', 'চীন', 'পাকিস্তান', 'মিয়ানমার', 'জাপান', 'শ্রীলঙ্কা', 'নেপাল', 'আফগানিস্তান', 'উত্তর কোরিয়া', 'দক্ষিণ কোরিয়া'].map(place('world/asia')),
  ...['যুক্তরাষ্ট্র', 'কানাডা', 'ব্রাজিল'].map(place('world/america')),
  ...['রাশিয়া', 'ইউক্রেন', 'যুক্তরাজ্য', 'ফ্রান্স', 'জার্মানি'].map(place('world/europe')),
  ...['ইসরায়েল', 'ইরান', 'সৌদি আরব', 'তুরস্ক', 'সিরিয়া', 'লেবানন', 'মিসর', 'কাতার', 'মালয়েশিয়া', 'ইন্দোনেশিয়া'].map(place('world')),
  ...['দিল্লি', 'কলকাতা', 'বেইজিং', 'ইসলামাবাদ', 'টোকিও', 'কাবুল', 'সিউল', 'করাচি', 'জাকার্তা', 'সিঙ্গাপুর'].map(city('world/asia')),
  ...['লন্ডন', 'প্যারিস', 'জেনেভা'].map(city('world/europe')),
  ...['ওয়াশিংটন'].map(city('world/america')),
  ...['তেহরান', 'দুবাই', 'ইস্তাম্বুল'].map(city('world')),
].sort(frequent);

export const BD_POLITICS: readonly Subject[] = [
  org('বিএনপি', 'বিএনপি', 'বিএনপি'),
  org('আওয়ামী লীগ', 'আওয়ামী লীগ', 'আওয়ামী লীগ'),
  s('হাসিনা', 'শেখ হাসিনা', 'শেখ হাসিনা'),
  org('জামায়াত', 'জামায়াতে ইসলামী', 'জামায়াতে ইসলামী'),
  s('ইউনূস', 'প্রধান উপদেষ্টা ড. মুহাম্মদ ইউনূস', 'মুহাম্মদ ইউনূস', { from: '2024-08-08' }),
  s('তারেক রহমান', 'বিএনপির ভারপ্রাপ্ত চেয়ারম্যান তারেক রহমান', 'তারেক রহমান'),
  s('মির্জা ফখরুল', 'বিএনপির মহাসচিব মির্জা ফখরুল ইসলাম আলমগীর', 'মির্জা ফখরুল ইসলাম আলমগীর'),
  s('ওবায়দুল কাদের', 'আওয়ামী লীগের সাধারণ সম্পাদক ওবায়দুল কাদের', 'ওবায়দুল কাদের', { to: '2024-08-05' }),
  s('খালেদা জিয়া', 'বিএনপি চেয়ারপারসন খালেদা জিয়া', 'খালেদা জিয়া'),
  org('জাতীয় পার্টি', 'জাতীয় পার্টি', 'জাতীয় পার্টি'),
  org('এনসিপি', 'জাতীয় নাগরিক পার্টি (এনসিপি)', 'এনসিপি', { from: '2025-02-28' }),
  s('জিএম কাদের', 'জাতীয় পার্টির চেয়ারম্যান জিএম কাদের', 'জাতীয় পার্টি'),
];

/** Dhaka neighbourhoods for city news (never নিউমার্কেট, গুলশান or বেইলি রোড: judged queries are about them). */
export const DHAKA_AREAS: readonly Subject[] = [
  'মিরপুর',
  'যাত্রাবাড়ী',
  'উত্তরা',
  'মোহাম্মদপুর',
  'বাড্ডা',
  'তেজগাঁও',
  'ধানমন্ডি',
  'মতিঝিল',
  'গুলিস্তান',
  'ফার্মগেট',
  'শাহবাগ',
  'রামপুরা',
].map((n) => s(n, `রাজধানীর ${n}`, 'রাজধানী'));

export const CRICKETERS: readonly Subject[] = [
  s('সাকিব', 'সাকিব আল হাসান', 'সাকিব আল হাসান', { to: '2025-03-01' }),
  s('মুশফিক', 'মুশফিকুর রহিম', 'মুশফিকুর রহিম'),
  s('লিটন', 'লিটন দাস', 'লিটন দাস'),
  s('মিরাজ', 'মেহেদী হাসান মিরাজ', 'মেহেদী হাসান মিরাজ'),
  s('শান্ত', 'নাজমুল হোসেন শান্ত', 'নাজমুল হোসেন শান্ত'),
  s('তাসকিন', 'তাসকিন আহমেদ', 'তাসকিন আহমেদ'),
  s('তামিম', 'তামিম ইকবাল', 'তামিম ইকবাল', { to: '2025-01-10' }),
  s('মুস্তাফিজ', 'মুস্তাফিজুর রহমান', 'মুস্তাফিজুর রহমান'),
];

export const CRICKET_TEAMS: readonly Subject[] = ['ভারত', 'পাকিস্তান', 'শ্রীলঙ্কা', 'আফগানিস্তান', 'জিম্বাবুয়ে', 'ওয়েস্ট ইন্ডিজ', 'নিউজিল্যান্ড', 'আয়ারল্যান্ড'].map((n) =>
  s(n, `${n} ক্রিকেট দল`, 'ক্রিকেট'),
);

export const FOOTBALL: readonly Subject[] = [
  s('মেসি', 'লিওনেল মেসি', 'লিওনেল মেসি'),
  org('আর্জেন্টিনা', 'আর্জেন্টিনা ফুটবল দল', 'আর্জেন্টিনা'),
  org('ব্রাজিল', 'ব্রাজিল ফুটবল দল', 'ব্রাজিল'),
  s('রোনালদো', 'ক্রিস্টিয়ানো রোনালদো', 'ক্রিস্টিয়ানো রোনালদো'),
  s('নেইমার', 'নেইমার জুনিয়র', 'নেইমার'),
  org('রিয়াল মাদ্রিদ', 'স্প্যানিশ ক্লাব রিয়াল মাদ্রিদ', 'রিয়াল মাদ্রিদ'),
  org('বার্সেলোনা', 'স্প্যানিশ ক্লাব বার্সেলোনা', 'বার্সেলোনা'),
  org('বসুন্ধরা কিংস', 'বসুন্ধরা কিংস', 'বসুন্ধরা কিংস'),
  s('জামাল ভূঁইয়া', 'জাতীয় দলের অধিনায়ক জামাল ভূঁইয়া', 'জামাল ভূঁইয়া'),
  org('আবাহনী', 'ঢাকা আবাহনী', 'আবাহনী'),
  org('মোহামেডান', 'ঢাকা মোহামেডান', 'মোহামেডান'),
];

export const ARTISTS: readonly Subject[] = [
  s('শাকিব খান', 'চিত্রনায়ক শাকিব খান', 'শাকিব খান'),
  s('জয়া আহসান', 'অভিনেত্রী জয়া আহসান', 'জয়া আহসান'),
  s('শাহরুখ খান', 'বলিউড তারকা শাহরুখ খান', 'শাহরুখ খান'),
  s('চঞ্চল চৌধুরী', 'অভিনেতা চঞ্চল চৌধুরী', 'চঞ্চল চৌধুরী'),
  s('মেহজাবীন', 'অভিনেত্রী মেহজাবীন চৌধুরী', 'মেহজাবীন চৌধুরী'),
  s('আফরান নিশো', 'অভিনেতা আফরান নিশো', 'আফরান নিশো'),
  s('সালমান খান', 'বলিউড তারকা সালমান খান', 'সালমান খান'),
  s('দীপিকা', 'বলিউড অভিনেত্রী দীপিকা পাড়ুকোন', 'দীপিকা পাড়ুকোন'),
  s('পরীমনি', 'চিত্রনায়িকা পরীমনি', 'পরীমনি'),
];

/** Districts whose names the judged queries are about, kept out of generated headlines. */
export const RESERVED_DISTRICTS: ReadonlySet<string> = new Set(['khulna', 'sylhet', 'coxs-bazar', 'dhaka']);

/** District correspondents' names, one per district in turn. */
export const CORRESPONDENT_NAMES: readonly string[] = [
  'আবদুর রাজ্জাক',
  'মো. কামরুজ্জামান',
  'শফিকুল ইসলাম',
  'নাসরিন আক্তার',
  'আনিসুর রহমান',
  'মাসুদ রানা',
  'তৌহিদুল ইসলাম',
  'সেলিনা পারভীন',
  'জাকির হোসেন',
  'মাহবুবুর রহমান',
  'রেজাউল করিম',
  'ফারুক আহমেদ',
];
