import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentError } from './document-error.ts';
import type { BlockNode, Doc, EmbedProvider, HeadingLevel, InlineNode, ListItemNode, Mark, ParagraphNode, TextNode } from './document-types.ts';
import { documentFromHtml } from './from-html.ts';
import { parseDocument } from './validate-document.ts';

const doc = (...content: BlockNode[]): Doc => ({ type: 'doc', content });
const p = (...content: InlineNode[]): ParagraphNode => ({ type: 'paragraph', content });
const t = (text: string, ...marks: Mark[]): TextNode => (marks.length ? { type: 'text', text, marks } : { type: 'text', text });
const br: InlineNode = { type: 'hard_break' };
const bold: Mark = { type: 'bold' };
const italic: Mark = { type: 'italic' };
const link = (href: string): Mark => ({ type: 'link', attrs: { href } });
const h = (level: HeadingLevel, ...content: InlineNode[]): BlockNode => ({ type: 'heading', attrs: { level }, content });
const li = (first: ParagraphNode, ...rest: BlockNode[]): ListItemNode => ({ type: 'list_item', content: [first, ...rest] });
const ul = (...content: ListItemNode[]): BlockNode => ({ type: 'bullet_list', content });
const ol = (start: number, ...content: ListItemNode[]): BlockNode => ({ type: 'ordered_list', attrs: { start }, content });
const quote = (...content: BlockNode[]): BlockNode => ({ type: 'blockquote', content });
const img = (src: string, more: Partial<{ alt: string; caption: string; credit: string; width: number; height: number }> = {}): BlockNode => ({
  type: 'image',
  attrs: { src, alt: '', caption: '', credit: '', ...more },
});
const embed = (provider: EmbedProvider, url: string): BlockNode => ({ type: 'embed', attrs: { provider, url } });
const VIDEO = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

const CASES: Array<[string, string, Doc]> = [
  // structure
  ['paragraphs', '<p>প্রথম</p>\n  <p>দ্বিতীয়</p>', doc(p(t('প্রথম')), p(t('দ্বিতীয়')))],
  ['bare text at block level', 'শুরু<div>মাঝে</div>শেষ', doc(p(t('শুরু')), p(t('মাঝে')), p(t('শেষ')))],
  [
    'headings fold to 2–4',
    '<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5><h6>f</h6>',
    doc(h(2, t('a')), h(2, t('b')), h(3, t('c')), h(4, t('d')), h(4, t('e')), h(4, t('f'))),
  ],
  ['blockquote wraps bare text', '<blockquote>উক্তি <b>এক</b></blockquote>', doc(quote(p(t('উক্তি '), t('এক', bold))))],
  ['br is a hard break', '<p>এক<br>দুই<br/>তিন</p>', doc(p(t('এক'), br, t('দুই'), br, t('তিন')))],
  ['double br ends a paragraph', 'এক<br><br>\n<br>দুই', doc(p(t('এক')), p(t('দুই')))],
  ['edge breaks dropped', '<p><br>এক<br></p><p><br></p>', doc(p(t('এক')))],
  ['hr', '<p>a</p><hr><p>b</p>', doc(p(t('a')), { type: 'horizontal_rule' }, p(t('b')))],
  ['empty and spacer paragraphs dropped', '<p></p><p>&nbsp;</p><p> <b> </b> </p><h2></h2><p>x</p>', doc(p(t('x')))],
  ['empty input', '  \n ', doc()],
  ['whole document', '<!DOCTYPE html><html><head><title>শিরোনাম</title><meta charset="utf-8"></head><body><p>দেহ</p></body></html>', doc(p(t('দেহ')))],
  ['comments dropped', '<p>a<!-- <b>hidden</b> -->b</p>', doc(p(t('ab')))],
  ['tables unwrapped into paragraphs', '<table><tr><td>এক</td><td>দুই</td></tr></table>', doc(p(t('এক')), p(t('দুই')))],
  ['unknown inline elements unwrapped', '<p><span style="color:red">লাল</span> <font face="SutonnyMJ">ফন্ট</font> <u>নিচে</u></p>', doc(p(t('লাল ফন্ট নিচে')))],
  ['image inside a paragraph splits it', '<p>আগে<img src="/media/a.jpg">পরে</p>', doc(p(t('আগে')), img('/media/a.jpg'), p(t('পরে')))],
  // lists
  ['lists', '<ul><li>এক</li><li>দুই</li></ul><ol><li>প্রথম</li></ol>', doc(ul(li(p(t('এক'))), li(p(t('দুই')))), ol(1, li(p(t('প্রথম')))))],
  ['ordered list start', '<ol start="5"><li>পাঁচ</li></ol><ol start="x"><li>এক</li></ol>', doc(ol(5, li(p(t('পাঁচ')))), ol(1, li(p(t('এক')))))],
  [
    'nested lists',
    '<ul><li>এক<ul><li>এক.এক<ol><li>গভীর</li></ol></li></ul></li><li>দুই</li></ul>',
    doc(ul(li(p(t('এক')), ul(li(p(t('এক.এক')), ol(1, li(p(t('গভীর'))))))), li(p(t('দুই'))))),
  ],
  ['list directly in a list joins the item before', '<ul><li>এক</li><ul><li>ভেতরে</li></ul></ul>', doc(ul(li(p(t('এক')), ul(li(p(t('ভেতরে')))))))],
  ['unclosed li', '<ul><li>এক<li>দুই</ul>', doc(ul(li(p(t('এক'))), li(p(t('দুই')))))],
  [
    'item starting with a block gets an empty paragraph first',
    '<ul><li><h3>শিরোনাম</h3>লেখা</li><li></li></ul>',
    doc(ul(li(p(), h(3, t('শিরোনাম')), p(t('লেখা'))))),
  ],
  ['loose content in a list becomes an item', '<ul>আলগা <b>লেখা</b><li>এক</li></ul>', doc(ul(li(p(t('আলগা '), t('লেখা', bold))), li(p(t('এক')))))],
  // marks
  ['bold and italic', '<p><strong>a</strong><b>b</b><em>c</em><i>d</i><b><i>e</i></b></p>', doc(p(t('ab', bold), t('cd', italic), t('e', bold, italic)))],
  ['nested bold is one mark', '<p><b>a<b>b</b></b></p>', doc(p(t('ab', bold)))],
  [
    'link with bold inside',
    '<p><a href="https://example.com/a"><b>গাঢ়</b> লিংক</a></p>',
    doc(p(t('গাঢ়', link('https://example.com/a'), bold), t(' লিংক', link('https://example.com/a')))),
  ],
  ['inner link wins', '<p><a href="/a">x<a href="/b">y</a></a></p>', doc(p(t('x', link('/a')), t('y', link('/b'))))],
  [
    'site path, mailto and protocol-relative links',
    '<p><a href="/world/asia/251042">এক</a> <a href="mailto:desk@example.com">দুই</a> <a href=" //example.com/x ">তিন</a></p>',
    doc(p(t('এক', link('/world/asia/251042')), t(' '), t('দুই', link('mailto:desk@example.com')), t(' '), t('তিন', link('https://example.com/x')))),
  ],
  ['relative and fragment links lose their target', '<p><a href="page.html">এক</a> <a href="#note">দুই</a> <a name="x">তিন</a></p>', doc(p(t('এক দুই তিন')))],
  // sanitising
  ['script removed', '<p>আগে</p><script>alert(1)</script><p>পরে<script>document.write("<p>x</p>")</script></p>', doc(p(t('আগে')), p(t('পরে')))],
  [
    'style, noscript, template, svg contents dropped',
    '<style>p{color:red}</style><noscript><p>no js</p></noscript><template><p>t</p></template><svg><text>s</text></svg><p>থাকে</p>',
    doc(p(t('থাকে'))),
  ],
  ['javascript: href neutralised', '<p><a href="javascript:alert(1)">ক্লিক</a></p>', doc(p(t('ক্লিক')))],
  [
    'obfuscated javascript: hrefs neutralised',
    '<p><a href="JaVaScRiPt:alert(1)">a</a><a href=" javascript:alert(1)">b</a><a href="&#106;avascript:alert(1)">c</a><a href="java&#x09;script:alert(1)">d</a><a href="data:text/html,x">e</a></p>',
    doc(p(t('abcde'))),
  ],
  [
    'event handler attributes gone',
    '<p onclick="alert(1)">ক</p><img src="/media/x.jpg" onerror="alert(1)" alt="ছবি">',
    doc(p(t('ক')), img('/media/x.jpg', { alt: 'ছবি' })),
  ],
  ['unsafe image sources dropped', '<img src="javascript:alert(1)"><img src="data:image/png;base64,AAAA"><img src="x.jpg"><img>', doc()],
  [
    'unknown iframes dropped with their fallback',
    '<iframe src="https://evil.example/"><p>fallback</p></iframe><iframe src="javascript:alert(1)"></iframe>',
    doc(),
  ],
  ['svg onload gone', '<svg onload="alert(1)"><script>alert(1)</script></svg><p>ঠিক</p>', doc(p(t('ঠিক')))],
  ['control characters removed', '<p>a\u0000b\u000Bc\u001Fd</p>', doc(p(t('abcd')))],
  // text
  ['entities decoded', '<p>&amp; &lt;b&gt; &quot;q&quot; &#2453;&#x9BE; &copy; &bogus;</p>', doc(p(t('& <b> "q" কা © &bogus;')))],
  ['whitespace collapsed as a browser does', '<p>\n  এক   দুই\t\tতিন \n</p>', doc(p(t('এক দুই তিন')))],
  ['NBSP is text, not collapsible space', '<p>এক&nbsp;&nbsp;দুই&nbsp;</p>', doc(p(t('এক\u00A0\u00A0দুই\u00A0')))],
  ['space between inline elements kept once', '<p><b>এক </b> <i> দুই</i></p>', doc(p(t('এক ', bold), t('দুই', italic)))],
  ['space before a break dropped', '<p>এক <br> দুই</p>', doc(p(t('এক'), br, t('দুই')))],
  // images and captions
  [
    'image with size',
    '<img src="https://cdn.example.com/a.jpg" alt="  কিম  ও\nপুতিন " width="1200" height="800">',
    doc(img('https://cdn.example.com/a.jpg', { alt: 'কিম ও পুতিন', width: 1200, height: 800 })),
  ],
  ['bad sizes ignored', '<img src="/a.jpg" width="100%" height="0">', doc(img('/a.jpg'))],
  ['lazy data-src preferred', '<img src="/placeholder.gif" data-src="/media/real.jpg">', doc(img('/media/real.jpg'))],
  [
    'figure caption and credit',
    '<figure><img src="/media/kim.jpg" alt="কিম"><figcaption>ভস্তোচনি মহাকাশ কেন্দ্রে বৈঠকের আগে দুই নেতা। <span class="credit">ছবি : রয়টার্স</span></figcaption></figure>',
    doc(img('/media/kim.jpg', { alt: 'কিম', caption: 'ভস্তোচনি মহাকাশ কেন্দ্রে বৈঠকের আগে দুই নেতা।', credit: 'রয়টার্স' })),
  ],
  [
    'figure caption without credit',
    '<figure><p><img src="/a.jpg"></p><figcaption> ছবির <b>বর্ণনা</b> </figcaption></figure>',
    doc(img('/a.jpg', { caption: 'ছবির বর্ণনা' })),
  ],
  [
    'caption goes to the first image only',
    '<figure><img src="/a.jpg"><img src="/b.jpg"><figcaption>ক</figcaption></figure><img src="/c.jpg">',
    doc(img('/a.jpg', { caption: 'ক' }), img('/b.jpg'), img('/c.jpg')),
  ],
  [
    'figure without an image keeps its caption as text',
    '<figure><blockquote>উক্তি</blockquote><figcaption>— বক্তা</figcaption></figure>',
    doc(quote(p(t('উক্তি'))), p(t('— বক্তা'))),
  ],
  // embeds
  ['YouTube iframe', '<iframe width="560" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc" allowfullscreen></iframe>', doc(embed('youtube', VIDEO))],
  [
    'protocol-relative nocookie iframe with start',
    '<p><iframe src="//www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42"></iframe></p>',
    doc(embed('youtube', `${VIDEO}&t=42s`)),
  ],
  [
    'Facebook plugin iframe',
    `<iframe src="https://www.facebook.com/plugins/video.php?href=${encodeURIComponent('https://www.facebook.com/prokashnews/videos/123456/')}&show_text=0"></iframe>`,
    doc(embed('facebook', 'https://www.facebook.com/prokashnews/videos/123456/')),
  ],
  [
    'X embed iframe',
    '<iframe src="https://platform.twitter.com/embed/Tweet.html?id=1701980000000000000"></iframe>',
    doc(embed('x', 'https://x.com/i/status/1701980000000000000')),
  ],
  [
    'X embed code',
    '<blockquote class="twitter-tweet"><p lang="bn" dir="ltr">টুইট</p>&mdash; প্রকাশ (@prokashnews) <a href="https://twitter.com/prokashnews/status/1701980000000000000?ref_src=twsrc%5Etfw">September 13, 2023</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>',
    doc(embed('x', 'https://twitter.com/prokashnews/status/1701980000000000000')),
  ],
  [
    'Facebook embed code',
    '<div class="fb-post" data-href="https://www.facebook.com/prokashnews/posts/pfbid02abc" data-width="500"><blockquote>fallback</blockquote></div>',
    doc(embed('facebook', 'https://www.facebook.com/prokashnews/posts/pfbid02abc')),
  ],
  [
    'lone link to a video',
    `<p><a href="${VIDEO}">${VIDEO}</a></p><p> https://x.com/prokashnews/status/1 </p>`,
    doc(embed('youtube', VIDEO), embed('x', 'https://x.com/prokashnews/status/1')),
  ],
  ['link with its own words stays a link', `<p><a href="${VIDEO}">ভিডিওটি দেখুন</a></p>`, doc(p(t('ভিডিওটি দেখুন', link(VIDEO))))],
  ['look-alike player dropped', '<iframe src="https://www.youtube.com.evil.example/embed/dQw4w9WgXcQ"></iframe>', doc()],
];

test('documentFromHtml converts and sanitises (table)', () => {
  for (const [name, html, expected] of CASES) {
    const actual = documentFromHtml(html);
    assert.deepEqual(actual, expected, name);
    assert.deepEqual(parseDocument(actual), actual, `${name}: passes parseDocument`);
  }
});

test('documentFromHtml keeps Bengali text byte for byte (ZWJ, ZWNJ, unnormalised forms)', () => {
  const samples = ['র\u200D্যাব', 'ক্\u200Cষ', '\u09DF\u09AF\u09BC', 'ক\u09C7\u09BE', 'আ\u200Cই\u200Dএ'];
  for (const sample of samples) {
    const result = documentFromHtml(`<p><b>${sample}</b> ${sample}</p>`);
    assert.deepEqual(result, doc(p(t(sample, bold), t(` ${sample}`))), sample);
    const texts = (result.content[0] as ParagraphNode).content as TextNode[];
    assert.deepEqual(Buffer.from(texts.map((n) => n.text).join('')), Buffer.from(`${sample} ${sample}`), sample);
  }
});

test('documentFromHtml flattens nesting the schema cannot hold, keeping the text', () => {
  const quotes = `${'<blockquote>'.repeat(10)}গভীর${'</blockquote>'.repeat(10)}`;
  const lists = `${'<ul><li>'.repeat(5)}গভীর${'</li></ul>'.repeat(5)}`;
  // Past 100 levels the tags are flattened; past 512 the fragment is refused (hostile-html.test.ts).
  const spans = `<p>${'<span>'.repeat(500)}গভীর${'</span>'.repeat(500)}</p>`;
  for (const html of [quotes, lists, spans]) {
    const result = documentFromHtml(html);
    assert.deepEqual(parseDocument(result), result);
    assert.match(JSON.stringify(result), /গভীর/);
  }
  // Six blockquotes fit (their text sits at depth 8); the seventh is unwrapped.
  let depth = 0;
  let node: BlockNode | undefined = documentFromHtml(quotes).content[0];
  while (node?.type === 'blockquote') [depth, node] = [depth + 1, node.content[0]];
  assert.equal(depth, 6);
});

test('documentFromHtml reports a body over the size limits', () => {
  assert.throws(
    () => documentFromHtml('<p>x</p>'.repeat(2_500)),
    (e: unknown) => e instanceof DocumentError && /more than 5000 nodes/.test(e.message),
  );
});
