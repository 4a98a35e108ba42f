import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentError } from './document-error.ts';
import type { Doc } from './document-types.ts';
import { parseDocument } from './validate-document.ts';

const text = (t: string) => ({ type: 'text', text: t });
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const item = (...content: unknown[]) => ({ type: 'list_item', content });
const VIDEO = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

const EVERY_NODE: Doc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'শিরোনাম' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'প্রকাশ', marks: [{ type: 'link', attrs: { href: '/world/asia/251042' } }, { type: 'bold' }] },
        { type: 'hard_break' },
        { type: 'text', text: 'ই-মেইল', marks: [{ type: 'italic' }, { type: 'link', attrs: { href: 'mailto:desk@example.com' } }] },
      ],
    },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'উদ্ধৃতি' }] }] },
    {
      type: 'bullet_list',
      content: [
        {
          type: 'list_item',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'এক' }] },
            { type: 'ordered_list', attrs: { start: 3 }, content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [] }] }] },
          ],
        },
      ],
    },
    { type: 'horizontal_rule' },
    { type: 'image', attrs: { src: '/media/2023/09/kim.jpg', alt: 'কিম', caption: 'বৈঠকে', credit: 'রয়টার্স', width: 1200, height: 800 } },
    { type: 'image', attrs: { src: 'https://cdn.example.com/a.jpg', alt: '', caption: '', credit: '' } },
    { type: 'embed', attrs: { provider: 'youtube', url: VIDEO } },
    { type: 'embed', attrs: { provider: 'facebook', url: 'https://www.facebook.com/prokashnews/posts/pfbid02abc' } },
    { type: 'embed', attrs: { provider: 'x', url: 'https://x.com/prokashnews/status/1701980000000000000' } },
  ],
};

test('parseDocument accepts every node and mark and returns an equal copy', () => {
  const input = structuredClone(EVERY_NODE);
  const parsed = parseDocument(input);
  assert.deepEqual(parsed, EVERY_NODE);
  assert.notEqual(parsed, input);
  assert.notEqual(parsed.content[0], input.content[0]);
});

test('parseDocument reads what ProseMirror and Tiptap write: omitted content, null and default attrs', () => {
  const cases: Array<[string, unknown, Doc]> = [
    ['empty doc', { type: 'doc' }, { type: 'doc', content: [] }],
    ['paragraph without content', doc({ type: 'paragraph' }), { type: 'doc', content: [{ type: 'paragraph', content: [] }] }],
    [
      'empty attrs and marks',
      doc({ type: 'paragraph', attrs: {}, content: [{ type: 'text', text: 'x', marks: [] }] }),
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] },
    ],
    [
      'ordered_list without start',
      doc({ type: 'ordered_list', content: [item(para(text('a')))] }),
      {
        type: 'doc',
        content: [
          {
            type: 'ordered_list',
            attrs: { start: 1 },
            content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }] }],
          },
        ],
      },
    ],
    [
      'image with null optional attrs',
      doc({ type: 'image', attrs: { src: '/media/a.jpg', alt: null, caption: null, credit: null, width: null, height: null } }),
      { type: 'doc', content: [{ type: 'image', attrs: { src: '/media/a.jpg', alt: '', caption: '', credit: '' } }] },
    ],
  ];
  for (const [name, input, expected] of cases) assert.deepEqual(parseDocument(input), expected, name);
});

test('parseDocument keeps text exactly: no normalisation of Bengali, ZWJ, ZWNJ or spaces', () => {
  const samples = [
    'র\u200D্যাব', // RAB with ZWJ (র‍্যাব)
    'ক্\u200Cষ', // ZWNJ keeps the conjunct apart
    '\u09DF \u09AF\u09BC', // য় precomposed and decomposed: NFC would change the first
    'ক\u09C7\u09BE', // কো in two parts: NFC would compose it to U+09CB
    '  two  spaces\u00A0nbsp\tand tab\n',
  ];
  for (const sample of samples) {
    const parsed = parseDocument(doc(para(text(sample))));
    const out = parsed.content[0]?.type === 'paragraph' ? parsed.content[0].content[0] : undefined;
    assert.ok(out?.type === 'text');
    assert.deepEqual(Buffer.from(out.text, 'utf8'), Buffer.from(sample, 'utf8'), sample);
  }
});

test('parseDocument rejects bad documents with the path of the bad node', () => {
  const deep = (levels: number): unknown => {
    let node: unknown = para(text('x'));
    for (let i = 0; i < levels; i++) node = { type: 'blockquote', content: [node] };
    return doc(node);
  };
  const cases: Array<[string, unknown, string, RegExp]> = [
    ['not an object', 'text', '', /expected a document object, got string/],
    ['an array', [], '', /got an array/],
    ['wrong root type', { type: 'paragraph' }, '', /expected a node of type "doc", got "paragraph"/],
    ['unknown root key', { type: 'doc', content: [], html: '<p>' }, '', /unexpected key "html"/],
    ['content not an array', { type: 'doc', content: {} }, 'content', /content must be an array/],
    ['unknown node type', doc(para(text('a')), { type: 'video' }), 'content[1]', /unknown node type "video"/],
    ['node without type', doc({ content: [] }), 'content[0]', /unknown node type no type/],
    ['inline at block level', doc(text('a')), 'content[0]', /expected a block node .*got "text"/],
    ['block inside a paragraph', doc(para(text('a'), para())), 'content[0].content[1]', /expected an inline node .*got "paragraph"/],
    ['list child not a list_item', doc({ type: 'bullet_list', content: [para(text('a'))] }), 'content[0].content[0]', /expected a list_item, got "paragraph"/],
    ['empty list', doc({ type: 'bullet_list', content: [] }), 'content[0]', /bullet_list must contain at least one node/],
    ['empty blockquote', doc({ type: 'blockquote' }), 'content[0]', /blockquote must contain at least one node/],
    [
      'list_item not starting with a paragraph',
      doc({ type: 'bullet_list', content: [item({ type: 'horizontal_rule' })] }),
      'content[0].content[0].content[0]',
      /must start with a paragraph/,
    ],
    ['empty text', doc(para(text('a'), text(''))), 'content[0].content[1]', /non-empty text/],
    ['text not a string', doc(para({ type: 'text', text: 5 })), 'content[0].content[0]', /non-empty text/],
    ['control character in text', doc(para(text('a\u000Bb'))), 'content[0].content[0].text', /forbidden character U\+000B/],
    ['lone surrogate in text', doc(para(text('a\uD800'))), 'content[0].content[0].text', /forbidden character U\+D800/],
    ['unknown key on text', doc(para({ type: 'text', text: 'a', style: 'color:red' })), 'content[0].content[0]', /unexpected key "style"/],
    ['content on a leaf', doc({ type: 'horizontal_rule', content: [] }), 'content[0]', /unexpected key "content"/],
    [
      'attrs on a paragraph',
      doc({ type: 'paragraph', attrs: { textAlign: 'center' }, content: [] }),
      'content[0].attrs.textAlign',
      /unknown attribute "textAlign" on "paragraph"/,
    ],
    ['heading level 1', doc({ type: 'heading', attrs: { level: 1 }, content: [] }), 'content[0].attrs.level', /level must be 2, 3 or 4/],
    ['heading level as text', doc({ type: 'heading', attrs: { level: '2' }, content: [] }), 'content[0].attrs.level', /level must be 2, 3 or 4/],
    ['ordered_list start negative', doc({ type: 'ordered_list', attrs: { start: -1 }, content: [item(para())] }), 'content[0].attrs.start', /whole number/],
    ['unknown mark', doc(para({ type: 'text', text: 'a', marks: [{ type: 'underline' }] })), 'content[0].content[0].marks[0]', /unknown mark type "underline"/],
    [
      'duplicate mark',
      doc(para({ type: 'text', text: 'a', marks: [{ type: 'bold' }, { type: 'bold' }] })),
      'content[0].content[0].marks[1]',
      /duplicate bold mark/,
    ],
    ['marks not an array', doc(para({ type: 'text', text: 'a', marks: { type: 'bold' } })), 'content[0].content[0].marks', /marks must be an array/],
    [
      'extra link attribute',
      doc(para({ type: 'text', text: 'a', marks: [{ type: 'link', attrs: { href: '/a', target: '_blank' } }] })),
      'content[0].content[0].marks[0].attrs.target',
      /unknown attribute "target"/,
    ],
    ...[
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      '//evil.example/',
      '/\\evil.example/',
      '/\t/evil.example',
      'https://bank.example@evil.example/',
      'ftp://example.com/',
      'relative/page.html',
      '#top',
      '',
    ].map((href): [string, unknown, string, RegExp] => [
      `link href ${JSON.stringify(href)}`,
      doc(para(text('x'), { type: 'text', text: 'a', marks: [{ type: 'link', attrs: { href } }] })),
      'content[0].content[1].marks[0].attrs.href',
      /link href must be an http:, https: or mailto: URL or a site path/,
    ]),
    ['image without src', doc({ type: 'image', attrs: { alt: '' } }), 'content[0].attrs.src', /image src must be/],
    ['image src data:', doc({ type: 'image', attrs: { src: 'data:image/png;base64,AAAA' } }), 'content[0].attrs.src', /image src must be/],
    ['image src relative', doc({ type: 'image', attrs: { src: 'media/a.jpg' } }), 'content[0].attrs.src', /image src must be/],
    ['image caption not a string', doc({ type: 'image', attrs: { src: '/a.jpg', caption: 3 } }), 'content[0].attrs.caption', /caption must be a string/],
    ['image width zero', doc({ type: 'image', attrs: { src: '/a.jpg', width: 0 } }), 'content[0].attrs.width', /positive whole number/],
    ['image title attribute', doc({ type: 'image', attrs: { src: '/a.jpg', title: 't' } }), 'content[0].attrs.title', /unknown attribute "title"/],
    ['embed provider unknown', doc({ type: 'embed', attrs: { provider: 'tiktok', url: VIDEO } }), 'content[0].attrs.provider', /provider must be/],
    [
      'embed provider mismatch',
      doc({ type: 'embed', attrs: { provider: 'facebook', url: VIDEO } }),
      'content[0].attrs.url',
      /must be a Facebook post or video URL/,
    ],
    [
      'embed look-alike host',
      doc({ type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ' } }),
      'content[0].attrs.url',
      /must be a YouTube post or video URL/,
    ],
    [
      'embed of a profile, not a post',
      doc({ type: 'embed', attrs: { provider: 'x', url: 'https://x.com/prokashnews' } }),
      'content[0].attrs.url',
      /must be a X \(Twitter\) post or video URL/,
    ],
    // Seven blockquotes put the paragraph at depth 8 and its text at depth 9.
    ['too deep', deep(7), Array(9).fill('content[0]').join('.'), /deeper than 8 levels/],
  ];
  for (const [name, input, path, message] of cases) {
    assert.throws(
      () => parseDocument(input),
      (error: unknown) => {
        assert.ok(error instanceof DocumentError, `${name}: not a DocumentError`);
        assert.equal(error.path, path, name);
        assert.match(error.message, message, name);
        return true;
      },
      name,
    );
  }
});

test('parseDocument allows depth 8 and the size limits exactly, and no more', () => {
  let node: unknown = para(text('x'));
  for (let i = 0; i < 6; i++) node = { type: 'blockquote', content: [node] };
  assert.doesNotThrow(() => parseDocument(doc(node))); // text at depth 8

  const paragraphs = (n: number) => Array.from({ length: n }, () => para(text('x')));
  assert.doesNotThrow(() => parseDocument(doc(...paragraphs(2_499)))); // 1 + 2,499 × 2 = 4,999 nodes
  assert.throws(
    () => parseDocument(doc(...paragraphs(2_500))),
    (e: unknown) => e instanceof DocumentError && e.path === 'content[2499].content[0]' && /more than 5000 nodes/.test(e.message),
  );

  assert.doesNotThrow(() => parseDocument(doc(para(text('ক'.repeat(200_000))))));
  assert.throws(
    () => parseDocument(doc(para(text('ক'.repeat(199_999))), { type: 'image', attrs: { src: '/a.jpg', caption: 'ab' } })),
    (e: unknown) => e instanceof DocumentError && e.path === 'content[1].attrs.caption' && /more than 200000 characters/.test(e.message),
  );
});

test('DocumentError carries a stable code, status and path', () => {
  const error = new DocumentError('content[3].content[0]', 'a text node must have non-empty text');
  assert.equal(error.code, 'INVALID_DOCUMENT');
  assert.equal(error.statusCode, 422);
  assert.equal(error.name, 'DocumentError');
  assert.equal(error.message, 'a text node must have non-empty text (at content[3].content[0])');
  assert.ok(error instanceof Error);
});
