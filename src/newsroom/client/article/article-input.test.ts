import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../api-types.ts';
import { articleInputOf, emptyArticleInput, inputsDiffer, overrideValue } from './article-input.ts';

test('a stored article gives back exactly the ArticleInput keys', () => {
  const article = {
    ...emptyArticleInput(),
    headline: 'শিরোনাম',
    id: 5,
    status: 'draft',
    ownerId: 1,
    revision: 3,
    createdAt: '',
    modifiedAt: '',
    publishedAt: null,
    updatedAt: null,
    scheduledAt: null,
    corrections: [],
    url: null,
    image: null,
  } satisfies Article;
  const input = articleInputOf(article);
  assert.deepEqual(Object.keys(input).sort(), Object.keys(emptyArticleInput()).sort());
  assert.equal(input.headline, 'শিরোনাম');
  assert.equal(inputsDiffer(input, { ...input }), false);
  assert.equal(inputsDiffer(input, { ...input, kicker: 'x' }), true);
});

test('an empty override is null, meaning the image’s own caption or credit', () => {
  assert.equal(overrideValue('  '), null);
  assert.equal(overrideValue('রয়টার্স'), 'রয়টার্স');
});
