import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDateShaped, looksLikeOldLink, normalizeOldPath } from './old-path.ts';

const slug = 'বাজেট-ঘোষণা';
const encoded = encodeURIComponent(slug);

test('every spelling of one old link has one normal form', () => {
  const forms = [
    `/2025/11/02/${slug}/`,
    `/2025/11/02/${slug}`,
    `/2025/11/02/${encoded}/`,
    `/2025/11/02/${encoded.toLowerCase()}`,
    `https://old.example.com/2025/11/02/${encoded}/`,
    `http://old.example.com/index.php/2025/11/02/${slug}/?utm_source=fb#comments`,
    `//old.example.com/2025//11/02/${slug}/`,
    `/2025/11/02/${slug.normalize('NFD')}/`,
  ];
  for (const form of forms) assert.equal(normalizeOldPath(form), `/2025/11/02/${slug}`, form);
});

test('WordPress query links keep only the post or page id', () => {
  assert.equal(normalizeOldPath('/?p=123'), '/?p=123');
  assert.equal(normalizeOldPath('https://old.example.com/?p=0123&utm=x'), '/?p=123');
  assert.equal(normalizeOldPath('/index.php?page_id=7'), '/?page_id=7');
  assert.equal(normalizeOldPath('/?s=search'), undefined);
  assert.equal(normalizeOldPath('/'), undefined);
  assert.equal(normalizeOldPath(''), undefined);
  assert.equal(normalizeOldPath('/a\u0000b'), undefined);
  assert.equal(normalizeOldPath(`/${'x'.repeat(600)}`), undefined);
});

test('ASCII case folds, a broken escape stays upper-cased', () => {
  assert.equal(normalizeOldPath('/National/Some-Slug/'), '/national/some-slug');
  assert.equal(normalizeOldPath('/a/%e0%a6/b'), '/a/%E0%A6/b');
  assert.equal(normalizeOldPath('/a/100%/b'), '/a/100%/b');
});

test('date-shaped and other old-looking paths', () => {
  assert.ok(isDateShaped('/2025/11/02/some-slug'));
  assert.ok(isDateShaped('/2025/11/some-slug'));
  assert.ok(isDateShaped('/২০২৫/১১/০২/খবর'));
  assert.ok(!isDateShaped('/world/asia/2'));
  assert.ok(!isDateShaped('/archive/2025/11/02'));
  for (const p of ['/2025/11/02/x', '/?p=5', '/archives/12', '/wp-content/uploads/2025/11/a.jpg']) assert.ok(looksLikeOldLink(p), p);
  for (const p of ['/national', '/national/5', '/wp-login']) assert.ok(!looksLikeOldLink(p), p);
});
