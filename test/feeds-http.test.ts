import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { buildTestApp, TEST_NOW } from './helpers/app.ts';
import { childOf, childrenOf, NS, parseXml, type XmlElement } from './feeds-xml.ts';
import type { App } from '../src/app.ts';

const ORIGIN = 'http://prokash.test';
const SEED = `${ORIGIN}/world/asia/251042`;
const OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+06:00$/;

for (const dialect of DIALECTS) {
  describe(`feeds, sitemaps and structured data over HTTP (${dialect})`, () => {
    let t: TestDatabase;
    let app: App;
    const get = (url: string, headers: Record<string, string> = {}) => app.server.inject({ method: 'GET', url, headers });
    const xml = async (url: string, type = /application\/xml; charset=utf-8/) => {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.headers['content-type'] as string, type, url);
      return parseXml(res.body);
    };
    const publicUrls = async (where: (q: any) => any = (q) => q) => {
      const rows = await where(
        t.db
          .selectFrom('articles')
          .innerJoin('sections', 'sections.id', 'articles.section_id')
          .select(['articles.id', 'sections.path'])
          .where('articles.status', '=', 'published')
          .where('articles.published_at', '<=', new Date(TEST_NOW).toISOString()),
      ).execute();
      return new Set<string>(rows.map((r: { id: number; path: string }) => `${ORIGIN}/${r.path}/${r.id}`));
    };

    before(async () => {
      t = await createTestDatabase(dialect);
      app = await buildTestApp(t);
    });
    after(async () => {
      await app.server.close();
      await t.destroy();
    });

    test('the site feed is RSS 2.0 with full text, canonical GUIDs, bylines, categories and the lead image', async () => {
      const res = await get('/rss.xml');
      assert.match(res.headers['content-type'] as string, /^application\/rss\+xml; charset=utf-8$/);
      assert.ok(res.headers.etag);
      assert.ok(Buffer.byteLength(res.body) < 2_000_000);
      const channel = childOf(parseXml(res.body), '', 'channel');
      assert.equal(childOf(channel, NS.atom, 'link').attrs.get('href'), `${ORIGIN}/rss.xml`);
      const items = childrenOf(channel, '', 'item');
      assert.equal(items.length, 50);
      const dates = items.map((i) => Date.parse(childOf(i, '', 'pubDate').text));
      assert.deepEqual(
        dates,
        [...dates].sort((a, b) => b - a),
        'newest first',
      );
      for (const item of items) {
        assert.match(childOf(item, '', 'pubDate').text, /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0600$/);
        assert.equal(childOf(item, '', 'guid').text, childOf(item, '', 'link').text);
        assert.ok((await publicUrls()).has(childOf(item, '', 'guid').text), 'the GUID is the canonical URL');
        assert.ok(childOf(item, NS.content, 'encoded').text.includes('<p>'));
        // A tag named as the section (ক্রিকেট in ক্রিকেট) is one category, not two.
        const categories = childrenOf(item, '', 'category').map((c) => c.text);
        assert.equal(new Set(categories).size, categories.length, categories.join(', '));
      }
      const seed = await xml('/world/asia/rss.xml', /application\/rss\+xml/);
      const seedItem = childrenOf(childOf(seed, '', 'channel'), '', 'item').find((i) => childOf(i, '', 'guid').text === SEED);
      assert.ok(seedItem, 'the seed article is in its section feed');
      assert.equal(childOf(seedItem, '', 'pubDate').text, 'Wed, 13 Sep 2023 16:57:00 +0600');
      assert.equal(childOf(seedItem, NS.dc, 'creator').text, 'প্রকাশ ডেস্ক');
      assert.deepEqual(
        childrenOf(seedItem, '', 'category')
          .map((c) => c.text)
          .slice(0, 2),
        ['এশিয়া', 'লাওস'],
      );
      assert.ok(childOf(seedItem, NS.content, 'encoded').text.includes('মেকং নদীর তীরে'));
      await assertEnclosure(seedItem);
    });

    async function assertEnclosure(item: XmlElement) {
      const enclosure = childOf(item, '', 'enclosure');
      const url = enclosure.attrs.get('url')!;
      assert.ok(url.startsWith(`${ORIGIN}/media/`), url);
      assert.equal(enclosure.attrs.get('type'), 'image/jpeg');
      const image = await get(url.slice(ORIGIN.length));
      assert.equal(image.statusCode, 200);
      assert.equal(Number(enclosure.attrs.get('length')), image.rawPayload.length, 'the length is the served file size');
      const media = childOf(item, NS.media, 'content');
      const size = await sharp(image.rawPayload).metadata();
      assert.equal(Number(media.attrs.get('width')), size.width);
      assert.equal(Number(media.attrs.get('height')), size.height);
    }

    test('section feeds hold only their section and its sub-sections; unknown sections are 404', async () => {
      const channel = childOf(await xml('/world/rss.xml', /application\/rss\+xml/), '', 'channel');
      assert.equal(childOf(channel, NS.atom, 'link').attrs.get('href'), `${ORIGIN}/world/rss.xml`);
      const world = await publicUrls((q) => q.where('sections.path', 'like', 'world%'));
      const links = childrenOf(channel, '', 'item').map((i) => childOf(i, '', 'link').text);
      assert.ok(links.length > 0);
      for (const link of links) assert.ok(world.has(link), link);
      assert.ok(links.includes(SEED), 'a sub-section article is in the parent feed');
      assert.equal((await get('/nowhere/rss.xml')).statusCode, 404);
      assert.equal((await get('/world/nowhere/rss.xml')).statusCode, 404);
    });

    test('the Google News sitemap lists the last 48 hours with publication, +06:00 dates and titles', async () => {
      const root = await xml('/sitemap-news.xml');
      assert.equal(root.name, 'urlset');
      assert.equal(root.ns, NS.sitemap);
      const urls = childrenOf(root, NS.sitemap, 'url');
      const now = Date.parse(TEST_NOW);
      const inWindow = await publicUrls((q) => q.where('articles.published_at', '>=', new Date(now - 48 * 3600_000).toISOString()));
      assert.ok(inWindow.size > 0 && inWindow.size <= 1000);
      assert.deepEqual(new Set(urls.map((u) => childOf(u, NS.sitemap, 'loc').text)), inWindow);
      for (const url of urls) {
        const news = childOf(url, NS.news, 'news');
        const publication = childOf(news, NS.news, 'publication');
        assert.equal(childOf(publication, NS.news, 'name').text, 'প্রকাশ');
        assert.equal(childOf(publication, NS.news, 'language').text, 'bn');
        const date = childOf(news, NS.news, 'publication_date').text;
        assert.match(date, OFFSET);
        assert.ok(Date.parse(date) >= now - 48 * 3600_000 && Date.parse(date) <= now);
        assert.ok(childOf(news, NS.news, 'title').text.length > 0);
      }
      const images = urls.flatMap((u) => childrenOf(u, NS.image, 'image')).map((i) => childOf(i, NS.image, 'loc').text);
      assert.ok(images.length > 0 && images.every((u) => u.startsWith(`${ORIGIN}/media/`)), 'lead images as image sitemap tags');
      assert.ok(!urls.some((u) => childOf(u, NS.sitemap, 'loc').text === SEED), 'the 2023 seed article is too old');
    });

    test('the sitemap index names the sections sitemap and one child per month; together they list every article once', async () => {
      const index = await xml('/sitemap.xml');
      assert.equal(index.name, 'sitemapindex');
      const children = childrenOf(index, NS.sitemap, 'sitemap');
      const locs = children.map((c) => childOf(c, NS.sitemap, 'loc').text);
      assert.equal(locs[0], `${ORIGIN}/sitemaps/sections.xml`);
      for (const c of children) assert.match(childOf(c, NS.sitemap, 'lastmod').text, OFFSET);
      assert.ok(locs.includes(`${ORIGIN}/sitemaps/2023-09.xml`));
      assert.ok(locs.includes(`${ORIGIN}/sitemaps/2026-11.xml`));
      const seen: string[] = [];
      for (const loc of locs.slice(1)) {
        assert.match(loc, /\/sitemaps\/\d{4}-\d{2}\.xml$/);
        const urlset = await xml(loc.slice(ORIGIN.length));
        for (const url of childrenOf(urlset, NS.sitemap, 'url')) {
          seen.push(childOf(url, NS.sitemap, 'loc').text);
          assert.match(childOf(url, NS.sitemap, 'lastmod').text, OFFSET);
        }
      }
      assert.equal(seen.length, new Set(seen).size, 'no article twice');
      assert.deepEqual(new Set(seen), await publicUrls());
      const sept = await xml('/sitemaps/2023-09.xml');
      const seed = childrenOf(sept, NS.sitemap, 'url').find((u) => childOf(u, NS.sitemap, 'loc').text === SEED)!;
      assert.equal(childOf(seed, NS.sitemap, 'lastmod').text, '2023-09-13T16:57:00+06:00');
      assert.match(childOf(childOf(seed, NS.image, 'image'), NS.image, 'loc').text, /^http:\/\/prokash\.test\/media\//);
    });

    test('a month sitemap is compressed once into files, made again only when its month changes, and 404 for months without articles', async () => {
      const dir = join(t.dir, 'cache', 'sitemaps');
      const plain = await get('/sitemaps/2026-11.xml');
      const zipped = await get('/sitemaps/2026-11.xml', { 'accept-encoding': 'gzip' });
      const brotli = await get('/sitemaps/2026-11.xml', { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(zipped.headers['content-encoding'], 'gzip');
      assert.equal(brotli.headers['content-encoding'], 'br');
      assert.equal(gunzipSync(zipped.rawPayload).toString('utf8'), plain.body);
      assert.equal(brotliDecompressSync(brotli.rawPayload).toString('utf8'), plain.body);
      assert.equal(Number(brotli.headers['content-length']), brotli.rawPayload.length);
      assert.match(plain.headers['cache-control'] as string, /s-maxage/);
      const etag = plain.headers.etag as string;
      assert.ok(etag && zipped.headers.etag === etag && brotli.headers.etag === etag, 'one ETag for every encoding');
      assert.equal((await get('/sitemaps/2026-11.xml', { 'if-none-match': etag })).statusCode, 304);

      // Made once: the files are on disk and a second request reads them, it does not write them again.
      const files = () =>
        readdirSync(dir)
          .filter((n) => n.startsWith('2026-11.'))
          .sort();
      const written = files();
      assert.equal(written.length, 2, written.join(', '));
      const before = written.map((n) => statSync(join(dir, n)).mtimeMs);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await get('/sitemaps/2026-11.xml', { 'accept-encoding': 'br' });
      await get('/sitemaps/2026-11.xml', { 'accept-encoding': 'gzip' });
      assert.deepEqual(files(), written);
      assert.deepEqual(
        written.map((n) => statSync(join(dir, n)).mtimeMs),
        before,
      );
      await get('/sitemaps/2023-09.xml', { 'accept-encoding': 'br' });
      const september = readdirSync(dir).filter((n) => n.startsWith('2023-09.'));

      // A change to an article of the month (here its update time) makes the month anew; other months stay.
      const article = await t.db
        .selectFrom('articles')
        .select(['id', 'updated_at'])
        .where('status', '=', 'published')
        .where('published_at', '>=', '2026-11-01T00:00:00Z')
        .where('published_at', '<', new Date(TEST_NOW).toISOString())
        .orderBy('published_at', 'desc')
        .executeTakeFirstOrThrow();
      await t.db
        .updateTable('articles')
        .set({ updated_at: new Date(TEST_NOW).toISOString() })
        .where('id', '=', article.id)
        .execute();
      const changed = await get('/sitemaps/2026-11.xml', { 'accept-encoding': 'br' });
      assert.notEqual(changed.headers.etag, etag);
      assert.equal((await get('/sitemaps/2026-11.xml', { 'if-none-match': etag })).statusCode, 200, 'the old ETag no longer matches');
      assert.equal(files().length, 2, 'the older files were removed');
      assert.notDeepEqual(files(), written);
      assert.deepEqual(
        readdirSync(dir).filter((n) => n.startsWith('2023-09.')),
        september,
      );
      await t.db.updateTable('articles').set({ updated_at: article.updated_at }).where('id', '=', article.id).execute();
      for (const path of ['/sitemaps/1999-01.xml', '/sitemaps/2026-11-2.xml', '/sitemaps/2026-13.xml', '/sitemaps/latest.xml', '/sitemaps/2030-01.xml']) {
        assert.equal((await get(path)).statusCode, 404, path);
      }
    });

    test('a month sitemap is still answered, compressed per request, when its files cannot be written', async () => {
      const blocker = join(t.dir, 'not-a-folder');
      writeFileSync(blocker, 'a file where the cache folder should be');
      const other = await buildTestApp(t, undefined, { seed: false, config: { cacheDir: join(blocker, 'cache') } });
      try {
        const plain = await other.server.inject({ method: 'GET', url: '/sitemaps/2026-11.xml' });
        const zipped = await other.server.inject({ method: 'GET', url: '/sitemaps/2026-11.xml', headers: { 'accept-encoding': 'br, gzip' } });
        assert.equal(plain.statusCode, 200);
        assert.match(plain.body, /<urlset[^>]*>[\s\S]*<\/urlset>\n$/);
        assert.equal(zipped.headers['content-encoding'], 'gzip');
        assert.equal(gunzipSync(zipped.rawPayload).toString('utf8'), plain.body);
      } finally {
        await other.server.close();
      }
    });

    test('the sections sitemap lists the home page and every section front', async () => {
      const urlset = await xml('/sitemaps/sections.xml');
      const locs = childrenOf(urlset, NS.sitemap, 'url').map((u) => childOf(u, NS.sitemap, 'loc').text);
      const sections = await t.db.selectFrom('sections').select('path').execute();
      assert.deepEqual(new Set(locs), new Set([`${ORIGIN}/`, ...sections.map((s) => `${ORIGIN}/${s.path}`)]));
    });

    test('robots.txt opens the site, closes the newsroom and names both sitemaps', async () => {
      const res = await get('/robots.txt');
      assert.match(res.headers['content-type'] as string, /^text\/plain; charset=utf-8$/);
      const lines = res.body.split('\n');
      for (const line of [
        'User-agent: *',
        'Allow: /',
        'Disallow: /admin',
        'Disallow: /api/admin',
        `Sitemap: ${ORIGIN}/sitemap.xml`,
        `Sitemap: ${ORIGIN}/sitemap-news.xml`,
      ]) {
        assert.ok(lines.includes(line), line);
      }
    });

    test('article pages carry NewsArticle and BreadcrumbList JSON-LD, Open Graph and a Twitter card', async () => {
      const page = (await get('/world/asia/251042')).body;
      const head = page.slice(0, page.indexOf('</head>'));
      const [article, crumbs] = jsonLdOf(head);
      assert.equal(article?.['@type'], 'NewsArticle');
      assert.equal(article.headline, 'মেকংয়ের তীরে ভাসমান পাঠাগার');
      assert.equal(article.datePublished, '2023-09-13T16:57:00+06:00');
      assert.match(article.dateModified, OFFSET);
      assert.deepEqual(article.author, [{ '@type': 'Organization', name: 'প্রকাশ ডেস্ক', url: `${ORIGIN}/author/prokash-desk` }]);
      assert.equal(article.publisher.name, 'প্রকাশ');
      assert.equal(article.mainEntityOfPage['@id'], SEED);
      assert.match(article.image[0].url, /^http:\/\/prokash\.test\/media\/.+\.jpg$/);
      assert.ok(article.keywords.includes('লাওস'));
      assert.equal(article.inLanguage, 'bn');
      assert.equal(crumbs?.['@type'], 'BreadcrumbList');
      const logo = await get(new URL(article.publisher.logo.url).pathname);
      assert.equal(logo.headers['content-type'], 'image/png');
      assert.equal((await sharp(logo.rawPayload).metadata()).width, article.publisher.logo.width);
      for (const [key, value] of [
        ['og:type', 'article'],
        ['og:url', SEED],
        ['og:locale', 'bn_BD'],
        ['twitter:card', 'summary_large_image'],
        ['article:published_time', '2023-09-13T16:57:00+06:00'],
      ]) {
        assert.ok(head.includes(`="${key}" content="${value}"`), key);
      }
      assert.match(head, /<meta property="og:image:width" content="\d+">/);
      assert.match(head, /<meta name="robots" content="max-image-preview:large">/);
      assert.match(page, /class="follow-line">[^]*href="\/rss\.xml"[^]*href="\/world\/asia\/rss\.xml"/, 'the follow line links both feeds');
    });

    test('every reader page has a canonical link and an Open Graph card; the home page has WebSite search', async () => {
      for (const path of ['/', '/world', '/latest', '/topic/রাশিয়া', '/archive/2023/09/13']) {
        const res = await get(encodeURI(path));
        assert.equal(res.statusCode, 200, path);
        assert.match(res.body, /<link rel="canonical" href="http:\/\/prokash\.test\//, path);
        assert.match(res.body, /<meta property="og:title" content="[^"]+">/, path);
        assert.match(res.body, /<meta property="og:image" content="http:\/\/prokash\.test\//, path);
      }
      const [website] = jsonLdOf((await get('/')).body);
      assert.equal(website?.['@type'], 'WebSite');
      assert.equal(website.potentialAction['@type'], 'SearchAction');
    });
  });
}

function jsonLdOf(page: string): Array<Record<string, any>> {
  return [...page.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}
