// Sentences that mention the judged stories' names in passing, as later news does ("after the
// Putin–Kim meeting …"). They are what makes ranking hard: many newer stories hold the names a
// reader types, in the body, without being the story the reader means. Each group is used only in
// stories published after its event, on the beats where such a sentence is natural.

export interface PassingGroup {
  name: string;
  /** YYYY-MM-DD: only in stories published on or after this day. */
  after: string;
  /** Before this day only (YYYY-MM-DD). */
  until?: string;
  /** Beat names it may appear in. */
  beats: readonly string[];
  /** Relative frequency among the groups a story may draw. */
  weight: number;
  sentences: readonly string[];
}

const WORLDLY = ['world-leaders', 'world-places', 'politics', 'economy', 'city'];
const HOME = ['politics', 'city', 'country', 'economy'];

/** The group the generator tops up so that ≥ 300 newer stories mention both leaders. */
export const PUTIN_KIM = 'putin-kim';

export const PASSING: readonly PassingGroup[] = [
  {
    name: PUTIN_KIM,
    after: '2023-09-14',
    beats: WORLDLY,
    weight: 6,
    sentences: [
      'বিশ্লেষকেরা মনে করেন, পুতিন ও কিম জং উনের ঘনিষ্ঠতা এই অঞ্চলের নিরাপত্তা পরিস্থিতিকে আরও জটিল করেছে।',
      'রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন ও উত্তর কোরিয়ার নেতা কিম জং উনের বৈঠকের পর থেকেই পশ্চিমা দেশগুলো উদ্বেগ জানিয়ে আসছে।',
      'ইউক্রেন যুদ্ধে পুতিনকে গোলাবারুদ দিয়ে সহায়তা করছেন কিম, এমন অভিযোগ করে আসছে দক্ষিণ কোরিয়া।',
      'কূটনীতিকেরা বলছেন, পুতিনের সঙ্গে কিমের বৈঠক নিয়ে চীনও সতর্ক অবস্থান নিয়েছে।',
      'উত্তর কোরিয়ার নেতা কিম এবং রুশ প্রেসিডেন্ট পুতিন দুজনেই পশ্চিমা নিষেধাজ্ঞার কড়া সমালোচক।',
      'পুতিন-কিম বৈঠকের পর দুই দেশের মধ্যে অস্ত্র লেনদেন বেড়েছে বলে দাবি মার্কিন গোয়েন্দাদের।',
    ],
  },
  {
    name: 'vladivostok',
    after: '2023-09-14',
    beats: ['world-leaders', 'world-places'],
    weight: 0.25,
    sentences: ['২০২৩ সালের সেপ্টেম্বরে ভ্লাদিভস্তকে পুতিন ও কিমের বৈঠকের পর দুই দেশের সামরিক সহযোগিতা বেড়েছে বলে মনে করেন পশ্চিমা গোয়েন্দারা।'],
  },
  {
    name: 'hasina-modi',
    after: '2022-09-07',
    beats: ['politics', 'economy', 'world-leaders', 'world-places'],
    weight: 2,
    sentences: [
      'এর আগে শেখ হাসিনা ও নরেন্দ্র মোদির বৈঠকে বিষয়টি আলোচনায় এসেছিল বলে জানান কর্মকর্তারা।',
      'হাসিনা-মোদি বৈঠকে সই হওয়া সমঝোতা স্মারকগুলোর অগ্রগতি জানতে চেয়েছেন ব্যবসায়ীরা।',
    ],
  },
  {
    name: 'hasina-resigned',
    after: '2024-08-06',
    beats: HOME,
    weight: 3,
    sentences: ['৫ আগস্ট শেখ হাসিনার পদত্যাগের পর থেকে দলটির অনেক নেতা আত্মগোপনে রয়েছেন।', 'হাসিনা সরকারের পতনের পর এ প্রকল্পের কাজ থমকে আছে।'],
  },
  {
    name: 'yunus-oath',
    after: '2024-08-09',
    beats: HOME,
    weight: 2,
    sentences: ['ড. মুহাম্মদ ইউনূসের নেতৃত্বে অন্তর্বর্তী সরকার শপথ নেওয়ার পর থেকে সংস্কারের দাবি জোরালো হয়েছে।'],
  },
  {
    name: 'yunus-modi',
    after: '2025-04-05',
    beats: ['politics', 'country', 'world-leaders'],
    weight: 1,
    sentences: ['ব্যাংককে ইউনূস ও মোদির বৈঠকের পরও সীমান্ত পরিস্থিতির উন্নতি হয়নি বলে অভিযোগ স্থানীয়দের।'],
  },
  {
    name: 'tarique-yunus',
    after: '2025-06-14',
    beats: ['politics'],
    weight: 2,
    sentences: ['লন্ডনে তারেক রহমান ও ড. ইউনূসের বৈঠকের পর নির্বাচনের সময় নিয়ে অনিশ্চয়তা কেটেছে বলে মনে করেন বিশ্লেষকেরা।'],
  },
  {
    name: 'khaleda-london',
    after: '2025-01-08',
    until: '2025-05-06',
    beats: ['politics'],
    weight: 3,
    sentences: ['খালেদা জিয়া লন্ডনে চিকিৎসাধীন থাকায় দলের সিদ্ধান্তগুলো ভার্চুয়াল সভায় নেওয়া হচ্ছে।'],
  },
  {
    name: 'fakhrul',
    after: '2024-02-16',
    beats: ['politics'],
    weight: 1,
    sentences: ['জামিনে মুক্তি পাওয়ার পর মির্জা ফখরুল ইসলাম আলমগীর বলেন, আন্দোলন চলবে।'],
  },
  {
    name: 'shakib-retired',
    after: '2024-09-27',
    beats: ['cricketers', 'cricket-teams'],
    weight: 3,
    sentences: ['সাকিব আল হাসানের অবসরের পর দলের মিডল অর্ডারে এখনো সেই ভারসাম্য আসেনি।'],
  },
  {
    name: 'tamim-heart',
    after: '2025-03-25',
    beats: ['cricketers', 'cricket-teams'],
    weight: 1,
    sentences: ['হৃদ্‌রোগে আক্রান্ত হওয়ার পর তামিম ইকবাল এখন সুস্থ আছেন বলে জানিয়েছেন চিকিৎসকেরা।'],
  },
  {
    name: 'messi-champion',
    after: '2022-12-19',
    beats: ['football'],
    weight: 3,
    sentences: ['কাতার বিশ্বকাপ জয়ের পর মেসির জনপ্রিয়তা বাংলাদেশেও আকাশছোঁয়া।'],
  },
  {
    name: 'padma-bridge',
    after: '2022-06-26',
    beats: ['economy', 'country', 'city'],
    weight: 2,
    sentences: ['পদ্মা সেতু চালুর পর দক্ষিণাঞ্চলের সঙ্গে রাজধানীর যোগাযোগ সহজ হয়েছে।'],
  },
  {
    name: 'metro-rail',
    after: '2022-12-29',
    beats: ['city', 'economy'],
    weight: 2,
    sentences: ['মেট্রোরেল চালুর পর এই পথে যাত্রীদের সময় অনেক কমেছে।', 'মেট্রোরেলের সুবিধা পেতে শুরু করেছেন মিরপুরের বাসিন্দারা।'],
  },
  {
    name: 'dhaka-traffic',
    after: '2020-01-01',
    beats: ['city', 'economy'],
    weight: 2,
    sentences: ['রাজধানী ঢাকার যানজট নিরসনে নেওয়া প্রকল্পগুলোর সুফল এখনো মেলেনি।'],
  },
  {
    name: 'remal',
    after: '2024-05-28',
    beats: ['country'],
    weight: 2,
    sentences: ['ঘূর্ণিঝড় রিমালের ক্ষত এখনো শুকায়নি উপকূলে।'],
  },
  {
    name: 'new-york',
    after: '2020-01-01',
    beats: ['world-leaders', 'world-places', 'politics'],
    weight: 1.5,
    sentences: ['নিউইয়র্কে জাতিসংঘ সদর দপ্তরেও বিষয়টি নিয়ে আলোচনা হয়েছে।', 'নিউইয়র্কের একটি হোটেলে প্রবাসীদের সঙ্গে মতবিনিময় করেন তিনি।'],
  },
  {
    name: 'hong-kong',
    after: '2020-01-01',
    beats: ['world-places', 'economy'],
    weight: 1.5,
    sentences: ['হংকংয়ের শেয়ারবাজারেও এর প্রভাব পড়েছে।', 'হংকং থেকে আসা একটি কার্গো বিমানে চালানটি আসে।'],
  },
  {
    name: 'moscow',
    after: '2020-01-01',
    beats: ['world-leaders', 'world-places'],
    weight: 1.5,
    sentences: ['মস্কো থেকে পাঠানো এক বিবৃতিতে রুশ পররাষ্ট্র মন্ত্রণালয় এ অভিযোগ নাকচ করেছে।', 'মস্কোতে রুশ কর্মকর্তাদের সঙ্গে আলোচনা করেছেন দেশটির প্রতিনিধিরা।'],
  },
  {
    name: 'brussels',
    after: '2020-01-01',
    beats: ['world-leaders', 'world-places'],
    weight: 1,
    sentences: ['ব্রাসেলসে ইউরোপীয় ইউনিয়নের সদর দপ্তরে বিষয়টি নিয়ে আলোচনা হবে।'],
  },
  {
    name: 'coxs-bazar',
    after: '2020-01-01',
    beats: ['country', 'politics', 'world-places'],
    weight: 1.5,
    sentences: ['কক্সবাজারের রোহিঙ্গা ক্যাম্পগুলোতে খাদ্যসহায়তা কমানো হয়েছে।', 'কক্সবাজারে বেড়াতে যাওয়া পর্যটকের সংখ্যাও কমেছে।'],
  },
  {
    name: 'khulna',
    after: '2020-01-01',
    beats: ['country', 'politics'],
    weight: 1.5,
    sentences: ['খুলনায় বিভাগীয় সমাবেশের প্রস্তুতি চলছে।', 'খুলনা, রাজশাহী ও রংপুর বিভাগেও একই চিত্র দেখা গেছে।'],
  },
  {
    name: 'sylhet',
    after: '2020-01-01',
    beats: ['country', 'politics'],
    weight: 1.5,
    sentences: ['সিলেটে টানা বৃষ্টিতে নিম্নাঞ্চল প্লাবিত হওয়ার আশঙ্কা করছে আবহাওয়া অধিদপ্তর।', 'সিলেটের বন্যার্তদের জন্য ত্রাণ পাঠিয়েছে সংগঠনটি।'],
  },
  {
    name: 'new-market',
    after: '2020-01-01',
    beats: ['city', 'economy'],
    weight: 1.5,
    sentences: ['নিউমার্কেট এলাকায় ঈদের কেনাকাটায় ভিড় বাড়ছে।', 'নিউমার্কেটের ব্যবসায়ীরা বলছেন, বিক্রি আগের চেয়ে কমেছে।'],
  },
  {
    name: 'savar',
    after: '2020-01-01',
    beats: ['country', 'economy'],
    weight: 1,
    sentences: ['সাভারের বিভিন্ন কারখানায় শ্রমিক অসন্তোষ দেখা দিয়েছে।'],
  },
  {
    name: 'gulshan',
    after: '2020-01-01',
    beats: ['city', 'politics'],
    weight: 1,
    sentences: ['গুলশানের কূটনৈতিক এলাকায় নিরাপত্তা জোরদার করা হয়েছে।'],
  },
];
