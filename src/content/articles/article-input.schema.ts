import { idSchema } from '../../lib/parse-input.ts';
import { z } from 'zod';

const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim());
const id = idSchema;
const nullableText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    .nullable()
    .default(null);

/** What the newsroom sends to create or save an article (docs/admin-api.md, ArticleInput). */
export const articleInputSchema = z
  .object({
    sectionId: id.nullable().default(null),
    kicker: text(200).default(''),
    headline: text(300).default(''),
    subheadline: text(500).default(''),
    summary: text(2000).default(''),
    body: z.unknown().default({ type: 'doc', content: [] }),
    byline: z
      .object({ kind: z.enum(['desk', 'reporters', 'correspondent', 'agency']), personIds: z.array(id).max(10) })
      .strict()
      .default({ kind: 'desk', personIds: [] }),
    districtId: id.nullable().default(null),
    edition: z.enum(['online', 'print']).default('online'),
    printPage: z.number().int().min(1).max(128).nullable().default(null),
    breaking: z.boolean().default(false),
    imageId: id.nullable().default(null),
    imageCaption: nullableText(500),
    imageCredit: nullableText(120),
    imageAlt: nullableText(500),
    tags: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  })
  .strict();

export type ArticleInput = z.output<typeof articleInputSchema>;

/** A save names the revision it was based on, so two editors cannot overwrite each other unseen. */
export const articleSaveSchema = articleInputSchema.extend({
  revision: z.number().int().min(0),
  significantUpdate: z.boolean().default(false),
});
