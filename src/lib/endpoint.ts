import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseInput } from './parse-input.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

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
  /** The answer's shape, where it is declared (the public API's are). */
  response?: z.ZodType;
  /** The success status, when not 200. */
  status?: number;
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

/** The OpenAPI 3.1 paths of declared endpoints, with their schemas as JSON Schema. */
export function openApiPaths(endpoints: readonly Endpoint<never>[], errorSchema: object): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const path = e.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [...parametersOf(e.params, 'path'), ...parametersOf(e.query, 'query')];
    const operation: Record<string, unknown> = {
      summary: e.summary,
      ...(parameters.length ? { parameters } : {}),
      ...(e.body && !e.rawBody ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(e.body, 'input') } } } } : {}),
      responses: {
        [String(e.status ?? 200)]: {
          description: 'OK',
          ...(e.response ? { content: { 'application/json': { schema: jsonSchema(e.response, 'output') } } } : {}),
        },
        '4XX': { description: 'Error', content: { 'application/json': { schema: errorSchema } } },
      },
      'x-access': typeof e.access === 'string' ? e.access : `can:${e.access.can}`,
      ...(e.invalidates?.length ? { 'x-invalidates': e.invalidates } : {}),
    };
    (paths[path] ??= {})[e.method.toLowerCase()] = operation;
  }
  return paths;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): object {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): object[] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}
