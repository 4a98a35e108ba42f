import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { z } from 'zod';
import { AppError } from './errors.ts';
import { endpointsFor, openApiPaths, operationIdOf, registerEndpoints, type Access } from './endpoint.ts';

type Actor = { name: string };
const endpoint = endpointsFor<Actor, 'thing.write'>();
const things = [
  endpoint({
    method: 'GET',
    path: '/things/:id',
    summary: 'One thing',
    access: 'public',
    params: z.object({ id: z.coerce.number().int().positive() }),
    response: z.object({ id: z.number(), name: z.string() }),
    handle: async ({ params }) => (params.id === 13 ? { id: 13, name: 13 } : { id: params.id, name: `thing ${params.id}` }),
  }),
  endpoint({
    method: 'POST',
    path: '/things',
    summary: 'Adds a thing',
    access: { can: 'thing.write' },
    body: z.object({ name: z.string().min(1) }).strict(),
    status: 201,
    invalidates: ['things'],
    handle: async ({ body, actor }) => ({ name: body.name, by: actor.name }),
  }),
];

// A caller is "signed in" with the header `x-who`; only "editor" may write.
const authorize = (request: { headers: Record<string, unknown> }, access: Access<'thing.write'>): Actor | null => {
  const who = typeof request.headers['x-who'] === 'string' ? request.headers['x-who'] : undefined;
  if (access === 'public') return who ? { name: who } : null;
  if (!who) throw new AppError('UNAUTHENTICATED');
  if (typeof access === 'object' && who !== 'editor') throw new AppError('FORBIDDEN');
  return { name: who };
};

async function app(checkAnswers: boolean) {
  const server = Fastify();
  server.setErrorHandler(async (error: Error & { statusCode?: number; code?: string }, _request, reply) =>
    reply.code(error instanceof AppError ? error.statusCode : 500).send({ code: error instanceof AppError ? error.code : 'INTERNAL', message: error.message }),
  );
  registerEndpoints(server, things, authorize, { checkAnswers });
  await server.ready();
  return server;
}

test('a declared endpoint parses its parts, checks its caller first, and answers with its status', async () => {
  const server = await app(true);
  assert.deepEqual((await server.inject({ url: '/things/7' })).json(), { id: 7, name: 'thing 7' });
  assert.equal((await server.inject({ url: '/things/abc' })).statusCode, 400);
  const anonymous = await server.inject({ method: 'POST', url: '/things', payload: { colour: 'red' } });
  assert.equal(anonymous.statusCode, 401, 'the caller is checked before the input');
  assert.equal((await server.inject({ method: 'POST', url: '/things', headers: { 'x-who': 'reporter' }, payload: { name: 'x' } })).statusCode, 403);
  assert.equal((await server.inject({ method: 'POST', url: '/things', headers: { 'x-who': 'editor' }, payload: { colour: 'red' } })).statusCode, 400);
  const made = await server.inject({ method: 'POST', url: '/things', headers: { 'x-who': 'editor' }, payload: { name: 'x' } });
  assert.equal(made.statusCode, 201);
  assert.deepEqual(made.json(), { name: 'x', by: 'editor' });
  await server.close();
});

test('with checkAnswers an answer outside its declared shape fails loudly; without, it goes out', async () => {
  const checked = await app(true);
  const wrong = await checked.inject({ url: '/things/13' });
  assert.equal(wrong.statusCode, 500);
  assert.match(wrong.json().message, /GET \/things\/:id answered outside its declared shape/);
  await checked.close();
  const unchecked = await app(false);
  assert.equal((await unchecked.inject({ url: '/things/13' })).statusCode, 200);
  await unchecked.close();
});

test('the OpenAPI paths come from the declarations', () => {
  const paths = openApiPaths(things, { $ref: '#/components/schemas/Error' });
  const get = paths['/things/{id}']!.get as Record<string, any>;
  assert.equal(get['x-access'], 'public');
  assert.deepEqual(
    get.parameters.map((p: { name: string; in: string }) => [p.name, p.in]),
    [['id', 'path']],
  );
  assert.ok(get.responses['200'].content['application/json'].schema.properties.name);
  const post = paths['/things']!.post as Record<string, any>;
  assert.deepEqual([post['x-access'], post['x-invalidates'], Object.keys(post.responses)], ['can:thing.write', ['things'], ['201', '4XX', '5XX']]);
  assert.ok(post.requestBody.content['application/json'].schema.properties.name);
});

test('operationIds are made from the method and path, and stay camelCase', () => {
  assert.equal(operationIdOf('GET', '/api/v1/articles/:id'), 'getV1ArticlesById');
  assert.equal(operationIdOf('POST', '/api/admin/articles/:id/preview-link'), 'postAdminArticlesByIdPreviewLink');
  assert.equal(operationIdOf('GET', '/api/admin/articles/:id/revisions/:number'), 'getAdminArticlesByIdRevisionsByNumber');
  const paths = openApiPaths(things, {});
  assert.equal((paths['/things/{id}']!.get as { operationId: string }).operationId, 'getThingsById');
});
