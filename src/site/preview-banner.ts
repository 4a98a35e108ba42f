import { formatHouseDateTime } from '../bangla/date-format.ts';
import type { ArticlePreview } from '../content/content-reader.ts';
import type { PreviewVM } from './view-model.ts';

/**
 * What a preview says about the article's state: a draft is "খসড়া — প্রকাশিত নয়" and carries no
 * time yet; a scheduled article says when it will be published (house format, Bengali digits);
 * a published one links to the page readers read. `linkExpiresAt` is given when the page was
 * opened with a signed link, which opens it until then.
 */
export function previewVM(preview: ArticlePreview, canonicalPath: string, timeZone: string, linkExpiresAt?: Date): PreviewVM {
  const at = (iso: string) => formatHouseDateTime(new Date(iso), timeZone);
  const link = linkExpiresAt ? ` এই লিংকটি ${formatHouseDateTime(linkExpiresAt, timeZone)} পর্যন্ত খোলা যাবে।` : '';
  const hidden = `প্রিভিউ: পাঠকেরা এটি এখনো দেখতে পান না।${link}`;
  const undated = preview.publishedAt === null && preview.scheduledAt === null;
  if (preview.isPublic) {
    return { banner: 'প্রিভিউ — প্রতিবেদনটি প্রকাশিত', note: `পাঠকেরা এটি প্রকাশিত পাতায় পড়ছেন।${link}`, undated, liveHref: canonicalPath };
  }
  if (preview.status === 'scheduled' && preview.scheduledAt) {
    return { banner: `প্রকাশিত নয় — প্রকাশিত হবে ${at(preview.scheduledAt)}`, note: hidden, undated, liveHref: null };
  }
  if (preview.status === 'published' && preview.publishedAt) {
    // Published with a time still to come (an import can do that): readers see it from then.
    return { banner: `প্রকাশিত নয় — প্রকাশিত হবে ${at(preview.publishedAt)}`, note: hidden, undated, liveHref: null };
  }
  if (preview.status === 'unpublished') return { banner: 'প্রকাশিত নয় — সাইট থেকে সরিয়ে নেওয়া হয়েছে', note: hidden, undated, liveHref: null };
  return { banner: 'খসড়া — প্রকাশিত নয়', note: hidden, undated, liveHref: null };
}
