import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleIdIn } from './article-lookup.ts';

const CASES: Array<[string, number | undefined]> = [
  // Numbers in either script.
  ['251042', 251042],
  ['  251042 ', 251042],
  ['২৫১০৪২', 251042],
  ['#123', 123],
  ['0', undefined],
  ['99999999999', undefined], // more than the tables hold
  // Reader URLs, with and without a slug, query or fragment.
  ['https://prokash.test/national/123', 123],
  ['http://prokash.test/world/asia/251042', 251042],
  ['https://prokash.test/world/asia/251042/putin-kim-meeting', 251042],
  ['https://prokash.test/national/123?utm_source=facebook#comments', 123],
  ['https://prokash.test:8080/national/123/', 123],
  ['prokash.test/national/123', 123],
  ['/national/123', 123],
  // The newsroom's own links and the preview.
  ['https://prokash.test/admin/articles/77', 77],
  ['/admin/articles/77/revisions', 77],
  ['/api/admin/articles/77/preview', 77],
  // Headline text, including text with digits in it.
  ['ঢাকায় বৃষ্টি', undefined],
  ['৫২ জন আহত', undefined],
  ['2026 budget', undefined],
  ['https://prokash.test/national', undefined],
  ['https://', undefined],
  ['', undefined],
  ['a/b 12', undefined],
];

test('a number or a pasted link names an article id; headline text does not', () => {
  for (const [text, id] of CASES) assert.equal(articleIdIn(text), id, JSON.stringify(text));
});
