import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHttpUrl, isSafeImageSrc, isSafeLinkHref, isSitePath } from './safe-url.ts';

test('URL rules (table)', () => {
  // [url, site path, http(s), link href, image src]
  const cases: Array<[string, boolean, boolean, boolean, boolean]> = [
    ['/', true, false, true, true],
    ['/world/asia/251042', true, false, true, true],
    ['/topic/রাশিয়া?page=2#x', true, false, true, true],
    ['/media/2023/09/kim.jpg', true, false, true, true],
    ['https://news.example.com/world/asia/25', false, true, true, true],
    ['HTTP://EXAMPLE.COM', false, true, true, true],
    ['https://bn.wikipedia.org/wiki/বাংলাদেশ', false, true, true, true],
    ['mailto:desk@example.com', false, false, true, false],
    ['mailto:', false, false, false, false],
    ['//evil.example/x', false, false, false, false],
    ['/\\evil.example', false, false, false, false],
    ['/\t/evil.example', false, false, false, false],
    ['/a b', false, false, false, false],
    ['https://', false, false, false, false],
    ['https:///path', false, false, false, false],
    ['https:evil.example', false, false, false, false],
    ['https://user:pass@example.com/', false, false, false, false],
    ['https://example.com\\@evil.example/', false, false, false, false],
    ['javascript:alert(1)', false, false, false, false],
    ['data:image/png;base64,AAAA', false, false, false, false],
    ['ftp://example.com/', false, false, false, false],
    ['media/a.jpg', false, false, false, false],
    ['#top', false, false, false, false],
    ['', false, false, false, false],
  ];
  for (const [url, site, http, link, image] of cases) {
    assert.equal(isSitePath(url), site, `isSitePath ${url}`);
    assert.equal(isHttpUrl(url), http, `isHttpUrl ${url}`);
    assert.equal(isSafeLinkHref(url), link, `isSafeLinkHref ${url}`);
    assert.equal(isSafeImageSrc(url), image, `isSafeImageSrc ${url}`);
  }
});
