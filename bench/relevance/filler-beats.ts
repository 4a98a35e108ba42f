// The beats of the generated stories: for each, its sections, whom it is about, and templates for
// headline, lead, summary and body sentences, written with the case endings papers use.
// A template gets the story's subject, another subject of the same beat (mentioned in passing)
// and a number drawer; every headline names exactly one subject.
import { bn, gen, loc, obj } from './inflect.ts';
import type { StoryByline } from './story.ts';
import {
  ARTISTS,
  BD_POLITICS,
  CORRESPONDENT_NAMES,
  CRICKETERS,
  CRICKET_TEAMS,
  DHAKA_AREAS,
  FOOTBALL,
  RESERVED_DISTRICTS,
  WORLD_LEADERS,
  WORLD_PLACES,
  type Subject,
} from './filler-subjects.ts';
import { districts } from '../../src/content/places/places-data.ts';

/** A number between lo and hi, in Bengali digits. */
export type Num = (lo: number, hi: number) => string;
type T = (s: Subject, other: Subject, n: Num) => string;

export interface Beat {
  name: string;
  /** Share of the generated stories. */
  weight: number;
  sections: readonly string[];
  subjects: readonly Subject[];
  headlines: readonly T[];
  leads: readonly T[];
  summaries: readonly T[];
  sentences: readonly T[];
  tags: readonly string[];
  kickers: readonly string[];
  /** Added to some headlines, so that a frequent subject's stories do not all read alike. */
  tails?: readonly string[];
  byline: (s: Subject, pick: <X>(xs: readonly X[]) => X) => StoryByline;
}

const said = (s: Subject) => (s.org ? 'বলল' : 'বললেন');
const desk = (name: string) => () => ({ desk: name });
const authors = (names: readonly string[]) => (_s: Subject, pick: <X>(xs: readonly X[]) => X) => ({ authors: [pick(names)] });

interface DistrictSubject extends Subject {
  slug: string;
}

const DISTRICTS: readonly DistrictSubject[] = districts
  .filter((d) => !RESERVED_DISTRICTS.has(d.slug))
  .map((d) => ({ name: d.name, full: `${d.name} জেলা`, tag: d.name, slug: d.slug }));

const WORLD: Beat = {
  name: 'world-leaders',
  weight: 12,
  sections: ['world', 'world/asia', 'world/europe', 'world/america'],
  subjects: WORLD_LEADERS,
  headlines: [
    (s) => `${gen(s.name)} নতুন হুঁশিয়ারি`,
    (s) => `${s.name} বললেন, আলোচনার দরজা খোলা`,
    (s) => `${gen(s.name)} ভাষণে অর্থনীতির প্রসঙ্গ`,
    (s) => `${obj(s.name)} নিয়ে পশ্চিমা গণমাধ্যমে সমালোচনা`,
    (s) => `নিষেধাজ্ঞার জবাব দিলেন ${s.name}`,
    (s) => `সামরিক মহড়া পরিদর্শন করলেন ${s.name}`,
    (s) => `জাতির উদ্দেশে ${gen(s.name)} ভাষণ`,
    (s) => `${gen(s.name)} জনপ্রিয়তা কমেছে: জরিপ`,
    (s) => `সীমান্ত পরিস্থিতি নিয়ে ${gen(s.name)} বিবৃতি`,
    (s) => `মন্ত্রিসভায় রদবদল আনলেন ${s.name}`,
    (s) => `${gen(s.name)} দপ্তরে জরুরি নিরাপত্তা বৈঠক`,
    (s) => `${s.name} বললেন, যুদ্ধ চাই না`,
  ],
  leads: [
    (s) => `${s.full} বৃহস্পতিবার এক অনুষ্ঠানে এ কথা বলেন।`,
    (s) => `স্থানীয় সময় গতকাল রাতে এক বিবৃতিতে ${s.full} এ কথা জানান।`,
    (s) => `রাষ্ট্রীয় টেলিভিশনে সম্প্রচারিত বক্তব্যে ${s.full} বিষয়টি স্পষ্ট করেন।`,
  ],
  summaries: [(s) => `${gen(s.name)} এই বক্তব্য নিয়ে আন্তর্জাতিক অঙ্গনে আলোচনা চলছে।`, (s) => `বার্তা সংস্থা রয়টার্স জানিয়েছে, ${s.full} নতুন অবস্থানের কথা জানিয়েছেন।`],
  sentences: [
    (s) => `${s.name} বলেন, দেশের সার্বভৌমত্ব রক্ষায় সব ধরনের ব্যবস্থা নেওয়া হবে।`,
    (s) => `এর আগে ${gen(s.name)} দপ্তর থেকে জানানো হয়েছিল, শিগগিরই নতুন সিদ্ধান্ত আসছে।`,
    (_s, o) => `এ বিষয়ে ${gen(o.full)} প্রতিক্রিয়া এখনো জানা যায়নি।`,
    (_s, o) => `গত মাসে ${o.name} একই ধরনের মন্তব্য করেছিলেন।`,
    () => `বিশ্লেষকেরা বলছেন, এর প্রভাব পড়বে আঞ্চলিক রাজনীতিতে।`,
    () => `পশ্চিমা দেশগুলো বলছে, তারা পরিস্থিতির ওপর নজর রাখছে।`,
    () => `জাতিসংঘ সব পক্ষকে সংযম দেখানোর আহ্বান জানিয়েছে।`,
  ],
  tags: ['আন্তর্জাতিক রাজনীতি', 'কূটনীতি'],
  kickers: ['বিশ্লেষণ', 'কূটনীতি'],
  tails: [', উদ্বেগ বাড়ছে', ', সতর্ক প্রতিবেশীরা', ', নজর রাখছে পশ্চিমা বিশ্ব', ', বাড়ছে জ্বালানির দাম', ', প্রশ্ন বিশ্লেষকদের', ', প্রতিক্রিয়া জানাল জাতিসংঘ'],
  byline: desk('আন্তর্জাতিক ডেস্ক'),
};

const WORLD_NEWS: Beat = {
  name: 'world-places',
  weight: 10,
  sections: ['world', 'world/asia', 'world/europe', 'world/america'],
  subjects: WORLD_PLACES,
  headlines: [
    (s, _o, n) => `${loc(s.name)} বন্যায় নিহত ${n(3, 40)}`,
    (s) => `${loc(s.name)} সরকারবিরোধী বিক্ষোভ`,
    (s) => `${loc(s.name)} নির্বাচনের তারিখ ঘোষণা`,
    (s) => `${gen(s.name)} অর্থনীতিতে মন্দার শঙ্কা`,
    (s) => `${loc(s.name)} দাবানল, সরিয়ে নেওয়া হলো হাজারো মানুষ`,
    (s) => `${gen(s.name)} সঙ্গে বাণিজ্য বাড়াতে চায় বাংলাদেশ`,
    (s, _o, n) => `${loc(s.name)} বাস দুর্ঘটনায় নিহত ${n(5, 30)}`,
    (s) => `${loc(s.name)} তাপপ্রবাহ, স্কুল বন্ধ`,
    (s) => `${gen(s.name)} নতুন অভিবাসন আইনে উদ্বেগ`,
    (s) => `${loc(s.name)} বাংলাদেশি শ্রমিকদের জন্য নতুন সুযোগ`,
  ],
  leads: [
    (s) => `${gen(s.name)} স্থানীয় সংবাদমাধ্যমের বরাতে এ খবর জানিয়েছে বার্তা সংস্থা এএফপি।`,
    (s) => `${gen(s.name)} কর্তৃপক্ষ গতকাল এক সংবাদ সম্মেলনে এ তথ্য জানায়।`,
  ],
  summaries: [(s) => `${gen(s.name)} পরিস্থিতি নিয়ে উদ্বেগ বাড়ছে।`, (s) => `${loc(s.name)} থাকা বাংলাদেশিদের সতর্ক থাকতে বলেছে দূতাবাস।`],
  sentences: [
    (s) => `${gen(s.name)} রাজধানীতে হাজারো মানুষ রাস্তায় নেমে আসেন বলে জানিয়েছে রয়টার্স।`,
    (s) => `${gen(s.name)} পররাষ্ট্র মন্ত্রণালয় বিষয়টিকে অভ্যন্তরীণ বিষয় বলে উল্লেখ করেছে।`,
    (_s, o) => `প্রতিবেশী ${loc(o.name)}ও এর প্রভাব পড়তে পারে বলে মনে করছেন বিশেষজ্ঞরা।`,
    () => `দেশটির সরকার এক বিবৃতিতে বলেছে, পরিস্থিতি নিয়ন্ত্রণে রয়েছে।`,
    () => `আহত ব্যক্তিদের কয়েকজনের অবস্থা আশঙ্কাজনক বলে জানিয়েছে আল-জাজিরা।`,
    () => `জ্বালানি তেলের দাম বাড়ায় সাধারণ মানুষের জীবনযাত্রার ব্যয় বেড়েছে।`,
  ],
  tags: ['আন্তর্জাতিক', 'বিশ্ব'],
  kickers: ['দেশে দেশে'],
  byline: (_s, pick) => pick<StoryByline>([{ desk: 'আন্তর্জাতিক ডেস্ক' }, { agency: 'রয়টার্স' }, { agency: 'এএফপি' }]),
};

const POLITICS: Beat = {
  name: 'politics',
  weight: 12,
  sections: ['politics', 'politics', 'national'],
  subjects: BD_POLITICS,
  headlines: [
    (s) => `${gen(s.name)} সমাবেশে নেতাকর্মীদের ঢল`,
    (s) => `সরকারকে ${gen(s.name)} আলটিমেটাম`,
    (s) => `${gen(s.name)} বক্তব্যের সমালোচনা`,
    (s) => `${s.name} ${said(s)}, জনগণই সব ক্ষমতার উৎস`,
    (s) => `${obj(s.name)} নিয়ে মন্তব্য, নেতাদের প্রতিক্রিয়া`,
    (s) => `${gen(s.name)} নতুন কর্মসূচি ঘোষণা`,
    (s) => `সংলাপে বসতে রাজি ${s.name}`,
    (s) => `${gen(s.name)} মনোনয়ন বোর্ডের সভা`,
    (s) => `${gen(s.name)} বিরুদ্ধে নতুন মামলা`,
    (s) => `${gen(s.name)} সঙ্গে দেখা করলেন বিদেশি কূটনীতিকেরা`,
  ],
  leads: [(s) => `রাজধানীর নয়াপল্টনে এক অনুষ্ঠানে ${s.full} সম্পর্কে এ কথা বলা হয়।`, (s) => `গতকাল এক বিবৃতিতে ${gen(s.full)} পক্ষ থেকে বিষয়টি জানানো হয়।`],
  summaries: [(s) => `${gen(s.name)} এই অবস্থান নিয়ে রাজনৈতিক অঙ্গনে আলোচনা চলছে।`, (s) => `নেতারা বলছেন, ${s.name} মাঠের রাজনীতিতে আরও সক্রিয় হবে।`],
  sentences: [
    (s) => `${gen(s.name)} নেতারা বলছেন, দাবি না মানলে কঠোর কর্মসূচি দেওয়া হবে।`,
    (_s, o) => `অন্যদিকে ${o.name} এই বক্তব্যকে রাজনৈতিক উদ্দেশ্যপ্রণোদিত বলেছে।`,
    () => `সমাবেশে ঢাকা ও আশপাশের জেলা থেকে নেতাকর্মীরা যোগ দেন।`,
    () => `বক্তারা অবাধ ও সুষ্ঠু নির্বাচনের দাবি জানান।`,
    () => `পরিস্থিতি নিয়ন্ত্রণে এলাকায় বাড়তি পুলিশ মোতায়েন করা হয়।`,
    () => `দলীয় সূত্র জানিয়েছে, শিগগিরই স্থায়ী কমিটির সভা ডাকা হবে।`,
  ],
  tags: ['রাজনীতি'],
  kickers: ['রাজনীতি'],
  tails: [', উত্তাপ বাড়ছে রাজনীতিতে', ', সরব তৃণমূল', ', নির্বাচন সামনে রেখে প্রস্তুতি', ', মাঠে নামছে নেতাকর্মীরা', ', আলোচনায় সংস্কার'],
  byline: authors(['মাহমুদুল হাসান', 'তানজিলা রহমান', 'শাহনাজ পারভীন']),
};

const CITY: Beat = {
  name: 'city',
  weight: 12,
  sections: ['national'],
  subjects: DHAKA_AREAS,
  headlines: [
    (s) => `${loc(s.name)} বহুতল ভবনে আগুন`,
    (s, _o, n) => `${loc(s.name)} ছিনতাইকারী চক্রের ${n(3, 9)} সদস্য গ্রেপ্তার`,
    (s) => `${loc(s.name)} সড়ক অবরোধ করে শিক্ষার্থীদের বিক্ষোভ`,
    (s) => `${gen(s.name)} ফুটপাত দখলমুক্ত করতে অভিযান`,
    (s) => `${loc(s.name)} গ্যাস সংকটে চুলা জ্বলছে না`,
    (s) => `বৃষ্টিতে ${loc(s.name)} জলাবদ্ধতা, দুর্ভোগে নগরবাসী`,
    (s) => `${loc(s.name)} মাদকবিরোধী অভিযান`,
  ],
  leads: [(s) => `${s.full} এলাকায় গতকাল এ ঘটনা ঘটে বলে জানিয়েছে পুলিশ।`, (s) => `${s.full} এলাকার বাসিন্দারা জানান, কয়েক দিন ধরে এ অবস্থা চলছে।`],
  summaries: [(s) => `${s.full} এলাকার বাসিন্দারা ভোগান্তির কথা জানিয়েছেন।`, () => `ফায়ার সার্ভিস ও পুলিশের সদস্যরা ঘটনাস্থলে যান।`],
  sentences: [
    (s) => `${gen(s.name)} এক ব্যবসায়ী বলেন, এমন পরিস্থিতি আগে দেখেননি।`,
    (_s, o) => `এর আগে ${loc(o.name)}ও একই ধরনের ঘটনা ঘটেছিল।`,
    () => `ঢাকা মহানগর পুলিশের একজন কর্মকর্তা বলেন, জড়িতদের ধরতে অভিযান চলছে।`,
    () => `সিটি করপোরেশন বলছে, সমস্যার স্থায়ী সমাধানে প্রকল্প নেওয়া হয়েছে।`,
    () => `ঘটনার পর কয়েক ঘণ্টা আশপাশের সড়কে যান চলাচল বন্ধ ছিল।`,
  ],
  tags: ['রাজধানী'],
  kickers: ['রাজধানী'],
  byline: authors(['নুসরাত জাহান', 'ইমরান হোসেন', 'মাহমুদুল হাসান']),
};

const COUNTRY: Beat = {
  name: 'country',
  weight: 16,
  sections: ['country'],
  subjects: DISTRICTS,
  headlines: [
    (s, _o, n) => `${loc(s.name)} সড়ক দুর্ঘটনায় নিহত ${n(2, 9)}`,
    (s, _o, n) => `${loc(s.name)} বজ্রপাতে ${n(2, 5)} কৃষকের মৃত্যু`,
    (s, _o, n) => `${loc(s.name)} ট্রাক-বাস সংঘর্ষে আহত ${n(5, 25)}`,
    (s) => `${loc(s.name)} নদীভাঙনে বিলীন শতাধিক ঘর`,
    (s, _o, n) => `${loc(s.name)} ডাকাতির ঘটনায় আটক ${n(2, 6)}`,
    (s) => `${loc(s.name)} আমন ধানের বাম্পার ফলন`,
    (s) => `${loc(s.name)} ভেজাল খাদ্য তৈরির দায়ে জরিমানা`,
    (s) => `${gen(s.name)} হাসপাতালে চিকিৎসক সংকট, ভোগান্তিতে রোগীরা`,
    (s) => `${loc(s.name)} বিদ্যুৎস্পৃষ্ট হয়ে স্কুলছাত্রের মৃত্যু`,
    (s) => `${loc(s.name)} শীতার্তদের মধ্যে কম্বল বিতরণ`,
    (s) => `${loc(s.name)} পুকুরে ডুবে দুই শিশুর মৃত্যু`,
    (s) => `${gen(s.name)} চরাঞ্চলে বন্যার পানি বাড়ছে`,
  ],
  leads: [(s) => `${s.full} প্রশাসন ঘটনাটি নিশ্চিত করেছে।`, (s) => `${gen(s.name)} স্থানীয় বাসিন্দারা জানান, ঘটনাটি ঘটে সকালে।`],
  summaries: [(s) => `${gen(s.name)} উপজেলা প্রশাসন বিষয়টি খতিয়ে দেখছে।`, () => `ঘটনাস্থলে যান উপজেলা নির্বাহী কর্মকর্তা।`],
  sentences: [
    (s) => `${gen(s.name)} সিভিল সার্জন বলেন, আহতদের চিকিৎসা চলছে।`,
    (_s, o) => `গত সপ্তাহে পাশের জেলা ${loc(o.name)}ও এমন ঘটনা ঘটে।`,
    () => `থানার ভারপ্রাপ্ত কর্মকর্তা জানান, এ ঘটনায় মামলা হয়েছে।`,
    () => `এলাকাবাসী দ্রুত ব্যবস্থা নেওয়ার দাবি জানিয়েছেন।`,
    () => `কৃষি বিভাগ বলছে, আবহাওয়া অনুকূলে থাকায় এবার ফলন ভালো।`,
    () => `ইউপি চেয়ারম্যান জানান, ক্ষতিগ্রস্তদের তালিকা করা হচ্ছে।`,
  ],
  tags: ['সারাদেশ'],
  kickers: [],
  byline: (s) => {
    const i = DISTRICTS.findIndex((d) => d.name === s.name);
    return { correspondent: { name: CORRESPONDENT_NAMES[i % CORRESPONDENT_NAMES.length]!, district: DISTRICTS[i]!.slug } };
  },
};

const CRICKET_SENTENCES: readonly T[] = [
  (_s, o) => `দলে ফিরেছেন ${o.full}।`,
  (_s, o) => `আগের ম্যাচে ${o.name} দারুণ খেলেছিলেন।`,
  () => `প্রথমে ব্যাট করে ৫০ ওভারে ২৮৫ রান তোলে দলটি।`,
  () => `টস জিতে ফিল্ডিং নেন অধিনায়ক।`,
  () => `মিরপুরের উইকেট নিয়ে আবারও প্রশ্ন উঠেছে।`,
];

const CRICKET: Beat = {
  name: 'cricketers',
  weight: 4,
  sections: ['sports/cricket'],
  subjects: CRICKETERS,
  headlines: [
    (s) => `${gen(s.name)} দুর্দান্ত পারফরম্যান্সে জয়`,
    (s) => `চোট কাটিয়ে অনুশীলনে ফিরলেন ${s.name}`,
    (s) => `${s.name} বললেন, দলের জয়ই বড় কথা`,
    (s) => `${obj(s.name)} নিয়ে আশাবাদী কোচ`,
    (s) => `ব্যাটিং কোচের সঙ্গে আলাদা অনুশীলনে ${s.name}`,
  ],
  leads: [(s) => `${s.full} ম্যাচের পর সংবাদ সম্মেলনে এ কথা বলেন।`, (s) => `শেরেবাংলা স্টেডিয়ামে অনুশীলনের ফাঁকে ${s.full} প্রসঙ্গে কথা বলেন প্রধান নির্বাচক।`],
  summaries: [(s) => `${gen(s.name)} ফর্ম নিয়ে আলোচনা চলছে।`, () => `সিরিজের বাকি ম্যাচগুলোতে দলে পরিবর্তনের সম্ভাবনা কম।`],
  sentences: CRICKET_SENTENCES,
  tags: ['ক্রিকেট'],
  kickers: ['ক্রিকেট'],
  tails: [', স্বস্তিতে টিম ম্যানেজমেন্ট', ', সিরিজ নিয়ে আশাবাদী দল', ', খুশি সমর্থকেরা'],
  byline: (_s, pick) => pick<StoryByline>([{ desk: 'খেলা ডেস্ক' }, { authors: ['রাকিবুল হাসান'] }]),
};

const CRICKET_TEAMS_BEAT: Beat = {
  ...CRICKET,
  name: 'cricket-teams',
  weight: 3,
  subjects: CRICKET_TEAMS,
  tails: [', প্রশ্নের মুখে ব্যাটিং লাইনআপ', ', ঘুরে দাঁড়ানোর আশা'],
  headlines: [
    (s) => `${gen(s.name)} বিপক্ষে সিরিজের দল ঘোষণা`,
    (s) => `বৃষ্টিতে ভেসে গেল ${gen(s.name)} বিপক্ষে ম্যাচ`,
    (s) => `${obj(s.name)} হারিয়ে সিরিজে সমতা বাংলাদেশের`,
    (s) => `${gen(s.name)} কাছে হেরে সিরিজ হাতছাড়া`,
  ],
  leads: [(s) => `${gen(s.full)} বিপক্ষে ম্যাচ শেষে সংবাদ সম্মেলনে এ কথা বলেন অধিনায়ক।`],
  summaries: [(s) => `${gen(s.name)} বিপক্ষে পরের ম্যাচ শুক্রবার।`],
};

const FOOTBALL_BEAT: Beat = {
  name: 'football',
  weight: 5,
  sections: ['sports/football'],
  subjects: FOOTBALL,
  headlines: [
    (s) => `${gen(s.name)} জোড়া গোলে জয়`,
    (s) => `${gen(s.name)} চুক্তি নিয়ে গুঞ্জন`,
    (s) => (s.org ? `নতুন কোচ পেল ${s.name}` : `চোটে মাঠের বাইরে ${s.name}`),
    (s) => (s.org ? `${gen(s.name)} জার্সি উন্মোচন` : `${s.name} বললেন, আরও কয়েক বছর খেলতে চাই`),
    (s) => `শেষ মুহূর্তের গোলে হার এড়াল ${s.name}`,
  ],
  leads: [(s) => `${s.full} প্রসঙ্গে ক্লাবের এক কর্মকর্তা এ তথ্য জানান।`, (s) => `ম্যাচ শেষে ${s.full} প্রসঙ্গে কোচ বলেন, দল ঠিক পথেই আছে।`],
  summaries: [(s) => `${gen(s.name)} সমর্থকেরা উচ্ছ্বসিত।`, () => `লিগ টেবিলে ওপরে ওঠার লড়াই জমে উঠেছে।`],
  sentences: [
    (_s, o) => `প্রতিপক্ষ দলে ছিলেন ${o.full}।`,
    () => `প্রথমার্ধে দুই দলই একাধিক সুযোগ নষ্ট করে।`,
    () => `বিরতির পর আক্রমণের ধার বাড়ায় দলটি।`,
    () => `গ্যালারিতে ছিল প্রায় ৪০ হাজার দর্শক।`,
  ],
  tags: ['ফুটবল'],
  kickers: ['ফুটবল'],
  tails: [', উচ্ছ্বসিত সমর্থকেরা', ', শীর্ষে ওঠার লড়াই জমজমাট'],
  byline: desk('খেলা ডেস্ক'),
};

const ENTERTAINMENT: Beat = {
  name: 'entertainment',
  weight: 5,
  sections: ['entertainment', 'entertainment/dhallywood', 'entertainment/bollywood'],
  subjects: ARTISTS,
  headlines: [
    (s) => `${gen(s.name)} নতুন সিনেমার শুটিং শুরু`,
    (s) => `${obj(s.name)} নিয়ে গুঞ্জন`,
    (s) => `${s.name} বললেন, দর্শকের ভালোবাসাই বড় পুরস্কার`,
    (s) => `ওটিটিতে আসছে ${gen(s.name)} নতুন সিরিজ`,
    (s) => `জন্মদিনে ভক্তদের শুভেচ্ছায় সিক্ত ${s.name}`,
  ],
  leads: [(s) => `${s.full} নিজেই সামাজিক যোগাযোগমাধ্যমে খবরটি জানিয়েছেন।`, (s) => `প্রযোজনা প্রতিষ্ঠান জানিয়েছে, ${s.full} এতে মূল চরিত্রে থাকছেন।`],
  summaries: [(s) => `${gen(s.name)} ভক্তরা অপেক্ষায়।`, () => `নির্মাতা জানিয়েছেন, আগামী মাসে শুটিং শেষ হবে।`],
  sentences: [
    (_s, o) => `ছবিতে আরও অভিনয় করছেন ${o.name}।`,
    () => `শুটিং হবে ঢাকা ও সিলেটের বিভিন্ন লোকেশনে।`,
    () => `গল্পটি একটি মধ্যবিত্ত পরিবারের টানাপোড়েন নিয়ে।`,
    () => `গানগুলোর সুর করেছেন তরুণ এক সংগীত পরিচালক।`,
  ],
  tags: ['বিনোদন'],
  kickers: ['বিনোদন'],
  tails: [', উচ্ছ্বসিত ভক্তরা', ', চলছে আলোচনা', ', মুক্তি আগামী মাসে'],
  byline: desk('বিনোদন ডেস্ক'),
};

export const NAMED_BEATS: readonly Beat[] = [WORLD, WORLD_NEWS, POLITICS, CITY, COUNTRY, CRICKET, CRICKET_TEAMS_BEAT, FOOTBALL_BEAT, ENTERTAINMENT];

/** Draws numbers for templates from a PRNG. */
export function numbers(r: () => number): Num {
  return (lo, hi) => bn(lo + Math.floor(r() * (hi - lo + 1)));
}
