import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendStaticAsset, staticAsset, type StaticAsset } from '../lib/static-asset.ts';

/**
 * The newsroom app's policy. It differs from the reader site's in two places:
 * - `style-src 'unsafe-inline'`: ProseMirror (under Tiptap) writes `style` attributes while it
 *   edits (drop cursor, gap cursor, pasted content it parses before cleaning), and Preact sets
 *   inline styles; CSP counts attributes as inline style. Scripts stay strictly `'self'`, so this
 *   allows no code to run, and it applies to /admin only.
 * - `frame-src 'self'`: the article preview is our own page in an iframe.
 */
export const ADMIN_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const IMMUTABLE = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="bn"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>নিউজরুম তৈরি হয়নি — Newsroom app not built</title></head>
<body>
<h1>নিউজরুম অ্যাপটি এখনো তৈরি হয়নি</h1>
<p>সার্ভারে <code>npm run build:admin</code> চালান, তারপর পাতাটি আবার খুলুন।</p>
<h2 lang="en">The newsroom app has not been built</h2>
<p lang="en">Run <code>npm run build:admin</code> on the server, then reload this page.</p>
</body></html>`;

/** Serves the built newsroom single-page app (`dist/admin/`) at /admin. */
export function registerAdminApp(app: FastifyInstance, options: { distDir: string }): void {
  const root = resolve(options.distDir);
  const routeOptions = {
    // Route-level onSend runs after the site-wide security hook, so this policy wins for /admin.
    onSend: async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      reply.header('content-security-policy', ADMIN_CONTENT_SECURITY_POLICY);
      return payload;
    },
  };
  // Hashed build files never change: each is read and compressed once (on the thread pool), on its first request.
  const built = new Map<string, StaticAsset>();
  const handler = (request: FastifyRequest, reply: FastifyReply) => serveAdmin(root, (request.params as { '*'?: string })['*'] ?? '', request, reply, built);
  app.get('/admin', routeOptions, handler);
  app.get('/admin/*', routeOptions, handler);
}

async function serveAdmin(root: string, rest: string, request: FastifyRequest, reply: FastifyReply, built: Map<string, StaticAsset>): Promise<FastifyReply> {
  const file = insideRoot(root, rest);
  if (file === undefined) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  // A path with an extension names a file; anything else is a client-side route.
  if (rest !== '' && extname(rest) !== '') {
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (!rest.startsWith('assets/')) {
      const body = await readRegularFile(file);
      if (body === undefined) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
      return reply.type(type).header('cache-control', 'no-cache').send(body);
    }
    let asset = built.get(file);
    if (!asset) {
      const body = await readRegularFile(file);
      if (body === undefined) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
      built.set(file, (asset = staticAsset(body, type)));
    }
    await asset.ready; // compressed on the thread pool; the first request waits, the next ones do not
    return sendStaticAsset(request, reply, asset, IMMUTABLE);
  }
  // Read on each request: a rebuild is served at once, and the file is small.
  const index = await readRegularFile(resolve(root, 'index.html'));
  if (index === undefined) {
    return reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(MISSING_BUILD_PAGE);
  }
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
}

/** The file `rest` names under `root`, or undefined when it would leave it (`..`, dot-names, NUL, backslashes). */
function insideRoot(root: string, rest: string): string | undefined {
  if (rest.includes('\0') || rest.includes('\\')) return undefined;
  // `..` climbs out; other dot-names are never part of a build we serve.
  if (rest.split('/').some((part) => part.startsWith('.'))) return undefined;
  const file = resolve(root, rest);
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

async function readRegularFile(path: string): Promise<Buffer | undefined> {
  try {
    if (!(await stat(path)).isFile()) return undefined;
    return await readFile(path);
  } catch {
    return undefined;
  }
}
