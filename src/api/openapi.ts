import { z } from 'zod';
import { articleInputSchema, articleSaveSchema } from '../content/articles/article-input.schema.ts';
import { exchangeRecordSchema } from '../content/exchange/exchange.schema.ts';
import { siteSettingsSchema } from '../content/settings/settings.service.ts';
import { commentSettingsSchema } from '../engage/comments/comment-settings.ts';
import { commentInputSchema } from '../engage/comments/comment.service.ts';

type Op = { summary: string; tags: string[]; body?: z.ZodType; auth?: boolean; query?: string[] };

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const error = { $ref: '#/components/schemas/Error' };

/** Every endpoint, briefly; the request bodies are generated from the same schemas that validate them. */
const PATHS: Record<string, Record<string, Op>> = {
  '/api/v1/articles': { get: { summary: 'Published articles, newest first (keyset cursor `before`)', tags: ['public'], query: ['section', 'tag', 'author', 'before', 'limit'] } },
  '/api/v1/articles/{id}': { get: { summary: 'One published article in full', tags: ['public'] } },
  '/api/v1/sections': { get: { summary: 'The section tree', tags: ['public'] } },
  '/api/v1/latest': { get: { summary: 'The latest articles', tags: ['public'], query: ['limit'] } },
  '/api/v1/popular': { get: { summary: 'Popular articles for a window', tags: ['public'], query: ['window', 'limit'] } },
  '/api/admin/setup': {
    get: { summary: 'Whether first-run setup is needed', tags: ['session'] },
    post: { summary: 'Create the owner (first user, an admin)', tags: ['session'], body: z.object({ name: z.string(), email: z.string(), password: z.string() }) },
  },
  '/api/admin/session': {
    get: { summary: 'The signed-in user and CSRF token', tags: ['session'], auth: true },
    post: { summary: 'Sign in; returns the CSRF token', tags: ['session'], body: z.object({ email: z.string(), password: z.string() }) },
    delete: { summary: 'Sign out', tags: ['session'], auth: true },
  },
  '/api/admin/desk': { get: { summary: 'My drafts, waiting for review, scheduled, recently published', tags: ['articles'], auth: true } },
  '/api/admin/articles': {
    get: { summary: 'Articles, newest change first', tags: ['articles'], auth: true, query: ['status', 'sectionId', 'ownerId', 'q', 'limit', 'cursor'] },
    post: { summary: 'Create a draft', tags: ['articles'], auth: true, body: articleInputSchema },
  },
  '/api/admin/articles/{id}': {
    get: { summary: 'One article', tags: ['articles'], auth: true },
    put: { summary: 'Save (names the revision it is based on)', tags: ['articles'], auth: true, body: articleSaveSchema },
    delete: { summary: 'Delete (editor)', tags: ['articles'], auth: true },
  },
  '/api/admin/articles/{id}/submit': { post: { summary: 'Submit for review', tags: ['workflow'], auth: true } },
  '/api/admin/articles/{id}/publish': { post: { summary: 'Publish (editor)', tags: ['workflow'], auth: true } },
  '/api/admin/articles/{id}/unpublish': { post: { summary: 'Unpublish (editor)', tags: ['workflow'], auth: true } },
  '/api/admin/articles/{id}/schedule': { post: { summary: 'Schedule (editor)', tags: ['workflow'], auth: true, body: z.object({ at: z.string() }) } },
  '/api/admin/articles/{id}/corrections': { post: { summary: 'Add a public correction (editor)', tags: ['workflow'], auth: true, body: z.object({ text: z.string() }) } },
  '/api/admin/articles/{id}/revisions': { get: { summary: 'Revisions, newest first', tags: ['revisions'], auth: true } },
  '/api/admin/articles/{id}/revisions/{number}': { get: { summary: 'One revision with its content', tags: ['revisions'], auth: true } },
  '/api/admin/articles/{id}/revisions/{number}/restore': { post: { summary: 'Restore a revision as the newest', tags: ['revisions'], auth: true } },
  '/api/admin/articles/{id}/diff': { get: { summary: 'What changed between two revisions', tags: ['revisions'], auth: true, query: ['from', 'to'] } },
  '/api/admin/articles/{id}/preview': { get: { summary: 'The article page as readers will see it (HTML)', tags: ['articles'], auth: true } },
  '/api/admin/media': {
    get: { summary: 'The media library', tags: ['media'], auth: true, query: ['q', 'cursor', 'limit'] },
    post: { summary: 'Upload an image (multipart: file, caption, credit, alt)', tags: ['media'], auth: true },
  },
  '/api/admin/media/{id}': {
    get: { summary: 'One image with its variants', tags: ['media'], auth: true },
    patch: { summary: 'Edit caption, credit, alt', tags: ['media'], auth: true },
  },
  '/api/admin/comments': { get: { summary: 'The moderation queue', tags: ['comments'], auth: true, query: ['status', 'limit', 'cursor'] } },
  '/api/admin/comments/{id}/approve': { post: { summary: 'Approve a comment', tags: ['comments'], auth: true } },
  '/api/admin/comments/{id}/reject': { post: { summary: 'Reject a comment', tags: ['comments'], auth: true } },
  '/api/admin/comments/{id}/spam': { post: { summary: 'Mark a comment as spam', tags: ['comments'], auth: true } },
  '/api/admin/comments/decide': { post: { summary: 'Decide many comments at once', tags: ['comments'], auth: true, body: z.object({ ids: z.array(z.number()), action: z.enum(['approve', 'reject', 'spam']) }) } },
  '/api/admin/comments/settings': {
    get: { summary: 'Pre- or post-moderation and the blocked words', tags: ['comments'], auth: true },
    put: { summary: 'Change them', tags: ['comments'], auth: true, body: commentSettingsSchema },
  },
  '/api/v1/articles/{id}/comments': {
    get: { summary: 'Approved comments, newest first, with replies', tags: ['engage'] },
    post: { summary: 'Post a comment (202: waiting for moderation)', tags: ['engage'], body: commentInputSchema },
  },
  '/api/v1/articles/{id}/views': { post: { summary: 'The view beacon (204)', tags: ['engage'] } },
  '/api/admin/sections': { get: { summary: 'Sections', tags: ['taxonomy'], auth: true }, post: { summary: 'Add a section (admin)', tags: ['taxonomy'], auth: true } },
  '/api/admin/people': { get: { summary: 'Desks, reporters, correspondents, agencies', tags: ['taxonomy'], auth: true, query: ['kind', 'q'] }, post: { summary: 'Add a person (admin)', tags: ['taxonomy'], auth: true } },
  '/api/admin/districts': { get: { summary: 'The 64 districts', tags: ['taxonomy'], auth: true } },
  '/api/admin/tags': { get: { summary: 'Tag autocomplete', tags: ['taxonomy'], auth: true, query: ['q'] } },
  '/api/admin/users': { get: { summary: 'Users (admin)', tags: ['users'], auth: true }, post: { summary: 'Add a user (admin)', tags: ['users'], auth: true } },
  '/api/admin/users/{id}': { patch: { summary: 'Change name, role, language, or disable (admin)', tags: ['users'], auth: true } },
  '/api/admin/users/{id}/password': { post: { summary: 'Reset a password (admin)', tags: ['users'], auth: true } },
  '/api/admin/tokens': { get: { summary: 'API tokens (admin)', tags: ['users'], auth: true }, post: { summary: 'Create an API token (admin)', tags: ['users'], auth: true } },
  '/api/admin/tokens/{id}': { delete: { summary: 'Revoke a token (admin)', tags: ['users'], auth: true } },
  '/api/admin/settings': { get: { summary: 'Site settings', tags: ['settings'], auth: true }, put: { summary: 'Change settings (admin)', tags: ['settings'], auth: true, body: siteSettingsSchema } },
  '/api/admin/home': { get: { summary: 'Home-page slots', tags: ['home'], auth: true }, put: { summary: 'Set the lead and top slots (editor)', tags: ['home'], auth: true } },
  '/api/admin/audit': { get: { summary: 'The audit log (admin)', tags: ['audit'], auth: true, query: ['limit', 'cursor'] } },
};

/** The OpenAPI 3.1 document served at /api/docs. Built once. */
export function buildOpenApi(siteUrl: string): unknown {
  const paths: Record<string, unknown> = {};
  for (const [path, ops] of Object.entries(PATHS)) {
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: m[1] === 'id' || m[1] === 'number' ? 'integer' : 'string' } }));
    paths[path] = Object.fromEntries(
      Object.entries(ops).map(([method, op]) => [
        method,
        {
          summary: op.summary,
          tags: op.tags,
          parameters: [...params, ...(op.query ?? []).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }))],
          ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(op.body) } } } } : {}),
          ...(op.auth ? { security: [{ session: [], csrf: [] }, { bearer: [] }] } : {}),
          responses: { '200': { description: 'OK' }, '4XX': { description: 'Error', content: { 'application/json': { schema: error } } } },
        },
      ]),
    );
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Prokash API', version: '1', description: 'The public content API and the newsroom API. See docs/admin-api.md.' },
    servers: [{ url: siteUrl }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'prokash_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Error: { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, messageBn: { type: 'string' }, details: {} }, required: ['code', 'message', 'messageBn'] } } },
        ExchangeRecord: schema(exchangeRecordSchema),
      },
    },
  };
}
