// Holds HTTP answers to the OpenAPI document the app serves: the operation for the method and
// path, the response for the status (exact, else its class such as 4XX), the content type, and
// the body against the response's JSON Schema (ajv, draft 2020-12, formats checked).
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

// ajv-formats is CommonJS: its default export arrives as the module object under Node's ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;

interface ResponseObject {
  description: string;
  content?: Record<string, { schema?: object }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>;
  components: { schemas: Record<string, object> };
}

/** A CORS preflight (OPTIONS) is answered by a hook, not a route: docs/content-api.md describes it. */
const UNCHECKED_METHODS = new Set(['OPTIONS']);
/** Routes the document names by another path (OpenAPI linters refuse a trailing slash). */
export const PATH_ALIASES: Readonly<Record<string, string>> = { '/api/docs/': '/api/docs/index.html' };

export class OpenApiCheck {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly routes: Array<{ template: string; pattern: RegExp; params: number }>;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly doc: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'openapi.json', components: doc.components, paths: doc.paths }, 'openapi.json');
    // Literal paths before templated ones, as the router matches them.
    this.routes = Object.keys(doc.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      .sort((a, b) => a.params - b.params);
  }

  /** What is wrong with this answer, or undefined when the document describes it. */
  problem(method: string, url: string, res: Pick<LightMyRequestResponse, 'statusCode' | 'headers' | 'body'>): string | undefined {
    const asked = url.split('?', 1)[0]!;
    const path = PATH_ALIASES[asked] ?? asked;
    if (!path.startsWith('/api/') || UNCHECKED_METHODS.has(method)) return undefined;
    const at = `${method} ${url} → ${res.statusCode}`;
    const route = this.routes.find((r) => r.pattern.test(path));
    const operationMethod = (method === 'HEAD' ? 'get' : method).toLowerCase();
    const operation = route && this.doc.paths[route.template]![operationMethod];
    if (!operation) {
      // No such operation: only an error answer may come back (404 for an unknown path, 405).
      if (res.statusCode >= 400) return this.bodyProblem(at, '#/components/schemas/Error', res, 'application/json');
      return `${at}: no operation in the document for ${method} ${path}`;
    }
    const status = String(res.statusCode);
    const key = status in operation.responses ? status : `${status[0]}XX` in operation.responses ? `${status[0]}XX` : 'default';
    const response = operation.responses[key];
    if (!response) return `${at}: status ${status} is not documented for ${operationMethod.toUpperCase()} ${route.template}`;
    const hasBody = res.body.length > 0 && method !== 'HEAD';
    if (!response.content) return hasBody ? `${at}: the document says no body, yet one came (${res.body.slice(0, 80)})` : undefined;
    if (!hasBody) return res.statusCode === 304 ? undefined : `${at}: the document describes a body (${Object.keys(response.content).join(', ')}), none came`;
    const type = String(res.headers['content-type'] ?? '')
      .split(';', 1)[0]!
      .trim();
    const documented = Object.keys(response.content);
    if (!documented.includes(type)) return `${at}: content-type ${type || '(none)'} is not one the document gives (${documented.join(', ')})`;
    if (res.headers['content-encoding']) return undefined; // compressed: the uncompressed answer is checked elsewhere
    const pointer = `#/paths/${escape(route.template)}/${operationMethod}/responses/${escape(key)}/content/${escape(type)}/schema`;
    return this.bodyProblem(at, pointer, res, type);
  }

  private bodyProblem(at: string, pointer: string, res: Pick<LightMyRequestResponse, 'body'>, type: string): string | undefined {
    if (type !== 'application/json') return undefined; // HTML and CSS: the type is what the document says
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      return `${at}: the body is not JSON (${res.body.slice(0, 80)})`;
    }
    let validate = this.validators.get(pointer);
    if (!validate) this.validators.set(pointer, (validate = this.ajv.compile({ $ref: `openapi.json${pointer}` })));
    if (validate(body)) return undefined;
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);
    return `${at}: the body does not match the documented schema (${pointer}):\n  ${errors.join('\n  ')}`;
  }
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Checks every answer the server's `inject` gives under /api/ against the document it serves at
 * /api/docs: a mismatch rejects the request's promise, so the test that made it fails with the reason.
 */
export function checkAnswersAgainstDocument(server: FastifyInstance): void {
  const inject = server.inject.bind(server) as (options: InjectOptions) => Promise<LightMyRequestResponse>;
  let check: Promise<OpenApiCheck> | undefined;
  const checker = () => (check ??= inject({ method: 'GET', url: '/api/docs' }).then((res) => new OpenApiCheck(res.json<OpenApiDocument>())));
  const checked = async (options: InjectOptions | string): Promise<LightMyRequestResponse> => {
    const opts = typeof options === 'string' ? { url: options } : options;
    const res = await inject(opts);
    const url = typeof opts.url === 'string' ? opts.url : ((opts.path as string | undefined) ?? '');
    const problem = (await checker()).problem(String(opts.method ?? 'GET').toUpperCase(), url, res);
    if (problem) throw new Error(`answer outside the OpenAPI document: ${problem}`);
    return res;
  };
  (server as unknown as { inject: typeof checked }).inject = checked;
}
