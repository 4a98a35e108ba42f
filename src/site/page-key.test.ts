import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageKey, parsePage } from './page-key.ts';

test('a URL keys its page by path and the parameters pages read, whatever else it carries', () => {
  const cases: Array<[string, string | undefined]> = [
    ['/', '/'],
    ['/world/asia/251042', '/world/asia/251042'],
    ['/world/asia/251042?fbclid=abc&page=3', '/world/asia/251042'], // an article reads no parameter
    ['/archive/2023/09/13?x=1', '/archive/2023/09/13'],
    ['/world?page=1', '/world'],
    ['/world?page=২', '/world?page=2'], // Bengali digits
    ['/world?utm_source=fb&page=3', '/world?page=3'],
    ['/popular?window=24h', '/popular'],
    ['/popular?window=6h', '/popular?window=6h'],
    ['/world?page=0', undefined], // the route answers 400
    ['/world?page=501', undefined],
    ['/world?page=abc', undefined],
    ['/popular?window=1y', undefined],
  ];
  for (const [url, key] of cases) assert.equal(pageKey(url), key, url);
});

test('parsePage', () => {
  assert.equal(parsePage('1'), 1);
  assert.equal(parsePage('৫০০'), 500);
  assert.equal(parsePage('0500'), 500);
  for (const bad of ['', '0', '501', '1.5', '-1', '1e2', 'x']) assert.equal(parsePage(bad), undefined, bad);
});
