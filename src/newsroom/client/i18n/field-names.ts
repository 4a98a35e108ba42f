// Field names as the server sends them (input paths, INVALID_TRANSITION's details.missing, the
// fields of a revision diff), in the reader's words.
import type { MessageKey, Translate } from './translate.ts';

const FIELDS: Record<string, MessageKey> = {
  section: 'article.section',
  sectionId: 'article.section',
  headline: 'article.headline',
  body: 'article.body',
  byline: 'article.byline',
  'print page': 'article.printPage',
  printPage: 'article.printPage',
  kicker: 'article.kicker',
  subheadline: 'article.subheadline',
  summary: 'article.summary',
  districtId: 'article.district',
  tags: 'article.tags',
  edition: 'article.edition',
  breaking: 'article.breaking',
  imageId: 'article.leadImage',
  imageCaption: 'article.imageCaption',
  imageCredit: 'article.imageCredit',
  imageAlt: 'article.imageAlt',
  name: 'user.name',
  email: 'user.email',
  password: 'user.password',
  role: 'user.role',
  siteName: 'settings.siteName',
  hijriOffset: 'settings.hijriOffset',
  timeZone: 'settings.timeZone',
  googleNewsUrl: 'settings.googleNewsUrl',
  slug: 'sections.slug',
  caption: 'media.caption',
  credit: 'media.credit',
  alt: 'media.alt',
  at: 'article.scheduleWhen',
  text: 'article.newCorrection',
  blockedWords: 'comments.blockedWords',
  url: 'webhooks.url',
  events: 'webhooks.events',
  description: 'webhooks.description',
};

/** `timeZone` or `body.content.0` as the form calls it; an unknown name as sent. */
export function fieldName(path: string, t: Translate): string {
  const key = FIELDS[path] ?? FIELDS[path.split('.')[0] ?? ''];
  return key ? t(key) : path;
}
