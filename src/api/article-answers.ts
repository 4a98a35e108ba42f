import { z } from 'zod';
import type { ArticleFull, ArticleSummary } from '../content/content-reader.ts';
import { documentToPlainText, renderDocumentHtml } from '../content/document/index.ts';

// The public shape of an article: the content API answers with it and webhooks send it
// (docs/webhooks.md), so a partner reads one shape wherever an article reaches them.
const link = z.object({ name: z.string(), url: z.string() });
export const summarySchema = z
  .object({
    id: z.number().int(),
    url: z.string(),
    section: z.object({ path: z.string(), name: z.string() }),
    kicker: z.string(),
    headline: z.string(),
    summary: z.string(),
    image: z.object({ url: z.string(), width: z.number(), height: z.number(), alt: z.string(), caption: z.string(), credit: z.string() }).nullable(),
    publishedAt: z.string(),
    updatedAt: z.string().nullable(),
    edition: z.enum(['online', 'print']),
    printPage: z.number().int().nullable(),
    breaking: z.boolean(),
  })
  .meta({ id: 'ArticleSummary' });
export const articleSchema = summarySchema
  .extend({
    subheadline: z.string(),
    body: z.unknown(),
    bodyHtml: z.string(),
    bodyText: z.string(),
    byline: z.array(link.extend({ kind: z.enum(['desk', 'reporter', 'correspondent', 'agency']) })),
    tags: z.array(link),
    district: z.object({ slug: z.string(), name: z.string() }).nullable(),
    corrections: z.array(z.object({ text: z.string(), createdAt: z.string() })),
  })
  .meta({ id: 'Article' });
export type PublicArticleSummary = z.infer<typeof summarySchema>;
export type PublicArticle = z.infer<typeof articleSchema>;

/** The serialisers of the public article shapes, with absolute URLs on `siteUrl`. */
export function publicArticleAnswers(siteUrl: string) {
  const summary = (a: ArticleSummary): PublicArticleSummary => ({
    id: a.id,
    url: `${siteUrl}/${a.section.path}/${a.id}`,
    section: { path: a.section.path, name: a.section.name },
    kicker: a.kicker,
    headline: a.headline,
    summary: a.summary,
    image: a.image && {
      url: `${siteUrl}${a.image.src}`,
      width: a.image.width,
      height: a.image.height,
      alt: a.image.alt,
      caption: a.image.caption,
      credit: a.image.credit,
    },
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    edition: a.edition,
    printPage: a.printPage,
    breaking: a.breaking,
  });
  const article = (a: ArticleFull): PublicArticle => ({
    ...summary(a),
    subheadline: a.subheadline,
    body: a.body,
    bodyHtml: renderDocumentHtml(a.body),
    bodyText: documentToPlainText(a.body),
    byline: a.people.map((p) => ({ name: p.name, kind: p.kind, url: `${siteUrl}/author/${encodeURIComponent(p.slug)}` })),
    tags: a.tags.map((t) => ({ name: t.name, url: `${siteUrl}/topic/${encodeURIComponent(t.slug)}` })),
    district: a.district && { slug: a.district.slug, name: a.district.name },
    corrections: a.corrections,
  });
  return { summary, article };
}
