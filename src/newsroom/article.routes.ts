import { AppError } from '../lib/errors.ts';
import { z } from 'zod';
import { articleInputSchema, articleSaveSchema } from '../content/articles/article-input.schema.ts';
import type { ArticleService } from '../content/articles/article.service.ts';
import { idParams, MAX_ID } from '../lib/parse-input.ts';
import { isValidCalendarDay, zonedDayRange } from '../bangla/zoned-date.ts';
import { nextListCursor, parseListCursor } from '../content/articles/article-list.ts';
import { adminEndpoint } from './newsroom-endpoint.ts';
import { articleAnswer, changeAnswer, deskAnswer, listItemAnswer, listOf, pageOf, previewLinkAnswer, revisionAnswer, revisionEntryAnswer } from './answers.ts';
import { PREVIEW_LINK_TTL_MS, type PreviewLinks } from '../content/articles/preview-link.ts';
import type { Clock } from '../lib/clock.ts';

const revisionParams = idParams.extend({ number: z.coerce.number().int().min(1) });
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .refine((text) => isValidCalendarDay(...dayParts(text)), 'not a day of the calendar');
const listQuery = z
  .object({
    status: z.enum(['draft', 'submitted', 'scheduled', 'published', 'unpublished']).optional(),
    sectionId: z.coerce.number().int().positive().max(MAX_ID).optional(),
    ownerId: z.coerce.number().int().positive().max(MAX_ID).optional(),
    personId: z.coerce.number().int().positive().max(MAX_ID).optional(),
    q: z.string().max(2000).optional(),
    from: day.optional(),
    to: day.optional(),
    order: z.enum(['modified', 'published']).default('modified'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z
      .string()
      .max(60)
      .transform((text, ctx) => parseListCursor(text) ?? (ctx.addIssue({ code: 'custom', message: 'not a cursor this list gave (nextCursor)' }), z.NEVER))
      .optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'the range ends before it starts (to is before from)' })
  .refine((q) => q.order !== 'published' || !q.status || q.status === 'published', {
    path: ['order'],
    error: 'order=published lists published articles: leave status out or make it published',
  });
const scheduleBody = z.object({ at: z.iso.datetime({ offset: true }) }).strict();
const correctionBody = z.object({ text: z.string().trim().min(1).max(2000) }).strict();
const diffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

// What an article's event makes stale (cache/page-invalidation.ts), only when it is or was
// published: a draft's writes, a submission and a schedule change nothing readers see.
/** Its own page and every card of it. */
const ARTICLE_PAGES = ['article:<id>', 'card:<id>'];
/** …and every list it enters, leaves or moves in. */
const ARTICLE_LISTS = [
  ...ARTICLE_PAGES,
  'latest',
  'home',
  'section:<its section and parents>',
  'tag:<its tags>',
  'person:<its people>',
  'district:<its district>',
  'archive:<its day>',
];
/** A save: the lists too only when its section, tags, people, district, time, breaking flag or edition changed. */
const SAVE_INVALIDATES = [...ARTICLE_PAGES, 'when its listing moved: latest, home, section:<…>, tag:<…>, person:<…>, district:<…>, archive:<…>'];

export interface ArticleRouteDeps {
  articles: ArticleService;
  /** Renders an article's preview page (site/reader-pages.ts), whatever its status; undefined without a section. */
  preview: (id: number) => Promise<string | undefined>;
  /** Signs the links that open a preview on the reader site. */
  links: PreviewLinks;
  clock: Clock;
  /** The site's public address, for the links' full URLs. */
  siteUrl: string;
  /** The site's time zone (settings): the list's date range is of its days. */
  timeZone: () => string;
}

/**
 * Articles and their workflow under /api/admin/articles (docs/admin-api.md).
 */
export function articleEndpoints(deps: ArticleRouteDeps) {
  const { articles } = deps;
  return [
    ...readEndpoints(articles, deps.timeZone),
    ...writeEndpoints(articles),
    ...workflowEndpoints(articles),
    ...revisionEndpoints(articles),
    previewLinkEndpoint(deps),
    articlePreviewEndpoint(deps),
  ];
}

/** A link a colleague without an account can open: the caller must be allowed to read the article. */
function previewLinkEndpoint({ articles, links, clock, siteUrl }: ArticleRouteDeps) {
  return adminEndpoint({
    method: 'POST',
    path: '/api/admin/articles/:id/preview-link',
    summary: "Makes a signed link to the article's preview on the reader site, open to anyone holding it for 48 hours",
    response: previewLinkAnswer,
    access: 'signed-in',
    params: idParams,
    handle: async ({ actor, params }) => {
      const article = await articles.get(actor, params.id); // the same access rule as reading it
      if (article.sectionId === null) throw new AppError('INVALID_TRANSITION', 'choose a section before previewing', { missing: ['section'] });
      const link = links.make(params.id, clock.now());
      return {
        path: link.path,
        url: `${siteUrl.replace(/\/$/, '')}${link.path}`,
        expiresAt: link.expiresAt.toISOString(),
        hours: PREVIEW_LINK_TTL_MS / 3600_000,
      };
    },
  });
}

function readEndpoints(articles: ArticleService, timeZone: () => string) {
  return [
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/desk',
      summary: "The caller's desk: their own articles and what waits for them",
      response: deskAnswer,
      access: 'signed-in',
      handle: ({ actor }) => articles.desk(actor),
    }),
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/articles',
      summary: 'Articles the caller may see, newest change (or with order=published, newest publication) first, filtered, a page at a time',
      response: pageOf(listItemAnswer),
      access: 'signed-in',
      query: listQuery,
      handle: async ({ actor, query }) => {
        const { from, to, ...filter } = query;
        const zone = timeZone();
        const range = { from: from && dayRange(from, zone).start.toISOString(), to: to && dayRange(to, zone).end.toISOString() };
        const items = await articles.list(actor, { ...filter, ...range });
        return { items, nextCursor: nextListCursor(items, query.limit, query.order) };
      },
    }),
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/articles/:id',
      summary: 'One article as the newsroom edits it',
      response: z.object({ article: articleAnswer }),
      access: 'signed-in',
      params: idParams,
      handle: async ({ actor, params }) => ({ article: await articles.get(actor, params.id) }),
    }),
  ];
}

function writeEndpoints(articles: ArticleService) {
  return [
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/articles',
      summary: 'Creates a draft',
      response: z.object({ article: articleAnswer }),
      access: 'signed-in',
      body: articleInputSchema,
      status: 201,
      handle: async ({ actor, body }) => ({ article: await articles.create(actor, body) }),
    }),
    adminEndpoint({
      method: 'PUT',
      path: '/api/admin/articles/:id',
      summary: 'Saves an article (a new revision; the revision it was based on must still be the latest)',
      response: z.object({ article: articleAnswer }),
      access: 'signed-in',
      params: idParams,
      body: articleSaveSchema,
      invalidates: SAVE_INVALIDATES,
      handle: async ({ actor, params, body }) => {
        const { revision, significantUpdate, ...input } = body;
        return { article: await articles.save(actor, params.id, input, revision, significantUpdate) };
      },
    }),
    adminEndpoint({
      method: 'DELETE',
      path: '/api/admin/articles/:id',
      summary: 'Deletes an article',
      access: 'signed-in',
      params: idParams,
      status: 204,
      invalidates: ARTICLE_LISTS,
      handle: async ({ actor, params }) => {
        await articles.remove(actor, params.id);
      },
    }),
  ];
}

const TRANSITIONS = {
  submit: { summary: 'Submits a draft for editing', invalidates: [] },
  publish: { summary: 'Publishes an article now', invalidates: ARTICLE_LISTS },
  unpublish: { summary: 'Takes a published or scheduled article down', invalidates: ARTICLE_LISTS },
} as const;

function workflowEndpoints(articles: ArticleService) {
  return [
    ...(['submit', 'publish', 'unpublish'] as const).map((action) =>
      adminEndpoint({
        method: 'POST',
        path: `/api/admin/articles/:id/${action}`,
        summary: TRANSITIONS[action].summary,
        response: z.object({ article: articleAnswer }),
        access: 'signed-in',
        params: idParams,
        invalidates: TRANSITIONS[action].invalidates,
        handle: async ({ actor, params }) => ({ article: await articles[action](actor, params.id) }),
      }),
    ),
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/articles/:id/schedule',
      summary: 'Schedules an unpublished article for a time to come',
      response: z.object({ article: articleAnswer }),
      access: 'signed-in',
      params: idParams,
      body: scheduleBody,
      handle: async ({ actor, params, body }) => ({ article: await articles.schedule(actor, params.id, new Date(body.at)) }),
    }),
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/articles/:id/corrections',
      summary: 'Appends a correction to an article',
      response: z.object({ article: articleAnswer }),
      access: 'signed-in',
      params: idParams,
      body: correctionBody,
      invalidates: ARTICLE_PAGES,
      handle: async ({ actor, params, body }) => ({ article: await articles.addCorrection(actor, params.id, body.text) }),
    }),
  ];
}

function revisionEndpoints(articles: ArticleService) {
  return [
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/articles/:id/revisions',
      summary: "An article's revisions",
      response: listOf(revisionEntryAnswer),
      access: 'signed-in',
      params: idParams,
      handle: async ({ actor, params }) => ({ items: await articles.revisions(actor, params.id) }),
    }),
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/articles/:id/revisions/:number',
      summary: 'One revision of an article',
      response: z.object({ revision: revisionAnswer }),
      access: 'signed-in',
      params: revisionParams,
      handle: async ({ actor, params }) => ({ revision: await articles.revision(actor, params.id, params.number) }),
    }),
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/articles/:id/diff',
      summary: 'What changed between two revisions',
      response: z.object({ changes: z.array(changeAnswer) }),
      access: 'signed-in',
      params: idParams,
      query: diffQuery,
      handle: async ({ actor, params, query }) => ({ changes: await articles.diff(actor, params.id, query.from, query.to) }),
    }),
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/articles/:id/revisions/:number/restore',
      summary: "Saves an old revision's content as the newest revision",
      response: z.object({ article: articleAnswer }),
      access: 'signed-in',
      params: revisionParams,
      invalidates: SAVE_INVALIDATES,
      handle: async ({ actor, params }) => ({ article: await articles.restore(actor, params.id, params.number) }),
    }),
  ];
}

/**
 * GET /api/admin/articles/:id/preview: the article's preview page (banner, no comment form, no
 * view counted), for the editor's side panel; a colleague gets a signed link instead. Its
 * route-level onSend hook runs after the site-wide security headers and lets the newsroom app
 * (same origin) frame it, which a handler cannot do.
 */
export function articlePreviewEndpoint({ articles, preview }: ArticleRouteDeps) {
  return adminEndpoint({
    method: 'GET',
    path: '/api/admin/articles/:id/preview',
    summary: "The article's preview page (HTML), for the newsroom app's side panel",
    access: 'signed-in',
    params: idParams,
    response: z.string(),
    contentType: 'text/html',
    // The newsroom app shows the preview in an iframe of its own origin; the site-wide policy forbids framing.
    onSend: async (_request, reply, payload) => {
      const csp = String(reply.getHeader('content-security-policy') ?? '').replace("frame-ancestors 'none'", "frame-ancestors 'self'");
      reply.header('content-security-policy', csp).header('x-frame-options', 'SAMEORIGIN');
      return payload;
    },
    handle: async ({ actor, params: { id }, reply }) => {
      await articles.get(actor, id); // the same access rule as reading it
      const html = await preview(id);
      if (html === undefined) throw new AppError('INVALID_TRANSITION', 'choose a section before previewing', { missing: ['section'] });
      return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex').send(html);
    },
  });
}

const dayParts = (text: string) => text.split('-').map(Number) as [number, number, number];
/** A day of the list's date range (checked by the schema) as UTC instants. */
const dayRange = (text: string, zone: string) => zonedDayRange(...dayParts(text), zone);
