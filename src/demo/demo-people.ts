/**
 * The demo people (`prokash seed`): desks, reporters, district correspondents and agencies.
 * Article bylines name them by `name`; a correspondent's byline reads
 * `{place} ({district name}) প্রতিনিধি`, e.g. `দেবিদ্বার (কুমিল্লা) প্রতিনিধি`.
 */

export type DemoPersonKind = 'desk' | 'reporter' | 'correspondent' | 'agency';

export interface DemoPerson {
  slug: string;
  name: string;
  kind: DemoPersonKind;
  /** e.g. `নিজস্ব প্রতিবেদক`, `জ্যেষ্ঠ প্রতিবেদক`. */
  title?: string;
  /** A correspondent's upazila, e.g. `দেবিদ্বার`. */
  place?: string;
  /** A correspondent's district slug, e.g. `cumilla`. */
  district?: string;
}

export const demoPeople: ReadonlyArray<DemoPerson> = [
  // Desks
  { slug: 'prokash-desk', name: 'প্রকাশ ডেস্ক', kind: 'desk' },
  { slug: 'sports-desk', name: 'খেলা ডেস্ক', kind: 'desk' },
  { slug: 'entertainment-desk', name: 'বিনোদন ডেস্ক', kind: 'desk' },
  { slug: 'international-desk', name: 'আন্তর্জাতিক ডেস্ক', kind: 'desk' },
  // Reporters
  { slug: 'mahmudul-hasan', name: 'মাহমুদুল হাসান', kind: 'reporter', title: 'জ্যেষ্ঠ প্রতিবেদক' },
  { slug: 'tanzila-rahman', name: 'তানজিলা রহমান', kind: 'reporter', title: 'নিজস্ব প্রতিবেদক' },
  { slug: 'saiful-islam', name: 'সাইফুল ইসলাম', kind: 'reporter', title: 'অর্থনৈতিক প্রতিবেদক' },
  { slug: 'naznin-sultana', name: 'নাজনীন সুলতানা', kind: 'reporter', title: 'নিজস্ব প্রতিবেদক' },
  { slug: 'rashedul-karim', name: 'রাশেদুল করিম', kind: 'reporter', title: 'ক্রীড়া প্রতিবেদক' },
  { slug: 'shahnaz-parvin', name: 'শাহনাজ পারভীন', kind: 'reporter', title: 'বিশেষ প্রতিবেদক' },
  { slug: 'imran-hossain', name: 'ইমরান হোসেন', kind: 'reporter', title: 'বিশ্ববিদ্যালয় প্রতিবেদক' },
  // District correspondents
  {
    slug: 'abul-kalam-azad',
    name: 'আবুল কালাম আজাদ',
    kind: 'correspondent',
    title: 'প্রতিনিধি',
    place: 'দেবিদ্বার',
    district: 'cumilla',
  },
  {
    slug: 'jahidul-islam',
    name: 'জাহিদুল ইসলাম',
    kind: 'correspondent',
    title: 'প্রতিনিধি',
    place: 'সেনবাগ',
    district: 'noakhali',
  },
  {
    slug: 'rafiqul-islam',
    name: 'রফিকুল ইসলাম',
    kind: 'correspondent',
    title: 'প্রতিনিধি',
    place: 'উল্লাপাড়া',
    district: 'sirajganj',
  },
  {
    slug: 'suman-chandra-das',
    name: 'সুমন চন্দ্র দাস',
    kind: 'correspondent',
    title: 'প্রতিনিধি',
    place: 'শ্রীমঙ্গল',
    district: 'moulvibazar',
  },
  {
    slug: 'mostafa-kamal',
    name: 'মোস্তফা কামাল',
    kind: 'correspondent',
    title: 'প্রতিনিধি',
    place: 'কলাপাড়া',
    district: 'patuakhali',
  },
  {
    slug: 'hasibul-hasan',
    name: 'হাসিবুল হাসান',
    kind: 'correspondent',
    title: 'প্রতিনিধি',
    place: 'পীরগঞ্জ',
    district: 'rangpur',
  },
  // Agencies
  { slug: 'bss', name: 'বাসস', kind: 'agency' },
  { slug: 'reuters', name: 'রয়টার্স', kind: 'agency' },
];
