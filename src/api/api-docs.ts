import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { endpointsFor } from '../lib/endpoint.ts';
import { html, type SafeHtml } from '../lib/html.ts';
import { sendStaticAsset, staticAsset, type StaticAsset } from '../lib/static-asset.ts';

const DOCS_CACHE = 'public, max-age=300, s-maxage=600, stale-while-revalidate=3600';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required: boolean; schema: object; description?: string }>;
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: object }> }>;
  'x-access'?: string;
}
interface OpenApiDocument {
  info: { title: string; description?: string };
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components: { schemas: Record<string, object> };
}

/** The page's address besides `/api/docs/index.html`: a route not in the document. */
export const API_DOCS_PAGE_ALIAS = '/api/docs/';

/**
 * The API's description at `/api/docs` (the OpenAPI document, JSON) and `/api/docs/` (a page that
 * lists its operations by tag with their parameters and schemas: served from here, no script, no
 * CDN). The document is given once the whole list of endpoints, these among them, is known.
 */
export function apiDocsEndpoints() {
  let json: StaticAsset | undefined;
  let page: StaticAsset | undefined;
  const endpoint = endpointsFor<unknown, never>();
  const endpoints = [
    endpoint({
      method: 'GET',
      path: '/api/docs',
      summary: 'This OpenAPI 3.1 document (JSON)',
      access: 'public',
      operationId: 'getOpenApiDocument',
      response: z.looseObject({ openapi: z.string() }),
      otherResponses: { 304: { description: 'Not modified (ETag)' } },
      handle: async ({ request, reply }) => sendStaticAsset(request, reply, json!, DOCS_CACHE),
    }),
    endpoint({
      method: 'GET',
      path: '/api/docs/index.html',
      summary: 'The same document as a page to read (HTML; also at `/api/docs/`)',
      access: 'public',
      operationId: 'getApiDocsPage',
      response: z.string(),
      contentType: 'text/html',
      otherResponses: { 304: { description: 'Not modified (ETag)' } },
      handle: async ({ request, reply }) => sendStaticAsset(request, reply, page!, DOCS_CACHE),
    }),
    endpoint({
      method: 'GET',
      path: '/api/docs/api-docs.css',
      summary: "The page's stylesheet",
      access: 'public',
      operationId: 'getApiDocsStylesheet',
      response: z.string(),
      contentType: 'text/css',
      otherResponses: { 304: { description: 'Not modified (ETag)' } },
      handle: async ({ request, reply }) => sendStaticAsset(request, reply, STYLESHEET, 'public, max-age=86400'),
    }),
  ];
  // `/api/docs/` is the page's address to give people; the document names it by its file, as
  // OpenAPI linters refuse a path ending in a slash (test/openapi-document.test.ts knows the alias).
  const register = (app: FastifyInstance) => app.get(API_DOCS_PAGE_ALIAS, (request, reply) => sendStaticAsset(request, reply, page!, DOCS_CACHE));
  const publish = (document: object) => {
    json = staticAsset(Buffer.from(JSON.stringify(document)), 'application/json; charset=utf-8');
    page = staticAsset(Buffer.from(renderApiDocsPage(document as OpenApiDocument).toString()), 'text/html; charset=utf-8');
  };
  return { endpoints, publish, register };
}

/** The page: a table of contents by tag, then each operation with its parameters, body and answers. */
export function renderApiDocsPage(doc: OpenApiDocument): SafeHtml {
  const byTag = new Map(doc.tags.map((t) => [t.name, [] as Array<{ method: string; path: string; op: Operation }>]));
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = operations[method];
      if (op) byTag.get(op.tags?.[0] ?? '')?.push({ method, path, op });
    }
  }
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${doc.info.title}</title>
    <link rel="stylesheet" href="/api/docs/api-docs.css" />
  </head>
  <body>
    <header>
      <h1>${doc.info.title}</h1>
      <p>${doc.info.description ?? ''}</p>
      <p>The machine-readable document: <a href="/api/docs">/api/docs</a> (OpenAPI 3.1, JSON).</p>
    </header>
    <nav aria-label="Tags">
      <ul>
        ${doc.tags.map((t) => html`<li><a href="#tag-${t.name}">${t.name}</a> (${byTag.get(t.name)?.length ?? 0})</li>`)}
      </ul>
    </nav>
    <main>
      ${doc.tags.map(
        (t) => html`<section id="tag-${t.name}">
          <h2>${t.name}</h2>
          <p>${t.description}</p>
          ${(byTag.get(t.name) ?? []).map(({ method, path, op }) => operationHtml(method, path, op))}
        </section>`,
      )}
      <section id="schemas">
        <h2>Shared schemas</h2>
        ${Object.entries(doc.components.schemas).map(([name, schema]) => html`<h3 id="schema-${name}">${name}</h3>${schemaHtml(schema)}`)}
      </section>
    </main>
  </body>
</html>`;
}

function operationHtml(method: string, path: string, op: Operation): SafeHtml {
  const parameters = op.parameters ?? [];
  const body = op.requestBody && Object.entries(op.requestBody.content)[0];
  return html`<article id="${op.operationId}">
    <h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
    <p>${op.summary}</p>
    ${op.description ? html`<p>${op.description}</p>` : ''}
    <p class="meta">operationId <code>${op.operationId}</code> · access <code>${op['x-access'] ?? 'public'}</code></p>
    ${
      parameters.length
        ? html`<table>
          <caption>Parameters</caption>
          <thead><tr><th scope="col">name</th><th scope="col">in</th><th scope="col">required</th><th scope="col">schema</th></tr></thead>
          <tbody>
            ${parameters.map((p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${JSON.stringify(p.schema)}</code></td></tr>`)}
          </tbody>
        </table>`
        : ''
    }
    ${body ? html`<h4>Request body (<code>${body[0]}</code>)</h4>${schemaHtml(body[1].schema)}` : ''}
    <h4>Answers</h4>
    <dl>
      ${Object.entries(op.responses).map(
        ([status, r]) =>
          html`<dt>${status}</dt><dd>${r.description}${Object.entries(r.content ?? {}).map(([type, c]) => html` (<code>${type}</code>)${c.schema ? schemaHtml(c.schema) : ''}`)}</dd>`,
      )}
    </dl>
  </article>`;
}

function schemaHtml(schema: object): SafeHtml {
  return html`<details><summary>schema</summary><pre>${JSON.stringify(schema, null, 2)}</pre></details>`;
}

const STYLESHEET = staticAsset(
  Buffer.from(`body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem;color:#1a1a1a}
code,pre{font:14px/1.4 ui-monospace,monospace}pre{background:#f4f4f4;padding:.5rem;overflow:auto;max-height:30rem}
h2{border-bottom:2px solid #ccc;margin-top:2.5rem}article{border-top:1px solid #ddd;padding:.5rem 0}
.method{display:inline-block;min-width:4.5rem;padding:0 .4rem;border-radius:3px;color:#fff;background:#555;font-size:.9rem;text-align:center}
.get{background:#1f6f43}.post{background:#1d4f91}.put,.patch{background:#8a5a00}.delete{background:#a12b2b}
.meta{color:#555;font-size:.9rem}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600}dt{font-weight:600}nav ul{columns:3;list-style:none;padding:0}
`),
  'text/css; charset=utf-8',
);
