import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { INLINE_STYLES, INLINE_STYLE_SOURCES, pageStylesheets, styleHashSource } from './inline-styles.ts';
import { PAGE_STYLE_NAMES, PAGE_STYLES, selectParts } from './page-styles.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

const SITE_CSS = readFileSync(new URL('./assets/site.css', import.meta.url), 'utf8');

describe('inline stylesheets', () => {
  it("are each kind of page's parts of site.css", () => {
    for (const name of PAGE_STYLE_NAMES) assert.equal(INLINE_STYLES[name], selectParts(SITE_CSS, new Set(PAGE_STYLES[name])) + '\n', name);
  });

  it('hash as a browser does: SHA-256 of the UTF-8 text between <style> and </style>, in base64', () => {
    // The CSP Level 2 specification's own example: the element text alert('Hello, world.');
    assert.equal(styleHashSource("alert('Hello, world.');"), "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    // Bengali text is hashed as its UTF-8 bytes.
    const css = 'p::before { content: "প্রকাশ"; }\n';
    const expected = createHash('sha256').update(Buffer.from(css, 'utf8')).digest('base64');
    assert.equal(styleHashSource(css), `'sha256-${expected}'`);
    assert.match(styleHashSource(css), /^'sha256-[A-Za-z0-9+/]{43}='$/);
  });

  it("the site's CSP allows each stylesheet's hash and no inline style otherwise", () => {
    const styleSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('style-src '));
    assert.ok(styleSrc);
    const sources = styleSrc.split(' ').slice(1);
    for (const name of PAGE_STYLE_NAMES) assert.ok(sources.includes(styleHashSource(INLINE_STYLES[name])), name);
    assert.deepEqual(sources, [...INLINE_STYLE_SOURCES]);
    assert.ok(!sources.some((s) => s === "'unsafe-inline'" || s === "'unsafe-hashes'" || s === '*'));
  });

  it('refuses a stylesheet that would end its own <style> element', () => {
    assert.throws(() => pageStylesheets(`/* @part base */\na::after { content: "</style><script>"; }\n`), /<\/style/);
    assert.throws(() => pageStylesheets(`/* @part base */\na::after { content: "</STYLE"; }\n`), /<\/style/);
  });

  it('lists a hash once when two kinds of page would have the same stylesheet', () => {
    const css = `/* @part base */\na { color: red; }\n`;
    const { styles, sources } = pageStylesheets(css);
    assert.equal(styles.home, styles.article);
    assert.equal(sources.length, 1);
  });
});
