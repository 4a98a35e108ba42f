// Bangladesh's 8 divisions and 64 districts, with the spellings papers actually use side by
// side (চট্টগ্রাম/চট্রগ্রাম), plus Dhaka places and rivers that headlines inflect all the time.
// Written for Prokash; stored as written, normalised when the known-word set is built.

/** Division, district and common place names of Bangladesh. */
export const BANGLADESH_PLACES: readonly string[] = [
  // divisions
  'ঢাকা', 'চট্টগ্রাম', 'চট্রগ্রাম', 'রাজশাহী', 'খুলনা', 'বরিশাল', 'সিলেট', 'রংপুর', 'ময়মনসিংহ',
  // Dhaka division
  'গাজীপুর', 'নারায়ণগঞ্জ', 'নরসিংদী', 'মানিকগঞ্জ', 'মুন্সীগঞ্জ', 'মুন্সিগঞ্জ', 'টাঙ্গাইল', 'কিশোরগঞ্জ',
  'ফরিদপুর', 'গোপালগঞ্জ', 'মাদারীপুর', 'রাজবাড়ী', 'শরীয়তপুর',
  // Chattogram division
  'কক্সবাজার', 'রাঙামাটি', 'রাঙ্গামাটি', 'বান্দরবান', 'খাগড়াছড়ি', 'ফেনী', 'নোয়াখালী', 'লক্ষ্মীপুর',
  'কুমিল্লা', 'চাঁদপুর', 'ব্রাহ্মণবাড়িয়া',
  // Rajshahi division
  'নাটোর', 'নওগাঁ', 'চাঁপাইনবাবগঞ্জ', 'পাবনা', 'সিরাজগঞ্জ', 'বগুড়া', 'জয়পুরহাট',
  // Khulna division
  'বাগেরহাট', 'সাতক্ষীরা', 'যশোর', 'নড়াইল', 'মাগুরা', 'ঝিনাইদহ', 'কুষ্টিয়া', 'চুয়াডাঙ্গা', 'মেহেরপুর',
  // Barishal division
  'পটুয়াখালী', 'ভোলা', 'পিরোজপুর', 'ঝালকাঠি', 'বরগুনা',
  // Sylhet division
  'মৌলভীবাজার', 'হবিগঞ্জ', 'সুনামগঞ্জ',
  // Rangpur division
  'দিনাজপুর', 'ঠাকুরগাঁও', 'পঞ্চগড়', 'নীলফামারী', 'লালমনিরহাট', 'কুড়িগ্রাম', 'গাইবান্ধা',
  // Mymensingh division
  'জামালপুর', 'শেরপুর', 'নেত্রকোনা',
  // places and rivers in daily headlines
  'সাভার', 'টঙ্গী', 'মিরপুর', 'উত্তরা', 'গুলশান', 'ধানমন্ডি', 'মতিঝিল', 'শাহবাগ', 'যাত্রাবাড়ী',
  'পদ্মা', 'মেঘনা', 'যমুনা', 'তিস্তা', 'বুড়িগঙ্গা', 'সুন্দরবন', 'সেন্টমার্টিন', 'টেকনাফ', 'উখিয়া',
];
