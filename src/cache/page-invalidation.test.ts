import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invalidationFor } from './page-invalidation.ts';
import { SectionTree } from '../content/sections/section-tree.ts';
import type { ArticleListing, LoggedEvent } from '../content/events/content-event.ts';

const tree = new SectionTree([
  { id: 1, parent_id: null, slug: 'world', path: 'world', name: 'বিশ্ব', position: 1, created_at: '' },
  { id: 2, parent_id: 1, slug: 'asia', path: 'world/asia', name: 'এশিয়া', position: 1, created_at: '' },
  { id: 3, parent_id: null, slug: 'sports', path: 'sports', name: 'খেলা', position: 2, created_at: '' },
]);
const ctx = { tree, timeZone: 'Asia/Dhaka' };

const listing = (over: Partial<ArticleListing> = {}): ArticleListing => ({
  status: 'published',
  sectionId: 2,
  publishedAt: '2023-09-13T18:30:00.000Z',
  tagIds: [7, 8],
  personIds: [5],
  districtId: 12,
  breaking: false,
  edition: 'online',
  ...over,
});
const event = (type: LoggedEvent['type'], payload: unknown): LoggedEvent => ({ id: 1, at: '', type, payload }) as LoggedEvent;
const sorted = (tags: string[]) => [...tags].sort();

test('a draft saved, submitted or scheduled changes no page', () => {
  for (const type of ['article.created', 'article.updated', 'article.submitted', 'article.scheduled'] as const) {
    const draft = listing({ status: type === 'article.scheduled' ? 'scheduled' : 'draft', publishedAt: null });
    const result = invalidationFor(
      event(type, { id: 9, before: listing({ status: 'draft', publishedAt: null }), after: draft, significant: false, at: '' }),
      ctx,
    );
    assert.deepEqual(result, { tags: [], everything: false, fragments: [] }, type);
  }
});

test('a publish drops its page and every list it joins: its section and those above, tags, people, district, day, latest and home', () => {
  const result = invalidationFor(
    event('article.published', { id: 9, before: listing({ status: 'submitted', publishedAt: null }), after: listing(), scheduled: false }),
    ctx,
  );
  assert.deepEqual(
    sorted(result.tags),
    sorted(['article:9', 'card:9', 'latest', 'home', 'section:1', 'section:2', 'tag:7', 'tag:8', 'person:5', 'district:12', 'archive:2023-09-14']),
    'published at 00:30 in Dhaka on the 14th',
  );
  assert.deepEqual(result.fragments, ['lists']);
  assert.ok(!result.tags.includes('section:3'), 'not another section');
});

test('an edit that moves nothing drops only the pages that show the article', () => {
  const result = invalidationFor(event('article.updated', { id: 9, before: listing(), after: listing(), significant: false }), ctx);
  assert.deepEqual(sorted(result.tags), ['article:9', 'card:9']);
});

test('moving an article drops the lists it left and the lists it joined; breaking news rebuilds the ticker', () => {
  const result = invalidationFor(
    event('article.updated', { id: 9, before: listing(), after: listing({ sectionId: 3, tagIds: [8], breaking: true }), significant: false }),
    ctx,
  );
  for (const tag of ['section:1', 'section:2', 'section:3', 'tag:7', 'tag:8']) assert.ok(result.tags.includes(tag), tag);
  assert.deepEqual(result.fragments, ['lists', 'breaking']);
});

test('unpublishing and deleting drop what it was listed in', () => {
  for (const [type, after] of [
    ['article.unpublished', listing({ status: 'unpublished' })],
    ['article.deleted', null],
  ] as const) {
    const result = invalidationFor(event(type, { id: 9, before: listing(), after }), ctx);
    assert.ok(result.tags.includes('tag:7') && result.tags.includes('section:2') && result.tags.includes('card:9'), type);
  }
});

test('other events', () => {
  assert.deepEqual(invalidationFor(event('comments.changed', { articleIds: [4, 5] }), ctx).tags, ['article:4', 'article:5']);
  assert.deepEqual(invalidationFor(event('person.changed', { id: 5 }), ctx).tags, ['person:5', 'byline:5']);
  assert.deepEqual(invalidationFor(event('home.curated', { articleIds: [1] }), ctx).tags, ['home']);
  assert.deepEqual(invalidationFor(event('popular.changed', {}), ctx), { tags: ['popular'], everything: false, fragments: ['lists'] });
  assert.equal(invalidationFor(event('section.changed', { id: 1 }), ctx).everything, true, 'every page shows the nav');
  assert.equal(invalidationFor(event('settings.changed', { keys: ['siteName'] }), ctx).everything, true);
  assert.deepEqual(sorted(invalidationFor(event('image.changed', { id: 3, articleIds: [9] }), ctx).tags), ['article:9', 'card:9']);
});
