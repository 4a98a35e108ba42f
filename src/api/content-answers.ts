// The content API's answers as zod schemas: the OpenAPI document shows them, and the tests hold
// every answer to them (checkAnswers, and test/helpers/openapi-check.ts on the wire).
import { z } from 'zod';
import { articleSchema, summarySchema } from './article-answers.ts';

// The article shapes are article-answers.ts's: webhooks send the same ones.
export { articleSchema, summarySchema };

export interface SectionOut {
  path: string;
  name: string;
  url: string;
  children: SectionOut[];
}
export const sectionSchema: z.ZodType<SectionOut> = z.lazy(() =>
  z.object({ path: z.string(), name: z.string(), url: z.string(), children: z.array(sectionSchema) }).meta({ id: 'Section' }),
);

/** A page of a list: its items, the next page's full URL and its cursor (both null on the last page). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** The next page: this request's URL with `cursor` set. */
    next: z.string().nullable(),
    /** The opaque cursor of the next page, for `cursor`. */
    nextCursor: z.string().nullable(),
  });

export const listSchema = pageOf(summarySchema);
export const popularSchema = z.object({ window: z.enum(['6h', '24h', '7d']), basis: z.enum(['views', 'latest']), items: z.array(summarySchema) });
export const tagSchema = z.object({ slug: z.string(), name: z.string(), url: z.string() }).meta({ id: 'Tag' });
const districtRef = z.object({ slug: z.string(), name: z.string() });
export const personSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    kind: z.enum(['desk', 'reporter', 'correspondent', 'agency']),
    title: z.string(),
    place: z.string(),
    district: districtRef.nullable(),
    url: z.string(),
  })
  .meta({ id: 'Person' });
export const districtSchema = z.object({ slug: z.string(), name: z.string(), division: districtRef.nullable(), url: z.string() }).meta({ id: 'District' });

export const SUGGESTION_TYPES = ['person', 'tag', 'section', 'headline'] as const;
const suggestionSchema = z.object({ type: z.enum(SUGGESTION_TYPES), name: z.string(), url: z.string() });
export const suggestSchema = z.object({
  query: z.string(),
  transliterated: z.boolean(),
  groups: z.array(z.object({ type: z.enum(SUGGESTION_TYPES), label: z.string(), items: z.array(suggestionSchema) })),
});

export const PUBLIC_ANSWERS = {
  list: listSchema,
  article: z.object({ article: articleSchema }),
  sections: z.object({ items: z.array(sectionSchema) }),
  latest: listSchema,
  popular: popularSchema,
  suggest: suggestSchema,
  tags: pageOf(tagSchema),
  people: pageOf(personSchema),
  districts: z.object({ items: z.array(districtSchema) }),
};
