import { z } from 'zod';
import { openApiPaths, type Endpoint } from '../lib/endpoint.ts';

const ERROR = { $ref: '#/components/schemas/Error' };

/** Each tag of the document, with what it holds: the content API's, then the newsroom's by the first segment of their path. */
export const API_TAGS: Readonly<Record<string, string>> = {
  content:
    'The public content API (`/api/v1`): published articles, sections, tags, people, districts, latest, popular, search. Read-only, cacheable (ETag, 304), open to any origin by default, rate limited; a partner token (`read` scope) raises the limit. See docs/content-api.md.',
  engagement: "Readers' comments and the view beacon (`/api/v1/articles/{id}/comments`, `/views`).",
  docs: 'This document, and the page that shows it (`/api/docs/`).',
  session: 'Newsroom: first-run setup, signing in and out.',
  articles: "Newsroom: articles, the reporter's desk, the editorial workflow, revisions and previews.",
  home: 'Newsroom: the lead and top stories of the home page.',
  media: 'Newsroom: the media library (uploads, captions, credits).',
  moderation: 'Newsroom: the comment moderation queue and the comment settings.',
  sections: 'Newsroom: the section tree.',
  people: 'Newsroom: desks, reporters, correspondents and agencies (bylines).',
  reference: 'Newsroom: districts, tags, the site settings and the audit log.',
  users: 'Newsroom: user accounts and API tokens.',
  health: 'Newsroom: how this server process stands.',
};

// The newsroom's path segments that share a tag.
const SEGMENT_TAGS: Readonly<Record<string, string>> = {
  setup: 'session',
  session: 'session',
  desk: 'articles',
  articles: 'articles',
  comments: 'moderation',
  districts: 'reference',
  tags: 'reference',
  settings: 'reference',
  audit: 'reference',
  tokens: 'users',
};

/** The tag of an operation, from its path. */
export function tagOf(path: string): string {
  if (/^\/api\/v1\/articles\/[^/]+\/(comments|views)$/.test(path)) return 'engagement';
  if (path.startsWith('/api/v1/')) return 'content';
  if (path.startsWith('/api/docs')) return 'docs';
  const segment = /^\/api\/admin\/([a-z-]+)/.exec(path)?.[1] ?? 'other';
  return SEGMENT_TAGS[segment] ?? segment;
}

/**
 * The OpenAPI 3.1 document of every declared endpoint: paths, parameters, request bodies and the
 * declared answers come from the same declarations and zod schemas that route and validate them;
 * `x-access` says who may call, `x-invalidates` which cached pages a call makes stale.
 */
export function buildOpenApi(siteUrl: string, endpoints: readonly Endpoint<never>[]) {
  const components: Record<string, object> = {};
  const paths = openApiPaths(endpoints, ERROR, components);
  const used = new Set<string>();
  for (const [path, operations] of Object.entries(paths)) {
    const tag = tagOf(path);
    used.add(tag);
    for (const operation of Object.values(operations) as Array<Record<string, unknown>>) {
      operation.tags = [tag];
      // The content API reads with no credentials, or with a partner token (its own rate limit).
      if (operation['x-access'] !== 'public') operation.security = [{ session: [], csrf: [] }, { bearer: [] }];
      else operation.security = tag === 'content' ? [{}, { bearer: [] }] : [];
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Prokash API',
      version: '1',
      description:
        'The public content API (`/api/v1`) and the newsroom API (`/api/admin`) of a Prokash site. See docs/content-api.md and docs/admin-api.md; every error code is in docs/errors.md.',
      license: { name: 'AGPL-3.0-only', identifier: 'AGPL-3.0-only' },
    },
    servers: [{ url: siteUrl }],
    tags: [...used].sort().map((name) => ({ name, description: API_TAGS[name] ?? `Newsroom: ${name}.` })),
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'prokash_session', description: 'The newsroom session cookie, set by POST /api/admin/session.' },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'x-csrf-token',
          description: 'The session’s CSRF token, needed with the cookie on every POST, PUT, PATCH and DELETE.',
        },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (`pk_…`): a newsroom token acts with its role; a partner token (`read` scope) reads the content API only.',
        },
      },
      schemas: {
        Error: withoutDialect(z.toJSONSchema(errorSchema, { io: 'output' })),
        ...components,
      },
    },
  };
}

/** Every error answer: a catalogue code, the specifics in English, the catalogue's Bengali sentence, and any details. */
export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), messageBn: z.string(), details: z.unknown().optional() }),
});

const withoutDialect = ({ $schema: _dialect, ...schema }: Record<string, unknown>) => schema;
