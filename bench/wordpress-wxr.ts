// A WordPress export (WXR 1.2) of any size, written as a stream: Bengali posts in nested
// categories, with tags, two authors, comments, an old slug now and then, and a page and a
// menu item every hundred posts (skipped by the import). About 6 KB a post: 10,000 posts make
// about 60 MB. Images are left out (the import benchmark times the text).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const WORDS =
  'বাংলাদেশ সরকার আজ নতুন সিদ্ধান্ত ঘোষণা করেছে যা দেশের অর্থনীতি শিক্ষা স্বাস্থ্য কৃষি বাণিজ্য খাতে বড় প্রভাব ফেলবে বলে বিশেষজ্ঞরা মনে করছেন ঢাকা চট্টগ্রাম রাজশাহী খুলনা সিলেট বরিশাল রংপুর ময়মনসিংহ'.split(
    ' ',
  );

function text(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 7 + i * 13 + ((i * i) % 11)) % WORDS.length]!);
  return out.join(' ');
}

const pad = (n: number) => String(n).padStart(2, '0');

function item(n: number): string {
  const id = 1000 + n;
  const day = new Date(Date.UTC(2020, 0, 1) + n * 3_600_000 * 7);
  const gmt = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())} ${pad(day.getUTCHours())}:${pad(day.getUTCMinutes())}:00`;
  const local = new Date(day.getTime() + 6 * 3_600_000);
  const localText = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00`;
  const slug = `post-${n}`;
  const paragraphs = Array.from({ length: 6 }, (_, p) => `<!-- wp:paragraph -->\n<p>${text(n + p, 40)}।</p>\n<!-- /wp:paragraph -->`).join('\n\n');
  const cat = n % 3 === 0 ? ['national', 'dhaka'] : n % 3 === 1 ? ['sports'] : ['world', 'asia'];
  const comment =
    n % 5 === 0
      ? `<wp:comment><wp:comment_id>${n}</wp:comment_id><wp:comment_author><![CDATA[পাঠক ${n}]]></wp:comment_author><wp:comment_date><![CDATA[${localText}]]></wp:comment_date><wp:comment_date_gmt><![CDATA[${gmt}]]></wp:comment_date_gmt><wp:comment_content><![CDATA[${text(n, 12)}]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type></wp:comment>`
      : '';
  return `	<item>
		<title><![CDATA[${text(n, 8)} ${n}]]></title>
		<link>https://bench.example.com/${localText.slice(0, 4)}/${localText.slice(5, 7)}/${localText.slice(8, 10)}/${slug}/</link>
		<dc:creator><![CDATA[${n % 2 ? 'rahim' : 'karim'}]]></dc:creator>
		<guid isPermaLink="false">https://bench.example.com/?p=${id}</guid>
		<content:encoded><![CDATA[${paragraphs}]]></content:encoded>
		<excerpt:encoded><![CDATA[${text(n + 3, 20)}]]></excerpt:encoded>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date><![CDATA[${localText}]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[${gmt}]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[${slug}]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
${cat.map((c) => `		<category domain="category" nicename="${c}"><![CDATA[${c}]]></category>`).join('\n')}
		<category domain="post_tag" nicename="tag-${n % 50}"><![CDATA[বিষয় ${n % 50}]]></category>
${n % 10 === 0 ? `		<wp:postmeta><wp:meta_key><![CDATA[_wp_old_slug]]></wp:meta_key><wp:meta_value><![CDATA[old-${slug}]]></wp:meta_value></wp:postmeta>\n` : ''}		${comment}
	</item>
${n % 100 === 0 ? `	<item><title><![CDATA[পাতা ${n}]]></title><wp:post_id>${900000 + n}</wp:post_id><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[page]]></wp:post_type></item>\n	<item><title><![CDATA[মেনু ${n}]]></title><wp:post_id>${950000 + n}</wp:post_id><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[nav_menu_item]]></wp:post_type></item>\n` : ''}`;
}

const HEAD = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>বেঞ্চ</title>
	<link>https://bench.example.com</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://bench.example.com</wp:base_site_url>
	<wp:base_blog_url>https://bench.example.com</wp:base_blog_url>
	<wp:author><wp:author_login><![CDATA[rahim]]></wp:author_login><wp:author_display_name><![CDATA[রহিম উদ্দিন]]></wp:author_display_name></wp:author>
	<wp:author><wp:author_login><![CDATA[karim]]></wp:author_login><wp:author_display_name><![CDATA[করিম হাসান]]></wp:author_display_name></wp:author>
	<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename><![CDATA[national]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[জাতীয়]]></wp:cat_name></wp:category>
	<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[dhaka]]></wp:category_nicename><wp:category_parent><![CDATA[national]]></wp:category_parent><wp:cat_name><![CDATA[ঢাকা]]></wp:cat_name></wp:category>
	<wp:category><wp:term_id>4</wp:term_id><wp:category_nicename><![CDATA[sports]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[খেলা]]></wp:cat_name></wp:category>
	<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename><![CDATA[world]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[আন্তর্জাতিক]]></wp:cat_name></wp:category>
	<wp:category><wp:term_id>6</wp:term_id><wp:category_nicename><![CDATA[asia]]></wp:category_nicename><wp:category_parent><![CDATA[world]]></wp:category_parent><wp:cat_name><![CDATA[এশিয়া]]></wp:cat_name></wp:category>
`;

/** Writes a WXR file of `posts` posts (plus a page and a menu item every hundred); resolves with its size in bytes. */
export async function writeWordPressExport(path: string, posts: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(HEAD);
  for (let n = 1; n <= posts; n++) await write(item(n));
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, count] = process.argv.slice(2);
  if (!path) throw new Error('usage: node --import tsx bench/wordpress-wxr.ts FILE [POSTS]');
  const bytes = await writeWordPressExport(path, Number(count ?? 10_000));
  console.log(`${path}: ${(bytes / 1e6).toFixed(1)} MB`);
}
