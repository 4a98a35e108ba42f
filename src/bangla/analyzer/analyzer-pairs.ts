// The analyzer's yardstick: word pairs that must (or must not) meet. Two texts meet when
// analyze(a) and analyze(b) are the same single term. Sources: BANGLA.md §2–§3 and words from
// Bangladeshi front pages (inflected names, places, institutions; look-alike pairs).

/** One pair of the table. */
export interface AnalyzerPair {
  a: string;
  b: string;
  meet: boolean;
  why: string;
}

const ZWJ = '\u200D';
const m = (a: string, b: string, why: string): AnalyzerPair => ({ a, b, meet: true, why });
const x = (a: string, b: string, why: string): AnalyzerPair => ({ a, b, meet: false, why });

/** The pair table; analyzer.test.ts requires every pair to hold. */
export const ANALYZER_PAIRS: readonly AnalyzerPair[] = [
  // BANGLA.md §3: inflected names and nouns find their base
  m('পুতিনের', 'পুতিন', 'genitive -ের'),
  m('পুতিনকে', 'পুতিন', 'accusative -কে'),
  m('রাশিয়ার', 'রাশিয়া', 'genitive -র after a vowel (known stem)'),
  m('রাশিয়ায়', 'রাশিয়া', 'locative -য় (known stem)'),
  m('ঢাকায়', 'ঢাকা', 'locative -য়'),
  m('ঢাকার', 'ঢাকা', 'genitive -র'),
  m('ঢাকাতে', 'ঢাকা', 'locative -তে after a vowel'),
  m('শিক্ষার্থীরা', 'শিক্ষার্থী', 'plural -রা'),
  m('শিক্ষার্থীদের', 'শিক্ষার্থী', 'plural oblique -দের (known stem)'),
  m('নেতারা', 'নেতা', 'plural -রা'),
  m('নেতাদের', 'নেতা', 'plural oblique -দের'),
  m('বাংলাদেশের', 'বাংলাদেশ', 'genitive -ের'),
  m('বাংলাদেশে', 'বাংলাদেশ', 'locative -ে (known stem)'),
  // BANGLA.md §2: spelling and encoding variants
  m('সরকারী', 'সরকারি', 'ী/ি fold'),
  m('ইউনূস', 'ইউনুস', 'ূ/ু fold'),
  m('ঈদ', 'ইদ', 'ঈ/ই fold'),
  m('রঙ', 'রং', 'ঙ/ং fold'),
  m('সঙ্গীত', 'সংগীত', 'ঙ্গ/ংগ fold'),
  m(`র${ZWJ}্যাব`, 'র্যাব', 'ZWJ in ra + ya-phala'),
  m('\u09A8\u09DF\u09A8', '\u09A8\u09AF\u09BC\u09A8', 'য় one vs two code points'),
  m('\u09AA\u09BE\u09B9\u09BE\u09DC', '\u09AA\u09BE\u09B9\u09BE\u09A1\u09BC', 'ড় one vs two code points'),
  m('আষা\u09DD', 'আষা\u09A2\u09BC', 'ঢ় one vs two code points'),
  m('\u09AE\u09C7\u09BE\u09A6\u09BF', 'মোদি', 'ো in two parts'),
  m('\u09AE\u09C7\u09D7\u09B8\u09C1\u09AE', 'মৌসুম', 'ৌ in two parts'),
  m('উত\u09CD\u200Dসব', 'উৎসব', 'old khanda ta ত্ + ZWJ'),
  m('হঠাত্', 'হঠাৎ', 'word-final ত্ is ৎ'),
  m('২০২৩', '2023', 'Bengali digits fold to ASCII'),
  m('৬.৯', '6.9', 'a decimal number stays one token'),
  m('১০,০০০', '10,000', 'a grouped number stays one token'),
  m('চাঁদপুর', 'চাদপুর', 'চন্দ্রবিন্দু sometimes omitted'),
  m('মোঃ', 'মো.', 'abbreviation মোঃ vs মো.'),
  m('বাং\u200Bলা', 'বাংলা', 'zero-width space inside a word'),
  m('শি\u00ADক্ষা', 'শিক্ষা', 'soft hyphen'),
  m('\uFEFFখবর', 'খবর', 'byte order mark'),
  m('Dhaka', 'dhaka', 'Latin case'),
  // inflections from the front pages
  m('ভারতের', 'ভারত', 'genitive -ের'),
  m('ভারতে', 'ভারত', 'locative -ে, not ভার + তে'),
  m('সরকারের', 'সরকার', 'genitive -ের'),
  m('সরকারকে', 'সরকার', 'accusative -কে'),
  m('সংসদের', 'সংসদ', 'ends in দ: not সংস + দের'),
  m('সংবাদের', 'সংবাদ', 'ends in দ: not সংবা + দের'),
  m('আহমেদের', 'আহমেদ', 'a name ending in দ'),
  m('মন্ত্রণালয়ের', 'মন্ত্রণালয়', 'ends in য়: not মন্ত্রণাল + য়ের'),
  m('বিষয়টি', 'বিষয়', 'classifier -টি'),
  m('মামলাগুলোর', 'মামলা', 'plural genitive -গুলোর'),
  m('বৈঠকে', 'বৈঠক', 'locative -ে on a ক word, not বৈঠ + কে'),
  m('সড়কে', 'সড়ক', 'locative -ে on a ক word'),
  m('ব্যাংকে', 'ব্যাংক', 'locative -ে on a ক word'),
  m('আদালতে', 'আদালত', 'locative -ে on a ত word'),
  m('অতীতে', 'অতীত', 'locative -ে on a ত word, not অতি + তে'),
  m('মেয়েরা', 'মেয়ে', 'plural -রা after ে'),
  m('মেয়ের', 'মেয়ে', 'genitive -র after ে'),
  m('হাসিনার', 'হাসিনা', 'a known name'),
  m('ইউনূসকে', 'ইউনুস', 'accusative and ূ fold together'),
  m('বিএনপির', 'বিএনপি', 'an acronym in Bengali letters'),
  m('সাতক্ষীরার', 'সাতক্ষীরা', 'a district ending in রা is not cut'),
  m('নেতারাও', 'নেতা', 'particle ও then plural -রা'),
  m('বাংলাদেশও', 'বাংলাদেশ', 'particle ও'),
  m('কারখানায়', 'কারখানা', 'locative -য়'),
  m('পুলিশের', 'পুলিশ', 'genitive -ের'),
  m('নারীদের', 'নারী', 'plural oblique -দের'),
  m('জামায়াতের', 'জামায়াত', 'genitive -ের'),
  m('কমিটিতে', 'কমিটির', 'locative and genitive of one word'),
  // look-alikes that must stay apart
  x('ভারত', 'ভার', 'India is not load'),
  x('শব', 'সব', 'corpse vs all: no শ/স fold'),
  x('অসুবিধা', 'সুবিধা', 'no prefix stripping'),
  x('সরকার', 'সরকা', 'the -র of সরকার is not a suffix'),
  x('ভারতে', 'ভার', 'in India is not load'),
  x('অতীতে', 'অতি', 'in the past is not very'),
  x('দশকে', 'দশ', 'in the decade is not ten'),
  x('বিষয়ের', 'বিষ', 'of the subject is not poison'),
  x('কারখানা', 'কার', 'factory is not whose'),
  x('কাল', 'কালো', 'yesterday/tomorrow vs black'),
  x('বার', 'বারো', 'time vs twelve'),
  x('মা', 'মামা', 'mother vs uncle'),
  x('দল', 'দলিল', 'party vs deed'),
  x('কর', 'করা', 'tax vs to do'),
  x('দেশ', 'দেশি', 'country vs local'),
  x('বাংলাদেশ', 'বাংলাদেশি', 'country vs Bangladeshi'),
  x('ছাত্র', 'ছাত্রী', 'male vs female student: ী/ি fold does not reach ি/∅'),
  x('শিক্ষা', 'শিক্ষক', 'education vs teacher'),
  x('কাজ', 'কাজী', 'work vs the surname Kazi'),
  x('পানি', 'পান', 'water vs betel/drink'),
  x('বাজার', 'বাজা', 'market vs to play'),
  x('হাত', 'হাতি', 'hand vs elephant'),
  x('মত', 'মতো', 'opinion vs like'),
  x('চীন', 'চিনি', 'China vs sugar'),
  x('২০২৩', '২০২৪', 'different years'),
];
