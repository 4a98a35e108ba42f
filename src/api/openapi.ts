import { z } from 'zod';
import { exchangeRecordSchema } from '../content/exchange/exchange.schema.ts';
import { openApiPaths, type Endpoint } from '../lib/endpoint.ts';

const ERROR = { $ref: '#/components/schemas/Error' };

/**
 * The OpenAPI 3.1 document of every declared endpoint: paths, parameters, request bodies and the
 * declared answers come from the same declarations and zod schemas that route and validate them;
 * `x-access` says who may call, `x-invalidates` which cached pages a call makes stale.
 */
export function buildOpenApi(siteUrl: string, endpoints: readonly Endpoint<never>[]) {
  const paths = openApiPaths(endpoints, ERROR);
  for (const [path, operations] of Object.entries(paths)) {
    const tag = path.startsWith('/api/v1/') ? 'public' : (/^\/api\/admin\/([a-z-]+)/.exec(path)?.[1] ?? 'other');
    for (const operation of Object.values(operations) as Array<Record<string, unknown>>) {
      operation.tags = [tag];
      if (operation['x-access'] !== 'public') operation.security = [{ session: [], csrf: [] }, { bearer: [] }];
    }
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
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: { code: { type: 'string' }, message: { type: 'string' }, messageBn: { type: 'string' }, details: {} },
              required: ['code', 'message', 'messageBn'],
            },
          },
        },
        ExchangeRecord: z.toJSONSchema(exchangeRecordSchema, { io: 'input', unrepresentable: 'any' }),
      },
    },
  };
}
