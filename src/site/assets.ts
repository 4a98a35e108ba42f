/**
 * The reader site's static assets: one stylesheet per kind of page (cut from site.css by
 * page-styles.ts) and the script under content-hashed URLs, and the
 * Noto Sans Bengali font files, all read once at start, the text ones compressed once (brotli
 * and gzip), and served from memory with a year-long, immutable cache lifetime.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendStaticAsset, staticAsset, type StaticAsset } from '../lib/static-asset.ts';
import { PAGE_STYLE_NAMES, PAGE_STYLES, selectParts, type PageStyle } from './page-styles.ts';

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
  /** Each kind of page's stylesheet, by its hashed URL, for SiteVM.assets.css. */
  cssHrefs: Record<PageStyle, string>;
  /** The reader script's hashed URL (view beacon, comments without reloading). */
  jsHref: string;
  /** Registers GET routes for the stylesheet, the fonts and a 404 for any other /assets/ path. */
  routes: (app: FastifyInstance) => void;
}

/** Reads the stylesheet and fonts once and returns their URLs and routes. */
export function createAssets(): Assets {
  // The stylesheet is read from src/ even when this file runs from dist/: tsc copies no CSS.
  const root = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
  const source = readFileSync(join(root, 'src/site/assets/site.css'), 'utf8');
  const sheets = PAGE_STYLE_NAMES.map((name) => {
    const css = staticAsset(Buffer.from(selectParts(source, new Set(PAGE_STYLES[name])) + '\n'), 'text/css; charset=utf-8');
    return { name, css, href: `/assets/site-${name}.${css.hash.slice(0, 8)}.css` };
  });
  const js = staticAsset(readFileSync(join(root, 'src/site/assets/reader.js')), 'text/javascript; charset=utf-8');
  const jsHref = `/assets/reader.${js.hash.slice(0, 8)}.js`;
  const fonts = loadFonts();
  return {
    cssHrefs: Object.fromEntries(sheets.map((s) => [s.name, s.href])) as Record<PageStyle, string>,
    jsHref,
    routes(app) {
      for (const { href, css } of sheets) app.get(href, (request, reply) => send(request, reply, css));
      app.get(jsHref, (request, reply) => send(request, reply, js));
      app.get<{ Params: { file: string } }>('/assets/fonts/:file', (request, reply) => {
        const font = fonts.get(request.params.file);
        return font ? send(request, reply, font) : notFound(reply);
      });
      app.get('/assets/*', (_request, reply) => notFound(reply));
    },
  };
}

/** The nearest directory at or above `start` that holds a package.json. */
export function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
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
