/**
 * The error catalogue: every code an answer can carry, with its HTTP status and what a person reads,
 * in Bengali and in English. `docs/errors.md` lists the same codes (test/error-catalogue.test.ts
 * holds the two together). A 5xx never carries internals to the client.
 *
 * 400: the request is malformed (wrong shape, type or syntax: schema validation fails).
 * 422: the request is well-formed but cannot be done as asked (a workflow step that does not apply,
 *      a body that is not a valid document, an image that cannot be read).
 */
export const ERRORS = {
  BAD_REQUEST: { status: 400, bn: 'অনুরোধটি বোঝা যায়নি।', en: 'The request could not be understood.' },
  INVALID_INPUT: {
    status: 400,
    bn: 'কিছু তথ্য ঠিক নেই। নিচের ঘরগুলো দেখে আবার চেষ্টা করুন।',
    en: 'Some of the information is not right. Check the fields below and try again.',
  },
  BAD_PAGE: { status: 400, bn: 'পাতার নম্বরটি ঠিক নেই।', en: 'The page number is not valid.' },
  BAD_DATE: { status: 400, bn: 'তারিখটি ঠিক নেই (যেমন ২০২৬-১২-০৫)।', en: 'The date is not valid (YYYY-MM-DD).' },
  BAD_DATE_RANGE: { status: 400, bn: 'শুরুর তারিখ শেষের তারিখের পরে।', en: 'The start date is after the end date.' },
  BAD_WINDOW: { status: 400, bn: 'সময়সীমা হতে পারে ৬ ঘণ্টা (6h), ২৪ ঘণ্টা (24h) বা ৭ দিন (7d)।', en: 'The window must be 6h, 24h or 7d.' },
  QUERY_REQUIRED: { status: 400, bn: 'কী খুঁজবেন লিখুন।', en: 'Write what to search for.' },
  QUERY_TOO_LONG: { status: 400, bn: 'খোঁজার কথাটি অনেক লম্বা (সর্বোচ্চ ২০০ অক্ষর)।', en: 'The search is too long (200 characters at most).' },
  SEARCH_BAD_SECTION: { status: 400, bn: 'এই নামে কোনো বিভাগ নেই।', en: 'No section has that path.' },
  WEBHOOK_URL_INVALID: {
    status: 400,
    bn: 'ওয়েবহুকের ঠিকানাটি (URL) ঠিক নেই: http:// বা https:// দিয়ে শুরু পুরো ঠিকানা দিন, তাতে ব্যবহারকারীর নাম বা পাসওয়ার্ড রাখবেন না।',
    en: 'The webhook URL is not valid: give a full address starting with http:// or https://, without a user name or password.',
  },
  UNAUTHENTICATED: {
    status: 401,
    bn: 'আপনি সাইন ইন করা নেই, অথবা সেশনের মেয়াদ শেষ। আবার সাইন ইন করুন।',
    en: 'You are not signed in, or your session has expired. Sign in again.',
  },
  BAD_CREDENTIALS: { status: 401, bn: 'ইমেইল বা পাসওয়ার্ড মেলেনি।', en: 'The email or password did not match.' },
  FORBIDDEN: { status: 403, bn: 'আপনার ভূমিকায় এই কাজটি করা যায় না।', en: 'Your role cannot do this.' },
  CSRF_FAILED: { status: 403, bn: 'নিরাপত্তা যাচাই ব্যর্থ হয়েছে। আবার সাইন ইন করুন।', en: 'The security check failed. Sign in again.' },
  PREVIEW_LINK_INVALID: {
    status: 403,
    bn: 'প্রিভিউ লিংকটি ঠিক নেই: লিংকটি অসম্পূর্ণ বা বদলে গেছে। যিনি পাঠিয়েছেন, তাঁর কাছে নতুন লিংক চেয়ে নিন।',
    en: 'The preview link is not valid: it is incomplete or was changed. Ask whoever sent it for a new link.',
  },
  NOT_FOUND: { status: 404, bn: 'যা খুঁজছেন তা পাওয়া যায়নি (হয়তো মুছে ফেলা হয়েছে)।', en: 'What you are looking for was not found (it may have been deleted).' },
  REQUEST_TIMEOUT: { status: 408, bn: 'অনুরোধটি পুরোপুরি পৌঁছাতে অনেক দেরি হয়েছে। আবার চেষ্টা করুন।', en: 'The request took too long to arrive. Try again.' },
  CONFLICT: {
    status: 409,
    bn: 'এটি এখনকার অবস্থার সঙ্গে মেলে না (অন্য কেউ বদলেছেন, অথবা একই জিনিস আগেই আছে)।',
    en: 'This does not match how things stand now (someone else changed it, or the same thing already exists).',
  },
  DUPLICATE_COMMENT: { status: 409, bn: 'একই মন্তব্য আগেই জমা হয়েছে।', en: 'The same comment was already sent.' },
  PREVIEW_LINK_EXPIRED: {
    status: 410,
    bn: 'প্রিভিউ লিংকের মেয়াদ শেষ হয়ে গেছে। যিনি পাঠিয়েছেন, তাঁর কাছে নতুন লিংক চেয়ে নিন।',
    en: 'The preview link has expired. Ask whoever sent it for a new link.',
  },
  BODY_TOO_LARGE: { status: 413, bn: 'পাঠানো লেখাটি খুব বড়।', en: 'The request body is too large.' },
  TOO_LARGE: { status: 413, bn: 'ফাইলটি খুব বড় (সর্বোচ্চ ২৫ মেগাবাইট বা ৮ কোটি পিক্সেল)।', en: 'The file is too large (25 MB or 80 megapixels at most).' },
  UNSUPPORTED_MEDIA: {
    status: 415,
    bn: 'এই ধরনের ফাইল নেওয়া যায় না। JPEG, PNG, WebP, GIF বা AVIF ছবি দিন।',
    en: 'This kind of file is not accepted. Send a JPEG, PNG, WebP, GIF or AVIF image.',
  },
  UNSUPPORTED_CONTENT_TYPE: {
    status: 415,
    bn: 'এই ধরনের অনুরোধ নেওয়া যায় না (JSON বা ফর্ম পাঠান)।',
    en: 'This content type is not accepted here (send JSON or a form).',
  },
  UNPROCESSABLE: {
    status: 422,
    bn: 'অনুরোধটি ঠিকঠাক, কিন্তু এভাবে করা যায় না (যেমন যা নেই তার উল্লেখ, বা পেরিয়ে যাওয়া সময়)।',
    en: 'The request is well-formed but cannot be done as asked.',
  },
  INVALID_TRANSITION: { status: 422, bn: 'প্রতিবেদনের এখনকার অবস্থায় এই ধাপটি নেওয়া যায় না।', en: 'This step cannot be taken in the article’s present state.' },
  INVALID_DOCUMENT: { status: 422, bn: 'মূল লেখায় এমন কিছু আছে যা রাখা যায় না।', en: 'The body contains something that cannot be stored.' },
  TOO_MANY_LINKS: { status: 422, bn: 'মন্তব্যে অনেক বেশি লিংক আছে।', en: 'The comment has too many links.' },
  BLOCKED_WORDS: { status: 422, bn: 'মন্তব্যে নিষিদ্ধ শব্দ আছে।', en: 'The comment contains blocked words.' },
  IMAGE_NOT_FOUND: { status: 422, bn: 'ছবির ফাইলটি পাওয়া যায়নি।', en: 'The image file was not found.' },
  IMAGE_TOO_LARGE: { status: 422, bn: 'ছবিটি খুব বড় (সর্বোচ্চ ২৫ মেগাবাইট বা ৮ কোটি পিক্সেল)।', en: 'The image is too large (25 MB or 80 megapixels at most).' },
  IMAGE_UNREADABLE: { status: 422, bn: 'ছবিটি পড়া যাচ্ছে না।', en: 'The image cannot be read.' },
  IMAGE_TYPE: {
    status: 422,
    bn: 'এই ধরনের ছবি নেওয়া যায় না (JPEG, PNG, WebP, GIF বা AVIF)।',
    en: 'This kind of image is not accepted (JPEG, PNG, WebP, GIF or AVIF).',
  },
  RATE_LIMITED: { status: 429, bn: 'অনেকবার চেষ্টা হয়েছে। কিছুক্ষণ পরে আবার চেষ্টা করুন।', en: 'Too many attempts. Try again in a little while.' },
  API_RATE_LIMITED: {
    status: 429,
    bn: 'অল্প সময়ে অনেক বেশি অনুরোধ এসেছে। Retry-After হেডারে লেখা সময় পরে আবার চেষ্টা করুন।',
    en: 'Too many requests in a short time. Try again after the time the Retry-After header gives.',
  },
  HEADERS_TOO_LARGE: { status: 431, bn: 'অনুরোধের হেডারগুলো খুব বড়।', en: 'The request headers are too large.' },
  INTERNAL: { status: 500, bn: 'দুঃখিত, একটি সমস্যা হয়েছে। কিছুক্ষণ পর আবার চেষ্টা করুন।', en: 'Something went wrong. Try again in a little while.' },
  BUSY: { status: 503, bn: 'এই মুহূর্তে ব্যস্ত। কিছুক্ষণ পর আবার চেষ্টা করুন; কিছুই হারায়নি।', en: 'The database is busy; nothing was written. Try again in a moment.' },
  DATABASE_UNAVAILABLE: {
    status: 503,
    bn: 'এই মুহূর্তে ডেটাবেসের সঙ্গে যোগাযোগ করা যাচ্ছে না। কিছুক্ষণ পর আবার চেষ্টা করুন।',
    en: 'The database cannot be reached right now. Try again in a moment.',
  },
  MEDIA_UNWRITABLE: {
    status: 507,
    bn: 'ছবিটি রাখা গেল না: সার্ভারের মিডিয়া ফোল্ডারে লেখা যাচ্ছে না (জায়গা নেই, বা লেখার অনুমতি নেই)। কিছুই রাখা হয়নি; সাইটের দায়িত্বে যিনি আছেন তাঁকে জানান।',
    en: 'The image could not be stored: the server’s media folder cannot be written (it is full or read-only). Nothing was stored; tell whoever runs the site.',
  },
} as const satisfies Record<string, { status: number; bn: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERRORS, code);
}

/** An application error: a catalogue code (which fixes the status), the specifics, and any details. */
export class AppError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code].en,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = ERRORS[code].status;
  }
}
