import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentError } from './document-error.ts';
import type { BlockNode, Doc, InlineNode, ListItemNode, Mark } from './document-types.ts';
import { documentFromHtml } from './from-html.ts';
import { renderDocumentHtml } from './render-html.ts';

const doc = (...content: BlockNode[]): Doc => ({ type: 'doc', content });
const p = (...content: InlineNode[]): BlockNode => ({ type: 'paragraph', content });
const t = (text: string, ...marks: Mark[]): InlineNode => (marks.length ? { type: 'text', text, marks } : { type: 'text', text });
const item = (text: string): ListItemNode => ({ type: 'list_item', content: [{ type: 'paragraph', content: [t(text)] }] });
const link = (href: string): Mark => ({ type: 'link', attrs: { href } });
const bold: Mark = { type: 'bold' };
const italic: Mark = { type: 'italic' };
const image = (attrs: Partial<{ src: string; alt: string; caption: string; credit: string; width: number; height: number }>): BlockNode => ({
  type: 'image',
  attrs: { src: '/media/kim.jpg', alt: '', caption: '', credit: '', ...attrs },
});

test('renderDocumentHtml renders every node and mark (table)', () => {
  const cases: Array<[string, Doc, string]> = [
    ['empty doc', doc(), ''],
    ['paragraph', doc(p(t('এক')), p(t('দুই'))), '<p>এক</p><p>দুই</p>'],
    ['empty paragraph and heading skipped', doc(p(), { type: 'heading', attrs: { level: 2 }, content: [] }, p(t('x'))), '<p>x</p>'],
    [
      'headings',
      doc(...([2, 3, 4] as const).map((level): BlockNode => ({ type: 'heading', attrs: { level }, content: [t(`h${level}`)] }))),
      '<h2>h2</h2><h3>h3</h3><h4>h4</h4>',
    ],
    ['hard break', doc(p(t('এক'), { type: 'hard_break' }, t('দুই'))), '<p>এক<br>দুই</p>'],
    [
      'bold and italic',
      doc(p(t('গাঢ়', bold), t(' '), t('বাঁকা', italic), t(' '), t('দুটোই', italic, bold))),
      '<p><strong>গাঢ়</strong> <em>বাঁকা</em> <strong><em>দুটোই</em></strong></p>',
    ],
    ['site link', doc(p(t('সংবাদ', link('/world/asia/251042')))), '<p><a href="/world/asia/251042" rel="noopener">সংবাদ</a></p>'],
    ['mailto link', doc(p(t('মেইল', link('mailto:desk@example.com')))), '<p><a href="mailto:desk@example.com" rel="noopener">মেইল</a></p>'],
    [
      'external link',
      doc(p(t('রয়টার্স', link('https://www.reuters.com/world/?a=1&b=2')))),
      '<p><a href="https://www.reuters.com/world/?a=1&amp;b=2" rel="nofollow noopener" target="_blank">রয়টার্স</a></p>',
    ],
    [
      'link spans its marked parts',
      doc(p(t('এক ', link('/a')), t('দুই', link('/a'), bold), t(' তিন', bold))),
      '<p><a href="/a" rel="noopener">এক <strong>দুই</strong></a><strong> তিন</strong></p>',
    ],
    ['marks closed around a break', doc(p(t('এক', bold), { type: 'hard_break' }, t('দুই', bold))), '<p><strong>এক</strong><br><strong>দুই</strong></p>'],
    ['blockquote', doc({ type: 'blockquote', content: [p(t('উক্তি'))] }), '<blockquote><p>উক্তি</p></blockquote>'],
    ['bullet list', doc({ type: 'bullet_list', content: [item('এক'), item('দুই')] }), '<ul><li><p>এক</p></li><li><p>দুই</p></li></ul>'],
    [
      'ordered list',
      doc({ type: 'ordered_list', attrs: { start: 1 }, content: [item('এক')] }, { type: 'ordered_list', attrs: { start: 4 }, content: [item('চার')] }),
      '<ol><li><p>এক</p></li></ol><ol start="4"><li><p>চার</p></li></ol>',
    ],
    ['horizontal rule', doc({ type: 'horizontal_rule' }), '<hr>'],
    [
      'image with caption, credit and size',
      doc(image({ alt: 'কিম ও পুতিন', caption: 'ভস্তোচনি মহাকাশ কেন্দ্রে বৈঠকের আগে দুই নেতা।', credit: 'রয়টার্স', width: 1200, height: 800 })),
      '<figure class="body-image"><img src="/media/kim.jpg" alt="কিম ও পুতিন" width="1200" height="800" loading="lazy" decoding="async"><figcaption>ভস্তোচনি মহাকাশ কেন্দ্রে বৈঠকের আগে দুই নেতা। <span class="credit">ছবি : রয়টার্স</span></figcaption></figure>',
    ],
    [
      'image whose credit was typed with its own prefix: the prefix once',
      doc(image({ caption: 'বৈঠকে', credit: 'ছবি : প্রকাশ' })),
      '<figure class="body-image"><img src="/media/kim.jpg" alt="" loading="lazy" decoding="async"><figcaption>বৈঠকে <span class="credit">ছবি : প্রকাশ</span></figcaption></figure>',
    ],
    [
      'image with caption only',
      doc(image({ caption: 'বৈঠকে' })),
      '<figure class="body-image"><img src="/media/kim.jpg" alt="" loading="lazy" decoding="async"><figcaption>বৈঠকে</figcaption></figure>',
    ],
    [
      'image with credit only',
      doc(image({ credit: 'এএফপি' })),
      '<figure class="body-image"><img src="/media/kim.jpg" alt="" loading="lazy" decoding="async"><figcaption><span class="credit">ছবি : এএফপি</span></figcaption></figure>',
    ],
    [
      'image alone',
      doc(image({ src: 'https://cdn.example.com/a.jpg' })),
      '<figure class="body-image"><img src="https://cdn.example.com/a.jpg" alt="" loading="lazy" decoding="async"></figure>',
    ],
    [
      'YouTube embed',
      doc({ type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s' } }),
      '<div class="embed embed-youtube" data-embed-provider="youtube" data-embed-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=42s"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=42s" rel="nofollow noopener" target="_blank">ইউটিউবে ভিডিওটি দেখুন</a></div>',
    ],
    [
      'Facebook embed',
      doc({ type: 'embed', attrs: { provider: 'facebook', url: 'https://www.facebook.com/prokashnews/posts/1' } }),
      '<div class="embed embed-facebook" data-embed-provider="facebook" data-embed-url="https://www.facebook.com/prokashnews/posts/1"><a href="https://www.facebook.com/prokashnews/posts/1" rel="nofollow noopener" target="_blank">ফেসবুকে পোস্টটি দেখুন</a></div>',
    ],
    [
      'X embed',
      doc({ type: 'embed', attrs: { provider: 'x', url: 'https://x.com/prokashnews/status/1' } }),
      '<div class="embed embed-x" data-embed-provider="x" data-embed-url="https://x.com/prokashnews/status/1"><a href="https://x.com/prokashnews/status/1" rel="nofollow noopener" target="_blank">এক্সে (টুইটারে) পোস্টটি দেখুন</a></div>',
    ],
  ];
  for (const [name, input, expected] of cases) assert.equal(renderDocumentHtml(input), expected, name);
});

test('renderDocumentHtml escapes every value', () => {
  const nasty = `<script>alert("x")</script> & 'q'`;
  const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;';
  assert.equal(renderDocumentHtml(doc(p(t(nasty)))), `<p>${escaped}</p>`);
  const html = renderDocumentHtml(doc(image({ src: '/a.jpg?x="><script>', alt: nasty, caption: nasty, credit: nasty })));
  assert.ok(!html.includes('<script'), html);
  assert.equal(html.split(escaped).length - 1, 3, 'alt, caption and credit escaped');
  assert.match(html, /src="\/a\.jpg\?x=&quot;&gt;&lt;script&gt;"/);
  assert.match(renderDocumentHtml(doc(p(t('x', link('/a?b="c"&d'))))), /href="\/a\?b=&quot;c&quot;&amp;d"/);
});

test('renderDocumentHtml keeps Bengali text byte for byte', () => {
  const sample = 'র\u200D্যাব ক্\u200Cষ \u09DF\u09AF\u09BC ক\u09C7\u09BE';
  assert.deepEqual(Buffer.from(renderDocumentHtml(doc(p(t(sample))))), Buffer.from(`<p>${sample}</p>`));
});

test('embeds make no request to the provider until the reader acts', () => {
  const html = renderDocumentHtml(
    documentFromHtml(
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe><blockquote class="twitter-tweet"><a href="https://twitter.com/a/status/1">d</a></blockquote><script src="https://platform.twitter.com/widgets.js"></script>',
    ),
  );
  assert.doesNotMatch(html, /<(?:iframe|script|img|link|object|embed|video)\b/);
  assert.doesNotMatch(html, /\ssrc=/);
  assert.equal(html.match(/<a href="https:\/\/(?:www\.youtube\.com|twitter\.com)\//g)?.length, 2);
});

test('renderDocumentHtml refuses what it does not know', () => {
  const bad = (value: unknown) => value as Doc;
  const cases: Array<[string, Doc, RegExp]> = [
    ['unknown node', bad({ type: 'doc', content: [{ type: 'video', attrs: {} }] }), /unknown node type "video"/],
    ['unknown inline node', bad({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'mention' }] }] }), /unknown inline node type "mention"/],
    [
      'unknown mark',
      bad({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'underline' }] }] }] }),
      /unknown mark type "underline"/,
    ],
    [
      'unknown list child',
      bad({ type: 'doc', content: [{ type: 'bullet_list', content: [{ type: 'paragraph', content: [] }] }] }),
      /unknown list item type "paragraph"/,
    ],
    ['heading level injection', bad({ type: 'doc', content: [{ type: 'heading', attrs: { level: '2 onclick=x' }, content: [t('x')] }] }), /heading level/],
    ['javascript link', bad(doc(p(t('x', link('javascript:alert(1)'))))), /link href/],
    ['unsafe image', bad(doc(image({ src: 'javascript:alert(1)' }))), /image src/],
    ['embed of another site', bad({ type: 'doc', content: [{ type: 'embed', attrs: { provider: 'youtube', url: 'https://evil.example/' } }] }), /embed/],
  ];
  for (const [name, input, message] of cases) {
    assert.throws(
      () => renderDocumentHtml(input),
      (e: unknown) => e instanceof DocumentError && message.test(e.message),
      name,
    );
  }
});
