/// <reference lib="dom" />
// Issue 14's images, as a browser sees them: the `sizes` each picture declares is the width the
// layout draws it at (so the browser takes the right file before any CSS arrives), a 360 px phone
// at 2× takes a small AVIF for the article's lead photo, nothing on the first screen waits for
// lazy loading, and only the page's lead picture is fetched with high priority.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DIALECTS } from '../helpers/databases.ts';
import { browserUnavailable, useSiteInBrowser } from '../helpers/browser.ts';

const skip = browserUnavailable();

const PAGES = ['/world/asia/251042', '/', '/world', `/search?q=${encodeURIComponent('মেকং')}`];
const SCREENS = [
  { width: 360, height: 800, dpr: 2 },
  { width: 768, height: 1024, dpr: 1 },
  { width: 1100, height: 800, dpr: 1 },
  { width: 1400, height: 900, dpr: 2 },
];

interface Drawn {
  src: string;
  current: string;
  drawn: number;
  /** The width `sizes` says, evaluated by this browser at this viewport; null without sizes. */
  declared: number | null;
  top: number;
  lazy: boolean;
  priority: boolean;
  hasSize: boolean;
  loaded: boolean;
}

// In the page, as a string (a function here would be renamed by the TypeScript loader): each
// <img> with the width its sizes says, read as this browser reads it (the first entry whose media
// query matches, its length drawn by a probe element).
const MEASURE = `(() => {
  function declared(sizes) {
    if (!sizes) return null;
    for (const entry of sizes.split(',').map((s) => s.trim())) {
      const m = /^(\\(.*?\\))\\s+(.+)$/.exec(entry);
      if (m && !matchMedia(m[1]).matches) continue;
      const probe = document.createElement('div');
      probe.style.width = m ? m[2] : entry;
      document.body.append(probe);
      const w = probe.getBoundingClientRect().width;
      probe.remove();
      return w;
    }
    return null;
  }
  return [...document.images].map((img) => ({
    src: img.getAttribute('src') || '',
    current: img.currentSrc.replace(location.origin, ''),
    drawn: img.getBoundingClientRect().width,
    declared: declared(img.sizes),
    priority: img.getAttribute('fetchpriority') === 'high',
    hasSize: img.hasAttribute('width') && img.hasAttribute('height'),
    loaded: img.complete && img.naturalWidth > 0,
  }));
})()`;

/** Every <img> of the page once all have loaded (lazy ones scrolled into view first). */
async function images(page: Page): Promise<Drawn[]> {
  const first = await page.evaluate(() =>
    [...document.images].map((img) => ({ top: img.getBoundingClientRect().top + window.scrollY, lazy: img.loading === 'lazy' })),
  );
  await page.evaluate(async () => {
    for (const img of document.images) img.loading = 'eager';
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
  });
  const rest = await page.evaluate<Array<Omit<Drawn, 'top' | 'lazy'>>>(MEASURE);
  return rest.map((r, i) => ({ ...r, ...first[i]! }));
}

for (const dialect of DIALECTS) {
  describe(`pictures are drawn at the widths they declare (${dialect})`, { skip }, () => {
    const site = useSiteInBrowser(dialect);

    for (const screen of SCREENS) {
      test(`${screen.width}×${screen.height} at ${screen.dpr}×: sizes matches the layout, every picture has its size and loads`, async () => {
        const context = await site.browser.newContext({
          viewport: { width: screen.width, height: screen.height },
          deviceScaleFactor: screen.dpr,
          isMobile: screen.width < 600,
          locale: 'bn-BD',
        });
        const page = await context.newPage();
        try {
          for (const path of PAGES) {
            await page.goto(site.origin + path, { waitUntil: 'load' });
            const all = await images(page);
            assert.ok(all.length > 0, `${path} shows pictures`);
            for (const img of all) {
              const where = `${path} ${img.src} at ${screen.width}px`;
              assert.ok(img.hasSize, `${where}: width and height`);
              assert.ok(img.loaded, `${where}: loaded (${img.current})`);
              if (img.drawn === 0) continue; // not drawn at this width
              assert.notEqual(img.declared, null, `${where}: has sizes`);
              assert.ok(Math.abs(img.declared! - img.drawn) <= 2, `${where}: sizes says ${img.declared}px, drawn at ${img.drawn}px`);
            }
          }
        } finally {
          await context.close();
        }
      });
    }

    test('on a 360 px phone at 2×: a small AVIF lead, nothing on the first screen lazy, high priority for the lead only', async () => {
      const context = await site.browser.newContext({ viewport: { width: 360, height: 800 }, deviceScaleFactor: 2, isMobile: true, locale: 'bn-BD' });
      const page = await context.newPage();
      try {
        for (const path of PAGES) {
          await page.goto(site.origin + path, { waitUntil: 'load' });
          const all = await images(page);
          for (const img of all) {
            if (img.top < 800 && img.drawn > 0) assert.ok(!img.lazy, `${path}: ${img.src} is on the first screen (top ${img.top}) but lazy`);
            // The browser's choice at 2×: at most twice the drawn width, rounded up to the next variant.
            const chosen = Number(/-(\d+)\.\w+$/.exec(img.current)?.[1]);
            if (img.drawn > 0) assert.ok(chosen <= 720, `${path}: ${img.current} for ${img.drawn}px at 2×`);
          }
          const priority = all.filter((i) => i.priority);
          if (path === '/world/asia/251042' || path === '/') {
            assert.equal(priority.length, 1, `${path}: one lead picture with fetchpriority=high`);
            assert.ok(!priority[0]!.lazy, `${path}: the lead is not lazy`);
            assert.match(priority[0]!.current, /-720\.avif$/, `${path}: the lead is the 720 px AVIF`);
          } else assert.equal(priority.length, 0, `${path}: no picture with fetchpriority=high`);
        }
      } finally {
        await context.close();
      }
    });
  });
}
