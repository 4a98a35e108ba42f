// People, parties and institutions that Bangladeshi front pages name and inflect daily
// (হাসিনার, ইউনূসকে, বিএনপির). A starting set; each site adds its own through extraKnownWords.

/** Frequently inflected names of people and organisations. */
export const NEWS_NAMES: readonly string[] = [
  'হাসিনা', 'খালেদা', 'জিয়া', 'তারেক', 'ইউনূস', 'মুজিব', 'বঙ্গবন্ধু', 'এরশাদ', 'ফখরুল',
  'ট্রাম্প', 'বাইডেন', 'পুতিন', 'মোদি', 'জেলেনস্কি', 'নেতানিয়াহু', 'এরদোয়ান',
  'আওয়ামী', 'লীগ', 'বিএনপি', 'জামায়াত', 'জাতীয়', 'পার্টি', 'এনসিপি', 'হেফাজত',
  'জাতিসংঘ', 'ইউনেসকো', 'ইউনিসেফ', 'আইএমএফ', 'বিশ্বব্যাংক', 'ন্যাটো', 'আসিয়ান', 'সার্ক',
  'র‍্যাব', 'পুলিশ', 'বিজিবি', 'সেনাবাহিনী', 'নির্বাচন', 'কমিশন', 'হাইকোর্ট', 'সুপ্রিম',
  'মেট্রোরেল', 'সচিবালয়', 'বঙ্গভবন', 'গণভবন', 'সংসদ',
];
