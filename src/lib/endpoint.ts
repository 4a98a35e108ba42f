import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseInput } from './parse-input.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An answer besides the success: a description, and its body's shape and type when it has one. */
export interface OtherResponse {
  description: string;
  response?: z.ZodType;
  /** The body's type, when not JSON. */
  contentType?: string;
  headers?: Readonly<Record<string, { description: string; schema: object }>>;
}

/**
 * Who may call an endpoint: anyone, anyone signed in (the service below decides per item, as for
 * an article its owner may edit), or only a role that has a permission.
 */
export type Access<Permission extends string> = 'public' | 'signed-in' | { can: Permission };

/** What a handler is given: the request's parts, parsed by the declared schemas, and its caller. */
export interface EndpointCall<Actor, Params, Query, Body> {
  params: Params;
  query: Query;
  body: Body;
  /** The caller (on a public endpoint, whoever is signed in, or null). */
  actor: Actor;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One endpoint as data: where it is, who may call it, the shapes it takes and answers, and the
 * cache tags a successful call makes stale (through the content event its write appends). The
 * OpenAPI document, the permission check and input validation are all read from this declaration.
 */
export interface Endpoint<
  Actor = unknown,
  Permission extends string = string,
  Params = unknown,
  Query = unknown,
  Body = unknown,
  A extends Access<Permission> = Access<Permission>,
> {
  method: Method;
  path: string;
  summary: string;
  access: A;
  params?: z.ZodType<Params>;
  query?: z.ZodType<Query>;
  body?: z.ZodType<Body>;
  /** The answer's shape: every endpoint declares it, but one answering 204 (test/openapi-document.test.ts holds them to it). */
  response?: z.ZodType;
  /** The answer's type, when not JSON (`text/html`). */
  contentType?: string;
  /** A route-level onSend hook: it runs after the site-wide ones (the preview's framing headers). */
  onSend?: (request: FastifyRequest, reply: FastifyReply, payload: unknown) => Promise<unknown>;
  /** The success status, when not 200 (a 204 answers no body and declares no `response`). */
  status?: number;
  /** Other answers than the success and the errors (a 202, a 303, a 304), by status. */
  otherResponses?: Readonly<Record<number, OtherResponse>>;
  /** The OpenAPI operationId, when the one made from the method and path (`operationIdOf`) will not do. */
  operationId?: string;
  /** A longer description for the OpenAPI document (Markdown). */
  description?: string;
  /** Cache tags a successful call invalidates (documentation; the invalidation follows the event). */
  invalidates?: readonly string[];
  /** Multipart uploads and the like read the request themselves. */
  rawBody?: boolean;
  handle(call: EndpointCall<A extends 'public' ? Actor | null : Actor, Params, Query, Body>): Promise<unknown>;
}

/** How a surface resolves its caller for an access rule: the actor, null (public, nobody signed in), or a thrown 401/403. */
export type Authorize<Actor, Permission extends string> = (request: FastifyRequest, access: Access<Permission>) => Actor | null;

/**
 * Declares an endpoint with its handler's input types inferred from its schemas. The surface
 * (newsroom, public API) fixes the actor and permission types once with `endpointsFor`.
 */
export function endpointsFor<Actor, Permission extends string>() {
  return <Params = undefined, Query = undefined, Body = undefined, A extends Access<Permission> = Access<Permission>>(
    endpoint: Endpoint<Actor, Permission, Params, Query, Body, A>,
  ) => endpoint as unknown as Endpoint<Actor, Permission>;
}

/** Registers declared endpoints: parse what they declare, check who calls, hand over, answer. */
export function registerEndpoints<Actor, Permission extends string>(
  app: FastifyInstance,
  endpoints: readonly Endpoint<Actor, Permission>[],
  authorize: Authorize<Actor, Permission>,
  options: { checkAnswers?: boolean } = {},
): void {
  for (const endpoint of endpoints) {
    app.route({
      method: endpoint.method,
      url: endpoint.path,
      ...(endpoint.onSend ? { onSend: endpoint.onSend } : {}),
      handler: async (request, reply) => {
        const actor = authorize(request, endpoint.access);
        const call = {
          params: endpoint.params ? parseInput(endpoint.params, request.params) : undefined,
          query: endpoint.query ? parseInput(endpoint.query, request.query) : undefined,
          body: endpoint.body && !endpoint.rawBody ? parseInput(endpoint.body, request.body) : undefined,
          actor,
          request,
          reply,
        };
        const answer = await endpoint.handle(call);
        if (reply.sent || answer === reply) return reply;
        // Tests run with this on: every answer is held to the shape its declaration promises.
        if (options.checkAnswers && endpoint.response) {
          const checked = endpoint.response.safeParse(answer);
          if (!checked.success) throw new Error(`${endpoint.method} ${endpoint.path} answered outside its declared shape: ${checked.error.message}`);
        }
        if (endpoint.status) reply.code(endpoint.status);
        return answer === undefined ? reply.send() : answer;
      },
    });
  }
}

/**
 * The OpenAPI 3.1 paths of declared endpoints, with their schemas as JSON Schema. A schema's own
 * definitions (a recursive one's, or one named with `.meta({ id })`) go into `components`, which
 * the document holds under `components.schemas`, and are referred to there.
 */
export function openApiPaths(
  endpoints: readonly Endpoint<never>[],
  errorSchema: object,
  components: Record<string, object> = {},
): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const operationId = e.operationId ?? operationIdOf(e.method, e.path);
    const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => hoisted(toJsonSchema(schema, io), operationId, components);
    const responseObject = (description: string, schema?: z.ZodType, contentType = 'application/json', headers?: OtherResponse['headers']) => ({
      description,
      ...(headers ? { headers } : {}),
      ...(schema ? { content: { [contentType]: { schema: jsonSchema(schema, 'output') } } } : {}),
    });
    const path = openApiPath(e.path);
    const parameters = [...parametersOf(e.params, 'path'), ...parametersOf(e.query, 'query')];
    const operation: Record<string, unknown> = {
      operationId,
      summary: e.summary,
      ...(e.description ? { description: e.description } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(e.body && !e.rawBody ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(e.body, 'input') } } } } : {}),
      responses: {
        [String(e.status ?? 200)]: responseObject(STATUS_TEXT[e.status ?? 200] ?? 'OK', e.response, e.contentType),
        ...Object.fromEntries(
          Object.entries(e.otherResponses ?? {}).map(([status, r]) => [status, responseObject(r.description, r.response, r.contentType, r.headers)]),
        ),
        '4XX': { description: 'The request was refused (the error catalogue: docs/errors.md)', content: { 'application/json': { schema: errorSchema } } },
        '5XX': {
          description: 'The server could not answer (busy, database unreachable, internal error)',
          content: { 'application/json': { schema: errorSchema } },
        },
      },
      'x-access': typeof e.access === 'string' ? e.access : `can:${e.access.can}`,
      ...(e.invalidates?.length ? { 'x-invalidates': e.invalidates } : {}),
    };
    (paths[path] ??= {})[e.method.toLowerCase()] = operation;
  }
  return paths;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No content',
  304: 'Not modified: the ETag given in If-None-Match still holds',
};

/**
 * A JSON Schema with its `$defs` moved into the shared components (named by the id a schema was
 * given with `.meta({ id })`, or after the operation) and its `$schema` left out (the document's
 * dialect is 2020-12 already): a `#/$defs/…` inside a path of the document would not resolve.
 */
function hoisted(schema: Record<string, unknown>, operationId: string, components: Record<string, object>): Record<string, unknown> {
  const { $schema: _dialect, $defs, ...rest } = schema;
  const names = new Map<string, string>();
  for (const name of Object.keys(($defs as Record<string, object> | undefined) ?? {})) {
    names.set(name, name.startsWith('__schema') ? `${operationId[0]!.toUpperCase()}${operationId.slice(1)}${name.replace('__schema', 'Part')}` : name);
  }
  const rename = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rename);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\/(.+)$/, (_m, n: string) => `#/components/schemas/${names.get(n) ?? n}`) : rename(v),
      ]),
    );
  };
  for (const [name, def] of Object.entries(($defs as Record<string, object> | undefined) ?? {})) components[names.get(name)!] = rename(def) as object;
  return rename(rest) as Record<string, unknown>;
}

/** A Fastify path in OpenAPI's spelling: `/articles/:id` is `/articles/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

/**
 * The operationId made from an endpoint's method and path: the method, then each segment after
 * `/api` capitalised, a parameter as `By` and its name (`GET /api/v1/articles/:id` is
 * `getV1ArticlesById`). It changes only when the path does.
 */
export function operationIdOf(method: Method, path: string): string {
  const words = path
    .split('/')
    .filter((segment) => segment && segment !== 'api')
    .map((segment) => (segment.startsWith(':') ? `By-${segment.slice(1)}` : segment))
    .flatMap((segment) => segment.split(/[-_.]/))
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): object[] {
  if (!schema) return [];
  const json = toJsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}
