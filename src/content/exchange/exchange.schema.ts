import { z } from 'zod';
import { normalizeOldPath } from '../../lib/old-path.ts';
import { isAvailableSectionPath, SECTION_PATH } from '../sections/section.repository.ts';

const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim());
const name = z.string().trim().min(1, 'must not be empty').max(120);

/** An instant with an explicit offset: a bare local time would be ambiguous. */
const instant = z
  .string()
  .refine((s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(s), {
    error: 'must be an ISO 8601 time with a zone offset, e.g. 2023-09-13T16:57:00+06:00',
  })
  .refine((s) => !Number.isNaN(Date.parse(s)), { error: 'is not a real date and time' })
  .transform((s) => new Date(s).toISOString());

const byline = z.union([
  z.object({ desk: name }).strict(),
  z.object({ authors: z.array(name).min(1).max(10) }).strict(),
  z
    .object({
      correspondent: z.object({ name: name.optional(), place: text(80).optional(), district: name }).strict(),
    })
    .strict(),
  z.object({ agency: name }).strict(),
]);

const image = z
  .object({
    src: z.string().trim().min(1).max(2000),
    caption: text(500).default(''),
    credit: text(120).default(''),
    alt: text(500).default(''),
  })
  .strict();

/** One line of the article exchange format (DESIGN.md), as accepted by import. */
export const exchangeRecordSchema = z
  .object({
    id: z.number().int().min(1).max(2_147_483_647).optional(),
    section: z
      .string()
      .trim()
      .toLowerCase()
      .regex(SECTION_PATH, 'must be a path of ASCII slugs like world/asia')
      .refine(isAvailableSectionPath, 'starts with a name the site uses for itself (topic, author, archive, …)'),
    kicker: text(200).default(''),
    headline: text(300).pipe(z.string().min(1, 'must not be empty')),
    subheadline: text(500).default(''),
    summary: text(2000).default(''),
    body: z.union([z.string().max(2_000_000), z.record(z.string(), z.unknown())]),
    byline: byline,
    published_at: instant.nullable().default(null),
    updated_at: instant.nullable().default(null),
    scheduled_at: instant.nullable().default(null),
    edition: z.enum(['online', 'print']).default('online'),
    print_page: z.number().int().min(1).max(128).nullable().default(null),
    breaking: z.boolean().default(false),
    district: name.nullable().default(null),
    image: image.nullable().default(null),
    tags: z
      .array(name.pipe(z.string().max(60)))
      .max(30)
      .default([]),
    status: z.enum(['draft', 'submitted', 'scheduled', 'published', 'unpublished']).optional(),
    /** The article's links on the site it came from; each answers a 301 to the article here. */
    old_urls: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(2000)
          .transform((link, ctx) => {
            const path = normalizeOldPath(link);
            if (path === undefined) {
              ctx.addIssue({ code: 'custom', message: `"${link.slice(0, 80)}" is not a path or URL of a page` });
              return z.NEVER;
            }
            return path;
          }),
      )
      .max(50)
      .default([]),
  })
  .strict()
  .superRefine((r, ctx) => {
    const status = r.status ?? (r.published_at ? 'published' : 'draft');
    if ((status === 'published' || status === 'unpublished') && !r.published_at) {
      ctx.addIssue({ code: 'custom', path: ['published_at'], message: `is required when status is ${status}` });
    }
    if (status === 'scheduled' && !r.scheduled_at) {
      ctx.addIssue({ code: 'custom', path: ['scheduled_at'], message: 'is required when status is scheduled' });
    }
    if (r.updated_at && r.published_at && r.updated_at < r.published_at) {
      ctx.addIssue({ code: 'custom', path: ['updated_at'], message: 'must not be before published_at' });
    }
    if (r.edition === 'print' && r.print_page === null) {
      ctx.addIssue({ code: 'custom', path: ['print_page'], message: 'is required for the print edition' });
    }
    if (r.edition === 'online' && r.print_page !== null) {
      ctx.addIssue({ code: 'custom', path: ['print_page'], message: 'is only for the print edition' });
    }
  })
  .transform((r) => ({ ...r, status: r.status ?? (r.published_at ? 'published' : 'draft') }) as const);

export type ExchangeRecord = z.output<typeof exchangeRecordSchema>;
export type ExchangeRecordInput = z.input<typeof exchangeRecordSchema>;

/** Formats zod issues as one line: `headline: must not be empty; byline: …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'line'}: ${issue.message}`).join('; ');
}
