/**
 * Generated lead images for the demo content: a pleasant abstract picture (a gradient sky, soft
 * circles, layered hills or waves) drawn as SVG and rendered to JPEG by sharp. No text, no fonts,
 * no network. The same `palette` always gives the same picture.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadSharp } from '../lib/load-sharp.ts';
import { seededRandom } from '../lib/seeded-random.ts';

/** Colour schemes: [sky top, sky bottom, accent, layer 1, layer 2, layer 3]. */
const SCHEMES: ReadonlyArray<readonly [string, string, string, string, string, string]> = [
  ['#0f3057', '#00587a', '#f6c90e', '#008891', '#0b6e6e', '#06414d'], // deep sea
  ['#ff9a8b', '#ff6a88', '#fff1c1', '#c9406a', '#8e2c50', '#4f1b3b'], // dusk
  ['#1d3b2a', '#4e8d5a', '#f2e394', '#2e6b3f', '#1f4d2c', '#12301b'], // paddy field
  ['#243b55', '#141e30', '#f8b500', '#3a506b', '#1c2541', '#0b132b'], // night city
  ['#f7e8d0', '#e8b86d', '#c0392b', '#b5651d', '#8a4b14', '#5c300b'], // clay and sun
  ['#a1c4fd', '#c2e9fb', '#ffffff', '#5b8def', '#3a63c7', '#233e8b'], // monsoon sky
  ['#2c003e', '#512b58', '#fe346e', '#7a2f6b', '#4b1d52', '#2a0f33'], // plum
  ['#e0f7fa', '#80deea', '#ff7043', '#26a69a', '#00796b', '#004d40'], // river
  ['#fceabb', '#f8b500', '#ffffff', '#e07a1f', '#a34f0f', '#5e2c06'], // harvest
  ['#cfd9df', '#e2ebf0', '#d7263d', '#6c7a89', '#46535e', '#2b343b'], // slate
];

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

/** A closed wave-shaped layer across the picture, its crest around `baseY`. */
function layerPath(rand: () => number, width: number, height: number, baseY: number): string {
  const steps = 4 + Math.floor(rand() * 3);
  const amp = height * (0.04 + rand() * 0.08);
  const phase = rand() * Math.PI * 2;
  const points: Array<[number, number]> = [];
  for (let i = 0; i <= steps; i++) {
    const x = (width * i) / steps;
    const y = baseY + Math.sin(phase + (i / steps) * Math.PI * (1.5 + rand())) * amp;
    points.push([x, y]);
  }
  const first = points[0]!;
  let d = `M0 ${fmt(height)} L0 ${fmt(first[1])}`;
  for (let i = 1; i < points.length; i++) {
    const [px, py] = points[i - 1]!;
    const [x, y] = points[i]!;
    const cx = (px + x) / 2;
    d += ` C${fmt(cx)} ${fmt(py)} ${fmt(cx)} ${fmt(y)} ${fmt(x)} ${fmt(y)}`;
  }
  return `${d} L${fmt(width)} ${fmt(height)} Z`;
}

/** The SVG source for a palette (exported for tests and previews). */
export function demoImageSvg(palette: number, width = 1200, height = 675): string {
  const n = Math.abs(Math.trunc(palette));
  const scheme = SCHEMES[n % SCHEMES.length]!;
  const rand = seededRandom(0x9e3779b9 ^ Math.imul(n + 1, 2654435761));
  const [skyTop, skyBottom, accent, l1, l2, l3] = scheme;
  const angle = Math.floor(rand() * 360);

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    '<defs>',
    `<linearGradient id="sky" gradientTransform="rotate(${90 + (angle % 40) - 20} 0.5 0.5)">`,
    `<stop offset="0" stop-color="${skyTop}"/><stop offset="1" stop-color="${skyBottom}"/>`,
    '</linearGradient>',
    `<radialGradient id="glow"><stop offset="0" stop-color="${accent}" stop-opacity="0.95"/>`,
    `<stop offset="0.6" stop-color="${accent}" stop-opacity="0.35"/>`,
    `<stop offset="1" stop-color="${accent}" stop-opacity="0"/></radialGradient>`,
    '</defs>',
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>`,
  );

  // The sun / moon glow.
  const sx = width * (0.15 + rand() * 0.7);
  const sy = height * (0.18 + rand() * 0.25);
  const sr = Math.min(width, height) * (0.12 + rand() * 0.1);
  parts.push(`<circle cx="${fmt(sx)}" cy="${fmt(sy)}" r="${fmt(sr * 2)}" fill="url(#glow)"/>`);
  parts.push(`<circle cx="${fmt(sx)}" cy="${fmt(sy)}" r="${fmt(sr * 0.7)}" fill="${accent}" opacity="0.9"/>`);

  // Soft floating circles.
  const bubbles = 5 + Math.floor(rand() * 6);
  for (let i = 0; i < bubbles; i++) {
    const cx = rand() * width;
    const cy = rand() * height * 0.6;
    const r = Math.min(width, height) * (0.02 + rand() * 0.09);
    const colour = [accent, '#ffffff', l1][Math.floor(rand() * 3)]!;
    parts.push(`<circle cx="${fmt(cx)}" cy="${fmt(cy)}" r="${fmt(r)}" fill="${colour}" opacity="${fmt(0.08 + rand() * 0.2)}"/>`);
  }

  // Three layers, back to front.
  const layers: Array<[string, number]> = [
    [l1, height * (0.55 + rand() * 0.08)],
    [l2, height * (0.68 + rand() * 0.08)],
    [l3, height * (0.8 + rand() * 0.08)],
  ];
  for (const [colour, y] of layers) {
    parts.push(`<path d="${layerPath(rand, width, height, y)}" fill="${colour}" opacity="0.92"/>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

/**
 * Draws the demo image for `palette` as a JPEG of `width`×`height` at `path` (parent folders are
 * created). Deterministic: the same arguments give the same picture.
 */
export async function makeDemoImage(path: string, palette: number, width = 1200, height = 675): Promise<void> {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`invalid image size ${width}x${height}`);
  }
  await mkdir(dirname(path), { recursive: true });
  const svg = Buffer.from(demoImageSvg(palette, width, height));
  const sharp = await loadSharp();
  await sharp(svg, { density: 72 }).resize(width, height, { fit: 'fill' }).flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toFile(path);
}
