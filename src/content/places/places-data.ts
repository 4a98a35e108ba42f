/**
 * Bangladesh's 8 divisions (বিভাগ) and 64 districts (জেলা), with their official Bengali names and
 * ASCII slugs in the government's current romanisation (Chattogram, Cumilla, Barishal, Jashore,
 * Bogura, Chapai Nawabganj …). Districts are listed by division, the divisional headquarters first.
 */

export interface Division {
  slug: string;
  name: string;
}

export interface District {
  slug: string;
  name: string;
  /** Slug of the division the district belongs to. */
  division: string;
}

export const divisions: ReadonlyArray<Division> = [
  { slug: 'dhaka', name: 'ঢাকা' },
  { slug: 'chattogram', name: 'চট্টগ্রাম' },
  { slug: 'rajshahi', name: 'রাজশাহী' },
  { slug: 'khulna', name: 'খুলনা' },
  { slug: 'barishal', name: 'বরিশাল' },
  { slug: 'sylhet', name: 'সিলেট' },
  { slug: 'rangpur', name: 'রংপুর' },
  { slug: 'mymensingh', name: 'ময়মনসিংহ' },
];

export const districts: ReadonlyArray<District> = [
  // ঢাকা বিভাগ (13)
  { slug: 'dhaka', name: 'ঢাকা', division: 'dhaka' },
  { slug: 'gazipur', name: 'গাজীপুর', division: 'dhaka' },
  { slug: 'narayanganj', name: 'নারায়ণগঞ্জ', division: 'dhaka' },
  { slug: 'narsingdi', name: 'নরসিংদী', division: 'dhaka' },
  { slug: 'munshiganj', name: 'মুন্সীগঞ্জ', division: 'dhaka' },
  { slug: 'manikganj', name: 'মানিকগঞ্জ', division: 'dhaka' },
  { slug: 'tangail', name: 'টাঙ্গাইল', division: 'dhaka' },
  { slug: 'kishoreganj', name: 'কিশোরগঞ্জ', division: 'dhaka' },
  { slug: 'faridpur', name: 'ফরিদপুর', division: 'dhaka' },
  { slug: 'gopalganj', name: 'গোপালগঞ্জ', division: 'dhaka' },
  { slug: 'madaripur', name: 'মাদারীপুর', division: 'dhaka' },
  { slug: 'rajbari', name: 'রাজবাড়ী', division: 'dhaka' },
  { slug: 'shariatpur', name: 'শরীয়তপুর', division: 'dhaka' },
  // চট্টগ্রাম বিভাগ (11)
  { slug: 'chattogram', name: 'চট্টগ্রাম', division: 'chattogram' },
  { slug: 'coxs-bazar', name: 'কক্সবাজার', division: 'chattogram' },
  { slug: 'cumilla', name: 'কুমিল্লা', division: 'chattogram' },
  { slug: 'brahmanbaria', name: 'ব্রাহ্মণবাড়িয়া', division: 'chattogram' },
  { slug: 'chandpur', name: 'চাঁদপুর', division: 'chattogram' },
  { slug: 'feni', name: 'ফেনী', division: 'chattogram' },
  { slug: 'noakhali', name: 'নোয়াখালী', division: 'chattogram' },
  { slug: 'lakshmipur', name: 'লক্ষ্মীপুর', division: 'chattogram' },
  { slug: 'khagrachhari', name: 'খাগড়াছড়ি', division: 'chattogram' },
  { slug: 'rangamati', name: 'রাঙ্গামাটি', division: 'chattogram' },
  { slug: 'bandarban', name: 'বান্দরবান', division: 'chattogram' },
  // রাজশাহী বিভাগ (8)
  { slug: 'rajshahi', name: 'রাজশাহী', division: 'rajshahi' },
  { slug: 'bogura', name: 'বগুড়া', division: 'rajshahi' },
  { slug: 'chapai-nawabganj', name: 'চাঁপাইনবাবগঞ্জ', division: 'rajshahi' },
  { slug: 'joypurhat', name: 'জয়পুরহাট', division: 'rajshahi' },
  { slug: 'naogaon', name: 'নওগাঁ', division: 'rajshahi' },
  { slug: 'natore', name: 'নাটোর', division: 'rajshahi' },
  { slug: 'pabna', name: 'পাবনা', division: 'rajshahi' },
  { slug: 'sirajganj', name: 'সিরাজগঞ্জ', division: 'rajshahi' },
  // খুলনা বিভাগ (10)
  { slug: 'khulna', name: 'খুলনা', division: 'khulna' },
  { slug: 'bagerhat', name: 'বাগেরহাট', division: 'khulna' },
  { slug: 'satkhira', name: 'সাতক্ষীরা', division: 'khulna' },
  { slug: 'jashore', name: 'যশোর', division: 'khulna' },
  { slug: 'jhenaidah', name: 'ঝিনাইদহ', division: 'khulna' },
  { slug: 'magura', name: 'মাগুরা', division: 'khulna' },
  { slug: 'narail', name: 'নড়াইল', division: 'khulna' },
  { slug: 'kushtia', name: 'কুষ্টিয়া', division: 'khulna' },
  { slug: 'chuadanga', name: 'চুয়াডাঙ্গা', division: 'khulna' },
  { slug: 'meherpur', name: 'মেহেরপুর', division: 'khulna' },
  // বরিশাল বিভাগ (6)
  { slug: 'barishal', name: 'বরিশাল', division: 'barishal' },
  { slug: 'bhola', name: 'ভোলা', division: 'barishal' },
  { slug: 'patuakhali', name: 'পটুয়াখালী', division: 'barishal' },
  { slug: 'pirojpur', name: 'পিরোজপুর', division: 'barishal' },
  { slug: 'jhalokati', name: 'ঝালকাঠি', division: 'barishal' },
  { slug: 'barguna', name: 'বরগুনা', division: 'barishal' },
  // সিলেট বিভাগ (4)
  { slug: 'sylhet', name: 'সিলেট', division: 'sylhet' },
  { slug: 'moulvibazar', name: 'মৌলভীবাজার', division: 'sylhet' },
  { slug: 'habiganj', name: 'হবিগঞ্জ', division: 'sylhet' },
  { slug: 'sunamganj', name: 'সুনামগঞ্জ', division: 'sylhet' },
  // রংপুর বিভাগ (8)
  { slug: 'rangpur', name: 'রংপুর', division: 'rangpur' },
  { slug: 'dinajpur', name: 'দিনাজপুর', division: 'rangpur' },
  { slug: 'gaibandha', name: 'গাইবান্ধা', division: 'rangpur' },
  { slug: 'kurigram', name: 'কুড়িগ্রাম', division: 'rangpur' },
  { slug: 'lalmonirhat', name: 'লালমনিরহাট', division: 'rangpur' },
  { slug: 'nilphamari', name: 'নীলফামারী', division: 'rangpur' },
  { slug: 'panchagarh', name: 'পঞ্চগড়', division: 'rangpur' },
  { slug: 'thakurgaon', name: 'ঠাকুরগাঁও', division: 'rangpur' },
  // ময়মনসিংহ বিভাগ (4)
  { slug: 'mymensingh', name: 'ময়মনসিংহ', division: 'mymensingh' },
  { slug: 'jamalpur', name: 'জামালপুর', division: 'mymensingh' },
  { slug: 'netrokona', name: 'নেত্রকোনা', division: 'mymensingh' },
  { slug: 'sherpur', name: 'শেরপুর', division: 'mymensingh' },
];

const districtBySlug = new Map(districts.map((d) => [d.slug, d]));
const divisionBySlug = new Map(divisions.map((d) => [d.slug, d]));

/** The district with this slug, or undefined. */
export function findDistrict(slug: string): District | undefined {
  return districtBySlug.get(slug);
}

/** The division with this slug, or undefined. */
export function findDivision(slug: string): Division | undefined {
  return divisionBySlug.get(slug);
}
