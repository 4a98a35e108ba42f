import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { contentHash, contentJson } from './article-row.ts';
import { emptyArticleContent, type ArticleContent } from './article-content.ts';

const contents: ArticleContent[] = [
  emptyArticleContent(),
  {
    ...emptyArticleContent(),
    sectionId: 7,
    kicker: 'বিশেষ "প্রতিবেদন"',
    headline: 'নদীভাঙনে বিপাকে চরের মানুষ, {"body": 1} \\u0000 ,',
    summary: 'সারাংশ\n\u200dশেষ',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'প্রথম অনুচ্ছেদ। "উদ্ধৃতি" ]}, [' }] }] },
    byline: { kind: 'reporters', personIds: [3, 1] },
    districtId: 12,
    edition: 'print',
    printPage: 4,
    breaking: true,
    imageId: 9,
    imageCaption: 'ছবি',
    imageCredit: '',
    imageAlt: null,
    tags: ['নদীভাঙন', 'চর'],
  },
];

test('the content hash and the revision JSON are the same text whether the body comes serialised or not', () => {
  for (const c of contents) {
    const bodyJson = JSON.stringify(c.body);
    assert.equal(contentHash(c, bodyJson), contentHash(c));
    assert.equal(contentJson(c, bodyJson), JSON.stringify(c));
    assert.deepEqual(JSON.parse(contentJson(c, bodyJson)), c);
  }
  // The hash of stored rows must not move: it is the sha-256 of the canonical array as it always was.
  const c = contents[1]!;
  const canonical = [
    c.sectionId,
    c.kicker,
    c.headline,
    c.subheadline,
    c.summary,
    c.body,
    'reporters',
    [3, 1],
    12,
    'print',
    4,
    true,
    [9, 'ছবি', null, null],
    c.tags,
  ];
  assert.equal(contentHash(c, JSON.stringify(c.body)), createHash('sha256').update(JSON.stringify(canonical)).digest('hex'));
});
