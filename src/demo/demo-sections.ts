/**
 * The demo section tree (`prokash seed`): top-level sections with Bengali names and ASCII slugs,
 * some with sub-sections. Parents come before their children; `position` orders siblings.
 */

export interface DemoSection {
  /** Slug path, e.g. `world/asia`. */
  path: string;
  name: string;
  /** Order among siblings, from 1. */
  position: number;
}

export const demoSections: ReadonlyArray<DemoSection> = [
  { path: 'national', name: 'জাতীয়', position: 1 },
  { path: 'politics', name: 'রাজনীতি', position: 2 },
  { path: 'world', name: 'আন্তর্জাতিক', position: 3 },
  { path: 'world/asia', name: 'এশিয়া', position: 1 },
  { path: 'world/europe', name: 'ইউরোপ', position: 2 },
  { path: 'world/america', name: 'আমেরিকা', position: 3 },
  { path: 'country', name: 'সারাদেশ', position: 4 },
  { path: 'economy', name: 'অর্থনীতি', position: 5 },
  { path: 'sports', name: 'খেলা', position: 6 },
  { path: 'sports/cricket', name: 'ক্রিকেট', position: 1 },
  { path: 'sports/football', name: 'ফুটবল', position: 2 },
  { path: 'entertainment', name: 'বিনোদন', position: 7 },
  { path: 'entertainment/bollywood', name: 'বলিউড', position: 1 },
  { path: 'entertainment/dhallywood', name: 'ঢালিউড', position: 2 },
  { path: 'technology', name: 'প্রযুক্তি', position: 8 },
  { path: 'education', name: 'শিক্ষা', position: 9 },
  { path: 'education/campus', name: 'ক্যাম্পাস', position: 1 },
  { path: 'health', name: 'স্বাস্থ্য', position: 10 },
  { path: 'probash', name: 'প্রবাস', position: 11 },
  { path: 'lifestyle', name: 'লাইফস্টাইল', position: 12 },
];
