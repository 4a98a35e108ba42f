import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { documentFromBodyInput } from '../../document/index.ts';
import { UPLOAD_PLACEHOLDER, wordpressBodyHtml } from './wordpress-body.ts';
import { WordPressSite } from './wordpress-site.ts';

const UPLOADS = fileURLToPath(new URL('../../../../test/fixtures/wordpress/uploads/', import.meta.url));
const site = Object.assign(new WordPressSite(UPLOADS), { siteUrl: 'https://old.example.com' });
const doc = (html: string) => {
  const missing: string[] = [];
  const made = wordpressBodyHtml(html, site, missing);
  return { ...made, missing, doc: documentFromBodyInput(made.html || ' ') };
};

test('Gutenberg comments go; classic blank lines make paragraphs, a single break a hard break', () => {
  const { doc: d } = doc('<!-- wp:paragraph -->\n<p>এক</p>\n<!-- /wp:paragraph -->\n\nদুই\nতিন\n\nচার');
  assert.deepEqual(
    d.content.map((b) => b.type),
    ['paragraph', 'paragraph', 'paragraph'],
  );
  assert.ok(JSON.stringify(d).includes('hard_break'));
  assert.ok(!JSON.stringify(d).includes('wp:'));
});

test('[caption] becomes an image with its caption, from the uploads folder (the original, not the resized copy)', () => {
  const made = doc(
    '[caption id="a" width="300"]<img src="https://old.example.com/wp-content/uploads/2025/11/inline-market-300x200.jpg" alt="বাজার" /> বাজারে ভিড়।[/caption]',
  );
  const image = made.doc.content[0]!;
  assert.ok(image.type === 'image');
  assert.equal(image.attrs.caption, 'বাজারে ভিড়।');
  assert.equal(made.images.length, 1);
  assert.ok(made.images[0]!.src.startsWith(UPLOAD_PLACEHOLDER));
  assert.ok(made.images[0]!.path.endsWith('inline-market.jpg'));
});

test('an image whose file is missing is dropped and named; nothing points at the old host', () => {
  const made = doc(
    '<p>লেখা</p><figure><img src="https://old.example.com/wp-content/uploads/2025/11/gone.jpg"/></figure><p><a href="https://old.example.com/2025/10/30/x/">আগের</a></p>',
  );
  assert.deepEqual(made.missing, ['2025/11/gone.jpg']);
  assert.ok(!JSON.stringify(made.doc).includes('old.example.com'));
  assert.ok(JSON.stringify(made.doc).includes('"/2025/10/30/x/"'));
});

test('[embed] of a known provider is an embed; unknown shortcodes go, their text stays', () => {
  const made = doc('[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]\n\n[su_note color="x"]ভেতরের লেখা[/su_note] [gallery ids="1,2"]');
  assert.deepEqual(
    made.doc.content.map((b) => b.type),
    ['embed', 'paragraph'],
  );
  const text = JSON.stringify(made.doc);
  assert.ok(text.includes('ভেতরের লেখা'));
  assert.ok(!text.includes('su_note') && !text.includes('gallery') && !text.includes('[/'));
});
