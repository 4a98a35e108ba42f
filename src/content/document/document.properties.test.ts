// Properties of the document model (fast-check, fixed seed: see test/helpers/arbitraries.ts): the
// renderer emits only its allowlist whatever document it is handed, the validator admits only what
// the renderer renders, the importers never fail on any input except with a DocumentError, and
// rendering then importing gives the document back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty, hostileText } from '../../../test/helpers/arbitraries.ts';
import { allowlistProblems } from '../../../test/helpers/html-allowlist.ts';
import { documentFromBodyInput } from './body-input.ts';
import { DocumentError } from './document-error.ts';
import type { Doc } from './document-types.ts';
import { documentFromHtml } from './from-html.ts';
import { documentFromPlainText } from './from-plain-text.ts';
import { renderDocumentHtml } from './render-html.ts';
import { documentToPlainText } from './to-plain-text.ts';
import { parseDocument } from './validate-document.ts';

const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  '\u0000javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml;base64,PHN2Zz4=',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/',
  '/\\evil.example/',
  '/\t/evil.example/',
  '\\\\evil.example\\x',
  'https://bank.example@evil.example/',
  'https://x.example/"onmouseover="alert(1)',
  "https://x.example/'><script>alert(1)</script>",
  'https:evil.example',
  'http:/evil.example',
  'https://',
  'mailto:',
  'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
];
const GOOD_URLS = [
  '/world/asia/251042',
  'https://www.reuters.com/world/?a=1&b=2',
  'mailto:desk@example.com',
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  'https://x.com/prokashnews/status/1',
  'https://www.facebook.com/prokashnews/posts/1',
  '/media/kim.jpg',
];
const anyUrl = fc.oneof(
  fc.constantFrom(...HOSTILE_URLS, ...GOOD_URLS),
  fc.tuple(fc.constantFrom('https://', 'http://', '/', 'mailto:', 'javascript:', 'data:', ' '), hostileText(8)).map(([a, b]) => a + b),
  hostileText(12),
);
const anyText = fc.oneof(hostileText(12), fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '&lt;b&gt;', ']]>', '<!--'));
const anyValue = fc.oneof(anyText, fc.integer(), fc.constant(null), fc.constant(undefined), fc.boolean(), fc.constant([]), fc.constant({}));

// Arbitrary documents built from the node types — well and badly formed, with hostile values,
// unknown types and extra attributes — to hand to the validator and straight to the renderer.
const anyMark = fc.oneof(
  fc.constant({ type: 'bold' }),
  fc.constant({ type: 'italic' }),
  anyUrl.map((href) => ({ type: 'link', attrs: { href } })),
  fc.record({ type: fc.constantFrom('code', 'link', 'script', '__proto__'), attrs: fc.dictionary(fc.constantFrom('href', 'onclick', 'style'), anyValue) }),
);
const anyInline = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ type: fc.constant('text'), text: anyText, marks: fc.array(anyMark, { maxLength: 3 }) }, { requiredKeys: ['type', 'text'] }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'hard_break' }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('script', 'image', 'html', 'text'), text: anyValue, attrs: fc.object({ maxDepth: 1 }) }) },
);
const { anyBlock } = fc.letrec((tie) => ({
  anyBlock: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.record({ type: fc.constant('paragraph'), content: fc.array(anyInline, { maxLength: 5 }) }),
    fc.record({
      type: fc.constant('heading'),
      attrs: fc.record({ level: fc.constantFrom(1, 2, 3, 4, 5, '2', '2 onclick=x', null) }),
      content: fc.array(anyInline, { maxLength: 4 }),
    }),
    fc.record({ type: fc.constant('blockquote'), content: fc.array(tie('anyBlock'), { maxLength: 3 }) }),
    fc.record({ type: fc.constant('bullet_list'), content: fc.array(tie('anyItem'), { maxLength: 3 }) }),
    fc.record({
      type: fc.constant('ordered_list'),
      attrs: fc.record({ start: fc.oneof(fc.nat(), fc.constantFrom(-1, 1.5, 1e300, '1" onclick="x', null)) }),
      content: fc.array(tie('anyItem'), { maxLength: 3 }),
    }),
    fc.constant({ type: 'horizontal_rule' }),
    fc.record(
      {
        type: fc.constant('image'),
        attrs: fc.record(
          {
            src: anyUrl,
            alt: anyText,
            caption: anyText,
            credit: anyText,
            width: fc.oneof(fc.nat(), fc.constantFrom(-5, 1.5, '1" onload="x')),
            onerror: anyText,
          },
          { requiredKeys: ['src'] },
        ),
      },
      { requiredKeys: ['type', 'attrs'] },
    ),
    fc.record({
      type: fc.constant('embed'),
      attrs: fc.record({ provider: fc.constantFrom('youtube', 'facebook', 'x', 'evil', '__proto__', 'toString'), url: anyUrl }),
    }),
    fc.record({ type: fc.constantFrom('script', 'iframe', 'html', 'svg', 'doc'), content: fc.constant([]), attrs: fc.object({ maxDepth: 1 }) }),
  ),
  anyItem: fc.record({ type: fc.constantFrom('list_item', 'list_item', 'paragraph'), content: fc.array(tie('anyBlock'), { maxLength: 3 }) }),
}));
const anyDocument = fc.record({ type: fc.constant('doc'), content: fc.array(anyBlock, { maxLength: 6 }) });

test('the renderer never emits a tag, attribute or URL scheme outside its allowlist, whatever document it is handed', () => {
  checkProperty(
    fc.property(anyDocument, (input) => {
      let html: string;
      try {
        html = renderDocumentHtml(input as unknown as Doc);
      } catch {
        return; // refusing a malformed document is allowed; emitting it is not
      }
      assert.deepEqual(allowlistProblems(html), [], html);
    }),
    400,
  );
});

test('the validator admits only documents the renderer renders, into allowlisted HTML, and refuses the rest with a DocumentError', () => {
  let admitted = 0;
  checkProperty(
    fc.property(anyDocument, (input) => {
      let doc: Doc;
      try {
        doc = parseDocument(input);
      } catch (error) {
        assert.ok(error instanceof DocumentError, String(error));
        return;
      }
      admitted++;
      const html = renderDocumentHtml(doc); // must not throw
      assert.deepEqual(allowlistProblems(html), [], html);
      assert.deepEqual(parseDocument(JSON.parse(JSON.stringify(doc))), doc); // what is stored reads back the same
    }),
    600,
  );
  assert.ok(admitted > 50, `only ${admitted} generated documents were valid: the generator no longer tests the renderer`);
});

// Documents in the form the importer writes (text without collapsible whitespace at the line
// edges or in runs, neighbours with the same marks merged, no blank text): for these, rendering
// and importing again must give the very same document.
const WORDS = ['কিম', 'পুতিনকে', 'বিজয়ের', 'র‍্যাব', 'ক্ষমতা', 'উৎসব', '২০২৩', 'BBC-র', 'a&b', '<x>', '"q"', "it's", 'ZWNJ\u200cশব্দ', '১০\u00a0টাকা', '—', 'ছবি'];
const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const HREFS = ['/world/asia/251042', 'https://www.reuters.com/a?b=1&c=2', 'mailto:desk@example.com', 'http://x.example/'];
const inlineRun = fc.tuple(phrase, fc.boolean(), fc.boolean(), fc.option(fc.constantFrom(...HREFS), { nil: undefined }), fc.boolean());
const inlines = fc.array(inlineRun, { minLength: 1, maxLength: 5 }).map((runs) => {
  const out: Array<Record<string, unknown>> = [];
  runs.forEach(([text, bold, italic, href, breakAfter], i) => {
    const marks = [...(href ? [{ type: 'link', attrs: { href } }] : []), ...(bold ? [{ type: 'bold' }] : []), ...(italic ? [{ type: 'italic' }] : [])];
    const last = out[out.length - 1];
    if (last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) last.text = `${String(last.text)} ${text}`;
    else out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
    if (breakAfter && i < runs.length - 1) out.push({ type: 'hard_break' });
  });
  return out;
});
const paragraph = inlines.map((content) => ({ type: 'paragraph', content }));
const { block } = fc.letrec((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    paragraph,
    fc.record({ type: fc.constant('heading'), attrs: fc.record({ level: fc.constantFrom(2, 3, 4) }), content: inlines }),
    fc.record({ type: fc.constant('blockquote'), content: fc.array(tie('block'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ type: fc.constant('bullet_list'), content: fc.array(tie('item'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ type: fc.constant('ordered_list'), attrs: fc.record({ start: fc.nat(1000) }), content: fc.array(tie('item'), { minLength: 1, maxLength: 3 }) }),
    fc.constant({ type: 'horizontal_rule' }),
    fc.record({
      type: fc.constant('image'),
      attrs: fc.record({
        src: fc.constantFrom('/media/kim.jpg', 'https://cdn.example/b.png?x=1&y=2'),
        alt: fc.oneof(fc.constant(''), phrase),
        caption: fc.oneof(fc.constant(''), phrase),
        credit: fc.oneof(fc.constant(''), fc.constantFrom('রয়টার্স', 'AFP', 'প্রকাশ')),
      }),
    }),
    fc.constantFrom(
      { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } },
      { type: 'embed', attrs: { provider: 'x', url: 'https://x.com/prokashnews/status/1' } },
      { type: 'embed', attrs: { provider: 'facebook', url: 'https://www.facebook.com/prokashnews/posts/1' } },
    ),
  ),
  item: fc.tuple(paragraph, fc.array(tie('block'), { maxLength: 2 })).map(([first, rest]) => ({ type: 'list_item', content: [first, ...rest] })),
}));
const importerFormDocument = fc.array(block, { maxLength: 5 }).map((content) => ({ type: 'doc', content }));

test('rendering a document and importing the HTML gives the same document (embeds included)', () => {
  checkProperty(
    fc.property(importerFormDocument, (input) => {
      let doc: Doc;
      try {
        doc = parseDocument(input);
      } catch (error) {
        assert.match(String(error), /nested deeper/); // the generator can nest past the depth limit
        return;
      }
      assert.deepEqual(documentFromHtml(renderDocumentHtml(doc)), doc);
    }),
    200,
  );
});

test('an embed rendered by the serializer imports back as the embed, not as a link (bug found by the properties)', () => {
  const doc: Doc = { type: 'doc', content: [{ type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } }] };
  assert.deepEqual(documentFromHtml(renderDocumentHtml(doc)), doc);
  // Only a post URL of the provider it names: markup claiming another provider is not an embed.
  const forged = '<div class="embed" data-embed-provider="x" data-embed-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><a href="/x">দেখুন</a></div>';
  assert.equal(
    documentFromHtml(forged).content.some((b) => b.type === 'embed'),
    false,
  );
});

// Fragments of HTML as pasted from other systems and as written by attackers.
const TAGS = [
  'p',
  'div',
  'b',
  'i',
  'a',
  'img',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'iframe',
  'h1',
  'h5',
  'span',
  'script',
  'style',
];
const MORE_TAGS = [
  'svg',
  'math',
  'table',
  'td',
  'template',
  'noscript',
  'object',
  'embed',
  'form',
  'base',
  'meta',
  'title',
  'textarea',
  'xmp',
  'plaintext',
  'select',
];
const ATTRIBUTES = [
  'href="javascript:alert(1)"',
  'href="/x"',
  'href=" https://e.example/ "',
  'src="x.jpg"',
  'src="/m/a.jpg"',
  'data-src="https://e.example/a.jpg"',
  'onerror="alert(1)"',
  'class="credit"',
  'class="twitter-tweet"',
  'class="fb-post" data-href="https://www.facebook.com/a/posts/1"',
  'start="3"',
  'width="10"',
  'alt="a&amp;b"',
  'src="https://www.youtube.com/embed/dQw4w9WgXcQ"',
  'srcdoc="<script>alert(1)</script>"',
  'style="background:url(javascript:alert(1))"',
  'data-embed-url="https://x.com/i/status/1" data-embed-provider="x"',
];
const TEXTS = [
  'text',
  'কথা',
  ' ',
  '\n',
  '&nbsp;',
  '&amp;',
  '&lt;script&gt;',
  '&#0;',
  '&#x202e;',
  '&#xd800;',
  '\u0000',
  '<!-- c -->',
  '<![CDATA[x]]>',
  '<!doctype html>',
];
const htmlPiece = fc.oneof(
  fc.tuple(fc.constantFrom(...TAGS, ...MORE_TAGS), fc.array(fc.constantFrom(...ATTRIBUTES), { maxLength: 2 })).map(([t, a]) => `<${[t, ...a].join(' ')}>`),
  fc.constantFrom(...TAGS, ...MORE_TAGS).map((t) => `</${t}>`),
  fc.constantFrom(...TEXTS, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'ছবি : রয়টার্স', '<', '>', '&', '"'),
  hostileText(6),
);
const anyHtml = fc.array(htmlPiece, { maxLength: 40 }).map((pieces) => pieces.join(''));

test('HTML import never fails but with a DocumentError, renders into allowlisted HTML, and importing its rendering changes nothing', () => {
  checkProperty(
    fc.property(anyHtml, (html) => {
      let doc: Doc;
      try {
        doc = documentFromHtml(html);
      } catch (error) {
        assert.ok(error instanceof DocumentError, String(error));
        return;
      }
      const rendered = renderDocumentHtml(doc);
      assert.deepEqual(allowlistProblems(rendered), []);
      assert.deepEqual(documentFromHtml(rendered), doc);
    }),
    600,
  );
});

test('plain text: any text imports; its text read back and imported again gives the same document', () => {
  checkProperty(
    fc.property(hostileText(60), (text) => {
      const doc = documentFromPlainText(text);
      assert.deepEqual(documentFromPlainText(documentToPlainText(doc)), doc);
      assert.deepEqual(parseDocument(doc), doc); // what the importer makes is valid
    }),
    500,
  );
});

test('plain text -> document -> plain text gives the text back when it is already in paragraph form', () => {
  const line = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
  const paragraphText = fc
    .array(fc.array(line, { minLength: 1, maxLength: 3 }), { maxLength: 5 })
    .map((ps) => ps.map((lines) => lines.join('\n')).join('\n\n'));
  checkProperty(
    fc.property(paragraphText, (text) => {
      assert.equal(documentToPlainText(documentFromPlainText(text)), text);
    }),
    500,
  );
});

test('a body in any form (text, HTML, JSON, anything else) gives a document or a DocumentError, never another error', () => {
  const anyBody = fc.oneof(
    hostileText(40),
    anyHtml,
    anyDocument,
    fc.jsonValue({ maxDepth: 3 }),
    anyDocument.map((d) => JSON.stringify(d)),
  );
  checkProperty(
    fc.property(anyBody, (body) => {
      try {
        documentFromBodyInput(body);
      } catch (error) {
        assert.ok(error instanceof DocumentError, String(error));
      }
    }),
    400,
  );
});
