/**
 * The reader site's static assets: the script under a content-hashed URL and the Noto Sans
 * Bengali font files, read once at start, the script compressed once (brotli and gzip), and
 * served from memory with a year-long, immutable cache lifetime. Each kind of page's stylesheet
 * is not among them: pages carry it in their <head> (inline-styles.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findProjectRoot } from '../lib/project-root.ts';
import { sendStaticAsset, staticAsset, type StaticAsset } from '../lib/static-asset.ts';
import { INLINE_STYLES, type InlineStyles } from './inline-styles.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

// Only these files are served; a request names one of them or gets 404, so no path from the
// URL ever reaches the file system. site.css refers to exactly these names.
const FONT_FILES = [
  'noto-sans-bengali-bengali-400-normal.woff2',
  'noto-sans-bengali-bengali-700-normal.woff2',
  'noto-sans-bengali-latin-400-normal.woff2',
  'noto-sans-bengali-latin-700-normal.woff2',
] as const;

export interface Assets {
  /** Each kind of page's stylesheet, for SiteVM.assets.styles. */
  styles: InlineStyles;
  /** The reader script's hashed URL (view beacon, comments without reloading). */
  jsHref: string;
  /** Registers GET routes for the script, the fonts and a 404 for any other /assets/ path. */
  routes: (app: FastifyInstance) => void;
}

/** Reads the script and fonts once and returns their URLs and routes. */
export function createAssets(): Assets {
  // The script is read from src/ even when this file runs from dist/: tsc copies no JavaScript it did not compile.
  const root = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
  const js = staticAsset(readFileSync(join(root, 'src/site/assets/reader.js')), 'text/javascript; charset=utf-8');
  const jsHref = `/assets/reader.${js.hash.slice(0, 8)}.js`;
  const fonts = loadFonts();
  return {
    styles: INLINE_STYLES,
    jsHref,
    routes(app) {
      app.get(jsHref, (request, reply) => send(request, reply, js));
      app.get<{ Params: { file: string } }>('/assets/fonts/:file', (request, reply) => {
        const font = fonts.get(request.params.file);
        return font ? send(request, reply, font) : notFound(reply);
      });
      app.get('/assets/*', (_request, reply) => notFound(reply));
    },
  };
}

function loadFonts(): Map<string, StaticAsset> {
  const pkg = createRequire(import.meta.url).resolve('@fontsource/noto-sans-bengali/package.json');
  const dir = join(dirname(pkg), 'files');
  return new Map(FONT_FILES.map((name) => [name, staticAsset(readFileSync(join(dir, name)), 'font/woff2')]));
}

function send(request: FastifyRequest, reply: FastifyReply, file: StaticAsset): FastifyReply {
  return sendStaticAsset(request, reply, file, IMMUTABLE);
}

function notFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).type('text/plain; charset=utf-8').send('Not Found');
}
