// Issue 14's pictures in the HTML: AVIF, then WebP, then the JPEG <img>; width and height on every
// <img>; the lead fetched first and never lazy. An image stored before AVIF variants were made
// (no avif rows) gets no AVIF <source>, so no browser asks for a file that does not exist.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/databases.ts';
import { useTestApp } from './helpers/app.ts';

const ARTICLE = '/world/asia/251042';

/** Every URL a page's pictures name, in src and srcset. */
function pictureUrls(page: string): string[] {
  const urls: string[] = [];
  for (const [, value] of page.matchAll(/<(?:img|source)\b[^>]*?\s(?:src|srcset)="([^"]*)"/g)) {
    for (const candidate of value!.split(',')) urls.push(candidate.trim().split(/\s+/)[0]!);
  }
  for (const [, value] of page.matchAll(/<(?:img|source)\b[^>]*?\ssrcset="[^"]*"[^>]*?\ssrc="([^"]*)"/g)) urls.push(value!);
  return [...new Set(urls)];
}

for (const dialect of DIALECTS) {
  describe(`pictures in the HTML (${dialect})`, () => {
    const ctx = useTestApp(dialect);

    test('AVIF first, WebP next, the JPEG <img> last, each with its size; only the lead has high priority', async () => {
      for (const path of ['/', '/world', `/search?q=${encodeURIComponent('মেকং')}`]) {
        const page = (await ctx.get(path)).body;
        const pictures = [...page.matchAll(/<picture>([\s\S]*?)<\/picture>/g)].map((m) => m[1]!);
        assert.ok(pictures.length > 0, path);
        for (const p of pictures) {
          assert.match(
            p,
            /^<source type="image\/avif" srcset="[^"]*\.avif 320w[^"]*" sizes="[^"]+"><source type="image\/webp" srcset="[^"]*\.webp 320w[^"]*" sizes="[^"]+"><img /,
            path,
          );
          assert.match(p, /<img [^>]*srcset="[^"]*\.jpg 320w[^"]*"[^>]* width="\d+" height="\d+"/, path);
        }
        const high = page.match(/fetchpriority="high"/g) ?? [];
        assert.equal(high.length, path === '/' ? 1 : 0, `${path}: fetchpriority="high" on the home page's lead only`);
        assert.doesNotMatch(page, /fetchpriority="high"[^>]*loading="lazy"|loading="lazy"[^>]*fetchpriority="high"/);
        for (const url of pictureUrls(page)) assert.equal((await ctx.get(url)).statusCode, 200, url);
      }
    });

    test('an image stored before AVIF: WebP and JPEG only, every file it names exists', async () => {
      // Before the article page is rendered: as if its image had been uploaded before AVIF variants existed.
      const { image_id } = await ctx.t.db.selectFrom('articles').select('image_id').where('id', '=', 251042).executeTakeFirstOrThrow();
      // Changed as the newsroom changes an image, with its event: the reader keeps images it has read (content/articles/card-memory.ts).
      const removed = await ctx.app.writer.write(async (trx, emit) => {
        const result = await trx.deleteFrom('image_variants').where('image_id', '=', image_id!).where('format', '=', 'avif').executeTakeFirst();
        emit({ type: 'image.changed', payload: { id: image_id!, articleIds: [251042] } });
        return result;
      });
      assert.ok(Number(removed.numDeletedRows) > 0, 'the seeded image had AVIF variants');
      const page = (await ctx.get(ARTICLE)).body;
      const lead = /<figure class="article__figure">([\s\S]*?)<\/figure>/.exec(page)?.[1] ?? '';
      assert.match(lead, /<picture><source type="image\/webp" srcset="[^"]+" sizes="[^"]+"><img /);
      assert.doesNotMatch(lead, /image\/avif|\.avif/);
      for (const url of pictureUrls(page)) assert.equal((await ctx.get(url)).statusCode, 200, url);
    });
  });
}
