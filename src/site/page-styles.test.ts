import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PAGE_STYLES, partNames, selectParts } from './page-styles.ts';

const SITE_CSS = readFileSync(new URL('./assets/site.css', import.meta.url), 'utf8');

describe('selectParts', () => {
  const css = `/* @part base */
/* a comment it drops */
a { color: red; }
/* @part article */
.article { content: '} /* not a comment'; }
@media (min-width: 600px) {
  .a { x: 1; }
  /* @part home */
  .h { x: 2; }
}
@media print {
  a { x: 3; }
}`;

  it('keeps the rules of the parts asked for, in order, and drops comments', () => {
    assert.equal(selectParts(css, new Set(['base'])), 'a { color: red; }');
    assert.equal(
      selectParts(css, new Set(['article'])),
      ".article { content: '} /* not a comment'; }\n@media (min-width: 600px) {\n.a { x: 1; }\n}\n@media print {\na { x: 3; }\n}",
    );
  });

  it('splits a media block between the parts its markers name', () => {
    assert.equal(selectParts(css, new Set(['home'])), '@media (min-width: 600px) {\n.h { x: 2; }\n}');
    assert.equal(selectParts(css, new Set(['nothing'])), '');
  });

  it('refuses a stylesheet whose blocks do not close', () => {
    assert.throws(() => selectParts('a { color: red;', new Set(['base'])), /not closed/);
    assert.throws(() => selectParts('a { } }', new Set(['base'])), /closes nothing/);
  });
});

describe('site.css and PAGE_STYLES', () => {
  it('every part site.css names goes to some page, and every part a page names exists', () => {
    const named = new Set(partNames(SITE_CSS));
    const used = new Set<string>(Object.values(PAGE_STYLES).flat());
    assert.deepEqual(
      [...named].filter((p) => !used.has(p)),
      [],
    );
    assert.deepEqual(
      [...used].filter((p) => !named.has(p)),
      [],
    );
  });

  it('every rule of site.css reaches at least one kind of page, each rule once per page', () => {
    const all = selectParts(SITE_CSS, new Set(Object.values(PAGE_STYLES).flat()));
    const rules = (css: string) => css.match(/{/g)?.length ?? 0;
    // Every brace of the source (comments aside) is in the union: no rule is lost between parts.
    assert.equal(rules(all), rules(SITE_CSS.replace(/\/\*[\s\S]*?\*\//g, '')));
    for (const [page, parts] of Object.entries(PAGE_STYLES)) {
      const sheet = selectParts(SITE_CSS, new Set(parts));
      assert.ok(sheet.includes('@font-face'), page);
      assert.ok(rules(sheet) < rules(all), page);
    }
  });
});
