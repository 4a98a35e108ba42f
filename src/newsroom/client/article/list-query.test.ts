import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiParams, filtersFromSearch, isFiltered, nextPage, searchOfFilters, withFilter } from './list-query.ts';

test('the address query and the filters turn into each other', () => {
  const search = '?q=%E0%A6%A2%E0%A6%BE%E0%A6%95%E0%A6%BE&status=published&sectionId=3&personId=7&ownerId=2&from=2026-11-20&to=2026-11-27';
  const filters = filtersFromSearch(search);
  assert.deepEqual(filters, { q: 'ঢাকা', status: 'published', sectionId: 3, personId: 7, ownerId: 2, from: '2026-11-20', to: '2026-11-27' });
  assert.equal(searchOfFilters(filters), search);
  assert.equal(searchOfFilters({}), '');
});

test('values typed into the address that are not values are left out', () => {
  assert.deepEqual(filtersFromSearch('?status=done&sectionId=abc&personId=0&from=yesterday&q=%20%20&page=-1'), {});
});

test('a new filter starts again on the first page; next keeps the filters and counts the page', () => {
  const second = nextPage({ status: 'draft' }, '2026-11-27T06:00:00.000Z_12');
  assert.deepEqual(second, { status: 'draft', cursor: '2026-11-27T06:00:00.000Z_12', page: 2 });
  assert.deepEqual(nextPage(second, 'c3').page, 3);
  assert.deepEqual(withFilter(second, { sectionId: 4 }), { status: 'draft', sectionId: 4 });
  assert.deepEqual(withFilter(second, { status: undefined }), {});
  assert.ok(isFiltered(second));
  assert.ok(!isFiltered({ cursor: 'x', page: 2 }));
});

test('the API is asked for the filters and the cursor, not the page number', () => {
  assert.deepEqual(apiParams({ status: 'draft', cursor: 'c', page: 3 }), { status: 'draft', cursor: 'c', order: undefined, limit: 50 });
  assert.deepEqual(apiParams({ status: 'published' }), { status: 'published', order: 'published', limit: 50 }, 'published: by publication');
});
