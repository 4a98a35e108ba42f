import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { DIALECTS } from './helpers/databases.ts';
import { useTestApp } from './helpers/app.ts';
import { seedArticle } from '../src/demo/demo-articles-seed.ts';
import { readArticles } from './helpers/views.ts';
import { zonedCivilDate } from '../src/bangla/zoned-date.ts';

const SEED = '/world/asia/251042';

/** What a reader reads: the page's text without tags, whitespace collapsed. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

for (const dialect of DIALECTS) {
  describe(`reader pages over HTTP (${dialect})`, () => {
    const ctx = useTestApp(dialect);
    const get = (url: string, headers: Record<string, string> = {}) => ctx.get(url, headers);

    test('the seed article shows every element of the seed page', async () => {
      await readArticles(ctx.app, [251042, 251075]); // the seed page's জনপ্রিয় tab: something was read
      const res = await get(SEED);
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/html; charset=utf-8/);
      const html = res.body;
      const text = textOf(html);
      for (const wanted of [
        'প্রকাশ ডেস্ক',
        'প্রকাশ : ১৩ সেপ্টেম্বর ২০২৩, ০৪:৫৭ পিএম',
        'অনলাইন সংস্করণ',
        'মেকংয়ের তীরে ভাসমান পাঠাগার',
        'মেকংয়ের তীরে বাঁধা ভাসমান পাঠাগারে বই পড়ছে শিশুরা।',
        'ছবি : সংগৃহীত',
        'সর্বশেষ খবর পেতে RSS ফিড অনুসরণ করুন',
        'মন্তব্য করুন',
        'সর্বশেষ',
        'জনপ্রিয়',
      ]) {
        assert.ok(text.includes(wanted), `missing: ${wanted}`);
      }
      const paragraphs = seedArticle.body.split('\n\n');
      assert.equal(paragraphs.length, 10);
      for (const paragraph of paragraphs) assert.ok(html.includes(`<p>${paragraph}</p>`), `missing paragraph: ${paragraph.slice(0, 40)}`);
      assert.ok(!html.includes('আপডেট :'), 'no update line without a significant update');
      assert.ok(html.includes('<link rel="canonical" href="http://prokash.test/world/asia/251042"'));
      assert.match(html, /href="\/rss\.xml"/);
      assert.match(html, /href="\/world\/asia\/rss\.xml"/, 'the follow line offers the section feed');
      assert.match(html, /href="\/author\/prokash-desk"/);
      // The tabs: twenty numbered headlines, numbered in Bengali, with `kicker / headline`.
      assert.ok(html.includes('>২০<'), 'the twentieth entry is numbered ২০');
      assert.ok(html.includes('র্\u200Dযাগিং প্রতিরোধ / ছাত্রাবাসে অভিযোগ বাক্স, নবীনদের পাশে পরামর্শক শিক্ষক'));
      assert.ok(html.includes('মুম্বাইয়ের পুরোনো সিঙ্গেল স্ক্রিন প্রেক্ষাগৃহ ফিরছে নতুন রূপে'));
      // Nothing is loaded from another site.
      for (const m of html.matchAll(/\s(?:src|srcset)="([^"]*)"/g)) assert.ok(m[1]!.startsWith('/'), `external resource ${m[1]}`);
      for (const m of html.matchAll(/<link[^>]+href="([^"]*)"/g))
        assert.ok(m[1]!.startsWith('/') || m[1]!.startsWith('http://prokash.test/'), `external link ${m[1]}`);
    });

    test('card times are relative within a day and the house date after it (never "১১৭৭ দিন আগে")', async () => {
      const times = (html: string) => [...html.matchAll(/<time class="card__time"[^>]*>([^<]*)<\/time>/g)].map((m) => m[1]!);
      const home = times((await get('/')).body);
      assert.ok(
        home.some((t) => /(মিনিট|ঘণ্টা) আগে|এইমাত্র/.test(t)),
        `a recent card is timed relatively: ${home.join(' | ')}`,
      );
      const asia = times((await get('/world/asia')).body);
      assert.ok(
        asia.some((t) => t.includes('২০২৩')),
        `the 2023 seed article's card is dated: ${asia.join(' | ')}`,
      );
      for (const t of [...home, ...asia]) assert.doesNotMatch(t, /দিন (আগে|পরে)/);
    });

    test('phrases built from names take the Bengali genitive (প্রকাশের, এশিয়ার), never "এর" set apart', async () => {
      const section = (await get('/world/asia')).body;
      assert.match(section, /<meta name="description" content="[^"]*প্রকাশের সর্বশেষ খবর"/);
      const feed = (await get('/world/asia/rss.xml')).body;
      assert.ok(feed.includes('এশিয়ার সর্বশেষ খবর'), 'the section feed describes itself with the genitive');
      const article = textOf((await get(SEED)).body);
      assert.ok(article.includes('প্রকাশের সর্বশেষ খবর পেতে'));
      assert.ok(article.includes('এশিয়ার ফিড'));
      for (const text of [section, feed, article]) assert.doesNotMatch(text, /প্রকাশ এর|প্রকাশ-এর|-এর ফিড|এশিয়া-এর/);
    });

    test('other paths with the article id redirect to the canonical URL', async () => {
      for (const path of ['/world/251042', '/national/251042', '/world/asia/251042/mekong-pathagar', '/world/asia/২৫১০৪২', '/world/asia/251042/']) {
        const res = await get(path);
        assert.equal(res.statusCode, 301, path);
        assert.equal(res.headers.location, SEED, path);
      }
      assert.equal((await get('/world/asia/999999999')).statusCode, 404);
    });

    test('the home page has the three-calendar date, a lead, section blocks and the tabs', async () => {
      const res = await get('/');
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes('শুক্রবার, ২৭ নভেম্বর ২০২৬, ১২ অগ্রহায়ণ ১৪৩৩, ১৭ জমাদিউস সানি ১৪৪৮ হিজরি'));
      assert.ok(res.body.includes('মুম্বাইয়ের পুরোনো সিঙ্গেল স্ক্রিন প্রেক্ষাগৃহ ফিরছে নতুন রূপে'), 'the newest story is on the home page');
      assert.match(res.body, /href="\/sports"/);
      assert.match(res.body, /ব্রেকিং/);
    });

    test('section fronts include sub-sections and paginate', async () => {
      const world = await get('/world');
      assert.equal(world.statusCode, 200);
      assert.match(world.body, /href="\/world\/asia"/);
      assert.ok(world.body.includes('<link rel="canonical" href="http://prokash.test/world">'));
      assert.ok((await get('/world?page=2')).body.includes('<link rel="canonical" href="http://prokash.test/world?page=2">'));
      assert.ok(world.body.includes('মেকংয়ের তীরে ভাসমান পাঠাগার') || (await get('/world?page=2')).body.includes('মেকংয়ের তীরে ভাসমান পাঠাগার'));
      assert.equal((await get('/world/asia')).statusCode, 200);
      assert.equal((await get('/World/Asia')).statusCode, 301);
      const bad = await get('/world?page=abc');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /lang="bn"/);
      assert.equal((await get('/world?page=0')).statusCode, 400);
    });

    test('tag, author, district, latest and popular pages list their articles', async () => {
      const article = (await get(SEED)).body;
      const tagHref = /href="(\/topic\/[^"]+)"/.exec(article)?.[1];
      assert.ok(tagHref, 'the article links its tags');
      const tag = await get(tagHref);
      assert.equal(tag.statusCode, 200);
      assert.ok(tag.body.includes('মেকংয়ের তীরে ভাসমান পাঠাগার'));
      const author = await get('/author/prokash-desk');
      assert.equal(author.statusCode, 200);
      const authorPages = author.body + (await get('/author/prokash-desk?page=2')).body;
      assert.ok(authorPages.includes('মেকংয়ের তীরে ভাসমান পাঠাগার'));
      const district = await get('/district/cumilla');
      assert.equal(district.statusCode, 200);
      assert.ok(district.body.includes('কুমিল্লা'));
      assert.equal((await get('/district/atlantis')).statusCode, 404);
      assert.equal((await get('/author/nobody')).statusCode, 404);
      const latest = await get('/latest');
      assert.equal(latest.statusCode, 200);
      assert.match(latest.body, /href="\/latest\?page=2"/);
      assert.equal((await get('/latest?page=2')).statusCode, 200);
      assert.equal((await get('/popular')).statusCode, 200);
    });

    test('the archive day is headed in three calendars and lists that day', async () => {
      const res = await get('/archive/2023/09/13');
      assert.equal(res.statusCode, 200);
      for (const text of ['বুধবার, ১৩ সেপ্টেম্বর ২০২৩', '২৯ ভাদ্র ১৪৩০', '২৮ সফর ১৪৪৫ হিজরি', 'মেকংয়ের তীরে ভাসমান পাঠাগার']) {
        assert.ok(res.body.includes(text), `missing: ${text}`);
      }
      const cases: Array<[string, string]> = [
        ['/archive/2024/03/05', '২১ ফাল্গুন ১৪৩০'], // leap year: ফাল্গুন has 30 days
        ['/archive/2023/03/05', '২০ ফাল্গুন ১৪২৯'],
        ['/archive/2024/03/14', '৩০ ফাল্গুন ১৪৩০'],
        ['/archive/2023/03/14', '২৯ ফাল্গুন ১৪২৯'],
        ['/archive/2023/03/15', '১ চৈত্র ১৪২৯'],
        ['/archive/2024/04/14', '১ বৈশাখ ১৪৩১'],
      ];
      for (const [path, bangla] of cases) {
        const day = await get(path);
        assert.equal(day.statusCode, 200, path);
        assert.ok(day.body.includes(bangla), `${path} should show ${bangla}`);
        assert.ok(day.body.includes('হিজরি'), `${path} shows a Hijri date`);
      }
      assert.equal((await get('/archive/2023/02/30')).statusCode, 404);
      assert.equal((await get('/archive/2030/01/01')).statusCode, 404, 'no future days');
      assert.equal((await get('/archive/2023/9/13')).statusCode, 301);
      const picker = await get('/archive?date=2023-09-13');
      assert.equal(picker.statusCode, 302);
      assert.equal(picker.headers.location, '/archive/2023/09/13');
    });

    test("the archive shows the day's print edition grouped by page", async () => {
      const print = await ctx.t.db
        .selectFrom('articles')
        .select(['published_at', 'print_page', 'headline'])
        .where('edition', '=', 'print')
        .orderBy('published_at', 'desc')
        .executeTakeFirstOrThrow();
      const day = zonedCivilDate(new Date(print.published_at!), 'Asia/Dhaka');
      const path = `/archive/${day.year}/${String(day.month).padStart(2, '0')}/${String(day.day).padStart(2, '0')}`;
      const res = await get(path);
      assert.equal(res.statusCode, 200);
      const printPart = res.body.slice(res.body.indexOf('প্রিন্ট সংস্করণ'));
      assert.ok(printPart.includes(print.headline), 'the print article is in the print part');
      assert.ok(printPart.includes(`পৃষ্ঠা ${String(print.print_page).replace(/\d/g, (d) => '০১২৩৪৫৬৭৮৯'[Number(d)]!)}`));
    });

    test("a print article's edition line leads to its page of that day's print edition, the header's date to today's", async () => {
      const print = await ctx.t.db
        .selectFrom('articles')
        .innerJoin('sections', 'sections.id', 'articles.section_id')
        .select(['articles.id', 'articles.published_at', 'articles.print_page', 'sections.path'])
        .where('articles.edition', '=', 'print')
        .where('articles.print_page', 'is not', null)
        .where('articles.status', '=', 'published')
        .orderBy('articles.published_at', 'desc')
        .executeTakeFirstOrThrow();
      const day = zonedCivilDate(new Date(print.published_at!), 'Asia/Dhaka');
      const dayPath = `/archive/${day.year}/${String(day.month).padStart(2, '0')}/${String(day.day).padStart(2, '0')}`;
      const page = (await get(`/${print.path}/${print.id}`)).body;
      const edition = /<p class="article__edition"><a href="([^"]+)">প্রিন্ট সংস্করণ, পৃষ্ঠা [০-৯]+<\/a><\/p>/.exec(page);
      assert.ok(edition, 'the edition line is a link');
      assert.equal(edition[1], `${dayPath}#print-page-${print.print_page}`);
      const archive = (await get(dayPath)).body;
      assert.ok(archive.includes(`id="print-page-${print.print_page}"`), 'the archive has the anchor');
      // The header's date (the app's clock's day) leads to that day's print edition.
      assert.match(page, /<p class="site-header__date"><a href="\/archive\/\d{4}\/\d{2}\/\d{2}#print-edition"/);
      // An online article's edition line stays text.
      const online = (await get(SEED)).body;
      assert.match(online, /<p class="article__edition">অনলাইন সংস্করণ<\/p>/);
    });

    test('landmarks of one role have different names (the search page, the date archive)', async () => {
      for (const path of ['/search?q=মেকং', '/archive/2023/09/13']) {
        const html = (await get(path)).body;
        const names = [...html.matchAll(/<(nav|form)\b[^>]*?(?:role="search"[^>]*?)?aria-label="([^"]+)"/g)].map((m) => `${m[1]}:${m[2]}`);
        assert.equal(new Set(names).size, names.length, `${path}: ${names.join(', ')}`);
        const searches = [...html.matchAll(/<form\b[^>]*role="search"[^>]*>/g)].map((m) => /aria-label="([^"]+)"/.exec(m[0])?.[1]);
        assert.ok(searches.every(Boolean) && new Set(searches).size === searches.length, `${path}: search landmarks ${searches.join(', ')}`);
      }
    });

    test('errors are Bengali pages with the right status, never a 500', async () => {
      const res = await get('/no/such/page');
      assert.equal(res.statusCode, 404);
      assert.match(res.body, /পাতাটি পাওয়া যায়নি/);
      const badEncoding = await get('/%E0%A4');
      assert.equal(badEncoding.statusCode, 400);
      assert.match(badEncoding.body, /lang="bn"/);
      assert.equal((await get('/media/../../etc/passwd')).statusCode, 404);
      assert.equal((await get('/topic/%00')).statusCode, 404);
    });

    test('pages are cached with an ETag, compressed, and sent with a strict CSP', async () => {
      const first = await get('/', { 'accept-encoding': 'gzip' });
      assert.equal(first.headers['content-encoding'], 'gzip');
      assert.ok(gunzipSync(first.rawPayload).toString('utf8').includes('প্রকাশ'));
      const etag = first.headers.etag as string;
      assert.ok(etag);
      const second = await get('/', { 'if-none-match': etag });
      assert.equal(second.statusCode, 304);
      const csp = first.headers['content-security-policy'] as string;
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-hashes/);
      // The page's one <style> is allowed by its hash, the policy the browser gets with the page.
      const style = /<style>([^]*?)<\/style>/.exec(gunzipSync(first.rawPayload).toString('utf8'))?.[1];
      assert.ok(style);
      const hash = `'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`;
      assert.ok(
        csp
          .split('; ')
          .find((d) => d.startsWith('style-src '))
          ?.split(' ')
          .includes(hash),
        "the CSP names the stylesheet's hash",
      );
      assert.ok(ctx.app.cache.getStats().hits >= 1);
    });

    test('images, stylesheet and fonts are served by the site itself', async () => {
      const html = (await get(SEED)).body;
      const img = /<img[^>]+src="(\/media\/[^"]+)"/.exec(html)?.[1];
      assert.ok(img);
      const image = await get(img);
      assert.equal(image.statusCode, 200);
      assert.equal(image.headers['content-type'], 'image/jpeg');
      assert.doesNotMatch(html, /<link rel="stylesheet"/, 'the stylesheet is in the page');
      const css = /<style>([^]*?)<\/style>/.exec(html)?.[1];
      assert.ok(css);
      const font = /url\((\/assets\/fonts\/[^)]+\.woff2)\)/.exec(css)?.[1];
      assert.ok(font, 'the stylesheet names a self-hosted font');
      assert.equal((await get(font)).statusCode, 200);
    });

    test('the site feed is RSS 2.0 with the newest articles', async () => {
      const res = await get('/rss.xml');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /application\/rss\+xml/);
      assert.match(res.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
      assert.ok(res.body.includes('মুম্বাইয়ের পুরোনো সিঙ্গেল স্ক্রিন প্রেক্ষাগৃহ ফিরছে নতুন রূপে'));
      assert.equal((await get('/world/rss.xml')).statusCode, 200);
    });
  });
}
